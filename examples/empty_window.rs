//! The reference for start-up and memory benchmarks (`scripts/bench-startup`): an
//! eframe 0.37 window with alliance-map's eframe features, options and size that
//! draws one heading and nothing else. What alliance-map costs beyond this is
//! what it costs a person to see the map instead of an empty window.
//!
//! `cargo build --release --example empty_window`

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_app_id("alliance-map-empty-window")
            .with_title("empty window")
            .with_inner_size([1240.0, 820.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_ui_native("empty window", options, |ui, _frame| {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("An empty eframe window: the start-up and memory reference");
        });
    })
}
