//! Export from the window: the dialog, its live preview, writing the file off the UI
//! thread, and copying the picture to the clipboard.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use alliance_map::app::AllianceMapApp;
use alliance_map::app::file_dialogs::ScriptedDialogs;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(answers: Vec<Option<PathBuf>>) -> Harness<'static, AllianceMapApp> {
    let dialogs = ScriptedDialogs { answers: std::sync::Mutex::new(answers.into()), unavailable: None };
    let app = common::app_on("2024-08-01").with_dialogs(Box::new(dialogs));
    let mut harness = common::window_harness(app, [1400.0, 1000.0]);
    harness.run_steps(2);
    harness
}

/// Steps the UI until `done` holds, for background jobs; fails after 60 s.
fn step_until(harness: &mut Harness<'_, AllianceMapApp>, mut done: impl FnMut(&Harness<'_, AllianceMapApp>) -> bool) {
    let start = Instant::now();
    while !done(harness) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting for a background job; the export window says {:?}",
            harness.state().export.status
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
}

#[test]
fn ctrl_e_opens_the_export_window_with_a_preview_and_export_writes_the_file() {
    let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ui-export.png");
    let _ = std::fs::remove_file(&file);
    let mut harness = harness(vec![Some(file.clone())]);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    harness.get_by_label("Export picture");
    step_until(&mut harness, |h| h.query_by_label("Export preview").is_some());

    harness.get_by_label("Export…").click();
    harness.run_steps(2);
    step_until(&mut harness, |h| h.state().export.status.as_deref().is_some_and(|s| s.starts_with("Exported")));
    let image = image::open(&file).unwrap();
    assert_eq!((image.width(), image.height()), (1920, 1080));
}

/// Choosing PDF shows the page controls instead of the pixel size; A4 portrait
/// writes an A4 portrait page, and PNG afterwards is back at its pixel size.
#[test]
fn the_export_window_writes_a_pdf_on_the_chosen_paper() {
    let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ui-export-a4.pdf");
    let _ = std::fs::remove_file(&file);
    let mut harness = harness(vec![Some(file.clone())]);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    assert!(harness.query_by_label("Paper").is_none(), "PNG has no paper");
    harness.get_by_label("PDF").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Width").is_none(), "PDF is sized by its page");
    harness.get_by_label("Paper");
    harness.get_by_label("Portrait").click();
    harness.run_steps(2);
    assert_eq!(harness.state().export.size(), (538, 785), "A4 portrait inside 10 mm margins, in points");
    step_until(&mut harness, |h| h.query_by_label("Export preview").is_some());
    harness.get_by_label("Export…").click();
    harness.run_steps(2);
    step_until(&mut harness, |h| h.state().export.status.as_deref().is_some_and(|s| s != "Exporting…"));
    assert_eq!(harness.state().export.status.as_deref(), Some(format!("Exported {}", file.display()).as_str()));
    let pdf = std::fs::read(&file).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/MediaBox[0 0 595.2756 841.8898]"), "an A4 portrait page");

    harness.get_by_label("PNG").click();
    harness.run_steps(2);
    assert_eq!(harness.state().export.size(), (1920, 1080), "PNG keeps its own size");
}

#[test]
fn ctrl_shift_c_copies_the_picture_to_the_clipboard() {
    let mut harness = harness(vec![]);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::C);
    harness.run_steps(1);
    let mut copied = None;
    step_until(&mut harness, |h| {
        copied = h.output().platform_output.commands.iter().find_map(|c| match c {
            egui::OutputCommand::CopyImage(image) => Some(image.size),
            _ => None,
        });
        copied.is_some()
    });
    assert_eq!(copied, Some([1920, 1080]));
}

/// NATO's enlargements between 2004 and 2009 (NATO, "Member countries"): seven
/// states on 2004-03-29, Albania and Croatia on 2009-04-01.
#[test]
fn export_animation_previews_the_frames_and_writes_the_gif_off_the_ui_thread() {
    let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ui-animation.gif");
    let _ = std::fs::remove_file(&file);
    let mut harness = harness(vec![Some(file.clone())]);
    harness.state_mut().apply(alliance_map::app::Command::Action(alliance_map::app::Action::ExportAnimation));
    harness.run_steps(2);
    harness.get_by_label("Export animation");
    {
        let dialog = &mut harness.state_mut().animation;
        dialog.from = "2004-01-01".into();
        dialog.to = "2009-12-31".into();
        dialog.size = (640, 360);
    }
    harness.run_steps(2);
    // The preview: one frame per day something drawn changed, each captioned.
    harness.get_by_label_contains(
        "2004-03-29: Bulgaria, Estonia, Latvia, Lithuania, Romania, Slovakia and Slovenia join NATO",
    );
    harness.get_by_label_contains("2009-04-01: Albania and Croatia join NATO");
    harness.get_by_label("Export…").click();
    harness.run_steps(2);
    step_until(&mut harness, |h| h.state().animation.status.is_some());
    let status = harness.state().animation.status.clone().unwrap();
    assert!(status.starts_with("Wrote"), "{status}");
    let mut decoder = gif::DecodeOptions::new().read_info(std::fs::File::open(&file).unwrap()).unwrap();
    let mut frames = 0;
    while decoder.read_next_frame().unwrap().is_some() {
        frames += 1;
    }
    assert!(status.contains(&format!("({frames} frames)")), "{status}");
    assert!(frames >= 3, "the first day and both enlargements at least: {frames}");
}
