//! The document core as plain unit tests: edits, undo steps, files and the scene,
//! on the shipped data, without a window.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::*;
use crate::io::DataDir;
use crate::model::{OverlapMode, PaletteChoice, View, WhatIf};

/// The day every workspace here calls today, so no answer changes at midnight.
const TODAY: Date = Date::constant(2024, 6, 1);

/// A workspace on the default layout as of [`TODAY`]. `MapData` is not `Clone` and a
/// workspace owns its data, so each test loads the shipped files anew (a fraction
/// of a second).
fn workspace() -> Workspace {
    let data = MapData::load(&DataDir::resolve(None)).unwrap_or_else(|e| panic!("shipped data loads: {e}"));
    Workspace::new(data, Clock::Fixed(TODAY))
}

/// A time `ms` milliseconds after `start`.
fn at(start: Instant, ms: u64) -> Instant {
    start + Duration::from_millis(ms)
}

/// A view panned `east_deg` degrees east of the default one.
fn panned(east_deg: f64) -> View {
    View { centre_lon: View::EURASIA.centre_lon + east_deg, ..View::EURASIA }
}

fn layer_order(ws: &Workspace) -> Vec<String> {
    ws.layout().layers.iter().map(|l| l.org.clone()).collect()
}

/// A fresh folder for files written by one test. Cargo sets `CARGO_TARGET_TMPDIR`
/// only for integration tests, so unit tests use the system's temporary folder,
/// one folder per process so parallel runs do not collide.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("alliance-map-workspace-tests-{}", std::process::id())).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn armenia_leaves_csto() -> WhatIf {
    WhatIf::Remove { org: "CSTO".into(), iso3: "ARM".parse().unwrap(), from: Date::constant(2024, 1, 1) }
}

#[test]
fn a_new_workspace_shows_the_default_layout_as_of_the_clocks_day() {
    let ws = workspace();
    assert_eq!(ws.layout().date, TODAY);
    assert_eq!(ws.scene().inputs, SceneInputs::from_layout(ws.layout()));
    assert!(!ws.document().is_dirty());
    assert!(!ws.document().can_undo());
}

#[test]
fn an_edit_that_changes_nothing_records_no_undo_step() {
    let mut ws = workspace();
    let generation = ws.scene().generation;
    let now = Instant::now();
    for edit in [
        Edit::SetDate(TODAY),
        Edit::SetView(View::EURASIA),
        Edit::SetDisputedRule(ws.layout().disputed),
        Edit::SetLayerVisible { org: "NATO".into(), visible: true },
        Edit::SetLayerVisible { org: "NO SUCH ORG".into(), visible: false },
        Edit::SetCommitmentLines(ws.layout().commitment_lines),
        Edit::RemoveWhatIf(0),
    ] {
        assert_eq!(ws.apply_at(edit.clone(), now), Changed::NOTHING, "{edit:?}");
    }
    assert!(!ws.document().can_undo());
    assert!(!ws.document().is_dirty());
    assert_eq!(ws.scene().generation, generation);
}

#[test]
fn edits_of_one_group_within_the_coalesce_window_are_one_undo_step() {
    let mut ws = workspace();
    let start = Instant::now();
    let step = COALESCE.as_millis() as u64 / 3;
    for (i, day) in [2, 3, 4].into_iter().enumerate() {
        let changed = ws.apply_at(Edit::SetDate(Date::constant(2024, 6, day)), at(start, step * i as u64));
        assert!(changed.date && changed.scene && changed.layout, "{changed:?}");
    }
    assert_eq!(ws.undo(), Changed { layout: true, scene: true, view: false, date: true });
    assert_eq!(ws.layout().date, TODAY);
    assert!(!ws.document().can_undo());
}

