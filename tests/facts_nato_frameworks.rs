//! NATO's partnership frameworks and concurrent roles, written from public sources
//! independently of `maps/nato.ron` and pinned against what the data says. A
//! failure here means a date or framework in `maps/nato.ron` is wrong (or the
//! source below is). Test days are chosen with a margin where a source gives only
//! a month, so that the tests state what the sources say and not the file's own
//! choice of day.

mod common;

use alliance_map::model::{Organisation, Status};
use common::{atlas, code, day};

/// Every role the country holds that day, as (status, framework), strongest first.
fn roles(nato: &Organisation, iso3: &str, date: &str) -> Vec<(Status, Option<String>)> {
    nato.roles_on(code(iso3), day(date)).into_iter().map(|period| (period.status, period.framework.clone())).collect()
}

/// Whether the country is a partner through `framework` that day.
fn partner_through(nato: &Organisation, iso3: &str, date: &str, framework: &str) -> bool {
    roles(nato, iso3, date).contains(&(Status::Partner, Some(framework.to_string())))
}

fn is_partner(nato: &Organisation, iso3: &str, date: &str) -> bool {
    roles(nato, iso3, date).iter().any(|(status, _)| *status == Status::Partner)
}

fn is_applicant(nato: &Organisation, iso3: &str, date: &str) -> bool {
    roles(nato, iso3, date).iter().any(|(status, _)| *status == Status::Applicant)
}

/// Finland and Sweden signed the PfP Framework Document on 9 May 1994 (NATO,
/// "Signatures of Partnership for Peace Framework Document"), applied to join on
/// 18 May 2022 (NATO news, 18 May 2022) and joined on 4 April 2023 and 7 March 2024
/// (NATO news, "Finland joins NATO as 31st Ally"; "Sweden officially joins NATO").
/// In between they were partners and applicants at once; a member holds no other role.
#[test]
fn finland_and_sweden_were_pfp_partners_and_applicants_until_they_joined() {
    let atlas = atlas();
    let nato = atlas.find("NATO").unwrap();
    for (iso3, between, joined) in [("FIN", "2022-06-01", "2023-04-04"), ("SWE", "2023-06-01", "2024-03-07")] {
        assert!(partner_through(nato, iso3, between, "pfp"), "{iso3} is a PfP partner on {between}");
        assert!(is_applicant(nato, iso3, between), "{iso3} is an applicant on {between}");
        assert_eq!(
            nato.status_on(code(iso3), day(between)),
            Some(Status::Applicant),
            "{iso3}: the map draws applicant"
        );
        assert!(!is_applicant(nato, iso3, "2022-05-17"), "{iso3} had not applied before 18 May 2022");
        let on_accession: Vec<Status> = roles(nato, iso3, joined).into_iter().map(|(status, _)| status).collect();
        assert_eq!(on_accession, vec![Status::Member], "{iso3} holds only membership from {joined}");
    }
}

/// The nine aspirants of the Washington Summit entered the Membership Action Plan
/// approved on 24 April 1999 (NATO, "Membership Action Plan", Press Release
/// NAC-S(99)066) while remaining PfP partners ("active participation in PfP ...
/// remains essential for aspiring countries", same text); seven of them joined on
/// 29 March 2004 (NATO Secretary General's statement of 2 March 2004: parties on
/// deposit of their instruments of accession, deposited in Washington on 29 March).
#[test]
fn the_1999_map_aspirants_were_pfp_partners_and_map_applicants_until_accession() {
    let atlas = atlas();
    let nato = atlas.find("NATO").unwrap();
    for iso3 in ["BGR", "EST", "LTU", "LVA", "ROU", "SVK", "SVN"] {
        let both = roles(nato, iso3, "2001-01-01");
        assert!(both.contains(&(Status::Partner, Some("pfp".into()))), "{iso3} in 2001: {both:?}");
        assert!(both.contains(&(Status::Applicant, Some("map".into()))), "{iso3} in 2001: {both:?}");
        let after: Vec<Status> = roles(nato, iso3, "2004-03-29").into_iter().map(|(status, _)| status).collect();
        assert_eq!(after, vec![Status::Member], "{iso3} on 2004-03-29");
    }
}

