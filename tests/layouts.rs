//! Layout files: round trips, byte-stable saves, versions, every problem located,
//! atomic saves, and a loader that never panics.

mod common;

use std::path::{Path, PathBuf};

use alliance_map::io::atomic::Pending;
use alliance_map::io::layouts::{layout_to_string, save_layout};
use alliance_map::model::{
    CountryCode, Date, DisputedRule, HexColour, LayerSettings, Layout, OverlapMode, PaletteChoice, Status, View, WhatIf,
};
use alliance_map::workspace::{MapData, load_layout, parse_layout};
use proptest::prelude::*;

fn data() -> &'static MapData {
    static DATA: std::sync::OnceLock<MapData> = std::sync::OnceLock::new();
    DATA.get_or_init(common::shipped_data)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("layouts").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const ORGS: [&str; 6] = ["CSTO", "EAEU", "NATO", "SCO", "CIS", "USA-JPN 1960"];
const CODES: [&str; 8] = ["RUS", "FIN", "KAZ", "ARM", "SRB", "CHN", "JPN", "XKX"];

fn date() -> impl Strategy<Value = Date> {
    (1949i16..2030, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn code() -> impl Strategy<Value = CountryCode> {
    proptest::sample::select(CODES.to_vec()).prop_map(|c| c.parse().unwrap())
}

fn layer() -> impl Strategy<Value = LayerSettings> {
    (
        any::<bool>(),
        proptest::option::of((any::<u8>(), any::<u8>(), any::<u8>())),
        proptest::option::of(0.0f32..180.0),
        proptest::collection::btree_set(code(), 0..3),
        proptest::collection::btree_set(proptest::sample::select(vec!["pfp", "md", "ici", "global"]), 0..3),
    )
        .prop_map(|(visible, colour, hatch_angle, hidden, frameworks)| LayerSettings {
            org: String::new(),
            visible,
            colour: colour.map(|(r, g, b)| HexColour::from_rgb([r, g, b])),
            hatch_angle,
            hidden,
            hidden_frameworks: frameworks.into_iter().map(String::from).collect(),
        })
}

fn what_if() -> impl Strategy<Value = WhatIf> {
    (proptest::sample::select(ORGS.to_vec()), code(), proptest::sample::select(Status::ALL.to_vec()), date())
        .prop_map(|(org, iso3, status, from)| WhatIf::Add { org: org.into(), iso3, status, from })
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        (any::<String>(), any::<String>(), any::<String>(), date()),
        proptest::sample::subsequence(ORGS.to_vec(), 0..=ORGS.len()),
        proptest::collection::vec(layer(), ORGS.len()),
        proptest::sample::subsequence(Status::ALL.to_vec(), 0..=5),
        (any::<bool>(), any::<bool>(), 0usize..3, any::<bool>()),
        (-180.0f64..360.0, -90.0f64..90.0, 0.5f64..64.0),
        proptest::collection::vec(what_if(), 0..4),
        (proptest::option::of(date()), proptest::option::of(code())),
    )
        .prop_map(
            |(
                (title, subtitle, notes, date),
                orgs,
                styles,
                statuses,
                flags,
                view,
                what_ifs,
                (compare_with, selected),
            )| {
                let layers = orgs
                    .into_iter()
                    .zip(styles)
                    .map(|(org, style)| LayerSettings {
                        org: org.to_owned(),
                        // Only NATO's file declares these frameworks.
                        hidden_frameworks: if org == "NATO" { style.hidden_frameworks } else { Default::default() },
                        ..style
                    })
                    .collect();
                let mut layout = Layout::with_layers(date, layers);
                layout.title = title;
                layout.subtitle = subtitle;
                layout.notes = notes;
                layout.statuses = statuses.into_iter().collect();
                layout.mode = if flags.0 { OverlapMode::Patterns } else { OverlapMode::Count };
                layout.disputed = if flags.1 { DisputedRule::UnResolutions } else { DisputedRule::DeFactoControl };
                layout.palette = PaletteChoice::ALL[flags.2];
                layout.commitment_lines = flags.3;
                layout.view = View { centre_lon: view.0, centre_lat: view.1, zoom: view.2 };
                layout.what_ifs = what_ifs;
                layout.compare_with = compare_with;
                layout.selected = selected;
                layout
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_layout_saved_and_loaded_is_equal_to_itself_and_saves_byte_identically(layout in layout()) {
        let text = layout_to_string(&layout);
        let loaded = parse_layout(Path::new("prop.ron"), &text, &data().atlas, &data().iso)
            .unwrap_or_else(|p| panic!("{p:?}\n{text}"));
        prop_assert_eq!(&loaded, &layout);
        prop_assert_eq!(layout_to_string(&loaded), text);
    }

    #[test]
    fn the_loader_never_panics_on_damaged_files(
        cut in 0usize..2000,
        flips in proptest::collection::vec((0usize..2000, any::<u8>()), 0..8),
    ) {
        let mut bytes = std::fs::read("maps/layouts/what-if-armenia-leaves-the-csto.ron").unwrap();
        for (at, byte) in flips {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        bytes.truncate(cut.min(bytes.len()));
        let path = Path::new("damaged.ron");
        if let Ok(text) = alliance_map::io::ron_text::text_from_bytes(path, bytes) {
            let _ = parse_layout(path, &text, &data().atlas, &data().iso);
        }
    }
}

#[test]
fn every_shipped_example_layout_loads_and_is_written_exactly_as_saved() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps").join("layouts");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let layout = load_layout(&path, &data().atlas, &data().iso).unwrap_or_else(|p| panic!("{p:?}"));
        let on_disk = std::fs::read_to_string(&path).unwrap();
        assert_eq!(layout_to_string(&layout), on_disk, "{} is not in saved form", path.display());
        count += 1;
    }
    assert!(count >= 4, "expected at least four example layouts, found {count}");
}

#[test]
fn a_layout_of_each_older_version_is_read_and_migrated() {
    // Version 1 is the first format; each later version adds a file here.
    let versions: &[(&str, u32)] = &[("tests/fixtures/layouts/v1.ron", 1)];
    for &(file, version) in versions {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(text.contains(&format!("version: {version},")));
        let layout = load_layout(Path::new(file), &data().atlas, &data().iso).unwrap();
        assert_eq!(layout.version, alliance_map::model::LAYOUT_VERSION);
    }
}

#[test]
fn a_layout_from_a_newer_version_says_which_versions_this_program_reads() {
    let problems =
        load_layout(Path::new("tests/fixtures/layouts/newer-version.ron"), &data().atlas, &data().iso).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].to_string(),
        "tests/fixtures/layouts/newer-version.ron:2:14: this layout has format version 2, written by a newer \
         alliance-map; this program reads versions 1 to 1"
    );
}

