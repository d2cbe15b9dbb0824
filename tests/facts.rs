//! Well-known facts, written from public sources independently of the data files,
//! pinned against what the data says. A failure here means a date in `maps/` is
//! wrong (or the source below is).

mod common;

use alliance_map::analysis::{Atlas, CommitmentSide, commitments_of, tensions_of};
use alliance_map::model::Status;
use common::{atlas, code, count, day};

/// NATO's enlargements (NATO, "Member countries"; US State Department depositary
/// notes): 12 founders when the treaty entered into force on 1949-08-24, then
/// Greece and Turkey 1952-02-18, Germany 1955-05-06, Spain 1982-05-30, Czechia,
/// Hungary and Poland 1999-03-12, seven states 2004-03-29, Albania and Croatia
/// 2009-04-01, Montenegro 2017-06-05, North Macedonia 2020-03-27, Finland
/// 2023-04-04, Sweden 2024-03-07.
#[test]
fn nato_grows_from_12_to_32_members_on_the_days_of_each_enlargement() {
    let atlas = atlas();
    let steps = [
        ("1949-08-24", 12),
        ("1952-02-18", 14),
        ("1955-05-06", 15),
        ("1982-05-30", 16),
        ("1999-03-12", 19),
        ("2004-03-29", 26),
        ("2009-04-01", 28),
        ("2017-06-05", 29),
        ("2020-03-27", 30),
        ("2023-04-04", 31),
        ("2024-03-07", 32),
    ];
    assert_eq!(count(&atlas, "NATO", "1949-08-23", Status::Member), 0);
    let mut previous = 0;
    for (date, members) in steps {
        let before = day(date).yesterday().unwrap().to_string();
        assert_eq!(count(&atlas, "NATO", &before, Status::Member), previous, "the day before {date}");
        assert_eq!(count(&atlas, "NATO", date, Status::Member), members, "on {date}");
        previous = members;
    }
}

/// The SCO (sectsco.org): six founders on 2001-06-15, India and Pakistan full
/// members at Astana on 2017-06-09, Iran on 2023-07-04, Belarus on 2024-07-04.
#[test]
fn the_sco_has_6_then_8_then_9_then_10_members() {
    let atlas = atlas();
    assert_eq!(count(&atlas, "SCO", "2001-06-14", Status::Member), 0);
    assert_eq!(count(&atlas, "SCO", "2001-06-15", Status::Member), 6);
    assert_eq!(count(&atlas, "SCO", "2017-06-09", Status::Member), 8);
    assert_eq!(count(&atlas, "SCO", "2023-07-04", Status::Member), 9);
    assert_eq!(count(&atlas, "SCO", "2024-07-04", Status::Member), 10);
}

/// The EAEU (eaeunion.org): Belarus, Kazakhstan and Russia from 2015-01-01,
/// Armenia from 2015-01-02, Kyrgyzstan in August 2015.
#[test]
fn the_eaeu_has_five_members_since_kyrgyzstan_joined_in_2015() {
    let atlas = atlas();
    assert_eq!(count(&atlas, "EAEU", "2014-12-31", Status::Member), 0);
    assert_eq!(count(&atlas, "EAEU", "2015-01-01", Status::Member), 3);
    assert_eq!(count(&atlas, "EAEU", "2015-01-02", Status::Member), 4);
    assert_eq!(count(&atlas, "EAEU", "2016-01-01", Status::Member), 5);
}

/// The CSTO: six members from Uzbekistan's 2012 departure until Armenia froze its
/// participation in February 2024; Azerbaijan, Georgia and Uzbekistan did not
/// renew the Collective Security Treaty in 1999.
#[test]
fn the_csto_lost_three_parties_in_1999_and_armenia_froze_its_participation_in_2024() {
    let atlas = atlas();
    let csto = atlas.find("CSTO").unwrap();
    assert_eq!(count(&atlas, "CSTO", "1998-01-01", Status::Member), 9);
    assert_eq!(count(&atlas, "CSTO", "2000-01-01", Status::Member), 6);
    assert_eq!(count(&atlas, "CSTO", "2013-01-01", Status::Member), 6);
    assert_eq!(csto.status_on(code("UZB"), day("2013-01-01")), None);
    assert_eq!(csto.status_on(code("ARM"), day("2023-06-01")), Some(Status::Member));
    assert_eq!(csto.status_on(code("ARM"), day("2024-06-01")), Some(Status::Suspended));
}

#[test]
fn finland_receives_natos_article_5_from_the_day_it_joined() {
    let atlas = atlas();
    let article_5_from = |date| {
        commitments_of(&atlas, code("FIN"), day(date))
            .into_iter()
            .find(|c| c.org == "NATO" && c.article == "5" && c.side == CommitmentSide::Receives)
            .map(|c| c.counterparties.len())
    };
    assert_eq!(article_5_from("2023-04-03"), None);
    assert_eq!(article_5_from("2023-04-04"), Some(30));
}

