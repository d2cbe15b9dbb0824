//! The footer of every picture: the date and the disputed-territory rule, the
//! hypothetical changes in force, the web sites cited for what is shown, and the
//! attribution the shapes' licence asks for. Lines are unwrapped; painters wrap
//! them to their width.

use std::collections::BTreeMap;

use super::LegendLayer;
use crate::analysis::Atlas;
use crate::model::{Date, DisputedRule};

/// At most this many cited web sites are named; the rest are counted.
const SOURCES_SHOWN: usize = 6;

/// The days a footer names.
pub struct FooterDates {
    /// The day shown.
    pub day: Date,
    /// The day compared with, in compare mode.
    pub compare_with: Option<Date>,
    /// The earliest day the visible layers' sources were checked to.
    pub checked_to: Option<Date>,
}

/// The footer's lines.
pub fn footer_lines(
    FooterDates { day, compare_with, checked_to }: FooterDates,
    rule: DisputedRule,
    hypothetical: &[String],
    layers: &[LegendLayer],
    atlas: &Atlas,
    shapes_source: &str,
) -> Vec<String> {
    let compared = compare_with.map_or(String::new(), |since| format!(", changes since {since} marked"));
    let mut lines = vec![format!("As of {day}{compared} · {}", rule.footer_text())];
    if !hypothetical.is_empty() {
        lines.push(format!("Includes hypothetical changes (dashed outlines): {}", hypothetical.join("; ")));
    }
    lines.push(sources_line(day, layers, atlas));
    if let Some(checked) = checked_to {
        lines.push(format!("Sources checked to {checked}."));
    }
    lines.push(format!(
        "Country shapes: made with Natural Earth ({shapes_source}). Map: alliance-map {}, Lambert azimuthal equal-area projection.",
        env!("CARGO_PKG_VERSION")
    ));
    lines
}

/// "Sources: nato.int, sectsco.org, …": the web sites cited by the statuses shown,
/// most cited first.
fn sources_line(day: Date, layers: &[LegendLayer], atlas: &Atlas) -> String {
    let mut hosts: BTreeMap<String, usize> = BTreeMap::new();
    for layer in layers.iter().filter(|l| l.visible) {
        let Some(org) = atlas.find(&layer.org) else { continue };
        for record in &org.countries {
            for period in record.roles_on(day) {
                if let Some(host) = period.source.url.as_deref().and_then(host_of) {
                    *hosts.entry(host).or_insert(0) += 1;
                }
            }
        }
    }
    let mut ranked: Vec<(String, usize)> = hosts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let names: Vec<&str> = ranked.iter().take(SOURCES_SHOWN).map(|(h, _)| h.as_str()).collect();
    let more = ranked.len().saturating_sub(SOURCES_SHOWN);
    let more = if more > 0 { format!(" and {more} more") } else { String::new() };
    format!(
        "Sources: {}{more}; every status is cited in the alliance-map data files (maps/*.ron).",
        if names.is_empty() { "none shown".to_owned() } else { names.join(", ") }
    )
}

/// The host of a web address, without `www.`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(host.trim_start_matches("www.").to_owned())
}
