//! The map window driven as a user would: by pointer, wheel and keys, checking
//! what the status bar and the map say. Runs without a display.

mod common;

use alliance_map::app::AllianceMapApp;
use alliance_map::geometry::LonLat;
use egui::{Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness() -> Harness<'static, AllianceMapApp> {
    let app = common::app_on("2024-06-01");
    let mut harness = common::window_harness(app, [1200.0, 800.0]);
    harness.run();
    harness
}

fn map_rect(harness: &Harness<'_, AllianceMapApp>) -> Rect {
    harness.get_by_label("Map").rect()
}

/// Where a place is on screen right now.
fn screen_pos(harness: &Harness<'_, AllianceMapApp>, lon_deg: f64, lat_deg: f64) -> Pos2 {
    let app = harness.state();
    let plane = app.scene().geometry.projector.plane_from_lonlat(LonLat { lon_deg, lat_deg });
    let framing = app.framing(map_rect(harness));
    Pos2::from(framing.apply([plane.x_km as f32, plane.y_km as f32]))
}

const MOSCOW: (f64, f64) = (37.62, 55.75);
const BEIJING: (f64, f64) = (116.4, 39.9);
const MADRID: (f64, f64) = (-3.7, 40.4);

fn hover(harness: &mut Harness<'_, AllianceMapApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
}

#[test]
fn hovering_a_country_names_it_in_the_status_bar_and_a_tooltip() {
    let mut harness = harness();
    let moscow = screen_pos(&harness, MOSCOW.0, MOSCOW.1);
    hover(&mut harness, moscow);
    harness.get_by_label("Pointer: Russia (RUS)");

    let madrid = screen_pos(&harness, MADRID.0, MADRID.1);
    hover(&mut harness, madrid);
    harness.get_by_label("Pointer: Spain (ESP)");
}

#[test]
fn hovering_the_sea_names_nothing() {
    let mut harness = harness();
    // The middle of the Black Sea.
    let sea = screen_pos(&harness, 34.0, 43.0);
    hover(&mut harness, sea);
    harness.get_by_label("Pointer: -");
}

#[test]
fn clicking_selects_a_country_until_another_click_or_escape() {
    let mut harness = harness();
    let beijing = screen_pos(&harness, BEIJING.0, BEIJING.1);
    harness.hover_at(beijing);
    harness.run();
    harness.drag_at(beijing);
    harness.drop_at(beijing);
    harness.run();
    harness.get_by_label("Selected: China (CHN)");

    let moscow = screen_pos(&harness, MOSCOW.0, MOSCOW.1);
    harness.drag_at(moscow);
    harness.drop_at(moscow);
    harness.run();
    harness.get_by_label("Selected: Russia (RUS)");

    // The selection is part of the layout, saved with it.
    assert_eq!(harness.state().layout().selected, Some("RUS".parse().unwrap()));
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("Selected: none");
    assert_eq!(harness.state().layout().selected, None);
}

#[test]
fn dragging_moves_the_map_with_the_pointer() {
    let mut harness = harness();
    let moscow_before = screen_pos(&harness, MOSCOW.0, MOSCOW.1);
    let start = map_rect(&harness).center();
    let offset = egui::vec2(150.0, 60.0);
    harness.drag_at(start);
    harness.run();
    for step in 1..=5 {
        harness.hover_at(start + offset * (step as f32 / 5.0));
        harness.run();
    }
    harness.drop_at(start + offset);
    harness.run();
    let moscow_after = screen_pos(&harness, MOSCOW.0, MOSCOW.1);
    let moved = moscow_after - moscow_before;
    assert!((moved - offset).length() < 2.0, "Moscow moved by {moved:?}, the pointer by {offset:?}");
    hover(&mut harness, moscow_after);
    harness.get_by_label("Pointer: Russia (RUS)");
}

#[test]
fn the_wheel_zooms_about_the_pointer() {
    let mut harness = harness();
    let moscow = screen_pos(&harness, MOSCOW.0, MOSCOW.1);
    harness.hover_at(moscow);
    harness.run();
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, 4.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    assert!(harness.state().layout().view.zoom > 1.5, "zoom is {}", harness.state().layout().view.zoom);
    let moscow_after = screen_pos(&harness, MOSCOW.0, MOSCOW.1);
    assert!((moscow_after - moscow).length() < 1.0, "the point under the pointer moved");
    let zoom = harness.state().layout().view.zoom;
    harness.get_by_label(&format!("Zoom {zoom:.2}x"));
}

#[test]
fn zoom_is_bounded_so_the_map_never_vanishes() {
    let mut harness = harness();
    let centre = map_rect(&harness).center();
    harness.hover_at(centre);
    for _ in 0..40 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, -3.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run();
    }
    assert_eq!(harness.state().layout().view.zoom, 0.5);
    // Still a map under the middle of the widget's neighbourhood: Eurasia is visible.
    let moscow = screen_pos(&harness, MOSCOW.0, MOSCOW.1);
    assert!(map_rect(&harness).contains(moscow));
}

#[test]
fn plus_minus_arrows_and_zero_drive_the_view_from_the_keyboard() {
    let mut harness = harness();
    let initial = harness.state().layout().view;

    harness.key_press(egui::Key::Plus);
    harness.run();
    assert!(harness.state().layout().view.zoom > initial.zoom);

    harness.key_press(egui::Key::Minus);
    harness.key_press(egui::Key::Minus);
    harness.run();
    assert!(harness.state().layout().view.zoom < initial.zoom);

    let before = screen_pos(&harness, MOSCOW.0, MOSCOW.1);
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let after = screen_pos(&harness, MOSCOW.0, MOSCOW.1);
    assert!(after.x < before.x, "the right arrow shows more of the east");

    harness.key_press(egui::Key::Num0);
    harness.run();
    assert_eq!(harness.state().layout().view, initial);
}

#[test]
fn double_click_resets_the_view() {
    let mut harness = harness();
    let initial = harness.state().layout().view;
    harness.key_press(egui::Key::Plus);
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_ne!(harness.state().layout().view, initial);
    // Upper left of the middle: the legend floats over the bottom-left of the map,
    // and the first click opens the inspector on the right.
    let rect = map_rect(&harness);
    let centre = rect.center() - egui::vec2(rect.width() / 8.0, rect.height() / 4.0);
    harness.hover_at(centre);
    for _ in 0..2 {
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos: centre,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
        }
        harness.step();
    }
    harness.run();
    assert_eq!(harness.state().layout().view, initial);
}

#[test]
fn the_default_view_shows_eurasia_from_iceland_to_chukotka() {
    let harness = harness();
    let rect = map_rect(&harness);
    for (name, lon, lat) in [
        ("Reykjavik", -21.9, 64.1),
        ("Lisbon", -9.1, 38.7),
        ("Chukotka", 185.0, 66.0),
        ("Colombo", 79.9, 6.9),
        ("Franz Josef Land", 55.0, 80.5),
    ] {
        let pos = screen_pos(&harness, lon, lat);
        assert!(rect.contains(pos), "{name} at {pos:?} is outside the map {rect:?}");
    }
}
