//! What changed between two days: each country's role in an organisation (its
//! strongest, the one the map draws) on one day against another, and the days on
//! which it changed. `diff` prints these; the compare mode draws them.

use crate::model::{CountryCode, CountryRecord, Date, Organisation, Status};

/// A change of a country's role in one organisation.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct RoleChange {
    /// Organisation short name.
    pub org: String,
    /// The country.
    pub iso3: CountryCode,
    /// The first day of the new role.
    pub day: Date,
    /// Its role the day before (`None`: no role).
    pub from: Option<Status>,
    /// Its role from `day` (`None`: no role).
    pub to: Option<Status>,
}

/// The strongest role of `record` on `day`.
fn strongest(record: &CountryRecord, day: Date) -> Option<Status> {
    record.roles_on(day).first().map(|period| period.status)
}

/// Every change of a country's strongest role in `org` after `from` up to and
/// including `to`, one per day on which it changed (a country that joined and left
/// in between has two), sorted by country and day. Expects `from <= to`.
pub fn role_changes(org: &Organisation, from: Date, to: Date) -> Vec<RoleChange> {
    let mut out = Vec::new();
    for record in &org.countries {
        let mut days: Vec<Date> = record
            .periods
            .iter()
            .flat_map(|period| std::iter::once(period.start).chain(period.end))
            .filter(|day| from < *day && *day <= to)
            .collect();
        days.sort();
        days.dedup();
        let mut current = strongest(record, from);
        for day in days {
            let next = strongest(record, day);
            if next != current {
                out.push(RoleChange { org: org.short_name.clone(), iso3: record.iso3, day, from: current, to: next });
                current = next;
            }
        }
    }
    out.sort();
    out
}

/// Every day after `from` up to and including `to` on which some role in one of
/// `orgs` starts or ends, sorted: the frames of an animation stepped by change.
pub fn change_days_between<'a>(orgs: impl IntoIterator<Item = &'a Organisation>, from: Date, to: Date) -> Vec<Date> {
    let mut days: Vec<Date> =
        orgs.into_iter().flat_map(Organisation::change_days).filter(|day| from < *day && *day <= to).collect();
    days.sort();
    days.dedup();
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, LayerRank, OrganisationKind, Period, Source};

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn period(status: Status, start: &str, end: Option<&str>) -> Period {
        Period {
            status,
            start: day(start),
            end: end.map(day),
            framework: None,
            source: Source { title: "s".into(), url: None },
            note: None,
            hypothetical: false,
        }
    }

    fn org(periods: Vec<Period>) -> Organisation {
        Organisation {
            short_name: "T".into(),
            name: "T".into(),
            kind: OrganisationKind::Alliance,
            layer: LayerRank::Extra,
            founding: Document {
                title: "t".into(),
                signed: day("1990-01-01"),
                in_force: None,
                source: Source { title: "s".into(), url: None },
            },
            checked_to: None,
            frameworks: vec![],
            notes: vec![],
            countries: vec![CountryRecord { iso3: "FIN".parse().unwrap(), periods }],
            pledges: vec![],
            invocations: vec![],
        }
    }

    #[test]
    fn a_partner_that_applies_and_joins_changes_role_twice() {
        let finland = org(vec![
            period(Status::Partner, "1994-05-09", Some("2023-04-04")),
            period(Status::Applicant, "2022-05-18", Some("2023-04-04")),
            period(Status::Member, "2023-04-04", None),
        ]);
        let changes = role_changes(&finland, day("2022-01-01"), day("2024-12-31"));
        let steps: Vec<_> = changes.iter().map(|c| (c.day.to_string(), c.from, c.to)).collect();
        assert_eq!(
            steps,
            [
                ("2022-05-18".to_owned(), Some(Status::Partner), Some(Status::Applicant)),
                ("2023-04-04".to_owned(), Some(Status::Applicant), Some(Status::Member)),
            ]
        );
        assert!(
            role_changes(&finland, day("2023-04-04"), day("2024-12-31")).is_empty(),
            "the start day is the state compared from"
        );
    }

    #[test]
    fn joining_and_leaving_between_the_days_shows_both_changes() {
        let brief = org(vec![period(Status::Member, "2000-01-01", Some("2001-01-01"))]);
        let changes = role_changes(&brief, day("1999-01-01"), day("2002-01-01"));
        let steps: Vec<_> = changes.iter().map(|c| (c.from, c.to)).collect();
        assert_eq!(steps, [(None, Some(Status::Member)), (Some(Status::Member), None)]);
    }
}
