//! Everything the program reads from its data folder, loaded once: country shapes,
//! country names, the organisations and the font.
//!
//! This is where reading (`io`) meets checking (`analysis`): `io` parses files and
//! places problems at their line and column, `analysis` says what is wrong with a
//! parsed value, and the functions here join the two, so neither layer imports
//! the other.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::{Atlas, check_atlas, check_layout, check_organisation, unknown_layers};
use crate::geometry::ShapeSet;
use crate::io::assets::{AssetError, DataDir};
use crate::io::iso_table::IsoTable;
use crate::io::layouts::read_layout;
use crate::io::organisations::organisation_files;
use crate::io::problems::{Problem, Problems};
use crate::io::ron_text::read_text;
use crate::model::{LayerRank, Layout, Organisation};

/// The loaded data set. Read before any window opens, so a broken file is a
/// clear error and an exit status, not a window that shows nothing.
#[derive(Clone)]
pub struct MapData {
    /// Country shapes.
    pub shapes: ShapeSet,
    /// Country names and known codes.
    pub iso: IsoTable,
    /// The organisations, as sourced.
    pub atlas: Atlas,
    /// The font (TrueType) used by the window and the exporters.
    pub font: Arc<Vec<u8>>,
    /// Problems with the user's own layer files: those files were left out, and
    /// everything else loaded. The window lists them; the CLI prints them.
    pub problems: Vec<Problem>,
    /// Where the data came from, to read the 1:10m shapes when they are first needed.
    dir: DataDir,
    /// The 1:10m shapes, read on first use: most sessions and exports never zoom in
    /// that far, and they are five times the overview's size. `None` when the data
    /// folder has none (an older copy), or they are damaged: the map then stays at
    /// 1:50m, with the reason printed once.
    detail_shapes: Arc<std::sync::OnceLock<Option<ShapeSet>>>,
}

/// Why the data folder could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// A shipped asset is missing or damaged.
    #[error(transparent)]
    Asset(#[from] AssetError),
    /// Organisation files have problems.
    #[error("{0}")]
    Problems(#[from] Problems),
}

impl MapData {
    /// Reads shapes, the ISO table, the font and every shipped organisation file.
    /// A problem in any of these is fatal: the data set the program ships is broken.
    pub fn load(dir: &DataDir) -> Result<Self, DataError> {
        let iso = dir.iso_table()?;
        let shapes = dir.shapes()?;
        let font = Arc::new(dir.font()?);
        let atlas = load_data_atlas(dir, &iso)?;
        Ok(Self { shapes, iso, atlas, font, problems: Vec::new(), dir: dir.clone(), detail_shapes: Arc::default() })
    }

    /// The 1:10m shapes, read on the first call (from any thread).
    pub fn detail_shapes(&self) -> Option<&ShapeSet> {
        self.detail_shapes
            .get_or_init(|| match self.dir.detail_shapes() {
                Ok(shapes) => Some(shapes),
                Err(e) => {
                    eprintln!("alliance-map: {e}; the map stays at 1:50m when zoomed in");
                    None
                }
            })
            .as_ref()
    }

    /// [`MapData::load`], then the user's own layers from `user_layers` (see
    /// [`add_user_layers`]); a broken user layer is listed in `problems`, not fatal.
    pub fn load_with_user_layers(dir: &DataDir, user_layers: Option<&Path>) -> Result<Self, DataError> {
        let mut data = Self::load(dir)?;
        if let Some(folder) = user_layers.filter(|folder| folder.is_dir()) {
            data.problems = add_user_layers(&mut data.atlas, folder, &data.iso);
        }
        Ok(data)
    }
}

/// The organisation files of a data set: the built-in ones, or a folder's.
pub fn read_data_organisations(dir: &DataDir, iso: &IsoTable) -> Result<Vec<OrganisationFile>, Problem> {
    match dir.maps_dir() {
        Some(folder) => read_organisation_folder(&folder, iso),
        None => Ok(crate::io::shipped::MAPS
            .iter()
            .map(|(name, text)| OrganisationFile::parse(PathBuf::from(format!("(built in) maps/{name}")), text, iso))
            .collect()),
    }
}

/// Every organisation of a data set, or every problem in its files.
pub fn load_data_atlas(dir: &DataDir, iso: &IsoTable) -> Result<Atlas, Problems> {
    let files = read_data_organisations(dir, iso).map_err(|p| Problems(vec![p]))?;
    atlas_from_files(files).map_err(Problems)
}

/// Adds the user's own organisation files from `folder` to `atlas`, after the
/// shipped ones and under *Extra layers*. A file with problems, or whose short name
/// an earlier layer already uses, is left out; the problems are returned, each with
/// its file, line and column, so that nothing a colleague sent stops the program.
pub fn add_user_layers(atlas: &mut Atlas, folder: &Path, iso: &IsoTable) -> Vec<Problem> {
    let files = match read_organisation_folder(folder, iso) {
        Ok(files) => files,
        Err(problem) => return vec![problem],
    };
    let mut problems = Vec::new();
    for file in files {
        match file.organisation {
            Err(found) => problems.extend(found),
            Ok(mut org) => {
                if let Some(taken) = atlas.find(&org.short_name) {
                    problems.push(Problem::whole_file(
                        &file.path,
                        format!(
                            "short name {:?} is already used by {:?}; this layer was not loaded (rename its short_name)",
                            org.short_name, taken.name
                        ),
                    ));
                    continue;
                }
                org.layer = LayerRank::Extra;
                atlas.organisations.push(org);
            }
        }
    }
    problems
}

/// One organisation file, read and checked on its own. `load_atlas` and the
/// `check` command both read files into these, then join them with
/// [`atlas_from_files`], so the two cannot disagree about a file.
#[derive(Clone, Debug)]
pub struct OrganisationFile {
    /// The file.
    pub path: PathBuf,
    /// The organisation, or every problem in the file.
    pub organisation: Result<Organisation, Vec<Problem>>,
}

impl OrganisationFile {
    /// Reads and checks the file at `path`.
    pub fn read(path: PathBuf, iso: &IsoTable) -> Self {
        match read_text(&path) {
            Ok(text) => Self::parse(path, &text, iso),
            Err(problem) => Self { path, organisation: Err(vec![problem]) },
        }
    }

    /// Parses and checks `text`, already read from `path`.
    pub fn parse(path: PathBuf, text: &str, iso: &IsoTable) -> Self {
        let organisation = parse_organisation(&path, text, iso);
        Self { path, organisation }
    }
}

/// Parses one organisation file's text and checks it against the ISO table;
/// every problem carries its line and column.
pub fn parse_organisation(file: &Path, text: &str, iso: &IsoTable) -> Result<Organisation, Vec<Problem>> {
    crate::io::organisations::parse_organisation(file, text, |org| check_organisation(org, |code| iso.contains(code)))
}

/// Every organisation file directly in `dir`, in name order, each read and checked
/// on its own. Fails only when the folder cannot be listed.
pub fn read_organisation_folder(dir: &Path, iso: &IsoTable) -> Result<Vec<OrganisationFile>, Problem> {
    Ok(organisation_files(dir)?.into_iter().map(|path| OrganisationFile::read(path, iso)).collect())
}

/// Joins files read on their own into an [`Atlas`], or returns every problem:
/// each file's own, in file order, then those between files (two organisations
/// with one short name), each reported on the later file.
pub fn atlas_from_files(files: Vec<OrganisationFile>) -> Result<Atlas, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut paths = Vec::new();
    let mut organisations = Vec::new();
    for file in files {
        match file.organisation {
            Ok(org) => {
                paths.push(file.path);
                organisations.push(org);
            }
            Err(found) => problems.extend(found),
        }
    }
    for (index, problem) in check_atlas(&organisations) {
        problems.push(Problem::whole_file(&paths[index], problem.message));
    }
    if problems.is_empty() { Ok(Atlas::new(organisations)) } else { Err(problems) }
}

