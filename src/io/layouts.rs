//! Layout files: human-readable, versioned RON, written with a stable field order
//! and indentation so two saves of one layout are byte-identical and a diff shows
//! only what changed. Loading reports every problem with its line and column.

use std::collections::BTreeSet;
use std::path::Path;

use super::atomic::write_atomically;
use super::iso_table::IsoTable;
use super::problems::Problem;
use super::ron_spans::SpanIndex;
use super::ron_text::{PatchedDates, parse_collecting, read_text, ron_options};
use crate::analysis::Atlas;
use crate::model::{LAYOUT_VERSION, Layout, View, WhatIf, parse_hex_colour};

/// The oldest layout version this program reads (older ones are migrated on load).
pub const OLDEST_LAYOUT_VERSION: u32 = 1;

/// Why a layout could not be saved. The old file, if any, is untouched.
#[derive(Debug, thiserror::Error)]
#[error("cannot save {path}: {source}")]
pub struct SaveError {
    /// The file.
    pub path: std::path::PathBuf,
    /// What the system said.
    pub source: std::io::Error,
}

/// The layout as RON text: fields in declaration order, four-space indentation,
/// sets sorted, a trailing newline.
pub fn layout_to_string(layout: &Layout) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .struct_names(true)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .new_line("\n".to_owned());
    let mut text = ron::Options::default()
        .to_string_pretty(layout, config)
        .expect("a layout always serialises: it holds only strings, numbers, dates and enums");
    text.push('\n');
    text
}

/// Saves atomically: a failure (read-only folder, full disk) leaves the old file
/// byte-identical and says why.
pub fn save_layout(path: &Path, layout: &Layout) -> Result<(), SaveError> {
    write_atomically(path, layout_to_string(layout).as_bytes())
        .map_err(|source| SaveError { path: path.to_path_buf(), source })
}

/// Reads and checks a layout file against the atlas.
pub fn load_layout(file: &Path, atlas: &Atlas, iso: &IsoTable) -> Result<Layout, Vec<Problem>> {
    let text = read_text(file).map_err(|p| vec![p])?;
    parse_layout(file, &text, atlas, iso)
}

/// Just the version, read leniently so a newer file gets a clear message instead
/// of a complaint about fields this program does not know.
#[derive(serde::Deserialize)]
#[serde(rename = "Layout")]
struct VersionProbe {
    version: u32,
}

/// Parses and checks a layout's text; returns every problem found.
pub fn parse_layout(file: &Path, text: &str, atlas: &Atlas, iso: &IsoTable) -> Result<Layout, Vec<Problem>> {
    let spans = SpanIndex::new(text);
    if let Ok(probe) = ron_options().from_str::<VersionProbe>(text) {
        if probe.version > LAYOUT_VERSION {
            return Err(vec![Problem::new(
                file,
                spans.locate("version"),
                format!(
                    "this layout has format version {}, written by a newer alliance-map; this program reads versions {OLDEST_LAYOUT_VERSION} to {LAYOUT_VERSION}",
                    probe.version
                ),
            )]);
        }
        if probe.version < OLDEST_LAYOUT_VERSION {
            return Err(vec![Problem::new(
                file,
                spans.locate("version"),
                "format version 0 does not exist; expected 1 or later",
            )]);
        }
    }
    let (parsed, mut problems) = parse_collecting::<Layout>(file, text);
    if let Some(layout) = parsed {
        let layout = migrate(layout);
        let patched = PatchedDates::new(text, &problems);
        for (path, message) in check_layout(&layout, atlas, iso) {
            let problem = Problem::new(file, spans.locate(&path), message);
            if !patched.invented(&problem) {
                problems.push(problem);
            }
        }
        if problems.is_empty() {
            return Ok(layout);
        }
    }
    problems.sort();
    Err(problems)
}

/// Brings a layout of an older format version up to the current one. Version 1
/// is the first and current version, so there is nothing to do yet; each later
/// version adds a step here, and a test file per version in
/// `tests/fixtures/layouts/` keeps every step working.
fn migrate(mut layout: Layout) -> Layout {
    layout.version = LAYOUT_VERSION;
    layout
}

/// Every problem in a parsed layout, by field path: unknown organisations and
/// countries, duplicate layers, bad colours and angles, numbers out of range.
pub fn check_layout(layout: &Layout, atlas: &Atlas, iso: &IsoTable) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let known_orgs: Vec<&str> = atlas.organisations.iter().map(|o| o.short_name.as_str()).collect();
    let unknown_org = |name: &str| format!("unknown organisation {name:?}; expected one of: {}", known_orgs.join(", "));
    let mut seen = BTreeSet::new();
    for (i, layer) in layout.layers.iter().enumerate() {
        let path = format!("layers[{i}]");
        if !known_orgs.contains(&layer.org.as_str()) {
            out.push((format!("{path}.org"), unknown_org(&layer.org)));
        }
        if !seen.insert(layer.org.clone()) {
            out.push((format!("{path}.org"), format!("layer {:?} is listed twice", layer.org)));
        }
        if let Some(colour) = &layer.colour
            && parse_hex_colour(colour).is_none()
        {
            out.push((format!("{path}.colour"), format!("{colour:?} is not a colour; expected \"#rrggbb\"")));
        }
        if let Some(angle) = layer.hatch_angle
            && !(angle.is_finite() && (0.0..180.0).contains(&angle))
        {
            out.push((
                format!("{path}.hatch_angle"),
                format!("{angle} is out of range; expected degrees from 0 to less than 180"),
            ));
        }
        for code in &layer.hidden {
            if !iso.contains(*code) {
                out.push((format!("{path}.hidden"), format!("unknown ISO 3166-1 alpha-3 code {code}")));
            }
        }
    }
    let View { centre_lon, centre_lat, zoom } = layout.view;
    if !(centre_lon.is_finite() && (-180.0..=360.0).contains(&centre_lon)) {
        out.push((
            "view.centre_lon".into(),
            format!("{centre_lon} is out of range; expected a longitude from -180 to 360"),
        ));
    }
    if !(centre_lat.is_finite() && (-90.0..=90.0).contains(&centre_lat)) {
        out.push((
            "view.centre_lat".into(),
            format!("{centre_lat} is out of range; expected a latitude from -90 to 90"),
        ));
    }
    if !(zoom.is_finite() && View::ZOOM_RANGE.contains(&zoom)) {
        out.push((
            "view.zoom".into(),
            format!(
                "{zoom} is out of range; expected a zoom from {} to {}",
                View::ZOOM_RANGE.start(),
                View::ZOOM_RANGE.end()
            ),
        ));
    }
    for (i, what_if) in layout.what_ifs.iter().enumerate() {
        let path = format!("what_ifs[{i}]");
        if !known_orgs.contains(&what_if.org()) {
            out.push((format!("{path}.org"), unknown_org(what_if.org())));
        }
        if !iso.contains(what_if.iso3()) {
            out.push((format!("{path}.iso3"), format!("unknown ISO 3166-1 alpha-3 code {}", what_if.iso3())));
        }
        if let WhatIf::Remove { org, iso3, from } = what_if
            && let Some(o) = atlas.find(org)
            && o.status_on(*iso3, *from).is_none()
            && !layout.what_ifs[..i].iter().any(|w| w.org() == org && w.iso3() == *iso3)
        {
            out.push((
                format!("{path}.iso3"),
                format!("{iso3} holds no status in {org} on {from}, so there is nothing to remove"),
            ));
        }
    }
    out
}
