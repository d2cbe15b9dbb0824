//! Concurrent roles (issue 12): facts written from public sources independently of
//! the data files. Since roles may overlap, an observer whose accession procedure was
//! launched is both observer and applicant until the day it becomes a member; a
//! member holds no other role.

mod common;

use alliance_map::analysis::Atlas;
use alliance_map::model::{CountryCode, Status};
use common::{atlas, code, day};

/// Every role a country holds in an organisation on a day, strongest first.
fn roles(atlas: &Atlas, org: &str, country: &str, date: &str) -> Vec<Status> {
    atlas.find(org).unwrap().roles_on(code(country), day(date)).iter().map(|p| p.status).collect()
}

/// India and Pakistan: observers from the Astana summit of 2005 (The Hindu); the Ufa
/// summit of 2015-07-10 launched their accession (PRIME, 2015-07-10); PTI still listed
/// both as observers in March 2017 (Business Standard, 2017-03-10); admitted as members
/// at Astana on 2017-06-09 (Indian Express), after which they hold no other role.
#[test]
fn india_and_pakistan_were_sco_observers_and_applicants_until_membership() {
    let atlas = atlas();
    for country in ["IND", "PAK"] {
        assert_eq!(roles(&atlas, "SCO", country, "2015-07-09"), [Status::Observer], "{country}");
        assert_eq!(roles(&atlas, "SCO", country, "2016-01-01"), [Status::Applicant, Status::Observer], "{country}");
        assert_eq!(roles(&atlas, "SCO", country, "2017-06-08"), [Status::Applicant, Status::Observer], "{country}");
        assert_eq!(roles(&atlas, "SCO", country, "2017-06-09"), [Status::Member], "{country}");
    }
    let sco = atlas.find("SCO").unwrap();
    assert_eq!(sco.status_on(code("IND"), day("2016-01-01")), Some(Status::Applicant));
}

/// Iran: observer since 2005; the Dushanbe summit of 2021-09-17 launched its admission
/// (TASS via Report.az); TASS still listed Iran as an observer on 2022-09-16; member
/// from the New Delhi summit of 2023-07-04 (New Delhi Declaration, via Sputnik).
#[test]
fn iran_was_an_sco_observer_and_applicant_from_dushanbe_to_new_delhi() {
    let atlas = atlas();
    assert_eq!(roles(&atlas, "SCO", "IRN", "2021-09-16"), [Status::Observer]);
    assert_eq!(roles(&atlas, "SCO", "IRN", "2022-01-01"), [Status::Applicant, Status::Observer]);
    assert_eq!(roles(&atlas, "SCO", "IRN", "2023-07-03"), [Status::Applicant, Status::Observer]);
    assert_eq!(roles(&atlas, "SCO", "IRN", "2023-07-04"), [Status::Member]);
}

/// Belarus: observer from Ufa, 2015-07-10; accession launched at Samarkand on
/// 2022-09-16, when TASS still listed it as an observer; "has observer status" when its
/// memorandum was signed on 2023-07-04 (EADaily); member from Astana, 2024-07-04,
/// after which the SCO had two observers (TASS).
#[test]
fn belarus_was_an_sco_observer_and_applicant_until_astana_2024() {
    let atlas = atlas();
    assert_eq!(roles(&atlas, "SCO", "BLR", "2022-09-15"), [Status::Observer]);
    assert_eq!(roles(&atlas, "SCO", "BLR", "2023-01-01"), [Status::Applicant, Status::Observer]);
    assert_eq!(roles(&atlas, "SCO", "BLR", "2024-07-03"), [Status::Applicant, Status::Observer]);
    assert_eq!(roles(&atlas, "SCO", "BLR", "2024-07-04"), [Status::Member]);
    // Dialogue partnership was upgraded to observer status at Ufa (Xinhua), not kept beside it.
    assert_eq!(roles(&atlas, "SCO", "BLR", "2015-07-10"), [Status::Observer]);
}

/// The SCO's observers on the eve of India's and Pakistan's admission: Afghanistan,
/// Belarus, India, Iran, Mongolia and Pakistan (PTI via Rediff, 2017-06-01); the day
/// after, four (Trend, citing the Kremlin press service, 2017-06-09). After Belarus
/// joined on 2024-07-04, two (TASS).
#[test]
fn the_sco_counts_observers_including_those_acceding() {
    let atlas = atlas();
    let observers = |date| {
        let sco = atlas.find("SCO").unwrap();
        let mut list: Vec<String> = sco
            .statuses_on(day(date))
            .into_iter()
            .filter(|(_, s)| *s == Status::Observer)
            .map(|(c, _)| c.to_string())
            .collect();
        list.sort();
        list
    };
    assert_eq!(observers("2017-06-08"), ["AFG", "BLR", "IND", "IRN", "MNG", "PAK"]);
    assert_eq!(observers("2017-06-09"), ["AFG", "BLR", "IRN", "MNG"]);
    assert_eq!(observers("2024-07-04"), ["AFG", "MNG"]);
}

