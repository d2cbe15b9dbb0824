//! Finding the shipped data folder and reading asset files with size limits.

use std::path::{Path, PathBuf};

/// The folder that holds `assets/` and `maps/`.
///
/// Defaults to the source checkout the binary was built from, so `cargo run` works
/// from anywhere; `--data-dir` or the `ALLIANCE_MAP_DIR` environment variable point
/// elsewhere (an installed copy, or a test's deliberately broken copy).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataDir(pub PathBuf);

impl DataDir {
    /// The environment variable that overrides the default folder.
    pub const ENV_VAR: &'static str = "ALLIANCE_MAP_DIR";

    /// `explicit` if given, else `$ALLIANCE_MAP_DIR`, else the build's source folder.
    pub fn resolve(explicit: Option<&Path>) -> Self {
        if let Some(path) = explicit {
            return Self(path.to_path_buf());
        }
        match std::env::var_os(Self::ENV_VAR) {
            Some(dir) if !dir.is_empty() => Self(PathBuf::from(dir)),
            _ => Self(PathBuf::from(env!("CARGO_MANIFEST_DIR"))),
        }
    }

    /// The Natural Earth country shapes.
    pub fn shapes_path(&self) -> PathBuf {
        self.0.join("assets").join("countries-50m.amshp")
    }

    /// The ISO 3166-1 table.
    pub fn iso_table_path(&self) -> PathBuf {
        self.0.join("assets").join("iso3166-1.tsv")
    }

    /// The font the window and the exporters use, so text looks the same everywhere.
    pub fn font_path(&self) -> PathBuf {
        self.0.join("assets").join("DejaVuSans.ttf")
    }

    /// The folder of organisation files.
    pub fn maps_dir(&self) -> PathBuf {
        self.0.join("maps")
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
