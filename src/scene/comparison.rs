//! Compare mode: what changed between a second day and the scene's day, per shown
//! layer. Each country whose drawn role changed gets a mark (joined, left, status
//! changed), the legend lists the changes by name and day, and unchanged
//! memberships are drawn quietly so the changes stand out.

use std::collections::BTreeMap;

use crate::geometry::MapGeometry;
use crate::model::{Date, LayerSettings, Organisation, Status};

/// What happened to a country's role in one organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// A member now and not then (a partner or applicant that joined), or a first
    /// role of any kind.
    Joined,
    /// A role then, none now.
    Left,
    /// Another role now (partner to applicant, member to suspended, ...).
    Changed,
}

impl ChangeKind {
    /// Every kind, in legend order.
    pub const ALL: [Self; 3] = [Self::Joined, Self::Left, Self::Changed];
}

/// A country marked on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangeMark {
    /// Index into the geometry's countries.
    pub country: usize,
    /// Index into the legend's layers.
    pub layer: usize,
    /// What happened.
    pub kind: ChangeKind,
}

/// The comparison's part of the legend: every word of it.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonLegend {
    /// "Changes from 2022-01-01 to 2024-12-31".
    pub heading: String,
    /// What each mark means: "Joined (solid outline)".
    pub keys: Vec<(ChangeKind, String)>,
    /// "Joined NATO: Finland 2023-04-04, Sweden 2024-03-07", or "No changes".
    pub lines: Vec<String>,
}

/// One layer as the comparison sees it.
pub(super) struct ComparedLayer<'a> {
    pub org: &'a Organisation,
    pub settings: &'a LayerSettings,
    pub index: usize,
}

/// Marks and legend for a comparison of `since` with `day` over the visible layers.
pub(super) fn compare(
    layers: &[ComparedLayer<'_>],
    geometry: &MapGeometry,
    statuses: &std::collections::BTreeSet<Status>,
    since: Date,
    day: Date,
) -> (Vec<ChangeMark>, ComparisonLegend) {
    let (first, last) = if since <= day { (since, day) } else { (day, since) };
    let mut marks = Vec::new();
    // (kind, org) -> "Finland 2023-04-04"
    let mut named: BTreeMap<(ChangeKind, usize), Vec<String>> = BTreeMap::new();
    for layer in layers {
        for record in &layer.org.countries {
            if layer.settings.hidden.contains(&record.iso3) {
                continue;
            }
            let role = |on: Date| layer.settings.drawn_role(record, on, statuses);
            let (before, after) = (role(since), role(day));
            // Joining is what a reader means by it: becoming a member (from a
            // partnership or an application too), or a first role of any kind.
            let kind = match (before, after) {
                (a, b) if a == b => continue,
                (None, Some(_)) => ChangeKind::Joined,
                (Some(a), Some(Status::Member)) if a != Status::Suspended => ChangeKind::Joined,
                (Some(_), None) => ChangeKind::Left,
                _ => ChangeKind::Changed,
            };
            let last_day = layer.settings.last_drawn_change(record, (first, last), statuses);
            let name = geometry.index_of(record.iso3).map(|i| geometry.countries[i].name.clone());
            let mut entry = name.clone().unwrap_or_else(|| record.iso3.to_string());
            match (kind, before, after) {
                (ChangeKind::Changed, Some(a), Some(b)) => entry.push_str(&format!(" {a} → {b}")),
                (ChangeKind::Joined, _, Some(b)) if b != Status::Member => entry.push_str(&format!(" as {b}")),
                (ChangeKind::Left, Some(a), _) if a != Status::Member => entry.push_str(&format!(" as {a}")),
                _ => {}
            }
            if let Some(changed) = last_day {
                entry.push_str(&format!(" {changed}"));
            }
            named.entry((kind, layer.index)).or_default().push(entry);
            if let Some(country) = geometry.index_of(record.iso3) {
                marks.push(ChangeMark { country, layer: layer.index, kind });
            }
        }
    }
    let org_of = |index: usize| layers.iter().find(|l| l.index == index).map_or("", |l| l.org.short_name.as_str());
    let mut lines: Vec<String> = named
        .into_iter()
        .map(|((kind, layer), names)| {
            let org = org_of(layer);
            let what = match kind {
                ChangeKind::Joined => format!("Joined {org}"),
                ChangeKind::Left => format!("Left {org}"),
                ChangeKind::Changed => format!("Changed role in {org}"),
            };
            format!("{what}: {}", names.join(", "))
        })
        .collect();
    if lines.is_empty() {
        lines.push("No changes in the layers shown.".into());
    }
    let legend = ComparisonLegend {
        heading: format!("Changes from {since} to {day}"),
        keys: vec![
            (ChangeKind::Joined, "Joined (became a member, or a first role): solid outline".into()),
            (ChangeKind::Left, "Left (no role any more): dashed outline".into()),
            (ChangeKind::Changed, "Changed role (e.g. member → suspended): dotted outline".into()),
        ],
        lines,
    };
    (marks, legend)
}

/// Whether a country's membership in a layer changed (and is drawn loud).
pub(super) fn is_marked(marks: &[ChangeMark], country: usize, layer: usize) -> bool {
    marks.iter().any(|m| m.country == country && m.layer == layer)
}
