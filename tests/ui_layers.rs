//! Layers, overlaps, the date control, what-ifs and undo, driven through the
//! window's widgets by their labels.

mod common;

use alliance_map::app::{Action, AllianceMapApp, Command, help};
use alliance_map::model::{CountryCode, OverlapMode, Status};
use alliance_map::workspace::Edit;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(date: &str) -> Harness<'static, AllianceMapApp> {
    let app = common::app_on(date);
    let mut harness = common::window_harness(app, [1400.0, 900.0]);
    harness.run();
    harness
}

fn country_index(harness: &Harness<'_, AllianceMapApp>, code: &str) -> usize {
    harness.state().scene().geometry.index_of(code.parse().unwrap()).unwrap()
}

fn code(text: &str) -> CountryCode {
    text.parse().unwrap()
}

/// The organisations whose patterns are drawn over a country.
fn patterns_over(harness: &Harness<'_, AllianceMapApp>, code: &str) -> Vec<String> {
    let scene = harness.state().scene();
    let index = country_index(harness, code);
    let colours: Vec<_> =
        scene.hatches.iter().filter(|h| h.country == index).map(|h| h.colour.0[..3].to_vec()).collect();
    scene.legend.layers.iter().filter(|l| colours.contains(&l.colour.0[..3].to_vec())).map(|l| l.org.clone()).collect()
}

fn set_date(harness: &mut Harness<'_, AllianceMapApp>, date: &str) {
    let field = harness.get_by_label("Date");
    field.click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Date").type_text(date);
    harness.key_press(egui::Key::Enter);
    harness.run();
}

#[test]
fn toggling_a_layer_removes_its_pattern_from_a_country() {
    let mut harness = harness("2024-08-01");
    let before = patterns_over(&harness, "RUS");
    assert!(before.contains(&"CSTO".to_owned()), "{before:?}");
    assert!(before.contains(&"SCO".to_owned()), "{before:?}");

    harness.get_by_label("CSTO").click();
    harness.run();
    let after = patterns_over(&harness, "RUS");
    assert!(!after.contains(&"CSTO".to_owned()), "{after:?}");
    assert!(after.contains(&"SCO".to_owned()), "{after:?}");

    harness.get_by_label("CSTO").click();
    harness.run();
    assert_eq!(patterns_over(&harness, "RUS"), before);
}

#[test]
fn moving_the_date_across_2023_04_04_makes_finland_a_nato_member() {
    let mut harness = harness("2024-01-01");
    set_date(&mut harness, "2023-04-03");
    assert_eq!(harness.state().layout().date.to_string(), "2023-04-03");
    let finland = country_index(&harness, "FIN");
    let nato_status = |harness: &Harness<'_, AllianceMapApp>| {
        let scene = harness.state().scene();
        scene.memberships[finland].iter().find(|m| scene.legend.layers[m.layer].org == "NATO").map(|m| m.status)
    };
    assert_eq!(nato_status(&harness), Some(Status::Applicant));
    assert!(harness.query_all_by_label_contains("30 members").next().is_some());

    set_date(&mut harness, "2023-04-05");
    assert_eq!(nato_status(&harness), Some(Status::Member));
    assert!(harness.query_all_by_label_contains("31 members").next().is_some());
}

#[test]
fn next_and_previous_change_step_to_the_days_the_data_changes() {
    let mut harness = harness("2023-04-01");
    harness.get_by_label("Next change ▶").click();
    harness.run();
    assert_eq!(harness.state().layout().date.to_string(), "2023-04-04");
    harness.get_by_label("◀ Previous change").click();
    harness.run();
    assert!(harness.state().layout().date.to_string().as_str() < "2023-04-04");
}

#[test]
fn a_bad_date_is_refused_with_a_message_and_the_map_keeps_its_date() {
    let mut harness = harness("2024-01-01");
    set_date(&mut harness, "2024-02-30");
    assert_eq!(harness.state().layout().date.to_string(), "2024-01-01");
    harness.get_by_label_contains("is not a day");
}

#[test]
fn the_combination_legend_lists_countries_in_three_organisations() {
    let harness = harness("2024-08-01");
    harness.get_by_label("CSTO + EAEU + SCO (4): Belarus, Kazakhstan, Kyrgyzstan, Russia");
}

#[test]
fn hovering_a_combination_highlights_its_countries() {
    let mut harness = harness("2024-08-01");
    harness.get_by_label("CSTO + EAEU + SCO (4): Belarus, Kazakhstan, Kyrgyzstan, Russia").hover();
    harness.run();
    let mut emphasised = harness.state().emphasised.clone();
    emphasised.sort_unstable();
    let expected: Vec<CountryCode> = ["BLR", "KAZ", "KGZ", "RUS"].map(code).to_vec();
    assert_eq!(emphasised, expected);
}