#[test]
fn every_problem_in_a_layout_is_reported_at_once_with_line_and_column() {
    let problems =
        load_layout(Path::new("tests/fixtures/layouts/many-problems.ron"), &data().atlas, &data().iso).unwrap_err();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let file = "tests/fixtures/layouts/many-problems.ron";
    for expected in [
        format!("{file}:6:11: \"2024-02-30\" is not a real day"),
        format!("{file}:8:51: \"blue\" is not a colour"),
        format!("{file}:8:73: unknown ISO 3166-1 alpha-3 code XYZ"),
        format!("{file}:9:20: layer \"WARSAW\" is not in this machine's data"),
        format!("{file}:10:20: layer \"NATO\" is listed twice"),
        format!("{file}:10:57: 200 is out of range"),
        format!("{file}:17:46: 95 is out of range"),
        format!("{file}:17:58: 1000 is out of range"),
    ] {
        assert!(text.iter().any(|t| t.starts_with(&expected)), "missing {expected:?} in {text:#?}");
    }
    assert_eq!(text.len(), 8, "{text:#?}");
}

#[test]
fn non_finite_numbers_are_refused() {
    let text = std::fs::read_to_string("maps/layouts/today.ron").unwrap().replace("zoom: 1.0", "zoom: NaN");
    let problems = parse_layout(Path::new("nan.ron"), &text, &data().atlas, &data().iso).unwrap_err();
    assert!(problems[0].message.starts_with("NaN is out of range"), "{problems:?}");
}

#[test]
fn a_save_interrupted_before_the_rename_leaves_the_original_byte_identical() {
    let dir = temp_dir("interrupted");
    let target = dir.join("layout.ron");
    let original = std::fs::read("maps/layouts/today.ron").unwrap();
    std::fs::write(&target, &original).unwrap();

    let mut pending = Pending::begin(&target).unwrap();
    pending.write_all(b"Layout(version: 1, tit").unwrap();
    drop(pending); // the process dies before the rename

    assert_eq!(std::fs::read(&target).unwrap(), original);
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, [std::ffi::OsString::from("layout.ron")], "the temporary file was not cleaned up");
}

#[test]
fn a_failed_save_reports_why_and_keeps_the_old_file() {
    let dir = temp_dir("failed");
    let layout = load_layout(Path::new("maps/layouts/today.ron"), &data().atlas, &data().iso).unwrap();
    // A folder where the file should be: the rename cannot replace it.
    let target = dir.join("layout.ron");
    std::fs::create_dir(&target).unwrap();
    let error = save_layout(&target, &layout).unwrap_err();
    assert!(error.to_string().starts_with(&format!("cannot save {}", target.display())), "{error}");
    assert!(target.is_dir());
    // And into a folder that does not exist.
    let missing = dir.join("no-such-folder").join("layout.ron");
    assert!(save_layout(&missing, &layout).is_err());
}

#[test]
fn saving_twice_gives_the_same_bytes() {
    let dir = temp_dir("twice");
    let layout = load_layout(Path::new("maps/layouts/post-soviet-space-2010.ron"), &data().atlas, &data().iso).unwrap();
    save_layout(&dir.join("a.ron"), &layout).unwrap();
    save_layout(&dir.join("b.ron"), &layout).unwrap();
    assert_eq!(std::fs::read(dir.join("a.ron")).unwrap(), std::fs::read(dir.join("b.ron")).unwrap());
}
