//! `animate`: the briefing picture on successive days, as an animated GIF, an
//! animated PNG or a folder of numbered frames. Every frame carries the title,
//! legend, date and footer, and a caption naming what changed that day.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::Failure;
use crate::analysis::change_days_between;
use crate::export::animation::{AnimationFormat, encode_apng, encode_gif, frame_path, gif_frame};
use crate::export::{BriefingText, Fonts, Picture, check_size};
use crate::io::DataDir;
use crate::io::atomic::write_atomically;
use crate::io::user_paths::user_layers_dir;
use crate::model::{Date, Status};
use crate::scene::{Scene, ShownLayer, change_caption, drawn_changes};
use crate::workspace::{Clock, Edit, MapData, Workspace, default_layout, load_layout};

/// How frames step through time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Step {
    /// One frame per day on which a shown layer changes.
    Change,
    /// One frame per 1 January.
    Year,
    /// One frame per first of the month.
    Month,
}

/// A frame drawn by a worker: its index, its RGBA pixels (empty when quantised
/// for a GIF already) and the GIF frame.
type RenderedFrame = (usize, Vec<u8>, Option<gif::Frame<'static>>);

/// The most frames one animation may have: beyond this, a coarser step is wanted.
const MAX_FRAMES: usize = 1000;
/// The earliest day worth animating: before NATO's founding year nothing is drawn.
const EARLIEST: Date = Date::constant(1949, 1, 1);

/// What `animate` was asked for.
pub(super) struct AnimateRequest {
    pub(super) layout: Option<PathBuf>,
    pub(super) from: Date,
    pub(super) to: Date,
    pub(super) step: Step,
    pub(super) fps: Option<f32>,
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) out: PathBuf,
}