#[test]
fn the_us_japan_treaty_binds_the_us_to_japan_but_not_japan_to_defend_the_us() {
    let atlas = atlas();
    let on = day("2024-01-01");
    let japan = commitments_of(&atlas, code("JPN"), on);
    let defence =
        |side| japan.iter().any(|c| c.org.starts_with("USA-JPN") && c.kind.as_str() == "defense" && c.side == side);
    assert!(defence(CommitmentSide::Receives));
    assert!(!defence(CommitmentSide::Gives));
}

#[test]
fn a_csto_member_in_natos_partnership_for_peace_shows_a_tension() {
    let atlas = atlas();
    let tensions = tensions_of(&atlas, code("KAZ"), day("2024-01-01"));
    assert!(
        tensions.iter().any(|t| t.pledge_org == "CSTO" && t.bloc == "NATO" && t.left_out.contains(&code("RUS"))),
        "{tensions:#?}"
    );
    // A NATO member with no neutrality pledge has none.
    assert!(tensions_of(&atlas, code("NOR"), day("2024-01-01")).is_empty());
}

#[test]
fn the_four_primary_organisations_are_listed_first() {
    let atlas = atlas();
    let first: Vec<&str> = atlas.organisations.iter().take(4).map(|o| o.short_name.as_str()).collect();
    assert_eq!(first, ["CSTO", "EAEU", "NATO", "SCO"]);
}

/// Malta left the Partnership for Peace when Alfred Sant took office as prime minister
/// on 28 October 1996 (Britannica, "Malta in 1996"), "within hours of taking office"
/// (New York Times, 1996-11-12), and NATO welcomed it back at Bucharest on 2008-04-03.
#[test]
fn malta_left_the_partnership_for_peace_on_the_day_sant_took_office() {
    let atlas = atlas();
    let nato = atlas.find("NATO").unwrap();
    assert_eq!(nato.status_on(code("MLT"), day("1996-10-27")), Some(Status::Partner));
    assert_eq!(nato.status_on(code("MLT"), day("1996-10-28")), None);
    assert_eq!(nato.status_on(code("MLT"), day("2008-04-02")), None);
    assert_eq!(nato.status_on(code("MLT"), day("2008-04-03")), Some(Status::Partner));
}

/// The kinds the data gives the pledges of one article.
fn kinds_of(atlas: &Atlas, org: &str, article: &str) -> Vec<&'static str> {
    atlas.find(org).unwrap().pledges.iter().filter(|p| p.article == article).map(|p| p.kind.as_str()).collect()
}

/// Russia-DPRK treaty of 2024 (text on Russia's legal portal, TASS factbox of
/// 2024-12-05): Art. 4 is the assistance duty; Art. 5 forbids agreements with third
/// states, and actions, directed against the other: "no alliances or actions directed
/// against another party" is this project's `neutrality`. Art. 8 (mechanisms to
/// strengthen defence capabilities) is no assistance duty and no pledge here.
#[test]
fn the_russia_dprk_treaty_has_a_defence_clause_and_a_neutrality_clause() {
    let atlas = atlas();
    assert_eq!(kinds_of(&atlas, "RUS-PRK 2024", "4"), ["defense"]);
    assert_eq!(kinds_of(&atlas, "RUS-PRK 2024", "5"), ["neutrality"]);
    assert!(kinds_of(&atlas, "RUS-PRK 2024", "8").is_empty());
    // Russia's CSTO defence pledge leaves the DPRK out, from the treaty's entry into force.
    let tension = |date| {
        tensions_of(&atlas, code("RUS"), day(date))
            .iter()
            .any(|t| t.pledge_org == "RUS-PRK 2024" && t.bloc == "CSTO" && t.left_out == [code("PRK")])
    };
    assert!(!tension("2024-12-03"));
    assert!(tension("2024-12-04"));
}

/// China-DPRK treaty of 1961 (Peking Review, 14 July 1961): Art. II assistance,
/// Art. III no alliance or bloc against the other, Art. IV consultation.
#[test]
fn the_china_dprk_treaty_has_defence_neutrality_and_consultation_articles() {
    let atlas = atlas();
    assert_eq!(kinds_of(&atlas, "CHN-PRK 1961", "II"), ["defense"]);
    assert_eq!(kinds_of(&atlas, "CHN-PRK 1961", "III"), ["neutrality"]);
    assert_eq!(kinds_of(&atlas, "CHN-PRK 1961", "IV"), ["consultation"]);
}

/// The Eurasian Economic Commission announced on 2015-08-05 that Kyrgyzstan's
/// accession treaty "comes into force from August 6, 2015" (TASS); 12 August was the
/// opening of the customs border. Before that Kyrgyzstan had applied (2011) and signed
/// its accession treaty (2014-12-23).
#[test]
fn kyrgyzstan_is_an_eaeu_member_from_the_day_its_accession_treaty_entered_into_force() {
    let atlas = atlas();
    let eaeu = atlas.find("EAEU").unwrap();
    assert_eq!(eaeu.status_on(code("KGZ"), day("2015-08-05")), Some(Status::Applicant));
    assert_eq!(eaeu.status_on(code("KGZ"), day("2015-08-06")), Some(Status::Member));
    assert_eq!(count(&atlas, "EAEU", "2015-08-06", Status::Member), 5);
}

