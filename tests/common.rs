//! Helpers shared by the integration tests.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use alliance_map::app::LoadedData;
use alliance_map::io::DataDir;
use alliance_map::io::iso_table::IsoTable;
use alliance_map::io::shapes::ShapeSet;

/// The data shipped in the repository.
pub fn shipped_data() -> LoadedData {
    let dir = DataDir::resolve(None);
    LoadedData {
        shapes: ShapeSet::load(&dir.shapes_path()).expect("shipped shapes load"),
        iso: IsoTable::load(&dir.iso_table_path()).expect("shipped ISO table loads"),
    }
}
