use std::collections::{BTreeMap, BTreeSet};

use super::Atlas;
use crate::model::{CountryCode, CountryRecord, Direction, FieldProblem, Layout, Organisation, Source, View, WhatIf};

fn problem(path: impl Into<String>, message: impl Into<String>) -> FieldProblem {
    FieldProblem::new(path, message)
}

fn check_source(path: String, source: &Source, out: &mut Vec<FieldProblem>) {
    if source.title.trim().is_empty() {
        out.push(problem(format!("{path}.title"), "a fact without a source: the source title is empty"));
    }
    if let Some(url) = &source.url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        out.push(problem(format!("{path}.url"), format!("{url:?} is not a web address; expected https://...")));
    }
}

/// Every problem in one organisation that parsing alone cannot see: unknown
/// countries, periods that end before they start or overlap, facts without a
/// source, one-way pledges naming non-parties. `is_known` says whether a code is
/// in the ISO 3166-1 table.
pub fn check_organisation(org: &Organisation, is_known: impl Fn(CountryCode) -> bool) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    if org.short_name.trim().is_empty() {
        out.push(problem("short_name", "the short name is empty"));
    }
    if let Some(in_force) = org.founding.in_force
        && in_force < org.founding.signed
    {
        out.push(problem("founding.in_force", "the founding document enters into force before it was signed"));
    }
    check_source("founding.source".into(), &org.founding.source, &mut out);
    if org.checked_to.is_none() {
        out.push(problem(
            "short_name",
            "no checked_to: say on which day the sources were last checked, e.g. checked_to: \"2026-11-30\"",
        ));
    }
    let mut framework_ids = BTreeSet::new();
    for (i, framework) in org.frameworks.iter().enumerate() {
        let path = format!("frameworks[{i}]");
        if !framework.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            || framework.id.is_empty()
        {
            out.push(problem(
                format!("{path}.id"),
                format!("{:?} is not an id; expected lowercase letters, digits and _", framework.id),
            ));
        }
        if !framework_ids.insert(framework.id.as_str()) {
            out.push(problem(format!("{path}.id"), format!("framework {:?} is declared twice", framework.id)));
        }
        check_source(format!("{path}.source"), &framework.source, &mut out);
    }

    let mut seen: BTreeMap<CountryCode, usize> = BTreeMap::new();
    let mut ever: BTreeSet<CountryCode> = BTreeSet::new();
    for (i, record) in org.countries.iter().enumerate() {
        let path = format!("countries[{i}]");
        ever.insert(record.iso3);
        if !is_known(record.iso3) {
            out.push(problem(format!("{path}.iso3"), format!("unknown ISO 3166-1 alpha-3 code {}", record.iso3)));
        }
        if let Some(first) = seen.insert(record.iso3, i) {
            out.push(problem(
                format!("{path}.iso3"),
                format!(
                    "{} is listed twice (first as countries[{first}]); put all its periods in one entry",
                    record.iso3
                ),
            ));
        }
        if record.periods.is_empty() {
            out.push(problem(format!("{path}.periods"), "no periods; expected at least one dated status"));
        }
        for (j, period) in record.periods.iter().enumerate() {
            let ppath = format!("{path}.periods[{j}]");
            if let Some(end) = period.end
                && end <= period.start
            {
                out.push(problem(
                    format!("{ppath}.end"),
                    format!("the period ends ({end}) before or on the day it starts ({})", period.start),
                ));
            }
            if let Some(id) = &period.framework
                && !framework_ids.contains(id.as_str())
            {
                let declared: Vec<&str> = framework_ids.iter().copied().collect();
                out.push(problem(
                    format!("{ppath}.framework"),
                    if declared.is_empty() {
                        format!("framework {id:?} is not declared; add it under frameworks")
                    } else {
                        format!("unknown framework {id:?}; expected one of: {}", declared.join(", "))
                    },
                ));
            }
            check_source(format!("{ppath}.source"), &period.source, &mut out);
        }
        check_overlaps(&path, record, &mut out);
    }

    for (i, pledge) in org.pledges.iter().enumerate() {
        let path = format!("pledges[{i}]");
        if pledge.parties.is_empty() {
            out.push(problem(format!("{path}.parties"), "no statuses are bound; expected e.g. [member]"));
        }
        if let Direction::OneWay { guarantors, beneficiaries } = &pledge.direction {
            for (field, list) in [("guarantors", guarantors), ("beneficiaries", beneficiaries)] {
                if list.is_empty() {
                    out.push(problem(format!("{path}.direction.{field}"), format!("no {field}")));
                }
                for (k, code) in list.iter().enumerate() {
                    if !ever.contains(code) {
                        out.push(problem(
                            format!("{path}.direction.{field}[{k}]"),
                            format!("{code} is not a party listed under countries"),
                        ));
                    }
                }
            }
        }
        check_source(format!("{path}.source"), &pledge.source, &mut out);
    }

    for (i, invocation) in org.invocations.iter().enumerate() {
        let path = format!("invocations[{i}]");
        for (k, code) in invocation.requested_by.iter().enumerate() {
            if !is_known(*code) {
                out.push(problem(
                    format!("{path}.requested_by[{k}]"),
                    format!("unknown ISO 3166-1 alpha-3 code {code}"),
                ));
            }
        }
        if !org.pledges.iter().any(|p| p.article == invocation.article) {
            out.push(problem(
                format!("{path}.article"),
                format!("article {:?} is not among this organisation's pledges", invocation.article),
            ));
        }
        check_source(format!("{path}.source"), &invocation.source, &mut out);
    }
    out
}