/// Ukraine signed the PfP Framework Document on 8 February 1994 and Georgia on
/// 23 March 1994 (NATO, "Signatures of Partnership for Peace Framework Document");
/// no source reports that either left the Partnership for Peace. Allies agreed at
/// Bucharest on 3 April 2008 that both "will become members of NATO" (Bucharest
/// Summit Declaration), and neither has joined, so both are partners and aspirants.
#[test]
fn ukraine_and_georgia_are_pfp_partners_and_aspirants_today() {
    let atlas = atlas();
    let nato = atlas.find("NATO").unwrap();
    for iso3 in ["UKR", "GEO"] {
        for date in ["2008-04-03", "2026-12-01"] {
            assert!(partner_through(nato, iso3, date, "pfp"), "{iso3} is a PfP partner on {date}");
            assert!(is_applicant(nato, iso3, date), "{iso3} is an aspirant on {date}");
            assert_eq!(nato.status_on(code(iso3), day(date)), Some(Status::Applicant));
        }
    }
}

/// NATO opened an Intensified Dialogue on membership aspirations with Ukraine at
/// Vilnius on 21 April 2005 (NATO news, "NATO launches 'Intensified Dialogue' with
/// Ukraine") and offered one to Georgia on 21 September 2006 (NATO Update,
/// 14 December 2006; RFE/RL, 22 September 2006).
#[test]
fn the_intensified_dialogues_of_ukraine_and_georgia_are_applicant_periods() {
    let atlas = atlas();
    let nato = atlas.find("NATO").unwrap();
    let dialogue = |iso3: &str, date: &str| {
        roles(nato, iso3, date).contains(&(Status::Applicant, Some("intensified_dialogue".into())))
    };
    assert!(!is_applicant(nato, "UKR", "2005-04-20"));
    assert!(dialogue("UKR", "2005-04-21"));
    assert!(dialogue("UKR", "2007-01-01"));
    assert!(!is_applicant(nato, "GEO", "2006-09-20"));
    assert!(dialogue("GEO", "2006-09-21"));
    assert!(dialogue("GEO", "2007-06-01"));
}

/// The North Atlantic Council decided on 8 February 1995 to open a dialogue with
/// Egypt, Israel, Mauritania, Morocco and Tunisia (NATO Press Release (95)12); Jordan
/// joined in November 1995 and Algeria in March 2000 (NATO news, 14 March 2000,
/// "Algeria joins NATO's Mediterranean Dialogue"); the Council only decided to invite
/// Algeria on 16 February 2000 (NATO news of that day).
#[test]
fn mediterranean_dialogue_partners_join_on_their_days_and_not_before() {
    let atlas = atlas();
    let nato = atlas.find("NATO").unwrap();
    for iso3 in ["EGY", "ISR", "MAR", "MRT", "TUN"] {
        assert!(!is_partner(nato, iso3, "1995-02-07"), "{iso3} before the Council's decision");
        assert!(partner_through(nato, iso3, "1995-03-01", "md"), "{iso3} after February 1995");
        assert!(partner_through(nato, iso3, "2026-12-01", "md"), "{iso3} today");
    }
    assert!(!is_partner(nato, "JOR", "1995-10-31"));
    assert!(partner_through(nato, "JOR", "1995-12-01", "md"));
    assert!(!is_partner(nato, "DZA", "2000-02-16"));
    assert!(partner_through(nato, "DZA", "2000-04-01", "md"));
}