#[test]
fn the_overlap_count_mode_colours_by_number_of_organisations() {
    let mut harness = harness("2024-08-01");
    harness.get_by_label("Overlap count").click();
    harness.run();
    let scene = harness.state().scene();
    assert_eq!(scene.inputs.mode, OverlapMode::Count);
    assert!(scene.hatches.is_empty());
    let russia = country_index(&harness, "RUS");
    let norway = country_index(&harness, "NOR");
    assert_eq!(scene.fills[russia], scene.palette.count_colour(3));
    assert_eq!(scene.fills[norway], scene.palette.count_colour(1));
}

#[test]
fn a_what_if_shows_in_the_legend_and_undo_restores_the_map() {
    let mut harness = harness("2024-08-01");
    // Select Serbia on the map, which fills the what-if form's country.
    let serbia = country_index(&harness, "SRB");
    harness.state_mut().apply(Command::Select(Some(code("SRB"))));
    harness.run();
    harness.get_by_label("Add what-if").click();
    harness.run();
    harness.get_by_label_contains("Hypothetical: SRB member of CSTO from 2024-08-01");
    // The legend says what an exported picture says.
    harness.get_by_label("Hypothetical (not sourced fact):");
    harness.get_by_label("hypothetical: SRB member of CSTO from 2024-08-01");
    let scene = harness.state().scene();
    assert!(scene.memberships[serbia].iter().any(|m| m.hypothetical && m.status == Status::Member));
    assert!(scene.dashed.iter().any(|d| d.country == serbia));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().layout().what_ifs.is_empty());
    assert!(harness.query_by_label("Hypothetical (not sourced fact):").is_none());
    assert!(!harness.state().scene().memberships[serbia].iter().any(|m| m.hypothetical));

    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().layout().what_ifs.len(), 1);
}

#[test]
fn undo_covers_every_layout_change_not_only_what_ifs() {
    let mut harness = harness("2024-08-01");
    let original = harness.state().layout().clone();
    harness.get_by_label("NATO").click();
    harness.run();
    harness.get_by_label("Overlap count").click();
    harness.run();
    harness.state_mut().apply(Command::Edit(Edit::MoveLayer { org: "SCO".into(), by: -1 }));
    harness.run();
    assert_ne!(harness.state().layout(), &original);
    for _ in 0..3 {
        harness.get_by_label("Undo").click();
        harness.run();
    }
    assert_eq!(harness.state().layout(), &original);
}

#[test]
fn selecting_a_country_opens_its_inspector_with_commitments_and_lines() {
    let mut harness = harness("2024-08-01");
    let finland = code("FIN");
    harness.state_mut().apply(Command::Select(Some(finland)));
    harness.run();
    harness.get_by_label("Finland (FIN)");
    harness.get_by_label_contains("NATO art. 5 (defense) from 31");
    // Commitment lines: mutual defence arcs to the other allies on the map (31 less
    // Canada, which lies outside the map's extent).
    let detail = harness.state_mut().selection().expect("a selection");
    let arcs = &detail.arcs;
    assert_eq!(arcs.iter().filter(|a| a.from == finland && !a.dashed).count(), 30);
    assert!(arcs.iter().all(|a| a.mutual));
}

#[test]
fn f1_opens_the_keyboard_help() {
    let mut harness = harness("2024-08-01");
    harness.key_press(egui::Key::F1);
    harness.run();
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Ctrl+Shift+Z or Ctrl+Y");
}

#[test]
fn every_shortcut_of_the_action_table_appears_in_the_help() {
    let mut harness = harness("2024-08-01");
    harness.state_mut().apply(Command::Action(Action::ToggleHelp));
    harness.run();
    let rows = help::rows();
    for action in Action::ALL {
        for shortcut in action.shortcuts() {
            let text = shortcut.text();
            assert!(
                rows.iter().any(|(keys, what)| keys.split(" or ").any(|k| k == text) && what == action.label()),
                "{action:?}: {text} is not in the help"
            );
        }
        if !action.shortcuts().is_empty() {
            // And the window shows that row.
            harness.get_by_label(&action.shortcut_text());
        }
    }
    for shortcut in ["Ctrl+N", "Ctrl+O", "Ctrl+S", "Ctrl+Shift+S", "Ctrl+E", "Ctrl+Shift+C", "Ctrl+Y"] {
        assert!(rows.iter().any(|(keys, _)| keys.split(" or ").any(|k| k == shortcut)), "{shortcut} is missing");
    }
}

