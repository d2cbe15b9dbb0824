//! Open, save, the unsaved-changes prompt, dropped files and bad files, driven
//! through the window with scripted file dialogs.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use alliance_map::app::file_dialogs::ScriptedDialogs;
use alliance_map::app::{AllianceMapApp, Command, FileAction};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn temp_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ui-document").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn harness_with(dialogs: ScriptedDialogs) -> Harness<'static, AllianceMapApp> {
    let app = common::app_on("2024-08-01").with_dialogs(Box::new(dialogs));
    let mut harness = common::window_harness(app, [1400.0, 900.0]);
    harness.run();
    harness
}

fn answering(paths: Vec<Option<PathBuf>>) -> ScriptedDialogs {
    ScriptedDialogs { answers: std::sync::Mutex::new(paths.into()), unavailable: None }
}

fn make_a_change(harness: &mut Harness<'_, AllianceMapApp>) {
    harness.get_by_label("NATO").click();
    harness.run();
    assert!(harness.state().is_dirty());
}

#[test]
fn new_with_unsaved_changes_asks_and_cancel_keeps_the_changes() {
    let mut harness = harness_with(answering(vec![]));
    make_a_change(&mut harness);
    let changed = harness.state().layout().clone();
    harness.state_mut().apply(Command::File(FileAction::New));
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().is_prompting());
    assert_eq!(harness.state().layout(), &changed);
}

#[test]
fn discard_drops_the_changes_and_goes_on() {
    let mut harness = harness_with(answering(vec![]));
    make_a_change(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(!harness.state().is_dirty());
    assert!(harness.state().layout().layer("NATO").unwrap().visible);
}

#[test]
fn save_in_the_prompt_writes_the_file_then_goes_on() {
    let dir = temp_dir("prompt-save");
    let target = dir.join("story.ron");
    let mut harness = harness_with(answering(vec![Some(target.clone())]));
    make_a_change(&mut harness);
    let changed = harness.state().layout().clone();
    harness.state_mut().apply(Command::File(FileAction::Close));
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    let text = std::fs::read_to_string(&target).unwrap();
    assert_eq!(text, alliance_map::io::layouts::layout_to_string(&changed));
    assert!(harness.state().wants_close());
}

#[test]
fn closing_without_changes_does_not_ask() {
    let mut harness = harness_with(answering(vec![]));
    harness.state_mut().apply(Command::File(FileAction::Close));
    harness.run();
    assert!(!harness.state().is_prompting());
    assert!(harness.state().wants_close());
}

#[test]
fn ctrl_s_saves_and_the_title_shows_the_file_and_unsaved_mark() {
    let dir = temp_dir("ctrl-s");
    let target = dir.join("briefing.ron");
    let mut harness = harness_with(answering(vec![Some(target.clone())]));
    assert_eq!(harness.state().title(), "untitled — alliance-map");
    make_a_change(&mut harness);
    assert_eq!(harness.state().title(), "untitled ● — alliance-map");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(target.is_file());
    assert_eq!(harness.state().title(), "briefing.ron — alliance-map");
    assert_eq!(harness.state().recent().len(), 1);
}

#[test]
fn opening_a_layout_replaces_the_map_and_remembers_the_file() {
    let mut harness = harness_with(answering(vec![Some(PathBuf::from("maps/layouts/nato-enlargement-1999-2024.ron"))]));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run();
    let layout = harness.state().layout();
    assert_eq!(layout.title, "NATO enlargement, 1999-2024");
    assert_eq!(layout.date.to_string(), "2024-03-07");
    assert!(!harness.state().is_dirty(), "opening must not mark the layout changed");
    assert!(harness.state().recent()[0].ends_with("nato-enlargement-1999-2024.ron"));
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_dropped_ron_file_opens() {
    let mut harness = harness_with(answering(vec![]));
    harness.input_mut().dropped_files.push(Arc::new(Dropped(PathBuf::from("maps/layouts/post-soviet-space-2010.ron"))));
    harness.run();
    assert_eq!(harness.state().layout().title, "The post-Soviet space in 2010");
    assert!(harness.state().path().unwrap().ends_with("post-soviet-space-2010.ron"));
}

/// A layout that selects a country opens with it selected: the inspector shows its
/// tensions as the layout's notes promise.
#[test]
fn a_layout_opens_with_its_selected_country() {
    let mut harness = harness_with(answering(vec![]));
    harness.state_mut().apply(Command::OpenPath(PathBuf::from("maps/layouts/sco-non-alignment.ron")));
    harness.run();
    harness.get_by_label("Selected: Kazakhstan (KAZ)");
    assert_eq!(harness.query_all_by_label_contains("pledges under SCO article Treaty 2007 art. 4(2)").count(), 2);
}

#[test]
fn a_bad_file_shows_its_problems_and_keeps_the_current_layout() {
    let mut harness = harness_with(answering(vec![]));
    let before = harness.state().layout().clone();
    harness.state_mut().apply(Command::OpenPath(PathBuf::from("tests/fixtures/layouts/many-problems.ron")));
    harness.run();
    assert_eq!(harness.state().layout(), &before);
    harness.get_by_label("Problems in the layout file");
    harness.get_by_label_contains("10:20: layer \"NATO\" is listed twice");
    harness.get_by_label_contains("17:58: 1000 is out of range");
}

#[test]
fn without_a_file_dialog_the_window_says_so_and_offers_a_path_field() {
    let dialogs =
        ScriptedDialogs { answers: Default::default(), unavailable: Some("No file dialog can open here: test".into()) };
    let mut harness = harness_with(dialogs);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run();
    harness.get_by_label("No file dialog can open here: test");
    harness.get_by_label("Path").click();
    harness.run();
    harness.get_by_label("Path").type_text("maps/layouts/today.ron");
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    assert_eq!(harness.state().layout().date.to_string(), "2026-11-23");
}

#[test]
fn panning_changes_the_view_saved_in_the_layout() {
    let mut harness = harness_with(answering(vec![]));
    let before = harness.state().layout().view;
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    let after = harness.state().layout().view;
    assert!(after.centre_lon < before.centre_lon, "{before:?} -> {after:?}");
    assert!(harness.state().is_dirty());
}

#[test]
fn a_pan_is_one_undo_step_and_undo_moves_the_map_back() {
    let mut harness = harness_with(answering(vec![]));
    let before = harness.state().layout().view;
    let rect = harness.get_by_label("Map").rect();
    let framing_before = harness.state().framing(rect);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_ne!(harness.state().layout().view, before);
    assert_ne!(harness.state().framing(rect), framing_before, "the screen follows the view");

    // Two quick presses pan once as far as an undo is concerned.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().layout().view, before);
    assert_eq!(harness.state().framing(rect), framing_before, "undo moved the map back");
    assert!(!harness.state().is_dirty(), "back where the file was");
}