/// The Istanbul Cooperation Initiative was launched at the Istanbul Summit on
/// 28 June 2004 (Istanbul Summit Communique); NATO said on 18 March 2005 that Kuwait,
/// Bahrain and Qatar had formally joined (NATO news, "NATO and the broader Middle
/// East region"), and the United Arab Emirates formally joined on 22 June 2005 (NATO
/// news, "United Arab Emirates to develop cooperation with NATO").
#[test]
fn istanbul_cooperation_initiative_partners_join_on_their_days_and_not_before() {
    let atlas = atlas();
    let nato = atlas.find("NATO").unwrap();
    for iso3 in ["KWT", "BHR", "QAT", "ARE"] {
        assert!(!is_partner(nato, iso3, "2004-06-27"), "{iso3} before the initiative existed");
    }
    for iso3 in ["KWT", "BHR", "QAT"] {
        assert!(partner_through(nato, iso3, "2005-03-18", "ici"), "{iso3} had joined by 18 March 2005");
    }
    assert!(!is_partner(nato, "ARE", "2005-06-21"));
    assert!(partner_through(nato, "ARE", "2005-06-22", "ici"));
    for iso3 in ["KWT", "BHR", "QAT", "ARE"] {
        assert!(partner_through(nato, iso3, "2026-12-01", "ici"), "{iso3} today");
    }
}

/// NATO's "Relations with partners across the globe" lists Afghanistan, Iraq,
/// Japan, the Republic of Korea, Mongolia and Pakistan among its global partners.
/// Iraq's Individual Partnership and Cooperation Programme was signed in September
/// 2012, after NATO agreed in 2011 to grant Iraq partner status (NATO, "Relations
/// with Iraq"); NATO and Afghanistan signed an Enduring
/// Partnership at Lisbon on 20 November 2010 (NATO news of that day); NATO foreign
/// ministers suspended all support to the Afghan authorities on 20 August 2021
/// (their statement of that day, as reported by Business Standard).
#[test]
fn partners_across_the_globe_carry_the_global_framework() {
    let atlas = atlas();
    let nato = atlas.find("NATO").unwrap();
    assert!(partner_through(nato, "IRQ", "2012-10-01", "global"));
    assert!(!is_partner(nato, "IRQ", "2010-12-31"), "NATO granted Iraq partner status only in 2011");
    assert!(partner_through(nato, "AFG", "2010-11-20", "global"));
    assert!(partner_through(nato, "AFG", "2021-08-19", "global"));
    assert!(!is_partner(nato, "AFG", "2021-08-20"), "support to the Afghan authorities suspended");
    assert!(partner_through(nato, "PAK", "2017-06-01", "global"));
    for iso3 in ["JPN", "KOR", "MNG", "IRQ", "PAK"] {
        assert!(partner_through(nato, iso3, "2026-12-01", "global"), "{iso3} today");
    }
}

/// Every NATO partner period names the framework it is held through, and every
/// framework a period names is declared (maps/README.md and the issue 12 format).
#[test]
fn every_nato_partner_period_names_a_declared_framework() {
    let atlas = atlas();
    let nato = atlas.find("NATO").unwrap();
    for record in &nato.countries {
        for period in &record.periods {
            if period.status == Status::Partner {
                assert!(
                    period.framework.is_some(),
                    "{} partner period from {} names no framework",
                    record.iso3,
                    period.start
                );
            }
            if let Some(id) = &period.framework {
                assert!(nato.framework(id).is_some(), "{} names undeclared framework {id:?}", record.iso3);
            }
        }
    }
    for id in ["pfp", "md", "ici", "global", "map", "intensified_dialogue"] {
        assert!(nato.framework(id).is_some(), "framework {id:?} is declared");
    }
}

/// The NATO file says on which day its sources were last checked.
#[test]
fn nato_says_when_its_sources_were_checked() {
    let atlas = atlas();
    let nato = atlas.find("NATO").unwrap();
    assert!(nato.checked_to.is_some_and(|checked| checked >= day("2026-12-02")), "checked_to: {:?}", nato.checked_to);
}
