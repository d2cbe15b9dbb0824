//! Organisations and treaties, their members' dated statuses, the pledges members
//! give each other and the times those pledges were invoked. Every fact carries a
//! [`Source`]: a briefing repeats what the map says, so the map must say where it
//! comes from.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::CountryCode;

/// One organisation or treaty, as stored in `maps/<name>.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Short name used in legends, `query` output and layouts: `NATO`, `SCO`, ...
    pub short_name: String,
    /// Full name.
    pub name: String,
    /// What sort of body it is.
    pub kind: OrganisationKind,
    /// Whether it is one of the four main layers or an extra one (off by default).
    pub layer: LayerRank,
    /// The founding treaty or declaration.
    pub founding: Document,
    /// The last day on which this file's sources were checked. Later changes may be
    /// missing, so the window and exports say so; `check` requires it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_to: Option<Date>,
    /// Named frameworks or instruments that periods refer to (NATO's Partnership
    /// for Peace, Mediterranean Dialogue, ...), so that a user can show or hide
    /// each and the inspector can name it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frameworks: Vec<Framework>,
    /// History, predecessors and where sources disagree.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Every country that ever held a status, with its dated periods.
    pub countries: Vec<CountryRecord>,
    /// Articles that bind the parties.
    #[serde(default)]
    pub pledges: Vec<Pledge>,
    /// Times a pledge was invoked (or an invocation was declined).
    #[serde(default)]
    pub invocations: Vec<Invocation>,
}

/// What sort of body an organisation is; decides, for instance, whether its defence
/// pledges make it a bloc that a neutrality pledge elsewhere may conflict with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// A military alliance with a mutual-defence pledge (NATO, CSTO).
    Alliance,
    /// Security cooperation without mutual defence (SCO).
    SecurityCooperation,
    /// Economic integration (EAEU).
    EconomicUnion,
    /// A political forum (CIS, CICA).
    PoliticalForum,
    /// A treaty between two states.
    BilateralTreaty,
}

/// Whether a layer is one of the four the product is about, or an extra one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LayerRank {
    /// SCO, CSTO, NATO, EAEU: listed first and shown by default.
    Primary,
    /// CIS, CICA, bilateral treaties: listed after, off by default.
    Extra,
}

/// A framework or instrument through which a country holds a role (NATO's
/// Partnership for Peace, the Membership Action Plan, ...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Short identifier that periods and layouts use: `pfp`, `md`, `map`.
    pub id: String,
    /// Its name as the organisation writes it.
    pub name: String,
    /// Where it is described.
    pub source: Source,
    /// History and how its dates are chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A treaty, charter or declaration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Its title.
    pub title: String,
    /// The day it was signed.
    pub signed: Date,
    /// The day it entered into force, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<Date>,
    /// Where its text or the facts about it are published.
    pub source: Source,
}

/// Where a fact comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// What the source is: a treaty, a page of the organisation, a reference work.
    pub title: String,
    /// Its address, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A country's history in one organisation (written `Country(...)` in files).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Country")]
pub struct CountryRecord {
    /// ISO 3166-1 alpha-3.
    pub iso3: CountryCode,
    /// Dated roles, in time order. Roles of different statuses may overlap (a NATO
    /// partner that is also an applicant), except that a member or suspended
    /// period overlaps nothing; `check` enforces this.
    pub periods: Vec<Period>,
}

impl CountryRecord {
    /// Every role held on `day`, strongest first.
    pub fn roles_on(&self, day: Date) -> Vec<&Period> {
        let mut roles: Vec<&Period> = self.periods.iter().filter(|period| period.contains(day)).collect();
        roles.sort_by_key(|period| period.status);
        roles
    }
}

/// A standing in an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Full member or state party.
    Member,
    /// Membership kept, participation frozen or suspended.
    Suspended,
    /// Formal applicant or recognised aspirant.
    Applicant,
    /// Formal observer.
    Observer,
    /// Partnership (NATO Partnership for Peace, SCO dialogue partner, ...).
    Partner,
}

