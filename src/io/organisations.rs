//! Reading organisation files (`maps/*.ron`) with every problem located.
//!
//! What makes an organisation sound (known countries, periods in order) is not
//! known here: the caller passes that check in (`workspace::parse_organisation`
//! passes `analysis::check_organisation`), and this module places each problem it
//! finds at its line and column.

use std::path::{Path, PathBuf};

use super::problems::Problem;
use super::ron_spans::SpanIndex;
use super::ron_text::{PatchedDates, parse_collecting};
use crate::model::{FieldProblem, Organisation};

/// Parses one organisation file's text and runs `check` on it. On failure,
/// returns every problem found: all impossible dates, then the first syntax
/// error, or, when the text parses, every problem `check` finds (except those
/// caused by a date patched to stand in for an impossible one).
pub fn parse_organisation(
    file: &Path,
    text: &str,
    check: impl FnOnce(&Organisation) -> Vec<FieldProblem>,
) -> Result<Organisation, Vec<Problem>> {
    let (parsed, mut problems) = parse_collecting::<Organisation>(file, text);
    if let Some(org) = parsed {
        let found = check(&org);
        if !found.is_empty() {
            let spans = SpanIndex::new(text);
            let patched = PatchedDates::new(text, &problems);
            let located = found.into_iter().map(|p| Problem::new(file, spans.locate(&p.path), p.message));
            problems.extend(located.filter(|p| !patched.invented(p)));
        }
        if problems.is_empty() {
            return Ok(org);
        }
    }
    problems.sort();
    Err(problems)
}

/// The organisation files in a folder: every `*.ron` directly in it, sorted by name.
pub fn organisation_files(dir: &Path) -> Result<Vec<PathBuf>, Problem> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| Problem::whole_file(dir, format!("cannot list organisation files: {e}")))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    Ok(files)
}
