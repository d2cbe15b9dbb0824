//! The command line as scripts use it: exit statuses, output formats and the
//! messages `check` gives for broken files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn alliance_map(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alliance-map"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // The shipped data only: no user layers from whoever runs the tests.
        .env("XDG_DATA_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-user-data"))
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

#[test]
fn check_passes_every_shipped_organisation_file() {
    let output = alliance_map(&["check", "maps"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("no problems"));
}

#[test]
fn check_reports_every_problem_in_a_file_with_line_and_column() {
    let output = alliance_map(&["check", &fixture("many-problems.ron")]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for expected in [
        "tests/fixtures/many-problems.ron:13:23: unknown ISO 3166-1 alpha-3 code XYZ",
        "tests/fixtures/many-problems.ron:17:62: the period ends (2004-01-01) before or on the day it starts (2005-01-01)",
        "tests/fixtures/many-problems.ron:21:43: DEU periods overlap",
        "tests/fixtures/many-problems.ron:21:79: a fact without a source",
        "tests/fixtures/many-problems.ron:25:91: \"ftp://example\" is not a web address",
        "tests/fixtures/many-problems.ron:3:17: no checked_to: say on which day the sources were last checked",
        "6 problem(s) in 1 of 1 file(s)",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn check_reports_every_impossible_date_not_only_the_first() {
    let output = alliance_map(&["check", &fixture("impossible-dates.ron")]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("impossible-dates.ron:6:44: \"2024-02-30\" is not a real day"), "{err}");
    assert!(err.contains("impossible-dates.ron:9:43: \"2023-13-01\" is not a real day"), "{err}");
}

#[test]
fn check_names_the_problem_in_broken_files_and_keeps_going() {
    let cases = [
        ("syntax-error.ron", "syntax-error.ron:5:3: Expected comma"),
        ("unknown-field.ron", "unknown-field.ron:7:5: Unexpected field named `colour`"),
        (
            "missing-source.ron",
            "missing-source.ron:9:55: missing field `source` in `Period`: every fact needs a source",
        ),
        ("truncated.ron", "the file ends too early (truncated?)"),
        ("empty.ron", "empty.ron:1:1: the file is empty"),
        ("not-utf8.ron", "not-utf8.ron:1:14: the file is not UTF-8 text"),
        ("binary.ron", "binary.ron:3:1: the file holds binary data"),
    ];
    let files: Vec<String> = cases.iter().map(|(f, _)| fixture(f)).collect();
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let output = alliance_map(&args);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for (_, expected) in cases {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(err.contains(&format!("in {} of {} file(s)", cases.len(), cases.len())), "{err}");
    assert!(!err.contains("panicked"));
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_very_large_file_is_refused_without_reading_it_all() {
    // 40 MB of valid-looking RON.
    let mut text = String::from("Organisation(notes: [\n");
    while text.len() < 40 << 20 {
        text.push_str("    \"a note that repeats to make the file very large indeed\",\n");
    }
    text.push_str("])\n");
    let path = temp_file("huge.ron", text.as_bytes());
    let output = alliance_map(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("larger than 4 MiB"), "{}", stderr(&output));
}

#[test]
fn absurd_nesting_is_an_error_not_a_stack_overflow() {
    let text = format!("Organisation(notes: {}{})", "[".repeat(200_000), "]".repeat(200_000));
    let path = temp_file("deep.ron", text.as_bytes());
    let output = alliance_map(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("deep.ron:1:22: Expected string"), "{err}");
    assert!(!err.contains("overflow") && !err.contains("panicked"), "{err}");
}

#[test]
fn check_without_files_or_with_an_unknown_option_is_a_usage_error() {
    assert_eq!(alliance_map(&["check"]).status.code(), Some(2));
    assert_eq!(alliance_map(&["check", "--frobnicate", "maps"]).status.code(), Some(2));
    let unknown = alliance_map(&["frobnicate"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("neither a layout file nor a command"), "{}", stderr(&unknown));
    assert_eq!(alliance_map(&["--frobnicate"]).status.code(), Some(2));
}

#[test]
fn help_lists_the_commands() {
    let output = alliance_map(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    let help = stdout(&output);
    for command in ["query", "inspect", "check"] {
        assert!(help.contains(command), "{command} missing from --help:\n{help}");
    }
}

fn query_tsv(args: &[&str]) -> Vec<(String, String, String)> {
    let mut all = vec!["query", "--format", "tsv"];
    all.extend_from_slice(args);
    let output = alliance_map(&all);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("org\tiso3\tstatus"));
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{line:?}");
            (fields[0].to_owned(), fields[1].to_owned(), fields[2].to_owned())
        })
        .collect()
}

#[test]
fn query_tsv_is_sorted_by_organisation_then_country() {
    let rows = query_tsv(&["--date", "2024-06-01"]);
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(rows, sorted);
    assert!(rows.iter().any(|r| r.0 == "NATO"));
    assert!(rows.iter().any(|r| r.0 == "CICA"));
}

#[test]
fn finland_is_a_nato_applicant_the_day_before_accession_and_a_member_from_2023_04_04() {
    let status = |date| query_tsv(&["--date", date, "--org", "nato"]).into_iter().find(|r| r.1 == "FIN").map(|r| r.2);
    assert_eq!(status("2023-04-03").as_deref(), Some("applicant"));
    assert_eq!(status("2023-04-04").as_deref(), Some("member"));
    assert_eq!(status("2023-04-05").as_deref(), Some("member"));
}

#[test]
fn countries_that_left_are_not_listed() {
    // Georgia left the CIS on 2009-08-18.
    let georgia_in_cis = |date| query_tsv(&["--date", date, "--org", "CIS"]).iter().any(|r| r.1 == "GEO");
    assert!(georgia_in_cis("2009-08-17"));
    assert!(!georgia_in_cis("2009-08-18"));
}

#[test]
fn query_json_and_table_agree_with_tsv() {
    let tsv = query_tsv(&["--date", "2020-01-01", "--org", "EAEU"]);
    let output = alliance_map(&["query", "--date", "2020-01-01", "--org", "EAEU", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), tsv.len());
    assert_eq!(rows[0]["org"], "EAEU");
    let table = stdout(&alliance_map(&["query", "--date", "2020-01-01", "--org", "eaeu"]));
    assert!(table.contains("Kazakhstan"), "{table}");
}

#[test]
fn an_unknown_organisation_or_bad_date_is_a_usage_error() {
    let output = alliance_map(&["query", "--org", "WARSAW"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("expected one of"), "{}", stderr(&output));
    let output = alliance_map(&["query", "--date", "2024-02-30"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn inspect_lists_memberships_pledges_and_the_tension_of_a_csto_member_in_nato_partnership() {
    let output = alliance_map(&["inspect", "KAZ", "--date", "2024-01-01"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("Kazakhstan (KAZ) as of 2024-01-01"), "{text}");
    for expected in ["CSTO", "member", "NATO", "partner", "(defense)", "Tensions", "partner of NATO"] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn inspect_tsv_shows_a_one_way_guarantee_from_the_receiving_side() {
    let text = stdout(&alliance_map(&["inspect", "jpn", "--date", "2024-01-01", "--format", "tsv"]));
    assert!(
        text.lines().any(|l| l.starts_with("commitment\tUSA-JPN") && l.contains("\tdefense\treceives\tUSA")),
        "{text}"
    );
}

#[test]
fn a_missing_or_corrupt_asset_is_a_clear_error_and_a_nonzero_exit() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("broken-data-dir");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("assets/iso3166-1.tsv"), dir.join("assets/iso3166-1.tsv")).unwrap();

    // Missing: the window refuses to start and names the file.
    let output = alliance_map(&["--data-dir", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("countries-50m.amshp: cannot read asset file"), "{err}");

    // Corrupt: one byte flipped.
    let mut bytes = std::fs::read(repo.join("assets/countries-50m.amshp")).unwrap();
    bytes[1000] ^= 0xff;
    std::fs::write(dir.join("assets/countries-50m.amshp"), &bytes).unwrap();
    let output = alliance_map(&["--data-dir", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("countries-50m.amshp: checksum mismatch"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn check_accepts_concurrent_roles_short_of_membership_and_rejects_the_rest() {
    let output = alliance_map(&["check", &fixture("role-problems.ron")]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for expected in [
        "role-problems.ron:20:46: ARM periods overlap: member from 1994-04-20 with no end and suspended from 2024-02-22; a member or suspended period cannot overlap another role",
        "role-problems.ron:25:44: UKR periods overlap: partner from 1994-02-08 with no end and partner from 2005-04-21; a country holds one status only once at a time",
        "role-problems.ron:25:69: unknown framework \"intensified\"; expected one of: pfp",
        "3 problem(s) in 1 of 1 file(s)",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(!err.contains("FIN"), "Finland's partner and applicant periods may overlap:\n{err}");
}

/// Finland joined NATO on 2023-04-04 and Sweden on 2024-03-07 (NATO, "Member
/// countries"); both had applied on 2022-05-18.
#[test]
fn diff_lists_finland_and_sweden_joining_nato_between_2022_and_2024() {
    let output =
        alliance_map(&["diff", "--from", "2022-01-01", "--to", "2024-12-31", "--org", "nato", "--format", "tsv"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "org\tiso3\tfrom\tto\tday");
    assert!(lines.contains(&"NATO\tFIN\tapplicant\tmember\t2023-04-04"), "{out}");
    assert!(lines.contains(&"NATO\tSWE\tapplicant\tmember\t2024-03-07"), "{out}");
    let joined: Vec<&&str> = lines.iter().filter(|l| l.contains("\tmember\t")).collect();
    assert_eq!(joined.len(), 2, "only Finland and Sweden joined: {out}");

    let output = alliance_map(&["diff", "--from", "2024-12-31", "--to", "2022-01-01"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--from 2024-12-31 is after --to 2022-01-01"));
}
