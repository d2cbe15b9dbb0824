//! `check`: every problem in organisation and layout files (or folders of them),
//! as FILE:LINE:COL: message, then a count.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{Failure, load_iso_table};
use crate::io::organisations::organisation_files;
use crate::io::ron_text::{first_identifier, read_text};
use crate::io::{DataDir, Problem};
use crate::workspace::{OrganisationFile, atlas_from_files, load_data_atlas, parse_layout};

/// Checks `paths`: files are organisations or layouts (told by their first
/// identifier); a folder stands for its files and those in its `layouts/`.
pub(super) fn check(data_dir: &DataDir, paths: &[PathBuf], out: &mut String) -> Result<(), Failure> {
    let iso = load_iso_table(data_dir)?;
    // Folders: their organisation files, and the layouts in their `layouts/`.
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            for dir in [path.clone(), path.join("layouts")] {
                if dir == path.join("layouts") && !dir.is_dir() {
                    continue;
                }
                match organisation_files(&dir) {
                    Ok(found) => files.extend(found),
                    Err(problem) => return Err(Failure::problems(&[problem])),
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    // Organisation files are read and joined exactly as `load_atlas` does; an
    // unreadable file counts with them, so its problem keeps its place in file order.
    let mut organisations = Vec::new();
    let mut layouts = Vec::new();
    for file in &files {
        match read_text(file) {
            Ok(text) if first_identifier(&text) == Some("Layout") => layouts.push((file.as_path(), text)),
            Ok(text) => organisations.push(OrganisationFile::parse(file.clone(), &text, &iso)),
            Err(problem) => {
                organisations.push(OrganisationFile { path: file.clone(), organisation: Err(vec![problem]) })
            }
        }
    }
    let mut problems: Vec<Problem> = atlas_from_files(organisations).err().unwrap_or_default();
    if !layouts.is_empty() {
        // Layouts name organisations: check them against the program's own data.
        match load_data_atlas(data_dir, &iso) {
            Ok(atlas) => {
                for (file, text) in &layouts {
                    if let Err(found) = parse_layout(file, text, &atlas, &iso) {
                        problems.extend(found);
                    }
                }
            }
            Err(found) => problems.extend(found.0),
        }
    }
    if problems.is_empty() {
        let _ = writeln!(out, "{} file(s) checked, no problems", files.len());
        Ok(())
    } else {
        let failed: std::collections::BTreeSet<&Path> = problems.iter().map(|p| p.file.as_path()).collect();
        let mut failure = Failure::problems(&problems);
        let _ =
            write!(failure.message, "\n{} problem(s) in {} of {} file(s)", problems.len(), failed.len(), files.len());
        Err(failure)
    }
}
