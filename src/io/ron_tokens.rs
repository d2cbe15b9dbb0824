//! One small lexer for the RON text people write, shared by everything in `io`
//! that looks at RON text itself rather than through serde: where values start
//! ([`super::ron_spans`]), which date literals are impossible days and what kind
//! of file a text is ([`super::ron_text`]).
//!
//! Having one lexer means one idea of what a comment, a string or an attribute
//! is: a date inside a `/* */` comment is never a date, wherever it is looked for.
//! Like serde, it counts positions as 1-based lines and columns in characters, so
//! positions from here and from serde's errors agree.
//!
//! It never fails and never panics: an unterminated string or comment just runs
//! to the end of the text, and any character it does not understand becomes part
//! of an [`TokenKind::Atom`]. Serde says what is wrong with such text; this only
//! has to keep going.

use std::ops::Range;

use super::ron_spans::LineCol;

/// What a token is. Whitespace, `//` and nested `/* */` comments and `#![...]`
/// attributes are not tokens: they are skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A name: struct and field names, enum variants, `true`, `Some`; raw
    /// identifiers (`r#name`) included.
    Identifier,
    /// A string literal, quoted (`"..."`, with escapes) or raw (`r#"..."#`).
    Str {
        /// The bytes between the delimiters, as written (escapes not decoded).
        contents: Range<usize>,
        /// Whether the closing delimiter was found before the end of the text.
        closed: bool,
    },
    /// A character literal (`'a'`).
    Char,
    /// Anything else up to the next delimiter or whitespace: numbers (`-1.5e3`,
    /// `0x1F`), and characters RON does not allow, so that nothing is lost.
    Atom,
    /// One of `( ) [ ] { } , :`.
    Punct(char),
}

/// One token with where it is, so callers can report positions and slice the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Its bytes in the text, delimiters included.
    pub bytes: Range<usize>,
    /// Where it starts.
    pub at: LineCol,
}

impl Token {
    /// The token's text, delimiters included; `text` must be the text it was read from.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.bytes.clone()).unwrap_or("")
    }

    /// Whether the token is the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }
}

/// Reads tokens from RON text one at a time. Cheap to clone, which is how a
/// caller looks ahead.
#[derive(Clone, Debug)]
pub struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    col: usize,
}

