//! Where each value of a RON document starts, by path (`countries[3].periods[1].end`).
//!
//! serde tells us the first syntax error with its line and column, but problems
//! found after parsing (an unknown country, overlapping periods) need positions
//! too: users fix files by line and column. This small scanner walks the same
//! text and records where every value begins, so a check can report
//! `FILE:LINE:COL` for any field it complains about.
//!
//! It runs only on text that serde has already parsed, so it can be forgiving:
//! it never fails, and gives up quietly on anything it does not understand.

use std::collections::HashMap;

/// A 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, counting characters.
    pub col: usize,
}

/// Start positions of values by path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    starts: HashMap<String, LineCol>,
}

impl SpanIndex {
    /// Indexes a RON document.
    pub fn new(text: &str) -> Self {
        let mut scanner =
            Scanner { chars: text.char_indices().peekable(), line: 1, col: 1, starts: HashMap::new(), depth: 0 };
        scanner.value(String::new());
        Self { starts: scanner.starts }
    }

    /// Where the value at `path` starts; for a missing path, the nearest enclosing
    /// value that exists (a missing field is reported at its struct).
    pub fn locate(&self, path: &str) -> LineCol {
        let mut path = path;
        loop {
            if let Some(&at) = self.starts.get(path) {
                return at;
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => {
                    return self.starts.get("").copied().unwrap_or(LineCol { line: 1, col: 1 });
                }
            }
        }
    }
}

/// Nesting deeper than this is not indexed (serde refuses such files anyway).
const MAX_DEPTH: usize = 128;

struct Scanner<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: usize,
    col: usize,
    starts: HashMap<String, LineCol>,
    depth: usize,
}

impl Scanner<'_> {
    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|&(_, c)| c)
    }

    fn bump(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn here(&self) -> LineCol {
        LineCol { line: self.line, col: self.col }
    }

    /// Skips whitespace, comments and `#![enable(...)]` attributes.
    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                }
                Some('/') => {
                    let mut ahead = self.chars.clone();
                    ahead.next();
                    match ahead.peek().map(|&(_, c)| c) {
                        Some('/') => {
                            while let Some(c) = self.bump() {
                                if c == '\n' {
                                    break;
                                }
                            }
                        }
                        Some('*') => {
                            self.bump();
                            self.bump();
                            let mut nesting = 1;
                            let mut previous = '\0';
                            while let Some(c) = self.bump() {
                                if previous == '*' && c == '/' {
                                    nesting -= 1;
                                    if nesting == 0 {
                                        break;
                                    }
                                    previous = '\0';
                                    continue;
                                }
                                if previous == '/' && c == '*' {
                                    nesting += 1;
                                    previous = '\0';
                                    continue;
                                }
                                previous = c;
                            }
                        }
                        _ => return,
                    }
                }
                Some('#') => {
                    while let Some(c) = self.bump() {
                        if c == ']' {
                            break;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn identifier(&mut self) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' || c == '#' {
                out.push(c);
                self.bump();
            } else {
                break;
            }
        }
        out
    }

    fn string(&mut self) {
        // At '"' or 'r' of a raw string.
        if self.peek() == Some('r') {
            self.bump();
            let mut hashes = 0;
            while self.peek() == Some('#') {
                hashes += 1;
                self.bump();
            }
            self.bump(); // opening quote
            loop {
                match self.bump() {
                    None => return,
                    Some('"') => {
                        let mut closing = 0;
                        while closing < hashes && self.peek() == Some('#') {
                            closing += 1;
                            self.bump();
                        }
                        if closing == hashes {
                            return;
                        }
                    }
                    Some(_) => {}
                }
            }
        }
        self.bump(); // opening quote
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    /// Scans one value, recording its start under `path`.
    fn value(&mut self, path: String) {
        self.skip_trivia();
        let here = self.here();
        self.starts.entry(path.clone()).or_insert(here);
        if self.depth >= MAX_DEPTH {
            return;
        }
        match self.peek() {
            Some('"') => self.string(),
            Some('\'') => {
                self.bump();
                while let Some(c) = self.bump() {
                    if c == '\\' {
                        self.bump();
                    } else if c == '\'' {
                        break;
                    }
                }
            }
            Some('[') => {
                self.bump();
                self.sequence(&path, ']');
            }
            Some('{') => {
                self.bump();
                self.map(&path);
            }
            Some('(') => {
                self.bump();
                self.parenthesised(&path);
            }
            Some('r') if self.is_raw_string() => self.string(),
            Some(c) if c.is_alphabetic() || c == '_' => {
                let name = self.identifier();
                self.skip_trivia();
                if self.peek() == Some('(') {
                    self.bump();
                    // `Some(x)` is transparent: its contents have the same path.
                    if name == "Some" {
                        self.depth += 1;
                        self.value(path.clone());
                        self.depth -= 1;
                        self.skip_trivia();
                        if self.peek() == Some(')') {
                            self.bump();
                        }
                    } else {
                        self.parenthesised(&path);
                    }
                }
            }
            Some(_) => {
                // A number, or something serde would have refused: skip to a delimiter.
                while let Some(c) = self.peek() {
                    if matches!(c, ',' | ')' | ']' | '}') || c.is_whitespace() {
                        break;
                    }
                    self.bump();
                }
            }
            None => {}
        }
    }

    fn is_raw_string(&mut self) -> bool {
        let mut ahead = self.chars.clone();
        ahead.next();
        matches!(ahead.peek().map(|&(_, c)| c), Some('"' | '#'))
    }

    /// After '(': named fields `a: 1, b: 2` or tuple items `1, 2`.
    fn parenthesised(&mut self, path: &str) {
        self.depth += 1;
        self.skip_trivia();
        let mut ahead = self.chars.clone();
        let mut is_struct = false;
        // Look for `identifier :` at the start.
        let mut saw_ident = false;
        while let Some(&(_, c)) = ahead.peek() {
            if c.is_alphanumeric() || c == '_' {
                saw_ident = true;
                ahead.next();
            } else {
                break;
            }
        }
        if saw_ident {
            while let Some(&(_, c)) = ahead.peek() {
                if c == ' ' || c == '\t' {
                    ahead.next();
                } else {
                    break;
                }
            }
            if let Some(&(_, ':')) = ahead.peek() {
                ahead.next();
                is_struct = ahead.peek().map(|&(_, c)| c) != Some(':');
            }
        }
        if is_struct {
            loop {
                self.skip_trivia();
                match self.peek() {
                    Some(')') | None => {
                        self.bump();
                        break;
                    }
                    Some(',') => {
                        self.bump();
                    }
                    Some(_) => {
                        let field = self.identifier();
                        if field.is_empty() {
                            self.bump();
                            continue;
                        }
                        self.skip_trivia();
                        if self.peek() == Some(':') {
                            self.bump();
                        }
                        let child = if path.is_empty() { field } else { format!("{path}.{field}") };
                        self.value(child);
                    }
                }
            }
        } else {
            self.sequence(path, ')');
        }
        self.depth -= 1;
    }

    fn sequence(&mut self, path: &str, close: char) {
        self.depth += 1;
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => break,
                Some(c) if c == close => {
                    self.bump();
                    break;
                }
                Some(',') => {
                    self.bump();
                }
                Some(_) => {
                    let before = self.here();
                    self.value(format!("{path}[{index}]"));
                    index += 1;
                    if self.here() == before {
                        self.bump(); // never loop on a character we cannot read
                    }
                }
            }
        }
        self.depth -= 1;
    }

    fn map(&mut self, path: &str) {
        self.depth += 1;
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => break,
                Some('}') => {
                    self.bump();
                    break;
                }
                Some(',') => {
                    self.bump();
                }
                Some(_) => {
                    let before = self.here();
                    self.value(format!("{path}{{{index}}}"));
                    self.skip_trivia();
                    if self.peek() == Some(':') {
                        self.bump();
                    }
                    self.value(format!("{path}[{index}]"));
                    index += 1;
                    if self.here() == before {
                        self.bump();
                    }
                }
            }
        }
        self.depth -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"// a comment
