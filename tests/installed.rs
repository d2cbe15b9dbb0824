//! The binary as a user installs it: a copy that runs with the source checkout out
//! of reach, the user's own layers, and `paths`. Hiding the checkout needs a private
//! mount namespace (`unshare --mount`, as root, which CI is).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh folder for one test, outside the checkout.
fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("alliance-map-installed-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

/// A scratch folder removed when the test ends: copies of the debug binary are
/// hundreds of megabytes each, and must not pile up in the temporary folder.
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies the built binary into `dir`, as `cp` or an installer would.
fn relocated_binary(dir: &Path) -> PathBuf {
    let copy = dir.join("alliance-map");
    std::fs::copy(env!("CARGO_BIN_EXE_alliance-map"), &copy).unwrap();
    copy
}

/// Runs the binary in `home` (its XDG data folder) with `args`, without
/// `ALLIANCE_MAP_DIR`, so that only built-in data and the user's layers count.
fn run_in(binary: &Path, xdg_data_home: &Path, args: &[&str]) -> Output {
    Command::new(binary)
        .args(args)
        .current_dir(xdg_data_home)
        .env("XDG_DATA_HOME", xdg_data_home)
        .env_remove("ALLIANCE_MAP_DIR")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap()
}

/// Runs `binary args` in a mount namespace where the source checkout is an empty
/// folder: nothing the binary needs may come from there.
fn run_with_checkout_hidden(binary: &Path, cwd: &Path, args: &[&str]) -> Output {
    let checkout = env!("CARGO_MANIFEST_DIR");
    let script = r#"mount -t tmpfs tmpfs "$CHECKOUT" && test -z "$(ls -A "$CHECKOUT")" && exec "$@""#;
    Command::new("unshare")
        .args(["--mount", "--propagation", "private", "sh", "-c", script, "sh"])
        .arg(binary)
        .args(args)
        .current_dir(cwd)
        .env("CHECKOUT", checkout)
        .env("XDG_DATA_HOME", cwd)
        .env_remove("ALLIANCE_MAP_DIR")
        .output()
        .expect("unshare runs (util-linux)")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_copied_binary_answers_and_exports_with_the_checkout_out_of_reach() {
    let dir = scratch("relocated");
    let binary = relocated_binary(&dir);
    let output =
        run_with_checkout_hidden(&binary, &dir, &["query", "--org", "NATO", "--date", "2024-03-07", "--format", "tsv"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("NATO\tSWE\tmember"), "{stdout}");

    let png = dir.join("map.png");
    let output = run_with_checkout_hidden(&binary, &dir, &["export", "--out", png.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let written = std::fs::read(&png).unwrap();
    assert!(written.starts_with(b"\x89PNG") && written.len() > 100_000, "a full picture, not an empty one");
}

/// The minimal organisation file the README shows under "Your own layers": the
/// tests use the README's own text, so the example there always works.
fn readme_example_layer() -> String {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("### Your own layers").expect("the README has the section")..];
    let block = &section[section.find("```ron\n").expect("an example file") + "```ron\n".len()..];
    block[..block.find("```").unwrap()].to_owned()
}

fn user_layers(home: &Path) -> PathBuf {
    let maps = home.join("alliance-map").join("maps");
    std::fs::create_dir_all(&maps).unwrap();
    maps
}

#[test]
fn a_user_layer_is_queried_and_drawn_in_the_exported_legend() {
    let home = scratch("user-layer");
    std::fs::write(user_layers(&home).join("coalition.ron"), readme_example_layer()).unwrap();
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_alliance-map"));

    let output = run_in(&binary, &home, &["query", "--org", "coalition", "--date", "2025-06-01", "--format", "tsv"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "org\tiso3\tstatus\nCoalition\tEST\tmember\nCoalition\tFIN\tmember\n");

    // A layout that shows the user's layer: its name is in the picture's legend.
    let layout = home.join("coalition-layout.ron");
    let output =
        run_in(&binary, &home, &["export", "--date", "2025-06-01", "--out", home.join("d.svg").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    std::fs::write(
        &layout,
        r#"Layout(version: 1, title: "Coalition", subtitle: "", notes: "", date: "2025-06-01",
            layers: [Layer(org: "Coalition", visible: true, hidden: [])], statuses: [member],
            mode: patterns, palette: okabe_ito, disputed: un_resolutions, commitment_lines: false,
            view: View(centre_lon: 60.0, centre_lat: 50.0, zoom: 1.0), what_ifs: [])"#,
    )
    .unwrap();
    let svg = home.join("coalition.svg");
    let output = run_in(&binary, &home, &["export", layout.to_str().unwrap(), "--out", svg.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(svg.contains("Baltic Sea Coalition (example)"), "the legend names the user's layer");
}

#[test]
fn a_broken_or_clashing_user_layer_is_reported_and_everything_else_still_answers() {
    let home = scratch("broken-layer");
    let maps = user_layers(&home);
    std::fs::write(maps.join("broken.ron"), readme_example_layer().replace("\"FIN\"", "\"XYZ\"")).unwrap();
    std::fs::write(maps.join("clash.ron"), readme_example_layer().replace("\"Coalition\"", "\"NATO\"")).unwrap();
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_alliance-map"));

    let output = run_in(&binary, &home, &["query", "--org", "CSTO", "--date", "2025-01-01", "--format", "tsv"]);
    assert_eq!(output.status.code(), Some(1), "the answer may be incomplete");
    assert!(text(&output.stdout).contains("CSTO\tRUS\tmember"), "the shipped data still answers");
    let stderr = text(&output.stderr);
    let broken = maps.join("broken.ron");
    assert!(stderr.contains(&format!("{}:10:", broken.display())), "file and line of the bad code:\n{stderr}");
    assert!(stderr.contains("unknown ISO 3166-1 alpha-3 code XYZ"), "{stderr}");
    assert!(stderr.contains("short name \"NATO\" is already used"), "{stderr}");
}

#[test]
fn paths_names_every_folder_the_program_reads_and_writes() {
    let home = scratch("paths");
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_alliance-map"));
    let output = run_in(&binary, &home, &["paths"]);
    assert_eq!(output.status.code(), Some(0));
    let base = home.join("alliance-map");
    assert_eq!(
        text(&output.stdout),
        format!(
            "data\tbuilt into the binary\nuser-layers\t{}\nsettings\t{}\nrecent-files\t{}\n",
            base.join("maps").display(),
            base.join("app.ron").display(),
            base.join("app.ron").display()
        )
    );
}

#[test]
fn user_layers_sit_beside_the_window_settings_eframe_keeps() {
    let storage = eframe::storage_dir(alliance_map::io::user_paths::APP_ID);
    assert_eq!(storage, alliance_map::io::user_paths::user_data_dir());
}

#[test]
fn shell_completions_and_the_man_page_come_from_the_argument_definitions() {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_alliance-map"));
    let home = scratch("completions");
    for shell in ["bash", "zsh", "fish"] {
        let output = run_in(&binary, &home, &["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}: {}", text(&output.stderr));
        let script = text(&output.stdout);
        for command in ["query", "inspect", "check", "export", "paths", "completions"] {
            assert!(script.contains(command), "{shell} completion lacks {command}");
        }
    }
    let output = run_in(&binary, &home, &["man"]);
    assert_eq!(output.status.code(), Some(0));
    let page = text(&output.stdout);
    assert!(page.starts_with(".ie") && page.contains(".TH alliance-map 1"), "a roff man page");
    assert!(page.contains(env!("CARGO_PKG_VERSION")) && page.contains("query"), "{page}");
    let output = run_in(&binary, &home, &["--version"]);
    assert_eq!(text(&output.stdout), format!("alliance-map {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn the_desktop_entry_validates() {
    let entry = Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/alliance-map.desktop");
    let output = Command::new("desktop-file-validate")
        .arg(&entry)
        .output()
        .expect("desktop-file-validate runs (desktop-file-utils, installed by scripts/install-deps)");
    assert!(output.status.success(), "{}{}", text(&output.stdout), text(&output.stderr));
    let desktop = std::fs::read_to_string(&entry).unwrap();
    assert!(desktop.contains("Exec=alliance-map") && desktop.contains("Icon=alliance-map"));
}
