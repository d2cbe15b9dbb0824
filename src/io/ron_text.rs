//! Reading RON text that users write: size, encoding and syntax checks that
//! every RON file we read (organisations and layouts) shares.

use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::problems::Problem;
use super::ron_spans::LineCol;
use super::ron_tokens::{Lexer, Token, TokenKind};

/// Larger files are refused before reading: our largest data file is well under
/// 100 KiB, and a limit keeps memory bounded when someone points us at a huge file.
pub const MAX_RON_BYTES: u64 = 4 << 20;

/// The RON options every file is read and written with: `implicit_some` lets an
/// optional value be written plainly (`end: "2023-04-04"`), and the recursion limit
/// refuses absurd nesting with an error instead of a stack overflow.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME).with_recursion_limit(64)
}

/// Reads a text file for parsing, refusing what cannot be RON: too large, binary,
/// not UTF-8 or empty.
pub fn read_text(file: &Path) -> Result<String, Problem> {
    let mut handle =
        std::fs::File::open(file).map_err(|e| Problem::whole_file(file, format!("cannot read the file: {e}")))?;
    let mut bytes = Vec::new();
    handle
        .by_ref()
        .take(MAX_RON_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::whole_file(file, format!("cannot read the file: {e}")))?;
    if bytes.len() as u64 > MAX_RON_BYTES {
        return Err(Problem::whole_file(
            file,
            format!("the file is larger than {} MiB; expected a RON text file", MAX_RON_BYTES >> 20),
        ));
    }
    text_from_bytes(file, bytes)
}

/// Checks bytes are text: UTF-8, no NUL bytes, not empty.
pub fn text_from_bytes(file: &Path, bytes: Vec<u8>) -> Result<String, Problem> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Problem::new(
            file,
            line_col_at_byte(&bytes, at),
            "the file holds binary data (a NUL byte); expected RON text",
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Problem::new(file, line_col_at_byte(e.as_bytes(), at), "the file is not UTF-8 text; expected RON text in UTF-8")
    })?;
    if text.trim().is_empty() {
        return Err(Problem::whole_file(file, "the file is empty; expected RON text"));
    }
    Ok(text)
}

fn line_col_at_byte(bytes: &[u8], at: usize) -> LineCol {
    let before = &bytes[..at];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let col = 1 + String::from_utf8_lossy(&before[line_start..]).chars().count();
    LineCol { line, col }
}

/// Parses RON into `T`, turning a syntax or shape error into a located problem.
pub fn parse<T: DeserializeOwned>(file: &Path, text: &str) -> Result<T, Problem> {
    ron_options().from_str(text).map_err(|e| {
        let at = LineCol { line: e.span.start.line, col: e.span.start.col };
        Problem::new(file, at, explain(&e.code))
    })
}

/// ron's messages with the wording a person fixing a file needs.
fn explain(error: &ron::Error) -> String {
    match error {
        ron::Error::ExceededRecursionLimit => {
            "nesting is too deep (more than 64 levels); expected a flat data file".into()
        }
        ron::Error::Eof => "the file ends too early (truncated?); expected more RON".into(),
        ron::Error::MissingStructField { field, outer } => {
            let within = outer.as_deref().map_or(String::new(), |o| format!(" in `{o}`"));
            let why = if *field == "source" { ": every fact needs a source" } else { "" };
            format!("missing field `{field}`{within}{why}")
        }
        other => other.to_string(),
    }
}

/// The first identifier of a RON document after comments and attributes: the
/// top-level struct name (`Organisation`, `Layout`), which tells file kinds apart.
pub fn first_identifier(text: &str) -> Option<&str> {
    let first = Lexer::new(text).next()?;
    (first.kind == TokenKind::Identifier).then(|| first.text(text))
}

/// A date literal that is not a real day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadDate {
    /// Where the literal starts: its opening quote (the `r` of a raw string).
    pub at: LineCol,
    /// The bytes of the date inside the quotes.
    pub bytes: std::ops::Range<usize>,
    /// What is wrong.
    pub message: String,
}

