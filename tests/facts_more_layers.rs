//! Well-known facts about three extra layers (the Union State, ASEAN and BRICS),
//! written from public sources independently of the data files and pinned against
//! what the data says. A failure here means a date in `maps/` is wrong (or the
//! source below is).

mod common;

use alliance_map::analysis::Atlas;
use alliance_map::model::{CountryCode, Status};
use common::{atlas, code, count, day};

fn members(atlas: &Atlas, org: &str, date: &str) -> Vec<CountryCode> {
    atlas
        .find(org)
        .unwrap()
        .statuses_on(day(date))
        .into_iter()
        .filter(|(_, s)| *s == Status::Member)
        .map(|(c, _)| c)
        .collect()
}

/// The kinds the data gives the pledges of one article.
fn kinds_of(atlas: &Atlas, org: &str, article: &str) -> Vec<&'static str> {
    atlas.find(org).unwrap().pledges.iter().filter(|p| p.article == article).map(|p| p.kind.as_str()).collect()
}

/// BRICS: Brazil, Russia, India and China at the first summit, Yekaterinburg,
/// 2009-06-16 (China's MFA; Kremlin transcript); South Africa accepted as a full
/// member on 2010-12-23 (Xinhua via China Daily, 2010-12-24); Egypt, Ethiopia, Iran
/// and the UAE from 2024-01-01 (APP/CGTN; Ramaphosa at Johannesburg, 2023-08-24);
/// Indonesia announced by Brazil, the chair, on 2025-01-06 (Brazilian MFA via Sputnik).
#[test]
fn brics_has_4_then_5_then_9_then_10_members() {
    let atlas = atlas();
    let steps = [("2009-06-16", 4), ("2010-12-23", 5), ("2024-01-01", 9), ("2025-01-06", 10)];
    let mut previous = 0;
    for (date, expected) in steps {
        let before = day(date).yesterday().unwrap().to_string();
        assert_eq!(count(&atlas, "BRICS", &before, Status::Member), previous, "the day before {date}");
        assert_eq!(count(&atlas, "BRICS", date, Status::Member), expected, "on {date}");
        previous = expected;
    }
}

/// Saudi Arabia was invited at Johannesburg but never confirmed: its economy minister
/// said at Davos in January 2025 that the kingdom was still assessing the invitation
/// (Bloomberg). It is not a member, whatever some lists say.
#[test]
fn saudi_arabia_is_not_a_brics_member() {
    let atlas = atlas();
    let brics = atlas.find("BRICS").unwrap();
    for date in ["2024-01-01", "2025-06-01"] {
        assert_ne!(brics.status_on(code("SAU"), day(date)), Some(Status::Member), "on {date}");
    }
    assert!(!members(&atlas, "BRICS", "2025-06-01").contains(&code("SAU")));
}

/// BRICS partner countries (category created at Kazan, 2024): Kazakhstan among the
/// nine from 2025-01-01 (Russian MFA via TASS); Nigeria announced by Brazil on
/// 2025-01-17 and Viet Nam on 2025-06-13 (Brazilian MFA statements, Reuters).
#[test]
fn kazakhstan_nigeria_and_viet_nam_are_brics_partners() {
    let atlas = atlas();
    let brics = atlas.find("BRICS").unwrap();
    assert_eq!(brics.status_on(code("KAZ"), day("2024-12-31")), None);
    assert_eq!(brics.status_on(code("KAZ"), day("2025-06-01")), Some(Status::Partner));
    assert_eq!(brics.status_on(code("NGA"), day("2025-01-16")), None);
    assert_eq!(brics.status_on(code("NGA"), day("2025-01-17")), Some(Status::Partner));
    assert_eq!(brics.status_on(code("VNM"), day("2025-06-12")), None);
    assert_eq!(brics.status_on(code("VNM"), day("2025-06-13")), Some(Status::Partner));
    // Eight partners besides Indonesia on 2025-01-01; ten once Viet Nam joined.
    assert_eq!(count(&atlas, "BRICS", "2025-01-06", Status::Partner), 8);
    assert_eq!(count(&atlas, "BRICS", "2025-06-13", Status::Partner), 10);
}

/// BRICS has no founding treaty and no pledge of any kind (no defence, no
/// non-aggression, no economic-integration obligation).
#[test]
fn brics_has_no_pledges() {
    let atlas = atlas();
    assert!(atlas.find("BRICS").unwrap().pledges.is_empty());
}

