//! *File → Export animation…*: the same choices as `alliance-map animate` (days,
//! step, speed, size, format), a preview of the frames and their captions, a
//! progress bar and Cancel. Frames are drawn off the UI thread, on both cores.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::super::jobs::Job;
use crate::analysis::Atlas;
use crate::export::Fonts;
use crate::export::animation::{AnimationFormat, AnimationJob, render_animation, write_animation};
use crate::geometry::MapGeometry;
use crate::io::iso_table::IsoTable;
use crate::model::{Date, Layout};
use crate::scene::animation::{AnimationPlan, FrameStep, PlanError, plan_animation};
use crate::scene::{Scene, SceneInputs};
use crate::workspace::MapData;

/// Frame sizes offered.
const SIZES: [(u32, u32); 3] = [(1280, 720), (1920, 1080), (640, 360)];

/// The window's state.
pub struct AnimationDialog {
    /// Whether the window is open.
    pub open: bool,
    /// The first day, as typed.
    pub from: String,
    /// The last day, as typed.
    pub to: String,
    /// How frames step.
    pub step: FrameStep,
    /// Frames a second.
    pub fps: f32,
    /// Frame size.
    pub size: (u32, u32),
    /// GIF, animated PNG or frames.
    pub format: AnimationFormat,
    /// The plan for the current choices, or why there is none (the preview).
    plan: Option<(PlanKey, Result<AnimationPlan, String>)>,
    running: Option<Running>,
    /// What happened last, for the user.
    pub status: Option<String>,
}

/// The choices a plan was made for.
#[derive(Clone, Debug, PartialEq)]
struct PlanKey {
    from: String,
    to: String,
    step: FrameStep,
    fps: u32,
    scene: u64,
}

/// An animation being drawn.
struct Running {
    /// `None` once the worker is gone without a result.
    job: Option<Job<Result<(PathBuf, usize), String>>>,
    done: Arc<AtomicUsize>,
    total: usize,
    cancel: Arc<AtomicBool>,
}

impl Default for AnimationDialog {
    fn default() -> Self {
        Self {
            open: false,
            from: String::new(),
            to: String::new(),
            step: FrameStep::Change,
            fps: FrameStep::Change.default_fps(),
            size: SIZES[0],
            format: AnimationFormat::Gif,
            plan: None,
            running: None,
            status: None,
        }
    }
}

/// What the window asks the app to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnimationRequest {
    /// Ask where to write, then start.
    Export,
}

impl AnimationDialog {
    /// Opens the window, starting from the first day of the data to the layout's.
    pub fn open_for(&mut self, date: Date) {
        self.open = true;
        if self.to.is_empty() {
            self.to = date.to_string();
            self.from = crate::scene::animation::EARLIEST.to_string();
        }
    }

