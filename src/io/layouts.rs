//! Layout files: human-readable, versioned RON, written with a stable field order
//! and indentation so two saves of one layout are byte-identical and a diff shows
//! only what changed. Loading reports every problem with its line and column.
//!
//! What a layout may name (organisations, countries) is not known here: the caller
//! passes that check in (`workspace::load_layout` passes `analysis::check_layout`),
//! and this module places each problem it finds at its line and column.

use std::path::Path;

use super::atomic::write_atomically;
use super::problems::Problem;
use super::ron_spans::SpanIndex;
use super::ron_text::{PatchedDates, parse_collecting, read_text, ron_options};
use crate::model::{FieldProblem, LAYOUT_VERSION, Layout};

/// The oldest layout version this program reads (older ones are migrated on load).
pub const OLDEST_LAYOUT_VERSION: u32 = 1;

/// Why a layout could not be saved. The old file, if any, is untouched.
#[derive(Debug, thiserror::Error)]
#[error("cannot save {path}: {source}")]
pub struct SaveError {
    /// The file.
    pub path: std::path::PathBuf,
    /// What the system said.
    pub source: std::io::Error,
}

/// The layout as RON text: fields in declaration order, four-space indentation,
/// sets sorted, a trailing newline.
pub fn layout_to_string(layout: &Layout) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .struct_names(true)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .new_line("\n".to_owned());
    let mut text = ron::Options::default()
        .to_string_pretty(layout, config)
        .expect("a layout always serialises: it holds only strings, numbers, dates and enums");
    text.push('\n');
    text
}

/// Saves atomically: a failure (read-only folder, full disk) leaves the old file
/// byte-identical and says why.
pub fn save_layout(path: &Path, layout: &Layout) -> Result<(), SaveError> {
    write_atomically(path, layout_to_string(layout).as_bytes())
        .map_err(|source| SaveError { path: path.to_path_buf(), source })
}

/// Reads a layout file and checks it with `check`.
pub fn read_layout(file: &Path, check: impl FnOnce(&Layout) -> Vec<FieldProblem>) -> Result<Layout, Vec<Problem>> {
    let text = read_text(file).map_err(|p| vec![p])?;
    parse_layout(file, &text, check)
}

/// Just the version, read leniently so a newer file gets a clear message instead
/// of a complaint about fields this program does not know.
#[derive(serde::Deserialize)]
#[serde(rename = "Layout")]
struct VersionProbe {
    version: u32,
}

/// Parses a layout's text, migrates it to the current version and runs `check` on
/// it; returns every problem found, each at its line and column.
pub fn parse_layout(
    file: &Path,
    text: &str,
    check: impl FnOnce(&Layout) -> Vec<FieldProblem>,
) -> Result<Layout, Vec<Problem>> {
    let spans = SpanIndex::new(text);
    if let Ok(probe) = ron_options().from_str::<VersionProbe>(text) {
        if probe.version > LAYOUT_VERSION {
            return Err(vec![Problem::new(
                file,
                spans.locate("version"),
                format!(
                    "this layout has format version {}, written by a newer alliance-map; this program reads versions {OLDEST_LAYOUT_VERSION} to {LAYOUT_VERSION}",
                    probe.version
                ),
            )]);
        }
        if probe.version < OLDEST_LAYOUT_VERSION {
            return Err(vec![Problem::new(
                file,
                spans.locate("version"),
                "format version 0 does not exist; expected 1 or later",
            )]);
        }
    }
    let (parsed, mut problems) = parse_collecting::<Layout>(file, text);
    if let Some(layout) = parsed {
        let layout = migrate(layout);
        let patched = PatchedDates::new(text, &problems);
        for FieldProblem { path, message } in check(&layout) {
            let problem = Problem::new(file, spans.locate(&path), message);
            if !patched.invented(&problem) {
                problems.push(problem);
            }
        }
        if problems.is_empty() {
            return Ok(layout);
        }
    }
    problems.sort();
    Err(problems)
}

/// Brings a layout of an older format version up to the current one. Version 1
/// is the first and current version, so there is nothing to do yet; each later
/// version adds a step here, and a test file per version in
/// `tests/fixtures/layouts/` keeps every step working.
fn migrate(mut layout: Layout) -> Layout {
    layout.version = LAYOUT_VERSION;
    layout
}