/// Loads every organisation file in `dir` into an [`Atlas`], or every problem in
/// every file.
pub fn load_atlas(dir: &Path, iso: &IsoTable) -> Result<Atlas, Problems> {
    let files = read_organisation_folder(dir, iso).map_err(|p| Problems(vec![p]))?;
    atlas_from_files(files).map_err(Problems)
}

/// Reads a layout file and checks what it names against the atlas and the ISO
/// table; a layer this machine lacks is a problem too.
pub fn load_layout(file: &Path, atlas: &Atlas, iso: &IsoTable) -> Result<Layout, Vec<Problem>> {
    read_layout(file, |layout| strict_layout_check(layout, atlas, iso))
}

fn strict_layout_check(layout: &Layout, atlas: &Atlas, iso: &IsoTable) -> Vec<crate::model::FieldProblem> {
    let mut found = check_layout(layout, atlas, |code| iso.contains(code));
    found.extend(unknown_layers(layout, atlas));
    found
}

/// Reads a layout file for the window: layers this machine lacks do not stop it
/// opening. Returns the layout with those as notes (file, line, column), or every
/// problem that does stop it.
pub fn load_layout_keeping_unknown_layers(
    file: &Path,
    atlas: &Atlas,
    iso: &IsoTable,
) -> Result<(Layout, Vec<Problem>), Vec<Problem>> {
    let text = read_text(file).map_err(|problem| vec![problem])?;
    let layout =
        crate::io::layouts::parse_layout(file, &text, |layout| check_layout(layout, atlas, |code| iso.contains(code)))?;
    let spans = crate::io::ron_spans::SpanIndex::new(&text);
    let notes = unknown_layers(&layout, atlas)
        .into_iter()
        .map(|note| Problem::new(file, spans.locate(&note.path), note.message))
        .collect();
    Ok((layout, notes))
}

/// Parses a layout's text and checks what it names against the atlas and the ISO
/// table; returns every problem found.
pub fn parse_layout(file: &Path, text: &str, atlas: &Atlas, iso: &IsoTable) -> Result<Layout, Vec<Problem>> {
    crate::io::layouts::parse_layout(file, text, |layout| strict_layout_check(layout, atlas, iso))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems_in(periods: &str) -> Vec<String> {
        let text = format!(
            "Organisation(short_name: \"T\", name: \"T\", kind: alliance, layer: extra, checked_to: \"2026-12-02\",\n\
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