/// Every token of a text, in order (see [`Lexer`]).
pub fn tokenize(text: &str) -> Vec<Token> {
    Lexer::new(text).collect()
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Self { text, pos: 0, line: 1, col: 1 }
    }

    /// Where the lexer stands: just after the last token it returned, or, once it
    /// has returned `None`, the end of the text (where a truncated value would be).
    pub fn here(&self) -> LineCol {
        LineCol { line: self.line, col: self.col }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    /// Skips whitespace, comments and attributes.
    fn skip_trivia(&mut self) {
        loop {
            let rest = self.rest();
            match rest.chars().next() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                }
                Some('/') if rest.starts_with("//") => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                Some('/') if rest.starts_with("/*") => self.block_comment(),
                Some('#') if rest.starts_with("#!") || rest.starts_with("#[") => {
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

    /// At `/*`: skips to the matching `*/`; comments nest, as in RON.
    fn block_comment(&mut self) {
        self.bump();
        self.bump();
        let mut nesting = 1_usize;
        while !self.rest().is_empty() {
            if self.rest().starts_with("*/") {
                self.bump();
                self.bump();
                nesting -= 1;
                if nesting == 0 {
                    return;
                }
            } else if self.rest().starts_with("/*") {
                self.bump();
                self.bump();
                nesting += 1;
            } else {
                self.bump();
            }
        }
    }

    /// After an opening `"`: to the closing quote, skipping escaped characters.
    fn quoted(&mut self) -> TokenKind {
        let start = self.pos;
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return TokenKind::Str { contents: start..self.pos - 1, closed: true },
                _ => {}
            }
        }
        TokenKind::Str { contents: start..self.pos, closed: false }
    }

    /// How many `#` follow the `r` of a raw string starting here, if one does.
    fn raw_string_hashes(&self) -> Option<usize> {
        let after_r = self.rest().strip_prefix('r')?;
        let hashes = after_r.len() - after_r.trim_start_matches('#').len();
        after_r[hashes..].starts_with('"').then_some(hashes)
    }

    /// At the `r` of a raw string with `hashes` hashes: to `"` and as many hashes.
    fn raw_string(&mut self, hashes: usize) -> TokenKind {
        for _ in 0..hashes + 2 {
            self.bump(); // `r`, the hashes, the opening quote
        }
        let start = self.pos;
        while let Some(c) = self.bump() {
            if c == '"' && self.rest().as_bytes().get(..hashes).is_some_and(|after| after.iter().all(|&b| b == b'#')) {
                let end = self.pos - 1;
                for _ in 0..hashes {
                    self.bump();
                }
                return TokenKind::Str { contents: start..end, closed: true };
            }
        }
        TokenKind::Str { contents: start..self.pos, closed: false }
    }

    /// At a letter or `_`: a name, or a raw identifier `r#name`.
    fn identifier(&mut self) {
        let raw = self.rest().strip_prefix("r#").and_then(|after| after.chars().next());
        if raw.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.bump();
            self.bump();
            // Raw identifiers may also hold `.`, `+` and `-`.
            while self.peek().is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '+' | '-')) {
                self.bump();
            }
        } else {
            while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                self.bump();
            }
        }
    }

    /// Anything else: one character, then more up to a delimiter, whitespace, a
    /// literal or a comment.
    fn atom(&mut self) {
        self.bump();
        while let Some(c) = self.peek() {
            let rest = self.rest();
            if c.is_whitespace()
                || matches!(c, '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' | '"' | '\'')
                || rest.starts_with("//")
                || rest.starts_with("/*")
            {
                return;
            }
            self.bump();
        }
    }
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        self.skip_trivia();
        let start = self.pos;
        let at = self.here();
        let c = self.peek()?;
        let kind = match c {
            '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' => {
                self.bump();
                TokenKind::Punct(c)
            }
            '"' => {
                self.bump();
                self.quoted()
            }
            '\'' => {
                self.bump();
                while let Some(c) = self.bump() {
                    if c == '\\' {
                        self.bump();
                    } else if c == '\'' {
                        break;
                    }
                }
                TokenKind::Char
            }
            c if c.is_alphabetic() || c == '_' => match self.raw_string_hashes() {
                Some(hashes) => self.raw_string(hashes),
                None => {
                    self.identifier();
                    TokenKind::Identifier
                }
            },
            _ => {
                self.atom();
                TokenKind::Atom
            }
        };
        Some(Token { kind, bytes: start..self.pos, at })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        tokenize(text).into_iter().map(|t| (t.kind.clone(), t.text(text))).collect()
    }

    #[test]
    fn tokens_have_kinds_texts_and_positions() {
        let text = "// head\nA(x: -1.5e3, s: \"a\\\"b\", c: 'q',\n  l: [r#\"raw\"#, r#type])";
        let found = kinds(text);
        let texts: Vec<&str> = found.iter().map(|(_, t)| *t).collect();
        assert_eq!(
            texts,
            [
                "A",
                "(",
                "x",
                ":",
                "-1.5e3",
                ",",
                "s",
                ":",
                "\"a\\\"b\"",
                ",",
                "c",
                ":",
                "'q'",
                ",",
                "l",
                ":",
                "[",
                "r#\"raw\"#",
                ",",
                "r#type",
                "]",
                ")"
            ]
        );
        assert_eq!(found[4].0, TokenKind::Atom);
        let TokenKind::Str { contents, closed: true } = &found[8].0 else { panic!("{found:?}") };
        assert_eq!(&text[contents.clone()], "a\\\"b");
        assert_eq!(found[12].0, TokenKind::Char);
        assert_eq!(found[19].0, TokenKind::Identifier);
        let raw = &tokenize(text)[17];
        let TokenKind::Str { contents, closed: true } = &raw.kind else { panic!("{raw:?}") };
        assert_eq!(&text[contents.clone()], "raw");
        assert_eq!(raw.at, LineCol { line: 3, col: 7 });
        assert_eq!(tokenize(text)[0].at, LineCol { line: 2, col: 1 });
    }

    #[test]
    fn comments_and_attributes_are_skipped_and_block_comments_nest() {
        let text = "#![enable(implicit_some)]\n/* a /* \"2024-02-30\" */ b */ X // \"c\"\n";
        assert_eq!(kinds(text), [(TokenKind::Identifier, "X")]);
        let mut lexer = Lexer::new(text);
        assert_eq!(lexer.next().map(|t| t.at), Some(LineCol { line: 2, col: 30 }));
        assert_eq!(lexer.next(), None);
        assert_eq!(lexer.here(), LineCol { line: 3, col: 1 });
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "(\"äöü\", x)";
        assert_eq!(tokenize(text)[3].at, LineCol { line: 1, col: 9 });
    }

    #[test]
    fn unterminated_literals_and_comments_run_to_the_end() {
        assert_eq!(kinds("\"abc"), [(TokenKind::Str { contents: 1..4, closed: false }, "\"abc")]);
        assert_eq!(kinds("r##\"abc\"#"), [(TokenKind::Str { contents: 4..9, closed: false }, "r##\"abc\"#")]);
        assert_eq!(kinds("x /* /* */"), [(TokenKind::Identifier, "x")]);
        assert_eq!(kinds("'a"), [(TokenKind::Char, "'a")]);
    }

    #[test]
    fn any_input_is_tokenized_without_panicking() {
        let samples =
            ["", "\\", "\"\\", "r", "r#", "r#\"", "'\\", "#", "#!", "/", "/*/", "é\u{0}\u{10ffff}", "1//x", "a:b::c"];
        for text in samples {
            let tokens = tokenize(text);
            let mut end = 0;
            for token in &tokens {
                assert!(token.bytes.start >= end && token.bytes.end > token.bytes.start, "{text:?}: {tokens:?}");
                end = token.bytes.end;
            }
        }
    }
}
