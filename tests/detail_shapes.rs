//! The 1:10m shapes drawn when zoomed in: the same countries as the 1:50m overview,
//! the disputed-territory rules applied identically at both scales, loaded in the
//! background by the window and at once by exports.

mod common;

use std::time::{Duration, Instant};

use alliance_map::geometry::{DETAIL_FROM_PX_PER_KM, LonLat, MapGeometry};
use alliance_map::model::DisputedRule;
use alliance_map::workspace::{Clock, MapData, Workspace, default_layout};

fn geometries(data: &MapData, rule: DisputedRule) -> [MapGeometry; 2] {
    let names = |code| data.iso.name(code).map(str::to_owned);
    let detail = data.detail_shapes().expect("the 1:10m shapes ship with the program");
    [MapGeometry::build(&data.shapes, rule, names), MapGeometry::build(detail, rule, names)]
}

/// The code of the country drawn at a longitude and latitude.
fn country_at(geometry: &MapGeometry, lon_deg: f64, lat_deg: f64) -> Option<String> {
    let point = geometry.projector.plane_from_lonlat(LonLat { lon_deg, lat_deg });
    geometry.country_at(point).map(|i| geometry.countries[i].code.to_string())
}

/// Simferopol (Crimea) and Kyrenia (north of the Green Line on Cyprus): UN
/// General Assembly resolution 68/262 and Security Council resolution 541 on one
/// side, control on the ground on the other, the same answer at 1:50m and 1:10m.
#[test]
fn crimea_and_northern_cyprus_follow_the_rule_at_both_scales() {
    let data = common::shipped_data();
    for (rule, crimea, northern_cyprus) in
        [(DisputedRule::UnResolutions, "UKR", "CYP"), (DisputedRule::DeFactoControl, "RUS", "XNC")]
    {
        for (scale, geometry) in ["1:50m", "1:10m"].into_iter().zip(geometries(&data, rule)) {
            assert!(geometry.source.contains(scale), "{}", geometry.source);
            assert_eq!(country_at(&geometry, 34.1, 44.95).as_deref(), Some(crimea), "Simferopol, {rule:?}, {scale}");
            assert_eq!(
                country_at(&geometry, 33.32, 35.33).as_deref(),
                Some(northern_cyprus),
                "Kyrenia, {rule:?}, {scale}"
            );
            // Places no rule disputes stay put.
            assert_eq!(country_at(&geometry, 30.52, 50.45).as_deref(), Some("UKR"), "Kyiv, {rule:?}, {scale}");
            assert_eq!(country_at(&geometry, 33.05, 34.7).as_deref(), Some("CYP"), "Limassol, {rule:?}, {scale}");
            let ukraine = &geometry.countries[geometry.index_of("UKR".parse().unwrap()).unwrap()];
            assert_eq!(ukraine.disputed_parts.contains(&"Crimea".to_owned()), rule == DisputedRule::UnResolutions);
        }
    }
}

/// An index into one scale's countries is an index into the other's: the scene's
/// fills, hatches and marks apply to either, so switching changes no answer.
#[test]
fn both_scales_list_the_same_countries_and_detail_has_more_of_each() {
    let data = common::shipped_data();
    for rule in [DisputedRule::UnResolutions, DisputedRule::DeFactoControl] {
        let [overview, detail] = geometries(&data, rule);
        assert!(overview.same_countries(&detail), "{rule:?}");
        let vertices = |g: &MapGeometry| -> usize {
            g.countries.iter().map(|c| c.outline_for(0.0).rings_km.iter().map(Vec::len).sum::<usize>()).sum()
        };
        let (coarse, fine) = (vertices(&overview), vertices(&detail));
        assert!(fine > 4 * coarse, "{rule:?}: 1:10m has {fine} outline points, 1:50m {coarse}");
    }
}

/// The window asks for the detail in the background and draws it once it is
/// there, and only when zoomed in past the threshold.
#[test]
fn the_workspace_builds_the_detail_in_the_background_and_scenes_draw_it_zoomed_in() {
    let data = common::shipped_data();
    let layout = default_layout(&data.atlas, "2024-06-01".parse().unwrap());
    let mut workspace = Workspace::with_layout(data, layout, Clock::Fixed("2026-01-01".parse().unwrap()));
    let scene = std::sync::Arc::clone(workspace.scene());
    assert!(std::ptr::eq(scene.shapes_at(10.0), &*scene.geometry), "not loaded yet: 1:50m at any zoom");
    assert!(!workspace.detail_loading());

    workspace.prefetch_detail();
    let start = Instant::now();
    while workspace.detail_loading() {
        assert!(start.elapsed() < Duration::from_secs(120), "the detail never arrived");
        std::thread::sleep(Duration::from_millis(20));
    }
    // The scene built before the detail was ready draws it now.
    let zoomed_in = scene.shapes_at(DETAIL_FROM_PX_PER_KM);
    assert!(zoomed_in.source.contains("1:10m"), "{}", zoomed_in.source);
    assert!(std::ptr::eq(scene.shapes_at(DETAIL_FROM_PX_PER_KM * 0.99), &*scene.geometry), "overview below");
}
