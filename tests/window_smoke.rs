//! Starts a copy of the real binary under Xvfb, with the source checkout hidden
//! by a private mount namespace (as an installed program runs), takes a screenshot
//! of the screen and checks that it shows a map: the sea colour, the land colour
//! and borders, not a blank or single-colour window. Needs `xvfb-run`, `xdotool`,
//! ImageMagick's `import` (installed by scripts/install-deps) and `unshare` as root.

use std::process::Command;

#[test]
fn the_real_window_opens_and_shows_the_map() {
    let out_dir = std::env::temp_dir().join(format!("alliance-map-window-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out_dir);
    std::fs::create_dir_all(&out_dir).unwrap();
    let binary = out_dir.join("alliance-map");
    std::fs::copy(env!("CARGO_BIN_EXE_alliance-map"), &binary).unwrap();
    let shot = out_dir.join("window-smoke.png");
    let checkout = env!("CARGO_MANIFEST_DIR");

    // Start the copy with the checkout hidden (and settings in a scratch folder),
    // wait for the window by its title, give it time to paint, then photograph the screen.
    let script = format!(
        r#"set -e
cd "{dir}"
XDG_DATA_HOME="{dir}" unshare --mount --propagation private sh -c 'mount -t tmpfs tmpfs "{checkout}" && exec "$0"' "{binary}" & pid=$!
xdotool search --sync --name 'alliance-map$' >/dev/null
sleep 3
import -window root "{shot}"
kill $pid; wait $pid || true"#,
        shot = shot.display(),
        dir = out_dir.display(),
        binary = binary.display(),
    );
    let status = Command::new("timeout")
        .args(["120", "xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", "sh", "-c", &script])
        .status()
        .expect("xvfb-run runs (install it with scripts/install-deps)");
    assert!(status.success(), "the Xvfb session failed: {status}");

    let image = image::open(&shot).expect("the screenshot is a PNG").to_rgb8();
    // The copy of the debug binary is hundreds of megabytes: do not leave it behind.
    let _ = std::fs::remove_dir_all(&out_dir);
    let total = (image.width() * image.height()) as f64;
    let share = |target: [u8; 3]| {
        image.pixels().filter(|p| p.0.iter().zip(target).all(|(a, b)| a.abs_diff(b) <= 6)).count() as f64 / total
    };
    let palette = alliance_map::scene::Palette::default();
    let rgb = |c: alliance_map::scene::Rgba8| [c.0[0], c.0[1], c.0[2]];
    let sea = share(rgb(palette.sea));
    let land = share(rgb(palette.land));
    let border = share(rgb(palette.border));
    let nato_hatch = share(rgb(palette.layer_colour("NATO", 0)));
    assert!(sea > 0.05, "sea covers {:.1}% of the screen", sea * 100.0);
    // Countries in no shown layer (Africa) keep the plain land colour.
    assert!(land > 0.005, "plain land covers {:.1}% of the screen", land * 100.0);
    assert!(border > 0.0003, "borders cover {:.2}% of the screen", border * 100.0);
    assert!(nato_hatch > 0.001, "NATO's hatch covers {:.2}% of the screen", nato_hatch * 100.0);
}