/// Periods of one country that may not overlap: two of one status, or a member or
/// suspended period beside any other (see [`Status::may_overlap`]). Each clash is
/// reported once, at the later period's start.
fn check_overlaps(path: &str, record: &CountryRecord, out: &mut Vec<FieldProblem>) {
    let mut order: Vec<usize> = (0..record.periods.len()).collect();
    order.sort_by_key(|&j| record.periods[j].start);
    for (k, &earlier) in order.iter().enumerate() {
        for &later in &order[k + 1..] {
            let (a, b) = (&record.periods[earlier], &record.periods[later]);
            if a.end.is_some_and(|end| end <= b.start) || a.status.may_overlap(b.status) {
                continue;
            }
            let why = if a.status == b.status {
                "a country holds one status only once at a time"
            } else {
                "a member or suspended period cannot overlap another role"
            };
            out.push(problem(
                format!("{path}.periods[{later}].start"),
                format!(
                    "{} periods overlap: {} from {} {} and {} from {}; {why}",
                    record.iso3,
                    a.status,
                    a.start,
                    a.end.map_or("with no end".to_string(), |e| format!("to {e}")),
                    b.status,
                    b.start
                ),
            ));
        }
    }
}

/// Problems across files: two organisations with one short name would make
/// `query` output and layouts ambiguous. Returns, per organisation index, its problems.
pub fn check_atlas(organisations: &[Organisation]) -> Vec<(usize, FieldProblem)> {
    let mut out = Vec::new();
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for (i, org) in organisations.iter().enumerate() {
        if let Some(first) = names.insert(org.short_name.to_ascii_uppercase(), i) {
            out.push((
                i,
                problem(
                    "short_name",
                    format!("short name {:?} is used by another file too (organisation {first})", org.short_name),
                ),
            ));
        }
    }
    out
}

/// Layers a layout names that this machine's data lacks (a colleague's user
/// layer, a file from a newer version). The window still opens such a layout and
/// keeps their settings when saving; `check` and exports report them.
pub fn unknown_layers(layout: &Layout, atlas: &Atlas) -> Vec<FieldProblem> {
    let known: Vec<&str> = atlas.organisations.iter().map(|o| o.short_name.as_str()).collect();
    layout
        .layers
        .iter()
        .enumerate()
        .filter(|(_, layer)| !known.contains(&layer.org.as_str()))
        .map(|(i, layer)| {
            problem(
                format!("layers[{i}].org"),
                format!(
                    "layer {:?} is not in this machine's data (a user layer from elsewhere?); expected one of: {}",
                    layer.org,
                    known.join(", ")
                ),
            )
        })
        .collect()
}