#[test]
fn edits_of_one_group_further_apart_than_the_coalesce_window_are_two_undo_steps() {
    let mut ws = workspace();
    let start = Instant::now();
    ws.apply_at(Edit::SetDate(Date::constant(2024, 6, 2)), start);
    ws.apply_at(Edit::SetDate(Date::constant(2024, 6, 3)), start + COALESCE);
    ws.undo();
    assert_eq!(ws.layout().date, Date::constant(2024, 6, 2));
    ws.undo();
    assert_eq!(ws.layout().date, TODAY);
    assert!(!ws.document().can_undo());
}

#[test]
fn edits_of_different_groups_never_merge() {
    let mut ws = workspace();
    let start = Instant::now();
    ws.apply_at(Edit::SetDate(Date::constant(2024, 6, 2)), start);
    ws.apply_at(Edit::SetMode(OverlapMode::Count), at(start, 10));
    ws.undo();
    assert_eq!(ws.layout().mode, OverlapMode::Patterns);
    assert_eq!(ws.layout().date, Date::constant(2024, 6, 2));
}

#[test]
fn a_pan_is_undoable_and_undo_restores_the_previous_view() {
    let mut ws = workspace();
    let generation = ws.scene().generation;
    let start = Instant::now();
    let changed = ws.apply_at(Edit::SetView(panned(10.0)), start);
    assert_eq!(changed, Changed { layout: true, scene: false, view: true, date: false });
    // A drag is many small pans: one undo step.
    ws.apply_at(Edit::SetView(panned(20.0)), at(start, 16));
    assert!(ws.document().is_dirty());
    assert_eq!(ws.scene().generation, generation, "a pan does not rebuild the scene");

    let changed = ws.undo();
    assert!(changed.view && changed.layout && !changed.scene, "{changed:?}");
    assert_eq!(ws.layout().view, View::EURASIA);
    assert!(!ws.document().is_dirty());
    assert_eq!(ws.scene().generation, generation);

    assert!(ws.redo().view);
    assert_eq!(ws.layout().view, panned(20.0));
}

#[test]
fn a_drag_that_comes_back_to_where_it_started_leaves_no_undo_step() {
    let mut ws = workspace();
    let start = Instant::now();
    ws.apply_at(Edit::SetView(panned(10.0)), start);
    ws.apply_at(Edit::SetView(View::EURASIA), at(start, 16));
    assert!(!ws.document().can_undo(), "an undo here would change nothing");
    // The drag goes on: its next move is a step of its own again.
    ws.apply_at(Edit::SetView(panned(-5.0)), at(start, 32));
    assert!(ws.undo().view);
    assert_eq!(ws.layout().view, View::EURASIA);
}

#[test]
fn what_ifs_are_each_their_own_undo_step() {
    let mut ws = workspace();
    let start = Instant::now();
    ws.apply_at(Edit::AddWhatIf(armenia_leaves_csto()), start);
    ws.apply_at(Edit::AddWhatIf(armenia_leaves_csto()), at(start, 1));
    ws.apply_at(Edit::RemoveWhatIf(0), at(start, 2));
    assert_eq!(ws.layout().what_ifs.len(), 1);
    ws.undo();
    assert_eq!(ws.layout().what_ifs.len(), 2);
    ws.undo();
    assert_eq!(ws.layout().what_ifs.len(), 1);
    ws.undo();
    assert!(ws.layout().what_ifs.is_empty());
    assert!(!ws.document().can_undo());
}

#[test]
fn a_new_edit_after_undo_drops_the_redo_steps() {
    let mut ws = workspace();
    let start = Instant::now();
    ws.apply_at(Edit::SetMode(OverlapMode::Count), start);
    ws.undo();
    assert!(ws.document().can_redo());
    ws.apply_at(Edit::SetPalette(PaletteChoice::TolBright), at(start, 10));
    assert!(!ws.document().can_redo());
    assert_eq!(ws.redo(), Changed::NOTHING);
}

