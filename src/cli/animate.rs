//! `animate`: the briefing picture on successive days, as an animated GIF, an
//! animated PNG or a folder of numbered frames. Every frame carries the title,
//! legend, date and footer, and a caption naming what changed that day. The plan
//! and the drawing are shared with the window's *Export animation…*.

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::Failure;
use crate::export::animation::{AnimationFormat, AnimationJob, render_animation, write_animation};
use crate::export::{Fonts, check_size};
use crate::io::DataDir;
use crate::io::user_paths::user_layers_dir;
use crate::model::Date;
use crate::scene::Scene;
use crate::scene::animation::{FrameStep, PlanError, plan_animation};
use crate::workspace::{Clock, Edit, MapData, Workspace, default_layout, load_layout};

/// How frames step through time (the command line's names for [`FrameStep`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Step {
    /// One frame per day on which something drawn changes.
    Change,
    /// One frame per 1 January.
    Year,
    /// One frame per first of the month.
    Month,
}

impl From<Step> for FrameStep {
    fn from(step: Step) -> Self {
        match step {
            Step::Change => Self::Change,
            Step::Year => Self::Year,
            Step::Month => Self::Month,
        }
    }
}

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

/// Makes the animation; usage errors (bad range, unknown format, bad fps) exit
/// with 2 and bad sizes or too many frames with 1, all before any frame is drawn.
pub(super) fn animate(
    data_dir: &DataDir,
    request: AnimateRequest,
    clock: Clock,
    out: &mut String,
) -> Result<(), Failure> {
    let usage = |message: String| Failure { message: format!("alliance-map: {message}"), status: 2 };
    let failed = |message: String| Failure { message: format!("alliance-map: {message}"), status: 1 };
    let Some(format) = AnimationFormat::from_path(&request.out) else {
        return Err(usage(format!(
            "{}: expected a file name ending in .gif or .png, or a folder ending in /",
            request.out.display()
        )));
    };
    check_size(request.width, request.height).map_err(|e| failed(e.to_string()))?;
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
    let name_of = |code: crate::model::CountryCode| data.iso.name(code).unwrap_or(code.as_str()).to_owned();
    let plan =
        plan_animation(&layout, &data.atlas, name_of, (request.from, request.to), request.step.into(), request.fps)
            .map_err(|e| match e {
                PlanError::Usage(message) => usage(message),
                PlanError::TooManyFrames(..) => failed(e.to_string()),
            })?;

    // Scenes one after another (they share the geometry), pictures on both cores.
    let (title, view) = (layout.title.clone(), layout.view);
    let mut workspace = Workspace::with_layout(data, layout, clock);
    let fonts = Fonts::new(Arc::clone(&workspace.data().font));
    let scenes: Vec<Arc<Scene>> = plan
        .days
        .iter()
        .map(|&day| {
            workspace.apply(Edit::SetDate(day));
            Arc::clone(workspace.scene())
        })
        .collect();
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(plan.days.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let job = AnimationJob {
        scenes: &scenes,
        plan: &plan,
        title: &title,
        view: &view,
        fonts: &fonts,
        size: (request.width, request.height),
        format,
    };
    let bytes = render_animation(&job, &|| bar.inc(1), &AtomicBool::new(false)).map_err(|e| failed(e.to_string()))?;
    bar.finish_and_clear();
    write_animation(&request.out, &bytes).map_err(|e| failed(e.to_string()))?;
    let _ = writeln!(
        out,
        "wrote {} ({} frames, {}x{}, {} to {})",
        request.out.display(),
        plan.days.len(),
        request.width,
        request.height,
        request.from,
        request.to
    );
    Ok(())
}