/// No member of the SCO, CSTO, EAEU, CIS or CICA holds a second role on any day of
/// record: membership supersedes observer and applicant status (and suspension
/// replaces membership). Checked on the first day of each year and on the SCO's
/// admission days.
#[test]
fn a_member_or_suspended_state_holds_no_other_role() {
    let atlas = atlas();
    let mut days: Vec<String> = (1992..=2026).map(|y| format!("{y}-01-01")).collect();
    days.extend(["2017-06-09", "2023-07-04", "2024-07-04"].map(String::from));
    for org in ["SCO", "CSTO", "EAEU", "CIS", "CICA"] {
        let organisation = atlas.find(org).unwrap();
        for date in &days {
            let seen: Vec<(CountryCode, Status)> = organisation.statuses_on(day(date));
            for (country, status) in &seen {
                if matches!(status, Status::Member | Status::Suspended) {
                    let roles = organisation.roles_on(*country, day(date));
                    assert_eq!(roles.len(), 1, "{org} {country} on {date}: {roles:?}");
                }
            }
        }
    }
}

/// CICA observers (Kremlin fact sheet; Russian MFA, 2004-10-19): the Republic of Korea
/// attended the 1999 ministerial as an observer and was admitted as a member at the
/// second summit, 2006-06-17 (Kazakh embassy bulletin); Vietnam, an observer in 2004,
/// was admitted at Istanbul in 2010; the United States and Japan are observers, never
/// members (CICA Secretariat, 2022-10-13).
#[test]
fn cica_observers_become_members_without_overlap() {
    let atlas = atlas();
    assert_eq!(roles(&atlas, "CICA", "KOR", "2005-01-01"), [Status::Observer]);
    assert_eq!(roles(&atlas, "CICA", "KOR", "2006-06-17"), [Status::Member]);
    assert_eq!(roles(&atlas, "CICA", "VNM", "2008-01-01"), [Status::Observer]);
    assert_eq!(roles(&atlas, "CICA", "VNM", "2010-06-08"), [Status::Member]);
    assert_eq!(roles(&atlas, "CICA", "USA", "2022-10-13"), [Status::Observer]);
    assert_eq!(roles(&atlas, "CICA", "JPN", "2022-10-13"), [Status::Observer]);
    assert_eq!(roles(&atlas, "CICA", "TKM", "2022-10-13"), [Status::Observer]);
}

/// The Armenia-Russia treaty of 1997: Article 2 is the article Armenia cited on
/// 2020-10-31 to ask for "immediate consultations" on the kind and scale of help
/// (Armenian MFA); the mutual military assistance clause is Article 3 (the daily
/// Zhoghovurd quoting the treaty, 2021-11-17; RFE/RL 1997-08-29 reports the clause).
#[test]
fn article_2_of_the_armenia_russia_treaty_is_a_consultation_article() {
    let atlas = atlas();
    let treaty = atlas.find("ARM-RUS 1997").unwrap();
    let kinds: Vec<&str> = treaty.pledges.iter().filter(|p| p.article == "2").map(|p| p.kind.as_str()).collect();
    assert_eq!(kinds, ["consultation"]);
    let defence: Vec<&str> =
        treaty.pledges.iter().filter(|p| p.kind.as_str() == "defense").map(|p| p.article.as_str()).collect();
    assert_eq!(defence, ["3"]);
}

/// Every file this audit covered was checked against its sources up to 2026-12-02.
#[test]
fn the_audited_files_record_the_day_their_sources_were_checked() {
    let atlas = atlas();
    let audited = [
        "SCO",
        "CSTO",
        "EAEU",
        "CIS",
        "CICA",
        "ARM-RUS 1997",
        "CHN-PRK 1961",
        "RUS-BLR 2024",
        "RUS-PRK 2024",
        "USA-JPN 1960",
        "USA-KOR 1953",
        "USA-PHL 1951",
    ];
    for org in audited {
        let organisation = atlas.find(org).unwrap_or_else(|| panic!("{org} missing"));
        assert_eq!(organisation.checked_to, Some(day("2026-12-02")), "{org}");
    }
}