#[test]
fn changing_the_disputed_rule_draws_the_other_geometry_and_undo_brings_the_first_back() {
    let mut ws = workspace();
    let first_rule = ws.layout().disputed;
    let other_rule = match first_rule {
        DisputedRule::UnResolutions => DisputedRule::DeFactoControl,
        DisputedRule::DeFactoControl => DisputedRule::UnResolutions,
    };
    let first = Arc::clone(&ws.scene().geometry);
    assert_eq!(first.rule, first_rule);

    let changed = ws.apply_at(Edit::SetDisputedRule(other_rule), Instant::now());
    assert!(changed.scene && !changed.view, "{changed:?}");
    assert_eq!(ws.scene().inputs.rule, other_rule);
    assert_eq!(ws.scene().geometry.rule, other_rule);
    assert!(!Arc::ptr_eq(&ws.scene().geometry, &first));

    assert!(ws.undo().scene);
    assert_eq!(ws.scene().inputs.rule, first_rule);
    assert!(Arc::ptr_eq(&ws.scene().geometry, &first), "the geometry per rule is built once and kept");
    assert!(Arc::ptr_eq(&ws.geometry(first_rule), &first));
}

#[test]
fn move_layer_clamps_at_both_ends_and_a_move_that_cannot_move_records_nothing() {
    let mut ws = workspace();
    let order = layer_order(&ws);
    let (first, last) = (order[0].clone(), order[order.len() - 1].clone());
    let start = Instant::now();

    assert_eq!(ws.apply_at(Edit::MoveLayer { org: first.clone(), by: -1 }, start), Changed::NOTHING);
    assert_eq!(ws.apply_at(Edit::MoveLayer { org: last.clone(), by: 3 }, start), Changed::NOTHING);
    assert_eq!(ws.apply_at(Edit::MoveLayer { org: "NO SUCH ORG".into(), by: 1 }, start), Changed::NOTHING);
    assert!(!ws.document().can_undo());

    assert!(ws.apply_at(Edit::MoveLayer { org: first.clone(), by: 100 }, start).scene);
    assert_eq!(layer_order(&ws).last(), Some(&first), "moved past the end, it stops at the end");
    assert!(ws.apply_at(Edit::MoveLayer { org: last.clone(), by: -100 }, start + COALESCE).scene);
    assert_eq!(layer_order(&ws).first(), Some(&last), "moved past the top, it stops at the top");
    assert_eq!(layer_order(&ws).len(), order.len());

    ws.undo();
    ws.undo();
    assert_eq!(layer_order(&ws), order);
}

#[test]
fn opening_a_layout_with_problems_returns_them_and_keeps_layout_and_history() {
    let mut ws = workspace();
    ws.apply_at(Edit::SetMode(OverlapMode::Count), Instant::now());
    let layout = ws.layout().clone();
    let generation = ws.scene().generation;

    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts/many-problems.ron");
    let problems = ws.open(&file).expect_err("the file has problems");
    assert!(problems.len() > 1, "every problem is listed: {problems:?}");
    assert!(problems.iter().any(|p| p.message.contains("is listed twice")), "{problems:?}");

    assert_eq!(ws.layout(), &layout);
    assert_eq!(ws.document().path(), None);
    assert!(ws.document().is_dirty());
    assert!(ws.document().can_undo());
    assert_eq!(ws.scene().generation, generation);
}

#[test]
fn opening_a_good_layout_replaces_the_document_and_its_history() {
    let mut ws = workspace();
    ws.apply_at(Edit::SetMode(OverlapMode::Count), Instant::now());
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/layouts/post-soviet-space-2010.ron");
    let (changed, missing) = ws.open(&file).expect("the example opens");
    assert!(changed.layout && changed.date && missing.is_empty());
    assert_eq!(ws.layout().date, Date::constant(2010, 1, 1));
    assert_eq!(ws.scene().inputs, SceneInputs::from_layout(ws.layout()));
    assert_eq!(ws.document().path(), Some(file.as_path()));
    assert!(!ws.document().is_dirty());
    assert!(!ws.document().can_undo());
}

