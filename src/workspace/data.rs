//! Everything the program reads from its data folder, loaded once: country shapes,
//! country names, the organisations and the font.

use std::sync::Arc;

use crate::analysis::Atlas;
use crate::io::assets::{AssetError, DataDir, load_font};
use crate::io::iso_table::IsoTable;
use crate::io::organisations::load_atlas;
use crate::io::problems::Problems;
use crate::io::shapes::ShapeSet;

/// The loaded data folder. Read before any window opens, so a broken file is a
/// clear error and an exit status, not a window that shows nothing.
pub struct MapData {
    /// Country shapes.
    pub shapes: ShapeSet,
    /// Country names and known codes.
    pub iso: IsoTable,
    /// The organisations, as sourced.
    pub atlas: Atlas,
    /// The font (TrueType) used by the window and the exporters.
    pub font: Arc<Vec<u8>>,
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
    /// Reads shapes, the ISO table, the font and every organisation file.
    pub fn load(dir: &DataDir) -> Result<Self, DataError> {
        let iso = IsoTable::load(&dir.iso_table_path())?;
        let shapes = ShapeSet::load(&dir.shapes_path())?;
        let font = Arc::new(load_font(&dir.font_path())?);
        let atlas = load_atlas(&dir.maps_dir(), &iso)?;
        Ok(Self { shapes, iso, atlas, font })
    }
}
