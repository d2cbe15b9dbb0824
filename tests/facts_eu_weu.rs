//! Facts about the European Union and the Western European Union, written from public
//! sources independently of `maps/eu.ron` and `maps/weu.ron`, pinned against what the
//! data says. A failure here means a date in those files is wrong (or the source is).

mod common;

use alliance_map::analysis::{CommitmentSide, commitments_of};
use alliance_map::model::{LayerRank, OrganisationKind, PledgeKind, Status};
use common::{atlas, code, count, day};

/// The Union's enlargements (European Commission, "Together in the EU" and DG REGIO
/// glossary "Enlargement"; UK government statement to the Commons, 27 January 2020):
/// the twelve EC members when the Maastricht Treaty entered into force on 1993-11-01,
/// Austria, Finland and Sweden 1995-01-01 (12 to 15), ten states 2004-05-01, Bulgaria
/// and Romania 2007-01-01, Croatia 2013-07-01 (28), and 27 again after the United
/// Kingdom left at midnight CET at the end of 2020-01-31.
#[test]
fn the_eu_grows_from_12_to_28_members_and_falls_to_27_after_brexit() {
    let atlas = atlas();
    let steps = [
        ("1993-11-01", 12),
        ("1995-01-01", 15),
        ("2004-05-01", 25),
        ("2007-01-01", 27),
        ("2013-07-01", 28),
        ("2020-02-01", 27),
    ];
    assert_eq!(count(&atlas, "EU", "1993-10-31", Status::Member), 0);
    let mut previous = 0;
    for (date, members) in steps {
        let before = day(date).yesterday().unwrap().to_string();
        assert_eq!(count(&atlas, "EU", &before, Status::Member), previous, "the day before {date}");
        assert_eq!(count(&atlas, "EU", date, Status::Member), members, "on {date}");
        previous = members;
    }
}

/// Austria, Finland and Sweden joined on 1 January 1995 (European Commission); the
/// United Kingdom left at 23:00 GMT on 31 January 2020, 00:00 on 1 February in Brussels
/// (Hansard, 27 January 2020).
#[test]
fn finland_and_sweden_joined_in_1995_and_the_uk_left_at_the_end_of_31_january_2020() {
    let atlas = atlas();
    let eu = atlas.find("EU").unwrap();
    for country in ["AUT", "FIN", "SWE"] {
        assert_ne!(eu.status_on(code(country), day("1994-12-31")), Some(Status::Member), "{country}");
        assert_eq!(eu.status_on(code(country), day("1995-01-01")), Some(Status::Member), "{country}");
    }
    assert_eq!(eu.status_on(code("GBR"), day("2020-01-31")), Some(Status::Member));
    assert_eq!(eu.status_on(code("GBR"), day("2020-02-01")), None);
}

/// Candidate status granted by the European Council: Ukraine and Moldova on 23 June
/// 2022 (Finnish Prime Minister's Office), Bosnia and Herzegovina on 15 December 2022
/// (French foreign ministry), Georgia on 14 December 2023 (Civil.ge), Croatia on 18
/// June 2004 (Croatian foreign ministry; member from 1 July 2013); Iceland from 17 June
/// 2010 (Government of Iceland) until its letter of 12 March 2015 asking not to be
/// regarded as a candidate.
#[test]
fn candidate_countries_are_applicants_from_the_european_councils_decision() {
    let atlas = atlas();
    let eu = atlas.find("EU").unwrap();
    let status = |country: &str, date: &str| eu.status_on(code(country), day(date));
    for country in ["UKR", "MDA"] {
        assert_eq!(status(country, "2022-06-22"), None, "{country}");
        assert_eq!(status(country, "2022-06-23"), Some(Status::Applicant), "{country}");
        assert_eq!(status(country, "2023-01-01"), Some(Status::Applicant), "{country}");
    }
    assert_eq!(status("BIH", "2022-12-14"), None);
    assert_eq!(status("BIH", "2022-12-15"), Some(Status::Applicant));
    assert_eq!(status("GEO", "2023-12-13"), None);
    assert_eq!(status("GEO", "2023-12-14"), Some(Status::Applicant));
    assert_eq!(status("HRV", "2004-06-17"), None);
    assert_eq!(status("HRV", "2004-06-18"), Some(Status::Applicant));
    assert_eq!(status("HRV", "2013-07-01"), Some(Status::Member));
    assert_eq!(status("ISL", "2012-01-01"), Some(Status::Applicant));
    assert_eq!(status("ISL", "2016-01-01"), None);
}

/// Art. 42(7) TEU came with the Lisbon Treaty, in force on 1 December 2009: "aid and
/// assistance by all the means in their power" to a member state that is the victim of
/// armed aggression on its territory (EUR-Lex, consolidated TEU). In 2016 the Union
/// had 28 members, so Finland received the pledge from 27 others.
#[test]
fn the_eu_mutual_assistance_clause_binds_from_the_lisbon_treaty() {
    let atlas = atlas();
    let eu = atlas.find("EU").unwrap();
    assert_eq!(eu.kind, OrganisationKind::EconomicUnion);
    let clause = eu.pledges.iter().find(|p| p.article == "42(7)").unwrap();
    assert_eq!(clause.kind, PledgeKind::Defense);
    assert!(!clause.in_force_on(day("2009-11-30")));
    assert!(clause.in_force_on(day("2009-12-01")));
    let received = |date| {
        commitments_of(&atlas, code("FIN"), day(date))
            .into_iter()
            .find(|c| c.org == "EU" && c.article == "42(7)" && c.side == CommitmentSide::Receives)
            .map(|c| c.counterparties.len())
    };
    assert_eq!(received("2009-11-30"), None);
    assert_eq!(received("2016-01-01"), Some(27));
}