Organisation(
    short_name: "NATO",
    countries: [
        Country(iso3: "FIN", periods: [
            Period(status: partner, start: "1994-05-09", end: "2023-04-04"),
            Period(status: member, start: "2023-04-04"), /* note */
        ]),
    ],
    pair: (1, 2),
    maybe: Some("x"),
)
"#;

    #[test]
    fn fields_and_list_items_are_located_by_path() {
        let index = SpanIndex::new(DOC);
        assert_eq!(index.locate("short_name"), LineCol { line: 3, col: 17 });
        assert_eq!(index.locate("countries[0].iso3"), LineCol { line: 5, col: 23 });
        assert_eq!(index.locate("countries[0].periods[1].start"), LineCol { line: 7, col: 43 });
        assert_eq!(index.locate("countries[0].periods[0].end"), LineCol { line: 6, col: 63 });
        assert_eq!(index.locate("pair[1]"), LineCol { line: 10, col: 15 });
        assert_eq!(index.locate("maybe"), LineCol { line: 11, col: 12 });
    }

    #[test]
    fn a_missing_path_falls_back_to_its_nearest_parent() {
        let index = SpanIndex::new(DOC);
        assert_eq!(index.locate("countries[0].periods[1].end"), index.locate("countries[0].periods[1]"));
        assert_eq!(index.locate("nowhere"), LineCol { line: 2, col: 1 });
    }

    #[test]
    fn garbage_and_deep_nesting_do_not_hang_or_panic() {
        for text in ["", "(((((", "[[[[", "\"unterminated", "/* open", "a: b: c", "{1:2,,}", &"[".repeat(100_000)] {
            let _ = SpanIndex::new(text).locate("x[0]");
        }
    }
}
