//! Finding the shipped data folder and reading asset files with size limits.

use std::path::{Path, PathBuf};

use super::iso_table::IsoTable;
use crate::geometry::ShapeSet;

/// Where the program's data set (shapes, ISO table, font, organisation files)
/// comes from.
///
/// By default the copy built into the binary, so a binary copied to another
/// machine or installed with `cargo install` runs anywhere; `--data-dir` or the
/// `ALLIANCE_MAP_DIR` environment variable name a folder holding `assets/` and
/// `maps/` instead (for people who maintain their own data, and for tests that
/// need a deliberately broken copy).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataDir {
    /// The data built into the binary.
    Shipped,
    /// A folder holding `assets/` and `maps/`.
    Folder(PathBuf),
}

impl DataDir {
    /// The environment variable that overrides the built-in data.
    pub const ENV_VAR: &'static str = "ALLIANCE_MAP_DIR";

    /// `explicit` if given, else `$ALLIANCE_MAP_DIR`, else the built-in data.
    pub fn resolve(explicit: Option<&Path>) -> Self {
        if let Some(path) = explicit {
            return Self::Folder(path.to_path_buf());
        }
        match std::env::var_os(Self::ENV_VAR) {
            Some(dir) if !dir.is_empty() => Self::Folder(PathBuf::from(dir)),
            _ => Self::Shipped,
        }
    }

    /// The folder, unless the data is the built-in copy.
    pub fn folder(&self) -> Option<&Path> {
        match self {
            Self::Shipped => None,
            Self::Folder(path) => Some(path),
        }
    }

    /// Where the data comes from, for `paths` and error messages.
    pub fn describe(&self) -> String {
        match self {
            Self::Shipped => "built into the binary".into(),
            Self::Folder(path) => path.display().to_string(),
        }
    }

    /// The ISO 3166-1 table.
    pub fn iso_table(&self) -> Result<IsoTable, AssetError> {
        match self.folder() {
            None => IsoTable::parse(super::shipped::ISO_TABLE).map_err(|(line, message)| AssetError::Corrupt {
                path: PathBuf::from("(built in) assets/iso3166-1.tsv"),
                message: format!("line {line}: {message}"),
            }),
            Some(dir) => IsoTable::load(&dir.join("assets").join("iso3166-1.tsv")),
        }
    }

    /// The Natural Earth country shapes.
    pub fn shapes(&self) -> Result<ShapeSet, AssetError> {
        match self.folder() {
            None => ShapeSet::decode(super::shipped::SHAPES).map_err(|message| AssetError::Corrupt {
                path: PathBuf::from("(built in) assets/countries-50m.amshp"),
                message,
            }),
            Some(dir) => ShapeSet::load(&dir.join("assets").join("countries-50m.amshp")),
        }
    }

    /// The Natural Earth country shapes at 1:10m, for detail when zoomed in.
    pub fn detail_shapes(&self) -> Result<ShapeSet, AssetError> {
        match self.folder() {
            None => ShapeSet::decode(super::shipped::DETAIL_SHAPES).map_err(|message| AssetError::Corrupt {
                path: PathBuf::from("(built in) assets/countries-10m.amshp"),
                message,
            }),
            Some(dir) => ShapeSet::load(&dir.join("assets").join("countries-10m.amshp")),
        }
    }

    /// The font the window and the exporters use, so text looks the same everywhere.
    pub fn font(&self) -> Result<Vec<u8>, AssetError> {
        match self.folder() {
            None => Ok(super::shipped::FONT.to_vec()),
            Some(dir) => load_font(&dir.join("assets").join("DejaVuSans.ttf")),
        }
    }

    /// The folder of organisation files, unless they are the built-in ones.
    pub fn maps_dir(&self) -> Option<PathBuf> {
        self.folder().map(|dir| dir.join("maps"))
    }
}

/// A shipped file that is missing or damaged. The message names the file and says
/// what is wrong, because the fix (re-clone, re-run `scripts/build-assets`) depends on it.
#[derive(Debug, thiserror::Error)]
pub enum AssetError {
    /// The file could not be read at all.
    #[error("{path}: cannot read asset file: {source}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why the OS refused.
        source: std::io::Error,
    },
    /// The file was read but its contents are not what we wrote.
    #[error("{path}: {message}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What was expected and where.
        message: String,
    },
}

/// Reads a whole asset file, refusing files far larger than any asset we ship so
/// that a wrong path cannot make us allocate gigabytes.
pub(crate) fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, AssetError> {
    let unreadable = |source| AssetError::Unreadable { path: path.to_path_buf(), source };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > max_bytes {
        return Err(AssetError::Corrupt {
            path: path.to_path_buf(),
            message: format!("file is {size} bytes, more than the {max_bytes} an asset may have"),
        });
    }
    std::fs::read(path).map_err(unreadable)
}

/// Reads the shipped font, checking it is a TrueType or OpenType file.
pub fn load_font(path: &Path) -> Result<Vec<u8>, AssetError> {
    let bytes = read_limited(path, 16 << 20)?;
    let magic = bytes.get(..4).unwrap_or_default();
    if magic != [0, 1, 0, 0] && magic != b"OTTO" && magic != b"true" {
        return Err(AssetError::Corrupt {
            path: path.to_path_buf(),
            message: "not a TrueType or OpenType font".into(),
        });
    }
    Ok(bytes)
}