/// The days of the frames: the first day, then each step up to `to`; by change,
/// each day on which something drawn changes.
fn frame_days(step: Step, shown: &[ShownLayer<'_>], statuses: &BTreeSet<Status>, from: Date, to: Date) -> Vec<Date> {
    let mut days = vec![from];
    match step {
        Step::Change => days.extend(
            change_days_between(shown.iter().map(|(org, _)| *org), from, to)
                .into_iter()
                .filter(|&day| !drawn_changes(shown, statuses, day).is_empty()),
        ),
        Step::Year | Step::Month => {
            let mut day = Date::new(from.year(), if step == Step::Year { 1 } else { from.month() }, 1).unwrap_or(from);
            let span = if step == Step::Year { jiff::Span::new().years(1) } else { jiff::Span::new().months(1) };
            while let Ok(next) = day.checked_add(span) {
                if next > to || days.len() > MAX_FRAMES {
                    break;
                }
                days.push(next);
                day = next;
            }
        }
    }
    days
}

/// Makes the animation; usage errors (bad range, unknown format) exit with 2 and
/// are found before any frame is drawn.
pub(super) fn animate(
    data_dir: &DataDir,
    request: AnimateRequest,
    clock: Clock,
    out: &mut String,
) -> Result<(), Failure> {
    let usage = |message: String| Failure { message: format!("alliance-map: {message}"), status: 2 };
    let failed = |message: String| Failure { message: format!("alliance-map: {message}"), status: 1 };
    let (from, to) = (request.from, request.to);
    if from > to {
        return Err(usage(format!("--from {from} is after --to {to}")));
    }
    if from < EARLIEST {
        return Err(usage(format!("--from {from} is before {EARLIEST}; the data starts in 1949")));
    }
    let Some(format) = AnimationFormat::from_path(&request.out) else {
        return Err(usage(format!(
            "{}: expected a file name ending in .gif or .png, or a folder ending in /",
            request.out.display()
        )));
    };
    let fps = request.fps.unwrap_or(if request.step == Step::Change { 0.5 } else { 4.0 });
    if !(0.1..=50.0).contains(&fps) {
        return Err(usage(format!("--fps {fps} is out of range; expected 0.1 to 50 frames a second")));
    }
    check_size(request.width, request.height).map_err(|e| failed(e.to_string()))?;
    let gif_side =
        |side: u32| u16::try_from(side).map_err(|_| failed(format!("a GIF side is at most 65535 pixels, not {side}")));
    let gif_size =
        if format == AnimationFormat::Gif { Some((gif_side(request.width)?, gif_side(request.height)?)) } else { None };

    let data =
        MapData::load_with_user_layers(data_dir, user_layers_dir().as_deref()).map_err(|e| failed(e.to_string()))?;
    super::report_user_layer_problems(&data.problems);
    let mut layout = match &request.layout {
        Some(path) => load_layout(path, &data.atlas, &data.iso).map_err(|p| Failure::problems(&p))?,
        None => default_layout(&data.atlas, clock.today()),
    };
    // Each frame is its own day; marks of a comparison with a fixed day would
    // mislead across the years.
    layout.compare_with = None;
    let shown: Vec<ShownLayer<'_>> = layout
        .layers
        .iter()
        .filter(|l| l.visible)
        .filter_map(|l| data.atlas.find(&l.org).map(|org| (org, l)))
        .collect();
    let days = frame_days(request.step, &shown, &layout.statuses, from, to);
    if days.len() > MAX_FRAMES {
        return Err(failed(format!(
            "{} frames or more from {from} to {to}; at most {MAX_FRAMES}: choose a shorter range or a coarser --step",
            days.len()
        )));
    }
    let captions: Vec<String> = days
        .iter()
        .map(|&day| {
            change_caption(&shown, &layout.statuses, day, |code| {
                data.iso.name(code).unwrap_or(code.as_str()).to_owned()
            })
            .unwrap_or_else(|| day.to_string())
        })
        .collect();

    // Scenes one after another (they share the geometry), pictures on both cores.
    let title = layout.title.clone();
    let view = layout.view;
    let mut workspace = Workspace::with_layout(data, layout, clock);
    let fonts = Fonts::new(Arc::clone(&workspace.data().font));
    let scenes: Vec<Arc<Scene>> = days
        .iter()
        .map(|&day| {
            workspace.apply(Edit::SetDate(day));
            Arc::clone(workspace.scene())
        })
        .collect();
    let delay_cs = (100.0 / fps).round().clamp(2.0, 65535.0) as u16;
    let delays: Vec<u16> =
        (0..days.len()).map(|i| if i + 1 == days.len() { delay_cs.saturating_mul(3) } else { delay_cs }).collect();

    let progress = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(days.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let next = AtomicUsize::new(0);
    let mut rgba_frames: Vec<Option<Vec<u8>>> = vec![None; days.len()];
    let mut gif_frames: Vec<Option<gif::Frame<'static>>> = vec![None; days.len()];
    let render = |index: usize| -> Result<Vec<u8>, crate::export::ExportError> {
        let text = BriefingText { title: title.clone(), subtitle: captions[index].clone() };
        let picture = Picture {
            scene: &scenes[index],
            text: &text,
            view: &view,
            fonts: &fonts,
            width: request.width,
            height: request.height,
        };
        picture.rgba(1.0).map(|(_, rgba)| rgba)
    };
    let results: Vec<Result<Vec<RenderedFrame>, crate::export::ExportError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        if index >= days.len() {
                            return Ok(done);
                        }
                        let rgba = render(index)?;
                        let frame = gif_size.map(|(w, h)| gif_frame(rgba.clone(), w, h, delays[index]));
                        progress.inc(1);
                        done.push((index, if frame.is_some() { Vec::new() } else { rgba }, frame));
                    }
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or_else(|_| Ok(Vec::new()))).collect()
    });
    for result in results {
        for (index, rgba, frame) in result.map_err(|e| failed(e.to_string()))? {
            rgba_frames[index] = Some(rgba);
            gif_frames[index] = frame;
        }
    }
    progress.finish_and_clear();

    let write = |path: &std::path::Path, bytes: &[u8]| {
        write_atomically(path, bytes).map_err(|e| failed(format!("cannot write {}: {e}", path.display())))
    };
    match format {
        AnimationFormat::Gif => {
            let (w, h) = gif_size.unwrap_or_default();
            let frames: Vec<gif::Frame<'static>> = gif_frames.into_iter().flatten().collect();
            write(&request.out, &encode_gif(&frames, w, h).map_err(|e| failed(e.to_string()))?)?;
        }
        AnimationFormat::Apng => {
            let frames: Vec<Vec<u8>> = rgba_frames.into_iter().flatten().collect();
            let bytes =
                encode_apng(&frames, request.width, request.height, &delays).map_err(|e| failed(e.to_string()))?;
            write(&request.out, &bytes)?;
        }
        AnimationFormat::Frames => {
            std::fs::create_dir_all(&request.out)
                .map_err(|e| failed(format!("cannot create {}: {e}", request.out.display())))?;
            for (index, rgba) in rgba_frames.into_iter().flatten().enumerate() {
                let png = crate::export::rgba_to_png(&rgba, request.width, request.height)
                    .map_err(|e| failed(e.to_string()))?;
                write(&frame_path(&request.out, index), &png)?;
            }
        }
    }
    let _ = writeln!(
        out,
        "wrote {} ({} frames, {}x{}, {from} to {to})",
        request.out.display(),
        days.len(),
        request.width,
        request.height
    );
    Ok(())
}
