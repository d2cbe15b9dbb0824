//! Helpers shared by the integration tests.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use alliance_map::app::AllianceMapApp;
use alliance_map::io::DataDir;
use alliance_map::model::{Date, Layout};
use alliance_map::workspace::{MapData, default_layout};

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

/// A kittest harness around the whole window at `size`, stepping 1/30 s per frame.
/// Not run yet: callers run it once they have queued their input.
pub fn window_harness(app: AllianceMapApp, size: [f32; 2]) -> egui_kittest::Harness<'static, AllianceMapApp> {
    egui_kittest::Harness::builder()
        .with_size(size)
        .with_max_steps(64)
        .with_step_dt(1.0 / 30.0)
        .build_ui_state(|ui, app: &mut AllianceMapApp| app.show(ui), app)
}

/// The built-in organisations, as the facts tests read them.
pub fn atlas() -> alliance_map::analysis::Atlas {
    let dir = DataDir::resolve(None);
    let iso = dir.iso_table().unwrap();
    alliance_map::workspace::load_data_atlas(&dir, &iso).unwrap_or_else(|p| panic!("{p}"))
}

/// A day from `YYYY-MM-DD`.
pub fn day(text: &str) -> Date {
    text.parse().unwrap()
}

/// A country code from text.
pub fn code(text: &str) -> alliance_map::model::CountryCode {
    text.parse().unwrap()
}

/// How many countries hold `status` in `org` on `date`.
pub fn count(
    atlas: &alliance_map::analysis::Atlas,
    org: &str,
    date: &str,
    status: alliance_map::model::Status,
) -> usize {
    atlas.find(org).unwrap().statuses_on(day(date)).iter().filter(|(_, s)| *s == status).count()
}

/// Runs the built binary in the checkout, with no display and no user layers.
pub fn run_cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_alliance-map"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // The shipped data only: no user layers from whoever runs the tests.
        .env("XDG_DATA_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-user-data"))
        // No display: the command line must not need one.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs")
}