    /// Whether frames are being drawn.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// The file extension of the chosen format (frames: a folder, asked for as a name).
    pub fn extension(&self) -> &'static str {
        match self.format {
            AnimationFormat::Gif => "gif",
            AnimationFormat::Apng | AnimationFormat::Frames => "png",
        }
    }

    fn plan(&mut self, layout: &Layout, atlas: &Atlas, iso: &IsoTable, scene: u64) -> &Result<AnimationPlan, String> {
        let key = PlanKey {
            from: self.from.clone(),
            to: self.to.clone(),
            step: self.step,
            fps: (self.fps * 100.0) as u32,
            scene,
        };
        if self.plan.as_ref().is_none_or(|(k, _)| *k != key) {
            let parse = |text: &str, what: &str| {
                text.trim().parse::<Date>().map_err(|_| format!("{what}: {text:?} is not a day; expected YYYY-MM-DD"))
            };
            let plan = parse(&self.from, "From").and_then(|from| {
                let to = parse(&self.to, "To")?;
                let name_of = |code: crate::model::CountryCode| iso.name(code).unwrap_or(code.as_str()).to_owned();
                plan_animation(layout, atlas, name_of, (from, to), self.step, Some(self.fps)).map_err(|e| match e {
                    PlanError::Usage(message) => message,
                    other => other.to_string(),
                })
            });
            self.plan = Some((key, plan));
        }
        &self.plan.as_ref().expect("just set").1
    }

    /// Draws the window; returns a request when the user asked to export.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        layout: &Layout,
        atlas: &Atlas,
        iso: &IsoTable,
        scene: u64,
    ) -> Option<AnimationRequest> {
        self.poll();
        if !self.open {
            return None;
        }
        let mut open = true;
        let mut request = None;
        // The plan of the current choices, cached until they change; borrowed, not
        // copied, while the window draws (a plan may hold a thousand captions).
        self.plan(layout, atlas, iso, scene);
        let cached = self.plan.take();
        let plan = cached.as_ref().map_or(Err(String::new()), |(_, plan)| plan.as_ref().map_err(Clone::clone));
        egui::Window::new("Export animation").open(&mut open).default_width(460.0).show(ctx, |ui| {
            let running = self.running.is_some();
            ui.add_enabled_ui(!running, |ui| {
                ui.horizontal(|ui| {
                    let label = ui.label("From");
                    ui.add(egui::TextEdit::singleline(&mut self.from).desired_width(90.0)).labelled_by(label.id);
                    let label = ui.label("To");
                    ui.add(egui::TextEdit::singleline(&mut self.to).desired_width(90.0)).labelled_by(label.id);
                });
                ui.horizontal(|ui| {
                    ui.label("One frame per");
                    for (step, label) in
                        [(FrameStep::Change, "change"), (FrameStep::Year, "year"), (FrameStep::Month, "month")]
                    {
                        if ui.radio(self.step == step, label).clicked() && self.step != step {
                            self.step = step;
                            self.fps = step.default_fps();
                        }
                    }
                });
                ui.horizontal(|ui| {
                    ui.label("Frames a second");
                    ui.add(egui::DragValue::new(&mut self.fps).range(0.1..=50.0).speed(0.1));
                });
                ui.horizontal(|ui| {
                    egui::ComboBox::new("animation-size", "Size")
                        .selected_text(format!("{} x {}", self.size.0, self.size.1))
                        .show_ui(ui, |ui| {
                            for size in SIZES {
                                ui.selectable_value(&mut self.size, size, format!("{} x {}", size.0, size.1));
                            }
                        });
                });
                ui.horizontal(|ui| {
                    for (format, label) in [
                        (AnimationFormat::Gif, "GIF"),
                        (AnimationFormat::Apng, "Animated PNG"),
                        (AnimationFormat::Frames, "PNG frames (a folder)"),
                    ] {
                        ui.radio_value(&mut self.format, format, label);
                    }
                });
            });
            ui.separator();
            match &plan {
                Ok(plan) => {
                    ui.label(format!("{} frames", plan.days.len()));
                    egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
                        for caption in &plan.captions {
                            ui.add(egui::Label::new(egui::RichText::new(caption).small()).wrap());
                        }
                    });
                }
                Err(message) => {
                    ui.colored_label(ui.visuals().error_fg_color, message);
                }
            }
            ui.separator();
            if let Some(running) = &self.running {
                let done = running.done.load(Ordering::Relaxed);
                ui.add(
                    egui::ProgressBar::new(done as f32 / running.total.max(1) as f32)
                        .text(format!("{done} of {} frames", running.total)),
                );
                if ui.button("Cancel").clicked() {
                    running.cancel.store(true, Ordering::Relaxed);
                }
            } else if ui.add_enabled(plan.is_ok(), egui::Button::new("Export…")).clicked() {
                request = Some(AnimationRequest::Export);
            }
            if let Some(status) = &self.status {
                ui.label(status);
            }
        });
        self.plan = cached;
        if !open {
            if let Some(running) = &self.running {
                running.cancel.store(true, Ordering::Relaxed);
            }
            self.open = false;
        }
        request
    }

    /// Starts drawing the planned frames of `layout` into `path`, off the UI thread.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        layout: &Layout,
        data: &Arc<MapData>,
        geometry: Arc<MapGeometry>,
        fonts: Fonts,
    ) {
        let Some((_, Ok(plan))) = self.plan.clone() else { return };
        let (format, size) = (self.format, self.size);
        let path = match format {
            AnimationFormat::Frames => path.with_extension(""),
            _ => path,
        };
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let total = plan.days.len();
        let (layout, data) = (layout.clone(), Arc::clone(data));
        let (done_worker, cancel_worker) = (Arc::clone(&done), Arc::clone(&cancel));
        let repaint = ctx.clone();
        let job = Job::spawn(ctx, move || {
            let scenes: Vec<Arc<Scene>> = plan
                .days
                .iter()
                .map(|&day| {
                    let mut inputs = SceneInputs::from_layout(&layout);
                    inputs.date = day;
                    inputs.compare_with = None;
                    Arc::new(Scene::build(inputs, Arc::clone(&geometry), &data.atlas))
                })
                .collect();
            let job = AnimationJob {
                scenes: &scenes,
                plan: &plan,
                title: &layout.title,
                view: &layout.view,
                fonts: &fonts,
                size,
                format,
            };
            let progress = || {
                done_worker.fetch_add(1, Ordering::Relaxed);
                repaint.request_repaint();
            };
            render_animation(&job, &progress, &cancel_worker)
                .and_then(|bytes| write_animation(&path, &bytes))
                .map(|()| (path, total))
                .map_err(|e| e.to_string())
        });
        self.status = None;
        self.running = Some(Running { job: Some(job), done, total, cancel });
    }

    fn poll(&mut self) {
        let Some(running) = &mut self.running else { return };
        let outcome = match Job::take_finished(&mut running.job) {
            Some(outcome) => outcome,
            None if running.job.is_none() => Err("the drawing stopped unexpectedly".into()),
            None => return,
        };
        self.status = Some(match outcome {
            Ok((path, frames)) => format!("Wrote {} ({frames} frames)", show(&path)),
            Err(message) if message == "cancelled" => "Cancelled; nothing was written.".into(),
            Err(message) => format!("Export failed: {message}"),
        });
        self.running = None;
    }
}

fn show(path: &Path) -> String {
    path.display().to_string()
}
