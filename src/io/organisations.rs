//! Loading organisation files (`maps/*.ron`) with every problem located.

use std::path::{Path, PathBuf};

use super::iso_table::IsoTable;
use super::problems::{Problem, Problems};
use super::ron_spans::SpanIndex;
use super::ron_text::{PatchedDates, parse_collecting, read_text};
use crate::analysis::{Atlas, check_atlas, check_organisation};
use crate::model::Organisation;

/// Parses and checks one organisation file's text. On failure, returns every
/// problem found: all impossible dates, then the first syntax error, or, when the
/// text parses, every semantic problem.
pub fn parse_organisation(file: &Path, text: &str, iso: &IsoTable) -> Result<Organisation, Vec<Problem>> {
    let (parsed, mut problems) = parse_collecting::<Organisation>(file, text);
    if let Some(org) = parsed {
        let found = check_organisation(&org, |code| iso.contains(code));
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

/// Reads and checks one organisation file.
pub fn load_organisation(file: &Path, iso: &IsoTable) -> Result<Organisation, Vec<Problem>> {
    let text = read_text(file).map_err(|p| vec![p])?;
    parse_organisation(file, &text, iso)
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

/// Loads every organisation file in `dir` into an [`Atlas`], or every problem in
/// every file.
pub fn load_atlas(dir: &Path, iso: &IsoTable) -> Result<Atlas, Problems> {
    let files = organisation_files(dir).map_err(|p| Problems(vec![p]))?;
    let mut problems = Vec::new();
    let mut loaded = Vec::new();
    for file in &files {
        match load_organisation(file, iso) {
            Ok(org) => loaded.push((file, org)),
            Err(found) => problems.extend(found),
        }
    }
    let organisations: Vec<Organisation> = loaded.iter().map(|(_, org)| org.clone()).collect();
    for (index, problem) in check_atlas(&organisations) {
        let file = loaded[index].0;
        problems.push(Problem::whole_file(file, problem.message));
    }
    if problems.is_empty() { Ok(Atlas::new(organisations)) } else { Err(Problems(problems)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems_in(periods: &str) -> Vec<String> {
        let text = format!(
            "Organisation(short_name: \"T\", name: \"T\", kind: alliance, layer: extra,\n\
             founding: Document(title: \"T\", signed: \"2000-01-01\", source: Source(title: \"s\")),\n\
             countries: [Country(iso3: \"FRA\", periods: [\n{periods}\n])],\n)"
        );
        let iso = IsoTable::parse("FRA\t250\tFrance\n").unwrap();
        let found = parse_organisation(Path::new("t.ron"), &text, &iso).unwrap_err();
        found.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn an_impossible_date_is_the_only_problem_reported_for_its_period() {
        let found = problems_in(
            r#"Period(status: member, start: "2005-01-01", end: "2004-02-30", source: Source(title: "s")),"#,
        );
        assert_eq!(found, ["t.ron:4:50: \"2004-02-30\" is not a real day; expected a date YYYY-MM-DD"]);

        // Compared with the stand-in from another field, or wrapped in `Some(...)`.
        let found = problems_in(
            r#"Period(status: member, start: "2005-02-30", end: "1960-01-01", source: Source(title: "s")),
               Period(status: partner, start: "1990-01-01", end: Some("1995-02-30"), source: Source(title: "s")),"#,
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|p| p.contains("is not a real day") && !p.contains("1970-01-01")), "{found:?}");

        // Real problems elsewhere in the file are still reported.
        let found = problems_in(
            r#"Period(status: member, start: "2005-01-01", end: "2004-02-30", source: Source(title: "s")),
               Period(status: partner, start: "1990-01-01", end: "1980-01-01", source: Source(title: "s")),"#,
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[1].contains("the period ends (1980-01-01) before or on the day it starts (1990-01-01)"));
    }
}