/// Finds every string literal shaped like a date (`"2024-02-30"`) that is not a real
/// day. serde stops at the first bad date; this finds them all, with positions.
/// Literals in comments are not dates, and neither are unterminated ones.
pub fn impossible_dates(text: &str) -> Vec<BadDate> {
    let mut out = Vec::new();
    for token in Lexer::new(text) {
        let TokenKind::Str { contents, closed: true } = token.kind else { continue };
        let literal = &text[contents.clone()];
        let b = literal.as_bytes();
        let shaped = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if shaped && literal.parse::<jiff::civil::Date>().is_err() {
            out.push(BadDate {
                at: token.at,
                bytes: contents,
                message: format!("{literal:?} is not a real day; expected a date YYYY-MM-DD"),
            });
        }
    }
    out
}

/// The real day [`parse_collecting`] parses in place of each impossible date so
/// that parsing can go on. It is never shown: see [`PatchedDates`].
pub const STAND_IN_DAY: &str = "1970-01-01";

/// Parses RON into `T` collecting problems: every impossible date, then the first
/// syntax error. When dates were the only trouble, the value is still parsed (with
/// [`STAND_IN_DAY`] in their place, same length so positions hold) so that callers
/// can go on to report the problems after parsing too.
///
/// When a value is returned, the problems returned with it are exactly the patched
/// dates, each at its literal's position: what [`PatchedDates::new`] needs to drop
/// the problems the stand-in day would invent.
pub fn parse_collecting<T: DeserializeOwned>(file: &Path, text: &str) -> (Option<T>, Vec<Problem>) {
    let bad_dates = impossible_dates(text);
    let mut problems: Vec<Problem> = bad_dates.iter().map(|d| Problem::new(file, d.at, d.message.clone())).collect();
    let patched;
    let source = if bad_dates.is_empty() {
        text
    } else {
        let mut copy = text.to_owned();
        for date in &bad_dates {
            copy.replace_range(date.bytes.clone(), STAND_IN_DAY);
        }
        patched = copy;
        &patched
    };
    match parse::<T>(file, source) {
        Ok(value) => (Some(value), problems),
        Err(syntax) => {
            problems.push(syntax);
            (None, problems)
        }
    }
}

/// Where [`parse_collecting`] put the stand-in day, so that callers can drop the
/// problems it invents: a period with a real start and an impossible end would
/// otherwise also "end (1970-01-01) before it starts". The impossible date itself
/// is already reported; what follows from the stand-in is not the user's problem.
#[derive(Clone, Debug, Default)]
pub struct PatchedDates {
    /// Where each patched value starts, as [`super::ron_spans::SpanIndex::locate`]
    /// reports it: the literal, or the `Some(` around it.
    starts: Vec<LineCol>,
}