impl Status {
    /// Every status, strongest tie first (the order of legends, and the order in
    /// which concurrent roles are listed: the map draws the first one held).
    pub const ALL: [Self; 5] = [Self::Member, Self::Suspended, Self::Applicant, Self::Observer, Self::Partner];

    /// Whether a period of this status may overlap one of `other`: roles short of
    /// membership combine (a partner applying to join), but a member holds no other
    /// role, suspension replaces the role it suspends, and no status is held twice.
    pub fn may_overlap(self, other: Self) -> bool {
        self != other && ![self, other].iter().any(|s| matches!(s, Self::Member | Self::Suspended))
    }

    /// The name used in data files and `query` output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Suspended => "suspended",
            Self::Applicant => "applicant",
            Self::Observer => "observer",
            Self::Partner => "partner",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One status over a span of days: `start` is the first day it applies, `end` the
/// first day it no longer does (half-open, so consecutive periods share a date
/// without overlapping). No `end` means it still applies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The standing.
    pub status: Status,
    /// First day.
    pub start: Date,
    /// First day after; `None` while it lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// The framework through which the role is held: an `id` from the
    /// organisation's `frameworks`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// Where the dates come from.
    pub source: Source,
    /// Disagreements between sources and the reasoning behind the chosen date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Set on periods that a what-if added; never read from or written to files.
    #[serde(skip)]
    pub hypothetical: bool,
}

impl Period {
    /// Whether the period covers `day`.
    pub fn contains(&self, day: Date) -> bool {
        self.start <= day && self.end.is_none_or(|end| day < end)
    }
}

/// What an article commits parties to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PledgeKind {
    /// Assistance, including military, when a party is attacked.
    Defense,
    /// Consultation when a party's security is threatened.
    Consultation,
    /// Not to use force against one another; settle disputes peacefully.
    NonAggression,
    /// Not to join alliances, or allow actions, directed against another party.
    Neutrality,
    /// Not to interfere in one another's internal affairs.
    NonInterference,
    /// Economic integration: customs union, common market, free movement.
    EconomicIntegration,
    /// Grants of bases or of the right to station forces.
    Basing,
}

impl PledgeKind {
    /// The name used in data files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Defense => "defense",
            Self::Consultation => "consultation",
            Self::NonAggression => "non_aggression",
            Self::Neutrality => "neutrality",
            Self::NonInterference => "non_interference",
            Self::EconomicIntegration => "economic_integration",
            Self::Basing => "basing",
        }
    }
}

/// Who owes a pledge to whom.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Every party to every other party.
    #[default]
    Mutual,
    /// Only the guarantors to the beneficiaries (e.g. US-Japan Article 5).
    OneWay {
        /// Parties that give the pledge.
        guarantors: Vec<CountryCode>,
        /// Parties that receive it.
        beneficiaries: Vec<CountryCode>,
    },
}

fn default_parties() -> Vec<Status> {
    vec![Status::Member]
}

fn is_default_parties(parties: &Vec<Status>) -> bool {
    *parties == default_parties()
}

fn is_mutual(direction: &Direction) -> bool {
    *direction == Direction::Mutual
}

/// An article that binds the parties.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pledge {
    /// Article number as the treaty writes it: "5", "4(2)", "II".
    pub article: String,
    /// What it commits to.
    pub kind: PledgeKind,
    /// One line in our own words.
    pub summary: String,
    /// Which statuses it binds (default: members).
    #[serde(default = "default_parties", skip_serializing_if = "is_default_parties")]
    pub parties: Vec<Status>,
    /// Who owes it to whom (default: mutual).
    #[serde(default, skip_serializing_if = "is_mutual")]
    pub direction: Direction,
    /// The first day the pledge binds, when it came later than the organisation
    /// (e.g. the SCO's 2007 good-neighbourliness treaty, in force from 2012).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<Date>,
    /// The treaty text or a reference.
    pub source: Source,
}

