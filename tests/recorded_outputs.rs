//! The command line's outputs are an interface: for every command line in
//! `tests/recorded/cases.txt`, stdout, stderr, the exit status and (for exports)
//! a hash of the written file must equal what was recorded in `tests/recorded/`.
//!
//! A deliberate change re-records with `RECORD_CLI_OUTPUTS=1 cargo test --test
//! recorded_outputs`; the diff of `tests/recorded/` then shows what changed, and the
//! README's command-line section must say so.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Splits a line into arguments: spaces separate, double quotes group.
fn split_args(line: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    args.push(std::mem::take(&mut current));
                    any = false;
                }
            }
            c => {
                current.push(c);
                any = true;
            }
        }
    }
    if any {
        args.push(current);
    }
    args
}

/// 64-bit FNV-1a: enough to tell whether a written file changed.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Runs one case and describes everything it produced.
fn run_case(index: usize, line: &str, scratch: &Path) -> String {
    let out = scratch.join(format!("case-{index:02}"));
    let out_text = out.to_str().expect("UTF-8 temp path");
    let args: Vec<String> = split_args(line).into_iter().map(|a| a.replace("{out}", out_text)).collect();
    let output = Command::new(env!("CARGO_BIN_EXE_alliance-map"))
        .args(&args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // The shipped data only: no user layers from whoever runs the tests.
        .env("XDG_DATA_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-user-data"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("ALLIANCE_MAP_DIR")
        .output()
        .expect("the binary runs");
    let unplace = |text: &[u8]| String::from_utf8_lossy(text).replace(out_text, "{out}");
    let mut record = String::new();
    let _ = writeln!(record, "$ alliance-map {line}");
    let _ = writeln!(record, "exit status: {:?}", output.status.code());
    let _ = writeln!(record, "--- stdout\n{}", unplace(&output.stdout));
    let _ = writeln!(record, "--- stderr\n{}", unplace(&output.stderr));
    for extension in ["svg", "png", "gif"] {
        let file = PathBuf::from(format!("{out_text}.{extension}"));
        if let Ok(bytes) = std::fs::read(&file) {
            let _ =
                writeln!(record, "--- wrote {{out}}.{extension}: {} bytes, fnv1a {:016x}", bytes.len(), fnv1a(&bytes));
        }
    }
    record
}

#[test]
fn every_recorded_command_line_gives_the_recorded_outputs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/recorded");
    let cases = std::fs::read_to_string(root.join("cases.txt")).expect("cases.txt");
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("recorded-outputs");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).unwrap();
    let record = std::env::var_os("RECORD_CLI_OUTPUTS").is_some();
    let mut failures = Vec::new();
    let lines = cases.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
    for (index, line) in lines.enumerate() {
        let got = run_case(index, line, &scratch);
        let file = root.join(format!("{index:02}.txt"));
        if record {
            std::fs::write(&file, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&file).unwrap_or_default();
        if got != want {
            let new = scratch.join(format!("{index:02}.new.txt"));
            std::fs::write(&new, &got).unwrap();
            failures.push(format!("{line}\n  recorded: {}\n  now:      {}", file.display(), new.display()));
        }
    }
    assert!(failures.is_empty(), "outputs changed for:\n{}", failures.join("\n"));
}