/// The EAEU Treaty has no security clause: Art. 96 (labour migration) is economic
/// integration, and Art. 109 (observers' duty of loyalty) fits no pledge kind.
#[test]
fn the_eaeu_treaty_gives_no_consultation_or_security_pledge() {
    let atlas = atlas();
    assert_eq!(kinds_of(&atlas, "EAEU", "96"), ["economic_integration"]);
    assert!(kinds_of(&atlas, "EAEU", "109").is_empty());
    assert!(atlas.find("EAEU").unwrap().pledges.iter().all(|p| p.kind.as_str() == "economic_integration"));
}

/// Turkmenistan's application for CICA observer status was approved at the Senior
/// Officials Committee of 2021-06-23 (Turkmen foreign ministry); President Tokayev
/// announced it at the Astana summit of 2022-10-13.
#[test]
fn turkmenistan_is_a_cica_observer() {
    let atlas = atlas();
    let cica = atlas.find("CICA").unwrap();
    assert_eq!(cica.status_on(code("TKM"), day("2021-06-22")), None);
    assert_eq!(cica.status_on(code("TKM"), day("2021-06-23")), Some(Status::Observer));
    assert_eq!(cica.status_on(code("TKM"), day("2022-10-13")), Some(Status::Observer));
}

/// Kuwait became CICA's 28th member at the Astana summit of 2022-10-13 (Kazinform),
/// and the Secretariat listed nine observers that day: Belarus, Indonesia, Japan,
/// Laos, Malaysia, the Philippines, Turkmenistan, Ukraine and the United States.
/// Cambodia, Belarus, Laos and the Philippines have no sourced decision day and are
/// recorded from the first dated source listing them (lower bounds, see cica.ron).
#[test]
fn cica_has_28_members_and_9_observers_on_the_day_kuwait_joined() {
    let atlas = atlas();
    let cica = atlas.find("CICA").unwrap();
    let on = day("2022-10-13");
    let count = |status| cica.countries.iter().filter(|c| cica.status_on(c.iso3, on) == Some(status)).count();
    assert_eq!((count(Status::Member), count(Status::Observer)), (28, 9));
    assert_eq!(cica.status_on(code("KHM"), on), Some(Status::Member));
    for observer in ["BLR", "LAO", "PHL"] {
        assert_eq!(cica.status_on(code(observer), on), Some(Status::Observer), "{observer}");
    }
}

/// The CSTO: Kyrgyzstan's plea of June 2010 cited no article (Eurasianet; Kremlin,
/// 2010-06-14), so it is no invocation; the Collective Security Council decided under
/// Art. 4 in the night of 5-6 January 2022 to send forces to Kazakhstan. Art. 1 of the
/// Treaty holds a non-use-of-force and a no-hostile-alliance undertaking; the Charter's
/// Art. 3 states purposes, not a duty.
#[test]
fn csto_invocations_and_pledge_kinds_follow_the_texts() {
    let atlas = atlas();
    let csto = atlas.find("CSTO").unwrap();
    assert!(!csto.invocations.iter().any(|i| i.date.to_string().starts_with("2010")));
    let kazakhstan = csto.invocations.iter().find(|i| i.requested_by == [code("KAZ")]).unwrap();
    assert_eq!((kazakhstan.article.as_str(), kazakhstan.date), ("4", day("2022-01-06")));
    assert_eq!(kinds_of(&atlas, "CSTO", "1"), ["non_aggression", "neutrality"]);
    assert!(kinds_of(&atlas, "CSTO", "Charter 3").is_empty());
    assert_eq!(kinds_of(&atlas, "CSTO", "4"), ["defense"]);
}

/// The treaty texts (NATO's official text; Japan's foreign ministry; the Avalon
/// Project): Art. I of the US treaties with Japan, Korea and the Philippines is
/// peaceful settlement, and each has a consultation article; capability-building
/// articles (NATO 3, US-Philippines II) and NATO's area clause (6) are no defence
/// pledges.
#[test]
fn the_us_treaties_and_nato_list_their_articles_by_what_they_pledge() {
    let atlas = atlas();
    assert_eq!(kinds_of(&atlas, "USA-JPN 1960", "1"), ["non_aggression"]);
    assert_eq!(kinds_of(&atlas, "USA-JPN 1960", "4"), ["consultation"]);
    assert_eq!(kinds_of(&atlas, "USA-KOR 1953", "I"), ["non_aggression"]);
    assert_eq!(kinds_of(&atlas, "USA-KOR 1953", "II"), ["consultation"]);
    assert_eq!(kinds_of(&atlas, "USA-PHL 1951", "I"), ["non_aggression"]);
    assert_eq!(kinds_of(&atlas, "USA-PHL 1951", "III"), ["consultation"]);
    assert!(kinds_of(&atlas, "USA-PHL 1951", "II").is_empty());
    assert_eq!(kinds_of(&atlas, "USA-PHL 1951", "IV"), ["defense"]);
    assert!(kinds_of(&atlas, "NATO", "3").is_empty());
    assert!(kinds_of(&atlas, "NATO", "6").is_empty());
    assert_eq!(kinds_of(&atlas, "NATO", "5"), ["defense"]);
}