#[test]
fn saving_makes_the_document_clean_and_undo_back_to_the_saved_layout_cleans_it_again() {
    let mut ws = workspace();
    let file = temp_dir("save").join("saved.ron");
    let start = Instant::now();
    ws.apply_at(Edit::SetMode(OverlapMode::Count), start);
    assert!(ws.document().is_dirty());

    ws.save_to(&file).expect("the temp folder is writable");
    assert!(!ws.document().is_dirty());
    assert_eq!(ws.document().path(), Some(file.as_path()));

    ws.apply_at(Edit::SetPalette(PaletteChoice::HighContrast), at(start, 10));
    assert!(ws.document().is_dirty());
    ws.undo();
    assert!(!ws.document().is_dirty(), "back at the saved layout");
    ws.undo();
    assert!(ws.document().is_dirty(), "before the saved layout");
    ws.redo();
    assert!(!ws.document().is_dirty());

    // What was written is what the document holds.
    let mut reopened = workspace();
    reopened.open(&file).expect("the saved file opens");
    assert_eq!(reopened.layout(), ws.layout());
}

#[test]
fn an_edit_right_after_saving_starts_a_new_undo_step() {
    let mut ws = workspace();
    let file = temp_dir("save-then-drag").join("saved.ron");
    let start = Instant::now();
    ws.apply_at(Edit::SetDate(Date::constant(2024, 6, 2)), start);
    ws.save_to(&file).expect("the temp folder is writable");
    // The same group, well within the coalesce window: without a break at the save,
    // undo would jump past the saved layout.
    ws.apply_at(Edit::SetDate(Date::constant(2024, 6, 3)), at(start, 10));
    ws.undo();
    assert_eq!(ws.layout().date, Date::constant(2024, 6, 2));
    assert!(!ws.document().is_dirty());
}

#[test]
fn commitment_lines_do_not_rebuild_the_scene() {
    let mut ws = workspace();
    let scene = Arc::clone(ws.scene());
    let on = ws.layout().commitment_lines;
    let changed = ws.apply_at(Edit::SetCommitmentLines(!on), Instant::now());
    assert_eq!(changed, Changed { layout: true, scene: false, view: false, date: false });
    assert!(Arc::ptr_eq(ws.scene(), &scene));
    assert!(ws.document().is_dirty());

    let changed = ws.undo();
    assert!(changed.layout && !changed.scene, "{changed:?}");
    assert_eq!(ws.layout().commitment_lines, on);
    assert!(Arc::ptr_eq(ws.scene(), &scene));
}

#[test]
fn a_new_document_resets_history_and_file() {
    let mut ws = workspace();
    let file = temp_dir("new").join("saved.ron");
    let start = Instant::now();
    ws.apply_at(Edit::SetMode(OverlapMode::Count), start);
    ws.save_to(&file).unwrap();
    ws.apply_at(Edit::SetPalette(PaletteChoice::TolBright), at(start, 10));
    ws.undo();

    let changed = ws.new_document();
    assert!(changed.layout && changed.scene && changed.view && changed.date);
    assert_eq!(ws.layout(), &default_layout(&ws.data().atlas, TODAY));
    assert_eq!(ws.scene().inputs, SceneInputs::from_layout(ws.layout()));
    assert!(!ws.document().can_undo());
    assert!(!ws.document().can_redo());
    assert!(!ws.document().is_dirty());
    assert_eq!(ws.document().path(), None);
    assert_eq!(ws.undo(), Changed::NOTHING);
}

#[test]
fn the_selection_is_cached_per_scene_and_rebuilt_after_a_scene_change() {
    let mut ws = workspace();
    let armenia: CountryCode = "ARM".parse().unwrap();
    let russia: CountryCode = "RUS".parse().unwrap();

    let first = ws.selection(armenia);
    assert_eq!(first.code, armenia);
    assert!(first.statuses.iter().any(|s| s.org == "CSTO"), "{:?}", first.statuses);
    assert!(Arc::ptr_eq(&ws.selection(armenia), &first), "asked twice, built once");

    // A pan keeps the scene, and so the detail.
    ws.apply_at(Edit::SetView(panned(5.0)), Instant::now());
    assert!(Arc::ptr_eq(&ws.selection(armenia), &first));

    // Another country is built for it.
    assert_eq!(ws.selection(russia).code, russia);

    // A new scene gives a new detail, built from it.
    ws.apply_at(Edit::AddWhatIf(armenia_leaves_csto()), Instant::now());
    let after = ws.selection(armenia);
    assert!(!Arc::ptr_eq(&after, &first));
    assert!(!after.statuses.iter().any(|s| s.org == "CSTO"), "{:?}", after.statuses);
}