impl Pledge {
    /// Whether the pledge binds on `day` at all.
    pub fn in_force_on(&self, day: Date) -> bool {
        self.in_force.is_none_or(|start| start <= day)
    }
}

/// How an invocation ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvocationOutcome {
    /// The parties acted on it.
    Invoked,
    /// A request that the others declined.
    Declined,
    /// Consultations were held (NATO Article 4).
    ConsultationsHeld,
}

/// A time a pledge was invoked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invocation {
    /// The article invoked.
    pub article: String,
    /// The day of the decision or request.
    pub date: Date,
    /// Who asked.
    pub requested_by: Vec<CountryCode>,
    /// What came of it.
    pub outcome: InvocationOutcome,
    /// One line.
    pub summary: String,
    /// A reference.
    pub source: Source,
}

impl Organisation {
    /// The country's strongest role on `day`, if it holds one: what the map draws.
    pub fn status_on(&self, country: CountryCode, day: Date) -> Option<Status> {
        self.period_on(country, day).map(|period| period.status)
    }

    /// The period of the country's strongest role on `day`.
    pub fn period_on(&self, country: CountryCode, day: Date) -> Option<&Period> {
        self.roles_on(country, day).into_iter().next()
    }

    /// Every role the country holds on `day`, strongest first.
    pub fn roles_on(&self, country: CountryCode, day: Date) -> Vec<&Period> {
        self.record(country).map(|record| record.roles_on(day)).unwrap_or_default()
    }

    /// The country's history here, if it has one.
    pub fn record(&self, country: CountryCode) -> Option<&CountryRecord> {
        self.countries.iter().find(|record| record.iso3 == country)
    }

