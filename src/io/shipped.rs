//! The data set built into the binary: country shapes, the ISO table, the font and
//! the shipped organisation files. A copied or installed binary carries what it
//! needs; `--data-dir` and `ALLIANCE_MAP_DIR` still replace it with a folder.
//!
//! `tests/architecture.rs` checks that every `maps/*.ron` is listed here.

/// Natural Earth country shapes at 1:50m, the overview (`assets/countries-50m.amshp`).
pub const SHAPES: &[u8] = include_bytes!("../../assets/countries-50m.amshp");
/// The same countries at 1:10m, for detail (`assets/countries-10m.amshp`).
pub const DETAIL_SHAPES: &[u8] = include_bytes!("../../assets/countries-10m.amshp");
/// The ISO 3166-1 table (`assets/iso3166-1.tsv`).
pub const ISO_TABLE: &str = include_str!("../../assets/iso3166-1.tsv");
/// DejaVu Sans (`assets/DejaVuSans.ttf`), used by the window and the exporters.
pub const FONT: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");

/// The shipped organisation files, by file name, in name order.
pub const MAPS: &[(&str, &str)] = &[
    ("asean.ron", include_str!("../../maps/asean.ron")),
    ("brics.ron", include_str!("../../maps/brics.ron")),
    ("cica.ron", include_str!("../../maps/cica.ron")),
    ("cis.ron", include_str!("../../maps/cis.ron")),
    ("csto.ron", include_str!("../../maps/csto.ron")),
    ("eaeu.ron", include_str!("../../maps/eaeu.ron")),
    ("eu.ron", include_str!("../../maps/eu.ron")),
    ("nato.ron", include_str!("../../maps/nato.ron")),
    ("sco.ron", include_str!("../../maps/sco.ron")),
    ("treaty-arm-rus.ron", include_str!("../../maps/treaty-arm-rus.ron")),
    ("treaty-chn-prk.ron", include_str!("../../maps/treaty-chn-prk.ron")),
    ("treaty-rus-blr.ron", include_str!("../../maps/treaty-rus-blr.ron")),
    ("treaty-rus-prk.ron", include_str!("../../maps/treaty-rus-prk.ron")),
    ("treaty-usa-jpn.ron", include_str!("../../maps/treaty-usa-jpn.ron")),
    ("treaty-usa-kor.ron", include_str!("../../maps/treaty-usa-kor.ron")),
    ("treaty-usa-phl.ron", include_str!("../../maps/treaty-usa-phl.ron")),
    ("union-state.ron", include_str!("../../maps/union-state.ron")),
    ("weu.ron", include_str!("../../maps/weu.ron")),
];