/// ASEAN (ASEAN Secretariat, "About ASEAN"): five founders on 1967-08-08, Brunei in
/// January 1984 (7 January per ASEAN, 8 January per the ASEAN-Japan Centre), Viet Nam
/// 1995-07-28, Laos and Myanmar 1997-07-23, Cambodia 1999-04-30, Timor-Leste at the
/// 47th Summit in Kuala Lumpur on 2025-10-26 (ASEAN statement via IANS).
#[test]
fn asean_grows_from_5_to_11_members() {
    let atlas = atlas();
    assert_eq!(count(&atlas, "ASEAN", "1967-08-07", Status::Member), 0);
    assert_eq!(count(&atlas, "ASEAN", "1967-08-08", Status::Member), 5);
    assert_eq!(count(&atlas, "ASEAN", "1984-01-06", Status::Member), 5);
    assert_eq!(count(&atlas, "ASEAN", "1984-01-08", Status::Member), 6);
    assert_eq!(count(&atlas, "ASEAN", "1995-07-27", Status::Member), 6);
    assert_eq!(count(&atlas, "ASEAN", "1995-07-28", Status::Member), 7);
    assert_eq!(count(&atlas, "ASEAN", "1997-07-22", Status::Member), 7);
    assert_eq!(count(&atlas, "ASEAN", "1997-07-23", Status::Member), 9);
    assert_eq!(count(&atlas, "ASEAN", "1999-04-29", Status::Member), 9);
    assert_eq!(count(&atlas, "ASEAN", "1999-04-30", Status::Member), 10);
    assert_eq!(count(&atlas, "ASEAN", "2025-10-25", Status::Member), 10);
    assert_eq!(count(&atlas, "ASEAN", "2025-10-26", Status::Member), 11);
}

/// Timor-Leste applied in 2011 and was granted observer status when the leaders agreed
/// "in principle" to admit it on 2022-11-11 (Reuters); it was both an applicant and an
/// observer until it was admitted on 2025-10-26, and is only a member after that.
#[test]
fn timor_leste_was_applicant_and_observer_until_it_joined_asean() {
    let atlas = atlas();
    let asean = atlas.find("ASEAN").unwrap();
    let roles = |date| asean.roles_on(code("TLS"), day(date)).iter().map(|p| p.status).collect::<Vec<_>>();
    assert_eq!(roles("2022-11-10"), [Status::Applicant]);
    assert_eq!(roles("2024-01-01"), [Status::Applicant, Status::Observer]);
    assert_eq!(asean.status_on(code("TLS"), day("2024-01-01")), Some(Status::Applicant));
    assert_eq!(roles("2025-10-26"), [Status::Member]);
    // Papua New Guinea has been an observer since 1976 and never a member.
    assert_eq!(asean.status_on(code("PNG"), day("2025-01-01")), Some(Status::Observer));
}

/// Treaty of Amity and Cooperation in Southeast Asia (Bali, 1976-02-24; NUS Centre for
/// International Law): art. 2(c) non-interference in one another's internal affairs,
/// art. 13 refrain from the threat or use of force and settle disputes by friendly
/// negotiations. It did not bind anyone before it was signed in 1976.
#[test]
fn the_treaty_of_amity_gives_asean_non_interference_and_non_aggression_but_no_defence() {
    let atlas = atlas();
    assert_eq!(kinds_of(&atlas, "ASEAN", "TAC 2(c)"), ["non_interference"]);
    assert_eq!(kinds_of(&atlas, "ASEAN", "TAC 13"), ["non_aggression"]);
    let asean = atlas.find("ASEAN").unwrap();
    assert!(asean.pledges.iter().all(|p| p.kind.as_str() != "defense"));
    assert!(asean.pledges.iter().all(|p| !p.in_force_on(day("1975-12-31"))));
}

/// The Treaty on the Creation of a Union State was signed on 1999-12-08 and entered
/// into force on 2000-01-26 (Soyuznoye Veche, newspaper of the Union's Parliamentary
/// Assembly); its parties are Russia and Belarus only. It has no mutual-assistance
/// clause: that is in the 2024 Treaty on Security Guarantees within the Union State.
#[test]
fn the_union_state_has_exactly_russia_and_belarus() {
    let atlas = atlas();
    assert!(members(&atlas, "Union State", "1999-12-07").is_empty());
    assert_eq!(members(&atlas, "Union State", "2000-06-01"), [code("BLR"), code("RUS")]);
    assert_eq!(atlas.find("Union State").unwrap().statuses_on(day("2000-06-01")).len(), 2);
    assert!(atlas.find("Union State").unwrap().pledges.iter().all(|p| p.kind.as_str() != "defense"));
    assert_eq!(kinds_of(&atlas, "RUS-BLR 2024", "4"), ["defense"]);
}

/// Each of the three files says on which day its sources were last checked.
#[test]
fn the_three_layers_say_when_they_were_checked() {
    let atlas = atlas();
    for org in ["Union State", "ASEAN", "BRICS"] {
        assert_eq!(atlas.find(org).unwrap().checked_to, Some(day("2026-12-02")), "{org}");
    }
}