    /// The framework with this id.
    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.frameworks.iter().find(|framework| framework.id == id)
    }

    /// One row per country and role held on `day`, sorted by code and then
    /// strongest role first: a partner that is also an applicant has two rows.
    pub fn statuses_on(&self, day: Date) -> Vec<(CountryCode, Status)> {
        let mut out: Vec<_> = self
            .countries
            .iter()
            .flat_map(|record| record.roles_on(day).into_iter().map(|period| (record.iso3, period.status)))
            .collect();
        out.sort();
        out
    }

    /// Every day on which some status starts or ends, sorted, without repeats:
    /// the steps of the date control's "previous/next change" buttons.
    pub fn change_days(&self) -> Vec<Date> {
        let mut days: Vec<Date> = self
            .countries
            .iter()
            .flat_map(|record| &record.periods)
            .flat_map(|period| std::iter::once(period.start).chain(period.end))
            .collect();
        days.sort();
        days.dedup();
        days
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn source() -> Source {
        Source { title: "test".into(), url: None }
    }

    fn period(status: Status, start: &str, end: Option<&str>) -> Period {
        Period {
            status,
            start: day(start),
            end: end.map(day),
            framework: None,
            source: source(),
            note: None,
            hypothetical: false,
        }
    }

    /// Finland in NATO: partner until it joined, applicant as well from 2022-05-18,
    /// member from 2023-04-04; and a made-up country that left on 2009-08-18.
    fn organisation() -> Organisation {
        Organisation {
            short_name: "NATO".into(),
            name: "test".into(),
            kind: OrganisationKind::Alliance,
            layer: LayerRank::Primary,
            founding: Document { title: "t".into(), signed: day("1949-04-04"), in_force: None, source: source() },
            checked_to: None,
            frameworks: vec![],
            notes: vec![],
            countries: vec![
                CountryRecord {
                    iso3: "FIN".parse().unwrap(),
                    periods: vec![
                        period(Status::Partner, "1994-05-09", Some("2023-04-04")),
                        period(Status::Applicant, "2022-05-18", Some("2023-04-04")),
                        period(Status::Member, "2023-04-04", None),
                    ],
                },
                CountryRecord {
                    iso3: "GEO".parse().unwrap(),
                    periods: vec![period(Status::Member, "1993-12-03", Some("2009-08-18"))],
                },
            ],
            pledges: vec![],
            invocations: vec![],
        }
    }

    #[test]
    fn status_changes_on_the_day_of_accession_not_before() {
        let org = organisation();
        let fin = "FIN".parse().unwrap();
        assert_eq!(org.status_on(fin, day("2023-04-03")), Some(Status::Applicant));
        assert_eq!(org.status_on(fin, day("2023-04-04")), Some(Status::Member));
        assert_eq!(org.status_on(fin, day("2023-04-05")), Some(Status::Member));
    }

    #[test]
    fn a_partner_that_applies_holds_both_roles_and_the_strongest_is_drawn() {
        let org = organisation();
        let fin = "FIN".parse().unwrap();
        let roles: Vec<Status> = org.roles_on(fin, day("2022-06-01")).iter().map(|p| p.status).collect();
        assert_eq!(roles, [Status::Applicant, Status::Partner]);
        assert_eq!(org.status_on(fin, day("2022-06-01")), Some(Status::Applicant));
        assert_eq!(org.status_on(fin, day("2022-05-17")), Some(Status::Partner));
        let rows: Vec<_> = org.statuses_on(day("2022-06-01")).into_iter().filter(|(c, _)| *c == fin).collect();
        assert_eq!(rows, [(fin, Status::Applicant), (fin, Status::Partner)]);
        let member: Vec<Status> = org.roles_on(fin, day("2023-04-04")).iter().map(|p| p.status).collect();
        assert_eq!(member, [Status::Member], "membership ends the partnership and the application");
    }

    #[test]
    fn only_roles_short_of_membership_may_overlap() {
        use Status::*;
        assert!(Applicant.may_overlap(Partner) && Partner.may_overlap(Applicant));
        assert!(Observer.may_overlap(Applicant) && Observer.may_overlap(Partner));
        for status in Status::ALL {
            assert!(!status.may_overlap(status), "{status} twice");
            assert!(!Member.may_overlap(status) && !status.may_overlap(Suspended), "{status} with member or suspended");
        }
    }

    #[test]
    fn status_ends_on_the_day_of_exit() {
        let org = organisation();
        let geo = "GEO".parse().unwrap();
        assert_eq!(org.status_on(geo, day("2009-08-17")), Some(Status::Member));
        assert_eq!(org.status_on(geo, day("2009-08-18")), None);
        assert_eq!(org.status_on(geo, day("2009-08-19")), None);
    }

    #[test]
    fn nobody_holds_a_status_before_their_first_period() {
        let org = organisation();
        assert_eq!(org.status_on("FIN".parse().unwrap(), day("1994-05-08")), None);
        assert_eq!(org.status_on("SWE".parse().unwrap(), day("2024-01-01")), None);
    }

    #[test]
    fn an_open_ended_period_contains_today_and_far_future_days() {
        let p = period(Status::Member, "2023-04-04", None);
        assert!(p.contains(day("2026-11-23")));
        assert!(p.contains(day("9999-12-31")));
    }

    #[test]
    fn change_days_list_every_start_and_end_once_in_order() {
        let days: Vec<String> = organisation().change_days().iter().map(Date::to_string).collect();
        assert_eq!(days, ["1993-12-03", "1994-05-09", "2009-08-18", "2022-05-18", "2023-04-04"]);
    }

    #[test]
    fn data_file_syntax_reads_plain_optionals_and_snake_case_enums() {
        let text = r#"Pledge(article: "5", kind: defense, summary: "s",
            direction: one_way(guarantors: ["USA"], beneficiaries: ["JPN"]),
            in_force: "1960-06-23", source: Source(title: "t", url: "https://example.org"))"#;
        let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let pledge: Pledge = options.from_str(text).unwrap();
        assert_eq!(pledge.parties, vec![Status::Member]);
        assert_eq!(pledge.in_force, Some(day("1960-06-23")));
        assert!(matches!(pledge.direction, Direction::OneWay { .. }));
    }
}
