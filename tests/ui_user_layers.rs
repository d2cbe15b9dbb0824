//! The user's own layers and preferences in the window: *File → Add layer from
//! file…* checks and copies a file, problems are listed (never a crash), and
//! *View → Reset preferences* forgets what was remembered.

mod common;

use std::path::PathBuf;

use alliance_map::app::preferences::Preferences;
use alliance_map::app::{Action, Command};
use alliance_map::io::Problem;
use alliance_map::model::PaletteChoice;
use egui_kittest::kittest::Queryable;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("alliance-map-ui-layers-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const COALITION: &str = r#"Organisation(
    short_name: "Coalition",
    name: "Baltic Sea Coalition (example)",
    kind: alliance,
    layer: primary,
    checked_to: "2026-12-01",
    founding: Document(title: "Joint declaration", signed: "2025-01-01", source: Source(title: "Our own notes")),
    countries: [
        Country(iso3: "EST", periods: [Period(status: member, start: "2025-01-01", source: Source(title: "Our own notes"))]),
    ],
)
"#;

#[test]
fn adding_a_layer_checks_it_copies_it_and_lists_it_hidden_under_extra_layers() {
    let dir = scratch("add");
    let sent = dir.join("coalition.ron");
    std::fs::write(&sent, COALITION).unwrap();
    let layers = dir.join("user").join("maps");
    let app = common::app_on("2025-06-01").with_user_layers_dir(Some(layers.clone()));
    let mut harness = common::window_harness(app, [1400.0, 900.0]);
    harness.run();
    harness.state_mut().apply(Command::AddLayerFrom(sent.clone()));
    harness.run();

    assert_eq!(std::fs::read_to_string(layers.join("coalition.ron")).unwrap(), COALITION, "copied as it was");
    harness.get_by_label("Layer added");
    let scene = harness.state().scene();
    let layer = scene.legend.layers.iter().find(|l| l.org == "Coalition").expect("listed");
    assert!(!layer.visible && !layer.primary, "a user layer is an extra layer, hidden until shown");

    // The same file again: its short name is taken now, and nothing is overwritten.
    harness.state_mut().apply(Command::AddLayerFrom(sent));
    harness.run();
    harness.get_by_label("Layer not added");
    harness.get_by_label_contains("short name \"Coalition\" is already used");
}

#[test]
fn a_broken_file_is_refused_with_its_line_and_column() {
    let dir = scratch("broken");
    let sent = dir.join("broken.ron");
    std::fs::write(&sent, COALITION.replace("\"EST\"", "\"XYZ\"")).unwrap();
    let layers = dir.join("user").join("maps");
    let app = common::app_on("2025-06-01").with_user_layers_dir(Some(layers.clone()));
    let mut harness = common::window_harness(app, [1400.0, 900.0]);
    harness.state_mut().apply(Command::AddLayerFrom(sent.clone()));
    harness.run();
    harness.get_by_label("Layer not added");
    harness.get_by_label(&format!("{}:9:23: unknown ISO 3166-1 alpha-3 code XYZ", sent.display()));
    assert!(!layers.join("broken.ron").exists(), "nothing is copied");
}

#[test]
fn problems_with_user_layers_at_start_are_listed_in_the_window() {
    let mut data = common::shipped_data();
    data.problems = vec![Problem::whole_file(std::path::Path::new("/home/me/maps/x.ron"), "the file is empty")];
    let layout = alliance_map::workspace::default_layout(&data.atlas, "2025-01-01".parse().unwrap());
    let app = alliance_map::app::AllianceMapApp::new(data, layout, false);
    let mut harness = common::window_harness(app, [1400.0, 900.0]);
    harness.run();
    harness.get_by_label("Problems in your own layers");
    harness.get_by_label_contains("x.ron");
}

#[test]
fn preferences_are_remembered_and_reset() {
    let app = common::app_on("2025-06-01");
    let mut harness = common::window_harness(app, [1400.0, 900.0]);
    harness.run();
    assert!(harness.state().preferences().show_labels, "labels are on at first");

    harness.state_mut().apply(Command::Action(Action::ToggleLabels));
    harness.state_mut().apply(Command::Edit(alliance_map::workspace::Edit::SetPalette(PaletteChoice::TolBright)));
    harness.ctx.set_theme(egui::ThemePreference::Light);
    harness.run();
    let remembered = harness.state().preferences();
    assert!(!remembered.show_labels);
    assert_eq!(remembered.palette, PaletteChoice::TolBright);
    assert_eq!(remembered.theme, egui::ThemePreference::Light);
    // What eframe's storage writes reads back the same; an older file without some
    // fields reads them as defaults.
    let text = ron::to_string(&remembered).unwrap();
    assert_eq!(ron::from_str::<Preferences>(&text).unwrap(), remembered);
    assert_eq!(ron::from_str::<Preferences>("(show_labels: false)").unwrap().export_size, (1920, 1080));

    harness.state_mut().apply(Command::Action(Action::ResetPreferences));
    harness.run();
    let reset = harness.state().preferences();
    assert!(reset.show_labels);
    assert_eq!(reset.theme, egui::ThemePreference::System);
}