/// France invoked Art. 42(7) at the EU defence ministers' meeting in Brussels on 17
/// November 2015, after the Paris attacks of 13 November; all 28 member states
/// accepted (Reuters, 17 November 2015). It was the first invocation.
#[test]
fn france_invoked_article_42_7_on_17_november_2015() {
    let atlas = atlas();
    let eu = atlas.find("EU").unwrap();
    let france = eu.invocations.iter().find(|i| i.requested_by == [code("FRA")]).unwrap();
    assert_eq!((france.article.as_str(), france.date), ("42(7)", day("2015-11-17")));
    assert!(eu.invocations.iter().all(|i| i.date >= day("2015-11-17")));
}

/// The Brussels Treaty of 17 March 1948 entered into force on 25 August 1948 for
/// Belgium, France, Luxembourg, the Netherlands and the United Kingdom; Germany and
/// Italy joined by the Paris Protocol in force 6 May 1955 (CVCE); Portugal and Spain on
/// 27 March 1990 and Greece on 6 March 1995 (Dutch Treaty Series 1995 no. 102). The WEU
/// ceased to exist on 30 June 2011 (CIA World Factbook).
#[test]
fn the_weu_grows_from_5_to_10_members_and_has_none_after_30_june_2011() {
    let atlas = atlas();
    assert_eq!(count(&atlas, "WEU", "1948-08-24", Status::Member), 0);
    assert_eq!(count(&atlas, "WEU", "1948-08-25", Status::Member), 5);
    assert_eq!(count(&atlas, "WEU", "1955-05-05", Status::Member), 5);
    assert_eq!(count(&atlas, "WEU", "1955-05-06", Status::Member), 7);
    assert_eq!(count(&atlas, "WEU", "1990-03-27", Status::Member), 9);
    assert_eq!(count(&atlas, "WEU", "1995-03-06", Status::Member), 10);
    assert_eq!(count(&atlas, "WEU", "2011-06-30", Status::Member), 10);
    assert_eq!(count(&atlas, "WEU", "2011-07-01", Status::Member), 0);
    assert!(atlas.find("WEU").unwrap().statuses_on(day("2011-07-01")).is_empty());
}

/// The WEU's own list of its 28 delegations (weu.int): 10 member states, 6 associate
/// members, 5 observers, 7 associate partners; the statuses were frozen from 2002.
/// Ireland and Denmark became observers at Rome on 20 November 1992 (Dail Eireann,
/// 10 February 1993).
#[test]
fn the_weu_had_28_delegations_in_four_categories() {
    let atlas = atlas();
    let weu = atlas.find("WEU").unwrap();
    let on = day("2005-01-01");
    let rows = weu.statuses_on(on);
    assert_eq!(rows.len(), 28);
    assert_eq!(count(&atlas, "WEU", "2005-01-01", Status::Member), 10);
    assert_eq!(count(&atlas, "WEU", "2005-01-01", Status::Observer), 5);
    let framework = |id: &str| {
        weu.countries
            .iter()
            .filter(|record| record.roles_on(on).iter().any(|p| p.framework.as_deref() == Some(id)))
            .count()
    };
    assert_eq!(framework("associate_member"), 6);
    assert_eq!(framework("associate_partner"), 7);
    assert_eq!(weu.status_on(code("IRL"), day("1992-11-19")), None);
    assert_eq!(weu.status_on(code("IRL"), day("1992-11-20")), Some(Status::Observer));
}

/// Art. V of the Modified Brussels Treaty: "all the military and other aid and
/// assistance in their power" (UK Parliament, Defence Committee, extracts of the
/// treaty); Art. VIII(3): the Council is convened at once for consultation (CVCE).
/// Associate members had no Art. V guarantee (Kirchberg Declaration, 1994: they rely
/// on NATO's Article 5).
#[test]
fn weu_article_v_binds_full_members_only() {
    let atlas = atlas();
    let weu = atlas.find("WEU").unwrap();
    assert_eq!(weu.kind, OrganisationKind::Alliance);
    assert_eq!(weu.layer, LayerRank::Extra);
    let kinds = |article: &str| -> Vec<PledgeKind> {
        weu.pledges.iter().filter(|p| p.article == article).map(|p| p.kind).collect()
    };
    assert_eq!(kinds("V"), [PledgeKind::Defense]);
    assert_eq!(kinds("VIII(3)"), [PledgeKind::Consultation]);
    let article_v = |country: &str| {
        commitments_of(&atlas, code(country), day("2000-01-01"))
            .into_iter()
            .find(|c| c.org == "WEU" && c.article == "V" && c.side == CommitmentSide::Receives)
            .map(|c| c.counterparties.len())
    };
    assert_eq!(article_v("DEU"), Some(9));
    assert_eq!(article_v("TUR"), None);
    assert_eq!(article_v("AUT"), None);
}

/// Both layers are extras, off by default, and say when their sources were checked.
#[test]
fn the_eu_and_weu_layers_are_extras_checked_to_2_december_2026() {
    let atlas = atlas();
    for name in ["EU", "WEU"] {
        let org = atlas.find(name).unwrap();
        assert_eq!(org.layer, LayerRank::Extra, "{name}");
        assert_eq!(org.checked_to, Some(day("2026-12-02")), "{name}");
    }
}