/// Every problem in a parsed layout, by field path, except layers this machine
/// lacks (see [`unknown_layers`]): unknown organisations in what-ifs and
/// countries, duplicate layers, bad colours and angles, numbers out of range.
/// `is_known` says whether a code is in the ISO 3166-1 table.
pub fn check_layout(layout: &Layout, atlas: &Atlas, is_known: impl Fn(CountryCode) -> bool) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    let known_orgs: Vec<&str> = atlas.organisations.iter().map(|o| o.short_name.as_str()).collect();
    let unknown_org = |name: &str| format!("unknown organisation {name:?}; expected one of: {}", known_orgs.join(", "));
    let mut seen = BTreeSet::new();
    for (i, layer) in layout.layers.iter().enumerate() {
        let path = format!("layers[{i}]");
        if !seen.insert(layer.org.clone()) {
            out.push(problem(format!("{path}.org"), format!("layer {:?} is listed twice", layer.org)));
        }
        if let Some(colour) = &layer.colour
            && colour.rgb().is_none()
        {
            let written = colour.as_str();
            out.push(problem(format!("{path}.colour"), format!("{written:?} is not a colour; expected \"#rrggbb\"")));
        }
        if let Some(angle) = layer.hatch_angle
            && !(angle.is_finite() && (0.0..180.0).contains(&angle))
        {
            out.push(problem(
                format!("{path}.hatch_angle"),
                format!("{angle} is out of range; expected degrees from 0 to less than 180"),
            ));
        }
        if let Some(org) = atlas.find(&layer.org) {
            for id in &layer.hidden_frameworks {
                if org.framework(id).is_none() {
                    let declared: Vec<&str> = org.frameworks.iter().map(|f| f.id.as_str()).collect();
                    out.push(problem(
                        format!("{path}.hidden_frameworks"),
                        format!(
                            "{} has no framework {id:?}; expected one of: {}",
                            layer.org,
                            if declared.is_empty() { "(none)".to_owned() } else { declared.join(", ") }
                        ),
                    ));
                }
            }
        }
        for code in &layer.hidden {
            if !is_known(*code) {
                out.push(problem(format!("{path}.hidden"), format!("unknown ISO 3166-1 alpha-3 code {code}")));
            }
        }
    }
    let View { centre_lon, centre_lat, zoom } = layout.view;
    if !(centre_lon.is_finite() && (-180.0..=360.0).contains(&centre_lon)) {
        out.push(problem(
            "view.centre_lon",
            format!("{centre_lon} is out of range; expected a longitude from -180 to 360"),
        ));
    }
    if !(centre_lat.is_finite() && (-90.0..=90.0).contains(&centre_lat)) {
        out.push(problem(
            "view.centre_lat",
            format!("{centre_lat} is out of range; expected a latitude from -90 to 90"),
        ));
    }
    if !(zoom.is_finite() && View::ZOOM_RANGE.contains(&zoom)) {
        out.push(problem(
            "view.zoom",
            format!(
                "{zoom} is out of range; expected a zoom from {} to {}",
                View::ZOOM_RANGE.start(),
                View::ZOOM_RANGE.end()
            ),
        ));
    }
    if let Some(code) = layout.selected
        && !is_known(code)
    {
        out.push(problem("selected", format!("unknown ISO 3166-1 alpha-3 code {code}")));
    }
    for (i, what_if) in layout.what_ifs.iter().enumerate() {
        let path = format!("what_ifs[{i}]");
        if !known_orgs.contains(&what_if.org()) {
            out.push(problem(format!("{path}.org"), unknown_org(what_if.org())));
        }
        if !is_known(what_if.iso3()) {
            out.push(problem(format!("{path}.iso3"), format!("unknown ISO 3166-1 alpha-3 code {}", what_if.iso3())));
        }
        if let WhatIf::Remove { org, iso3, from } = what_if
            && let Some(o) = atlas.find(org)
            && o.status_on(*iso3, *from).is_none()
            && !layout.what_ifs[..i].iter().any(|w| w.org() == org && w.iso3() == *iso3)
        {
            out.push(problem(
                format!("{path}.iso3"),
                format!("{iso3} holds no status in {org} on {from}, so there is nothing to remove"),
            ));
        }
    }
    out
}
