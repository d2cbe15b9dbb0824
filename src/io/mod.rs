//! Input and output at the edges: reading the shipped assets and the RON files
//! people write. Every error names the file, the line and column where it can,
//! and what was expected; nothing here panics on bad bytes.

pub mod assets;
pub mod atomic;
pub mod iso_table;
pub mod layouts;
pub mod organisations;
pub mod problems;
pub mod ron_spans;
pub mod ron_text;
pub mod ron_tokens;
pub mod shapes;

pub use assets::{AssetError, DataDir};
pub use problems::{Problem, Problems};

use crate::analysis::Atlas;

/// Everything the program reads from its data folder: shapes, country names and
/// the organisations. Read before any window opens, so a broken file is a clear
/// error and an exit status, not a window that shows nothing.
pub struct MapData {
    /// Country shapes.
    pub shapes: shapes::ShapeSet,
    /// Country names and known codes.
    pub iso: iso_table::IsoTable,
    /// The organisations, as sourced.
    pub atlas: Atlas,
    /// The font (TrueType) used by the window and the exporters.
    pub font: std::sync::Arc<Vec<u8>>,
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
    /// Reads shapes, the ISO table and every organisation file.
    pub fn load(dir: &DataDir) -> Result<Self, DataError> {
        let iso = iso_table::IsoTable::load(&dir.iso_table_path())?;
        let shapes = shapes::ShapeSet::load(&dir.shapes_path())?;
        let font = std::sync::Arc::new(assets::load_font(&dir.font_path())?);
        let atlas = organisations::load_atlas(&dir.maps_dir(), &iso)?;
        Ok(Self { shapes, iso, atlas, font })
    }
}
