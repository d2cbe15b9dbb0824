//! `animate`: frames on the right days with the right captions, GIF and APNG that
//! decode with the expected number of frames, and bad requests refused before any
//! work.

mod common;

use std::path::PathBuf;
use std::process::Output;

use alliance_map::model::Status;
use alliance_map::scene::change_caption;

fn alliance_map(args: &[&str]) -> Output {
    common::run_cli(args)
}

fn out_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("animate").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// NATO's enlargements from 1999 (NATO, "Member countries"): 1999-03-12,
/// 2004-03-29, 2009-04-01, 2017-06-05, 2020-03-27, 2023-04-04, 2024-03-07. A
/// members-only NATO layout stepped by change has the first day and these seven.
const NATO_ONLY_MEMBERS: &str = "maps/layouts/nato-since-the-1997-line.ron";

#[test]
fn stepping_by_change_gives_one_frame_per_enlargement() {
    let dir = out_dir("frames").join("nato/");
    let dir_text = format!("{}/", dir.display());
    let args = ["animate", NATO_ONLY_MEMBERS, "--from", "1999-01-01", "--to", "2024-12-31"];
    let output = alliance_map(&[&args[..], &["--width", "320", "--height", "180", "--out", &dir_text]].concat());
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let mut frames: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    frames.sort();
    assert_eq!(frames.len(), 8, "{frames:?}");
    assert_eq!(frames[0], "frame-0001.png");
    assert_eq!(frames[7], "frame-0008.png");

    let gif = out_dir("gif").join("nato.gif");
    let output =
        alliance_map(&[&args[..], &["--width", "320", "--height", "180", "--out", gif.to_str().unwrap()]].concat());
    assert_eq!(output.status.code(), Some(0));
    let mut decoder = gif::DecodeOptions::new().read_info(std::fs::File::open(&gif).unwrap()).unwrap();
    let mut delays = Vec::new();
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        delays.push(frame.delay);
    }
    assert_eq!(delays.len(), 8);
    assert_eq!(delays[0], 200, "0.5 frames a second by default when stepping by change");
    assert_eq!(delays[7], 600, "the last frame is held three times as long");

    let apng = out_dir("apng").join("nato.png");
    let output = alliance_map(
        &[
            &args[..],
            &["--step", "year", "--fps", "10", "--width", "160", "--height", "90", "--out", apng.to_str().unwrap()],
        ]
        .concat(),
    );
    assert_eq!(output.status.code(), Some(0));
    let reader = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&apng).unwrap())).read_info().unwrap();
    let control = reader.info().animation_control().expect("an animated PNG");
    assert_eq!(control.num_frames, 26, "1999 to 2024, one frame per 1 January");
}

#[test]
fn each_frame_is_captioned_with_what_changed_that_day() {
    let data = common::shipped_data();
    let nato = data.atlas.find("NATO").unwrap();
    let settings = alliance_map::model::LayerSettings::new("NATO", true);
    let members = [Status::Member].into_iter().collect();
    let name = |code: alliance_map::model::CountryCode| data.iso.name(code).unwrap().to_owned();
    let caption = change_caption(&[(nato, &settings)], &members, "2004-03-29".parse().unwrap(), name);
    assert_eq!(
        caption.as_deref(),
        Some("2004-03-29: Bulgaria, Estonia, Latvia, Lithuania, Romania, Slovakia and Slovenia join NATO")
    );
    let caption = change_caption(&[(nato, &settings)], &members, "2023-04-04".parse().unwrap(), name);
    assert_eq!(caption.as_deref(), Some("2023-04-04: Finland joins NATO"));
    assert_eq!(change_caption(&[(nato, &settings)], &members, "2023-04-05".parse().unwrap(), name), None);
}

#[test]
fn bad_requests_are_refused_before_any_frame_is_drawn() {
    let dir = out_dir("bad");
    let gif = dir.join("x.gif");
    let gif = gif.to_str().unwrap();
    for (args, status, expected) in [
        (vec!["animate", "--from", "2000-01-01", "--to", "1999-01-01", "--out", gif], 2, "is after the last day"),
        (vec!["animate", "--from", "1900-01-01", "--to", "2000-01-01", "--out", gif], 2, "is before 1949-01-01"),
        (
            vec!["animate", "--from", "2000-01-01", "--to", "2001-01-01", "--out", "x.jpeg"],
            2,
            "expected a file name ending in .gif",
        ),
        (
            vec!["animate", "--from", "2000-01-01", "--to", "2001-01-01", "--fps", "0", "--out", gif],
            2,
            "0 frames a second is out of range",
        ),
        (
            vec!["animate", "--from", "2000-01-01", "--to", "2001-01-01", "--width", "0", "--out", gif],
            1,
            "out of range",
        ),
        (
            vec!["animate", "--from", "1949-01-01", "--to", "2040-01-01", "--step", "month", "--out", gif],
            1,
            "choose a shorter range",
        ),
    ] {
        let output = alliance_map(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(status), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!std::path::Path::new(gif).exists(), "nothing written for {args:?}");
    }
}