#[test]
fn next_change_steps_to_the_nearest_change_day_on_either_side() {
    let ws = workspace();
    let days = ws.change_days();
    assert!(days.windows(2).all(|w| w[0] < w[1]), "sorted, without repeats");
    let after = ws.next_change(true).expect("a change after 2024-06-01");
    let before = ws.next_change(false).expect("a change before 2024-06-01");
    assert!(before < TODAY && TODAY < after);
    assert!(!days.iter().any(|&d| before < d && d < after && d != TODAY));
}

#[test]
fn a_layer_the_layout_does_not_list_can_still_be_shown() {
    let mut ws = workspace();
    let mut layout = ws.layout().clone();
    layout.layers.retain(|l| l.org != "EU");
    ws.replace_document(Document::new(layout, None));
    assert!(ws.layout().layer("EU").is_none());
    assert!(ws.apply(Edit::SetLayerVisible { org: "EU".into(), visible: true }).layout);
    assert!(ws.layout().layer("EU").is_some_and(|l| l.visible));
    assert!(ws.scene().legend.layers.iter().any(|l| l.org == "EU" && l.visible));
}

#[test]
fn an_added_organisation_appears_as_a_hidden_extra_layer() {
    let mut ws = workspace();
    let mut org = ws.data().atlas.find("CSTO").unwrap().clone();
    org.short_name = "Mine".into();
    org.layer = crate::model::LayerRank::Extra;
    let changed = ws.add_organisation(org);
    assert!(changed.scene && !changed.layout, "the layout file is not changed by new data");
    let layer = ws.scene().legend.layers.iter().find(|l| l.org == "Mine").expect("listed");
    assert!(!layer.visible && !layer.primary);
    ws.apply(Edit::SetLayerVisible { org: "Mine".into(), visible: true });
    assert!(ws.scene().legend.layers.iter().any(|l| l.org == "Mine" && l.visible));
}

#[test]
fn a_layout_naming_a_layer_this_machine_lacks_opens_and_saves_it_unchanged() {
    let mut ws = workspace();
    let dir = temp_dir("unknown-layer");
    let file = dir.join("travelled.ron");
    let mut layout = ws.layout().clone();
    let mut theirs = crate::model::LayerSettings::new("Their coalition", true);
    theirs.colour = Some(crate::model::HexColour::from_rgb([1, 2, 3]));
    layout.layers.insert(1, theirs.clone());
    crate::io::layouts::save_layout(&file, &layout).unwrap();

    let (_, missing) = ws.open(&file).expect("opens despite the unknown layer");
    assert_eq!(missing.len(), 1);
    let text = std::fs::read_to_string(&file).unwrap();
    let line = text.lines().position(|l| l.contains("\"Their coalition\"")).unwrap() + 1;
    assert_eq!(missing[0].at.line, line, "{}", missing[0]);
    assert!(missing[0].message.contains("\"Their coalition\" is not in this machine's data"), "{}", missing[0]);
    assert!(!ws.scene().legend.layers.iter().any(|l| l.org == "Their coalition"), "nothing to draw");

    ws.apply(Edit::SetMode(OverlapMode::Count));
    let saved = dir.join("saved.ron");
    ws.save_to(&saved).unwrap();
    let reloaded = crate::io::layouts::read_layout(&saved, |_| Vec::new()).unwrap();
    assert_eq!(reloaded.layer("Their coalition"), Some(&theirs), "kept as it was");
    assert_eq!(reloaded.layers.iter().position(|l| l.org == "Their coalition"), Some(1), "and where it was");
}
