//! The caption of an animation frame: what changed on its day in the layers as
//! drawn, in words ("2004-03-29: Bulgaria, Estonia, Latvia, Lithuania, Romania,
//! Slovakia and Slovenia join NATO").

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{CountryCode, Date, LayerSettings, Organisation, Status};

/// "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What a change of role is called, with the organisation.
fn phrase(from: Option<Status>, to: Option<Status>, org: &str, several: bool) -> String {
    let (join, leave, is) = if several { ("join", "leave", "are") } else { ("joins", "leaves", "is") };
    match (from, to) {
        (Some(Status::Suspended), Some(Status::Member)) => format!("{is} reinstated in {org}"),
        (_, Some(Status::Member)) => format!("{join} {org}"),
        (_, Some(Status::Suspended)) => format!("{is} suspended in {org}"),
        (_, Some(Status::Applicant)) => format!("{is} recognised as applying to {org}"),
        (_, Some(Status::Observer)) => format!("{is} made observer in {org}"),
        (_, Some(Status::Partner)) => format!("{is} made partner of {org}"),
        (_, None) => format!("{leave} {org}"),
    }
}

/// A layer as drawn: its organisation and the layout's settings for it.
pub type ShownLayer<'a> = (&'a Organisation, &'a LayerSettings);

/// The changes of drawn role on `day` (against the day before) in `shown`: only
/// statuses in `statuses`, frameworks not hidden, countries not hidden, as the map
/// draws them. Each is (index into `shown`, country, role before, role after).
pub fn drawn_changes(
    shown: &[ShownLayer<'_>],
    statuses: &BTreeSet<Status>,
    day: Date,
) -> Vec<(usize, CountryCode, Option<Status>, Option<Status>)> {
    let Ok(before) = day.yesterday() else { return Vec::new() };
    let mut out = Vec::new();
    for (index, (org, settings)) in shown.iter().enumerate() {
        for record in org.countries.iter().filter(|r| !settings.hidden.contains(&r.iso3)) {
            let (from, to) =
                (settings.drawn_role(record, before, statuses), settings.drawn_role(record, day, statuses));
            if from != to {
                out.push((index, record.iso3, from, to));
            }
        }
    }
    out
}

/// The caption of `day`: each change of drawn role on that day, grouped by what
/// happened; `None` when nothing drawn changed.
pub fn change_caption(
    shown: &[ShownLayer<'_>],
    statuses: &BTreeSet<Status>,
    day: Date,
    name_of: impl Fn(CountryCode) -> String,
) -> Option<String> {
    let mut groups: BTreeMap<(usize, Option<Status>, Option<Status>), Vec<String>> = BTreeMap::new();
    for (index, code, from, to) in drawn_changes(shown, statuses, day) {
        groups.entry((index, from, to)).or_default().push(name_of(code));
    }
    if groups.is_empty() {
        return None;
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|((index, from, to), mut names)| {
            names.sort();
            format!("{} {}", join_names(&names), phrase(from, to, &shown[index].0.short_name, names.len() > 1))
        })
        .collect();
    Some(format!("{day}: {}", parts.join("; ")))
}