#[test]
fn shortcuts_run_their_actions() {
    let mut harness = harness("2024-08-01");
    harness.key_press(egui::Key::M);
    harness.run();
    assert_eq!(harness.state().layout().mode, OverlapMode::Count);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(harness.state().layout().mode, OverlapMode::Count, "nothing to redo yet");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().layout().mode, OverlapMode::Patterns);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(harness.state().layout().mode, OverlapMode::Count);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    harness.get_by_label("Export picture");
}

/// The NATO layer's partner and applicant counts on a day.
fn nato_counts(harness: &Harness<'_, AllianceMapApp>) -> (usize, usize) {
    let scene = harness.state().scene();
    let nato = scene.legend.layers.iter().find(|l| l.org == "NATO").unwrap();
    (nato.counts.get(&Status::Partner).copied().unwrap_or(0), nato.counts.get(&Status::Applicant).copied().unwrap_or(0))
}

#[test]
fn a_country_with_two_roles_is_drawn_by_the_strongest_and_counted_for_each() {
    let harness = harness("2022-06-01");
    let scene = harness.state().scene();
    let nato = scene.legend.layers.iter().position(|l| l.org == "NATO").unwrap();
    let finland = &scene.memberships[country_index(&harness, "FIN")];
    let drawn = finland.iter().find(|m| m.layer == nato).expect("Finland in the NATO layer");
    assert_eq!((drawn.status, drawn.also.as_slice()), (Status::Applicant, [Status::Partner].as_slice()));
    // Finland and Sweden are among the applicants and among the partners.
    let (partners, applicants) = nato_counts(&harness);
    let caption = &scene.legend.layers[nato].caption;
    assert!(caption.contains(&format!("{applicants} applicants")) && caption.contains(&format!("{partners} partners")));
    let rows = scene.atlas.find("NATO").unwrap().statuses_on("2022-06-01".parse().unwrap());
    assert_eq!(rows.iter().filter(|(_, s)| *s == Status::Applicant).count(), applicants);
    assert_eq!(rows.iter().filter(|(_, s)| *s == Status::Partner).count(), partners);
}

#[test]
fn unticking_a_nato_framework_hides_its_partners_and_undo_brings_them_back() {
    let mut harness = harness("2022-06-01");
    assert!(patterns_over(&harness, "MAR").contains(&"NATO".to_owned()), "Morocco, a Mediterranean Dialogue partner");
    let (partners, _) = nato_counts(&harness);
    harness.get_by_label("NATO frameworks").click();
    harness.run();
    harness.get_by_label("Mediterranean Dialogue (7)").click();
    harness.run();
    assert!(!patterns_over(&harness, "MAR").contains(&"NATO".to_owned()));
    assert!(
        patterns_over(&harness, "FIN").contains(&"NATO".to_owned()),
        "Finland's roles are not through the Dialogue"
    );
    assert_eq!(nato_counts(&harness).0, partners - 7);
    let layer = harness.state().layout().layer("NATO").unwrap();
    assert!(layer.hidden_frameworks.contains("md"), "saved in the layout");

    harness.get_by_label("Undo").click();
    harness.run();
    assert!(patterns_over(&harness, "MAR").contains(&"NATO".to_owned()));
}

#[test]
fn the_inspector_lists_every_role_with_its_framework() {
    let mut harness = harness("2022-06-01");
    harness.state_mut().apply(Command::Select(Some(code("UKR"))));
    harness.run();
    harness.get_by_label("Ukraine (UKR)");
    harness.get_by_label("applicant");
    harness.get_by_label("partner");
    harness.get_by_label("(Partnership for Peace)");
}

#[test]
fn a_date_after_the_data_was_checked_shows_a_quiet_warning() {
    let checked = "after the data was last checked (2026-12-02): later changes may be missing";
    let harness = harness("2026-11-23");
    assert!(harness.query_by_label_contains(checked).is_none());
    let harness = self::harness("2027-06-01");
    harness.get_by_label_contains(checked);
}

#[test]
fn comparing_with_another_day_marks_the_changes_and_undo_stops_it() {
    let mut harness = harness("2024-12-31");
    harness.get_by_label("Compare with").click();
    harness.run();
    let since = harness.state().layout().compare_with.expect("compare mode is on");
    assert_eq!(since.to_string(), "2019-01-01", "five years before the shown day, to start with");
    harness.get_by_label_contains("Changes from 2019-01-01 to 2024-12-31");
    assert!(!harness.state().scene().changes.is_empty());

    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(harness.state().layout().compare_with, None);
    assert!(harness.state().scene().changes.is_empty());
}
