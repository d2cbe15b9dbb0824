//! Helpers shared by the integration tests.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use alliance_map::app::{AllianceMapApp, default_layout};
use alliance_map::io::{DataDir, MapData};
use alliance_map::model::{Date, Layout};

/// The data shipped in the repository.
pub fn shipped_data() -> MapData {
    MapData::load(&DataDir::resolve(None)).unwrap_or_else(|e| panic!("shipped data loads: {e}"))
}

/// The app on the shipped data with the default layout as of `date`.
pub fn app_on(date: &str) -> AllianceMapApp {
    let data = shipped_data();
    let date: Date = date.parse().unwrap();
    let layout = default_layout(&data.atlas, date);
    AllianceMapApp::new(data, layout, false)
}

/// The app with a given layout.
pub fn app_with(layout: impl FnOnce(&MapData) -> Layout) -> AllianceMapApp {
    let data = shipped_data();
    let layout = layout(&data);
    AllianceMapApp::new(data, layout, false)
}
