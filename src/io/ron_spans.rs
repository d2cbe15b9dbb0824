//! Where each value of a RON document starts, by path (`countries[3].periods[1].end`).
//!
//! serde tells us the first syntax error with its line and column, but problems
//! found after parsing (an unknown country, overlapping periods) need positions
//! too: users fix files by line and column. This small walker goes over the
//! same text's tokens (from [`super::ron_tokens`]) and records where every value
//! begins, so a check can report `FILE:LINE:COL` for any field it complains about.
//!
//! It mostly runs on text that serde has parsed, so it can be forgiving: it never
//! fails, and gives up quietly on anything it does not understand.

use std::collections::{HashMap, VecDeque};

use super::ron_tokens::{Lexer, Token, TokenKind};

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
        let mut walker = Walker {
            text,
            lexer: Lexer::new(text),
            ahead: VecDeque::new(),
            taken: 0,
            starts: HashMap::new(),
            depth: 0,
        };
        walker.value(String::new());
        Self { starts: walker.starts }
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

/// Nesting deeper than this is not indexed (serde refuses such files anyway), so
/// absurd nesting neither overflows the stack nor takes long.
const MAX_DEPTH: usize = 128;

/// Walks the tokens once, front to back, looking at most three tokens ahead.
struct Walker<'a> {
    text: &'a str,
    lexer: Lexer<'a>,
    /// Tokens read from the lexer but not yet taken.
    ahead: VecDeque<Token>,
    /// How many tokens were taken: tells whether a step made progress.
    taken: usize,
    starts: HashMap<String, LineCol>,
    depth: usize,
}

impl Walker<'_> {
    fn peek(&mut self, n: usize) -> Option<&Token> {
        while self.ahead.len() <= n {
            let token = self.lexer.next()?;
            self.ahead.push_back(token);
        }
        self.ahead.get(n)
    }

    fn take(&mut self) -> Option<Token> {
        let token = self.ahead.pop_front().or_else(|| self.lexer.next())?;
        self.taken += 1;
        Some(token)
    }

    /// The punctuation character `n` tokens ahead, if that token is one.
    fn punct(&mut self, n: usize) -> Option<char> {
        match self.peek(n)?.kind {
            TokenKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// Where the next token starts, or the end of the text.
    fn here(&mut self) -> LineCol {
        match self.peek(0) {
            Some(token) => token.at,
            None => self.lexer.here(),
        }
    }

    /// Walks one value, recording its start under `path`.
    fn value(&mut self, path: String) {
        let here = self.here();
        self.starts.entry(path.clone()).or_insert(here);
        if self.depth >= MAX_DEPTH {
            return;
        }
        let Some(token) = self.peek(0).cloned() else { return };
        match token.kind {
            // Not a value: the enclosing list deals with it.
            TokenKind::Punct(',' | ')' | ']' | '}') => {}
            TokenKind::Punct('[') => {
                self.take();
                self.sequence(&path, ']');
            }
            TokenKind::Punct('{') => {
                self.take();
                self.map(&path);
            }
            TokenKind::Punct('(') => {
                self.take();
                self.parenthesised(&path);
            }
            TokenKind::Identifier => {
                self.take();
                if self.punct(0) == Some('(') {
                    self.take();
                    // `Some(x)` is transparent: its contents have the same path.
                    if token.text(self.text) == "Some" {
                        self.depth += 1;
                        self.value(path);
                        self.depth -= 1;
                        if self.punct(0) == Some(')') {
                            self.take();
                        }
                    } else {
                        self.parenthesised(&path);
                    }
                }
            }
            // A string, character, number, or something serde would have refused.
            _ => {
                self.take();
            }
        }
    }

    /// After '(': named fields `a: 1, b: 2` or tuple items `1, 2`.
    fn parenthesised(&mut self, path: &str) {
        self.depth += 1;
        // Named fields start with `identifier :` (and not `identifier ::`).
        let is_struct = self.peek(0).is_some_and(|t| t.kind == TokenKind::Identifier)
            && self.punct(1) == Some(':')
            && match (self.peek(1).map(|t| t.bytes.end), self.peek(2)) {
                (Some(colon_end), Some(next)) => !(next.is_punct(':') && next.bytes.start == colon_end),
                _ => true,
            };
        if is_struct {
            loop {
                match self.peek(0).map(|t| t.kind.clone()) {
                    None => break,
                    Some(TokenKind::Punct(')')) => {
                        self.take();
                        break;
                    }
                    Some(TokenKind::Identifier) => {
                        let field = self.take().map_or("", |t| t.text(self.text));
                        let child = if path.is_empty() { field.to_owned() } else { format!("{path}.{field}") };
                        if self.punct(0) == Some(':') {
                            self.take();
                        }
                        self.value(child);
                    }
                    // Commas, and anything that is not a field name.
                    Some(_) => {
                        self.take();
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
            match self.peek(0) {
                None => break,
                Some(token) if token.is_punct(close) => {
                    self.take();
                    break;
                }
                Some(token) if token.is_punct(',') => {
                    self.take();
                }
                Some(_) => {
                    let before = self.taken;
                    self.value(format!("{path}[{index}]"));
                    index += 1;
                    if self.taken == before {
                        self.take(); // never loop on a token we cannot read
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
            match self.peek(0) {
                None => break,
                Some(token) if token.is_punct('}') => {
                    self.take();
                    break;
                }
                Some(token) if token.is_punct(',') => {
                    self.take();
                }
                Some(_) => {
                    let before = self.taken;
                    self.value(format!("{path}{{{index}}}"));
                    if self.punct(0) == Some(':') {
                        self.take();
                    }
                    self.value(format!("{path}[{index}]"));
                    index += 1;
                    if self.taken == before {
                        self.take();
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