impl PatchedDates {
    /// From the text and the problems [`parse_collecting`] returned along with a
    /// parsed value (each one a patched date, at its literal).
    pub fn new(text: &str, patched: &[Problem]) -> Self {
        if patched.is_empty() {
            return Self::default();
        }
        let literals: Vec<LineCol> = patched.iter().map(|p| p.at).collect();
        let tokens: Vec<Token> = Lexer::new(text).collect();
        let mut starts = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            if !(matches!(token.kind, TokenKind::Str { .. }) && literals.contains(&token.at)) {
                continue;
            }
            starts.push(token.at);
            // `Some("2024-02-30")` is located at `Some`.
            let mut i = i;
            while i >= 2 && tokens[i - 1].is_punct('(') && tokens[i - 2].text(text) == "Some" {
                i -= 2;
                starts.push(tokens[i].at);
            }
        }
        Self { starts }
    }

    /// Whether a problem found after parsing comes from the stand-in day rather than
    /// from the file: it is located at a patched date, or its message shows the
    /// stand-in (a check comparing a patched date with another field). A real
    /// 1970-01-01 elsewhere in the file may hide a problem until the impossible
    /// dates are fixed; that is better than inventing one.
    pub fn invented(&self, problem: &Problem) -> bool {
        !self.starts.is_empty() && (self.starts.contains(&problem.at) || problem.message.contains(STAND_IN_DAY))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_impossible_date_is_found_with_its_position() {
        let text = "A(\n  start: \"2024-02-30\",\n  end: \"2023-13-01\", ok: \"2024-02-29\",\n  // \"2024-02-31\" in a comment\n)";
        let found = impossible_dates(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].at, LineCol { line: 2, col: 10 });
        assert_eq!(found[1].at, LineCol { line: 3, col: 8 });
        assert_eq!(&text[found[0].bytes.clone()], "2024-02-30");
    }

    #[test]
    fn dates_in_block_comments_are_not_dates_but_raw_strings_are() {
        let text = "A(\n  /* old: \"2024-02-30\", /* nested */ \"2024-02-31\" */\n  a: r#\"2023-02-29\"#, b: '\"', c: \"2023-02-30\")";
        let found = impossible_dates(text);
        let literals: Vec<&str> = found.iter().map(|d| &text[d.bytes.clone()]).collect();
        assert_eq!(literals, ["2023-02-29", "2023-02-30"], "{found:?}");
        assert_eq!(found[0].at, LineCol { line: 3, col: 6 });
        assert_eq!(found[1].at, LineCol { line: 3, col: 34 });
    }

    #[test]
    fn the_first_identifier_comes_after_comments_and_attributes() {
        assert_eq!(
            first_identifier("#![enable(implicit_some)]\n/* a /* b */ */ // c\nLayout(version: 1)"),
            Some("Layout")
        );
        assert_eq!(first_identifier("  Organisation("), Some("Organisation"));
        assert_eq!(first_identifier("(a: 1)"), None);
        assert_eq!(first_identifier("/* Layout"), None);
        assert_eq!(first_identifier(""), None);
    }

    #[test]
    fn with_a_value_the_problems_are_the_patched_dates_where_spans_locate_them() {
        let text = "(a: \"2024-02-30\", b: Some(\"2023-02-29\"), c: \"2024-01-01\")";
        let (value, problems) = parse_collecting::<ron::Value>(Path::new("x.ron"), text);
        assert!(value.is_some());
        let spans = super::super::ron_spans::SpanIndex::new(text);
        let at: Vec<LineCol> = problems.iter().map(|p| p.at).collect();
        assert_eq!(at, [spans.locate("a"), LineCol { line: 1, col: 27 }]);
        let patched = PatchedDates::new(text, &problems);
        let problem = |at: LineCol, message: &str| Problem::new(Path::new("x.ron"), at, message);
        assert!(patched.invented(&problem(spans.locate("a"), "anything")));
        assert!(patched.invented(&problem(spans.locate("b"), "anything")), "`Some(...)` is located at `Some`");
        assert!(patched.invented(&problem(spans.locate("c"), "before 1970-01-01")));
        assert!(!patched.invented(&problem(spans.locate("c"), "a real problem")));
        assert!(!PatchedDates::new(text, &[]).invented(&problem(spans.locate("c"), "1970-01-01")));
    }

    #[test]
    fn nesting_past_the_limit_is_an_error_that_says_so() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let error = parse::<ron::Value>(Path::new("deep.ron"), &text).unwrap_err();
        assert!(error.message.contains("nesting is too deep"), "{}", error.message);
    }

    #[test]
    fn binary_and_non_utf8_text_are_refused_with_a_position() {
        let file = Path::new("x.ron");
        let error = text_from_bytes(file, b"ab\ncd\0".to_vec()).unwrap_err();
        assert_eq!(error.at, LineCol { line: 2, col: 3 });
        assert!(error.message.contains("binary"));
        let error = text_from_bytes(file, b"ok\n\xff".to_vec()).unwrap_err();
        assert_eq!(error.at, LineCol { line: 2, col: 1 });
        assert!(error.message.contains("UTF-8"));
        assert!(text_from_bytes(file, b"  \n".to_vec()).unwrap_err().message.contains("empty"));
    }
}
