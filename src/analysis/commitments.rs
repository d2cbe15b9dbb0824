use std::collections::BTreeSet;

use super::Atlas;
use crate::model::{CountryCode, Date, Direction, Organisation, OrganisationKind, Pledge, PledgeKind, Status};

/// Whether a country gives a pledge or receives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentSide {
    /// The country is bound to the counterparties.
    Gives,
    /// The counterparties are bound to the country.
    Receives,
}

/// One article binding a country to others, or others to it, on one day.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Commitment {
    /// Organisation short name.
    pub org: String,
    /// Article.
    pub article: String,
    /// What it commits to.
    pub kind: PledgeKind,
    /// One line from the data.
    pub summary: String,
    /// Gives or receives.
    pub side: CommitmentSide,
    /// The other countries: those the country is bound to, or those bound to it.
    pub counterparties: Vec<CountryCode>,
}

/// The parties a pledge binds on `day`.
fn parties(org: &Organisation, pledge: &Pledge, day: Date) -> BTreeSet<CountryCode> {
    org.statuses_on(day)
        .into_iter()
        .filter(|(_, status)| pledge.parties.contains(status))
        .map(|(code, _)| code)
        .collect()
}

/// Every pledge `country` gives and receives on `day`, across all organisations,
/// in listing order; gives before receives for each article.
pub fn commitments_of(atlas: &Atlas, country: CountryCode, day: Date) -> Vec<Commitment> {
    let mut out = Vec::new();
    for org in &atlas.organisations {
        for pledge in org.pledges.iter().filter(|p| p.in_force_on(day)) {
            let bound = parties(org, pledge, day);
            if !bound.contains(&country) {
                continue;
            }
            let (to, from): (Vec<CountryCode>, Vec<CountryCode>) = match &pledge.direction {
                Direction::Mutual => {
                    let others: Vec<_> = bound.iter().copied().filter(|&c| c != country).collect();
                    (others.clone(), others)
                }
                Direction::OneWay { guarantors, beneficiaries } => {
                    let pick = |list: &Vec<CountryCode>| -> Vec<CountryCode> {
                        list.iter().copied().filter(|c| bound.contains(c) && *c != country).collect()
                    };
                    (
                        if guarantors.contains(&country) { pick(beneficiaries) } else { vec![] },
                        if beneficiaries.contains(&country) { pick(guarantors) } else { vec![] },
                    )
                }
            };
            for (side, counterparties) in [(CommitmentSide::Gives, to), (CommitmentSide::Receives, from)] {
                if counterparties.is_empty() {
                    continue;
                }
                out.push(Commitment {
                    org: org.short_name.clone(),
                    article: pledge.article.clone(),
                    kind: pledge.kind,
                    summary: pledge.summary.clone(),
                    side,
                    counterparties,
                });
            }
        }
    }
    out
}

/// Two commitments of one country that pull against each other.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Tension {
    /// The organisation whose neutrality pledge is concerned.
    pub pledge_org: String,
    /// Its article.
    pub pledge_article: String,
    /// The alliance the country also belongs to or works with.
    pub bloc: String,
    /// The country's status in that alliance.
    pub bloc_status: Status,
    /// Fellow parties of the pledge that the alliance's defence pledge leaves out.
    pub left_out: Vec<CountryCode>,
    /// One sentence for people.
    pub explanation: String,
}

/// Where a country's pledge not to join groupings directed against fellow parties
/// (a `neutrality` pledge) meets its membership of, application to, or partnership
/// with a military alliance whose defence pledge leaves some of those fellow
/// parties out. Whether that alliance is "directed against" them is a political
/// judgement; the analysis reports the combination and leaves the judgement to
/// the reader.
pub fn tensions_of(atlas: &Atlas, country: CountryCode, day: Date) -> Vec<Tension> {
    let mut out = Vec::new();
    for org in &atlas.organisations {
        for pledge in org.pledges.iter().filter(|p| p.kind == PledgeKind::Neutrality && p.in_force_on(day)) {
            let fellows = parties(org, pledge, day);
            if !fellows.contains(&country) {
                continue;
            }
            for bloc in &atlas.organisations {
                if std::ptr::eq(bloc, org) || bloc.kind != OrganisationKind::Alliance {
                    continue;
                }
                let Some(status) = bloc.status_on(country, day) else {
                    continue;
                };
                if !matches!(status, Status::Member | Status::Applicant | Status::Partner) {
                    continue;
                }
                let covered: BTreeSet<CountryCode> = bloc
                    .pledges
                    .iter()
                    .filter(|p| p.kind == PledgeKind::Defense && p.in_force_on(day))
                    .flat_map(|p| parties(bloc, p, day))
                    .collect();
                if covered.is_empty() {
                    continue;
                }
                let left_out: Vec<CountryCode> =
                    fellows.iter().copied().filter(|c| *c != country && !covered.contains(c)).collect();
                if left_out.is_empty() {
                    continue;
                }
                let explanation = format!(
                    "{country} pledges under {} article {} not to join groupings directed against \
                     fellow parties, and is a {status} of {}, whose defence pledge does not cover \
                     {} of those parties",
                    org.short_name,
                    pledge.article,
                    bloc.short_name,
                    left_out.len()
                );
                out.push(Tension {
                    pledge_org: org.short_name.clone(),
                    pledge_article: pledge.article.clone(),
                    bloc: bloc.short_name.clone(),
                    bloc_status: status,
                    left_out,
                    explanation,
                });
            }
        }
    }
    out
}
