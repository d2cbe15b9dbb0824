//! File → Export: format, size presets (paper for PDF), title fields and a live
//! preview that is the export itself (the same layout painted smaller). Rendering runs off the UI
//! thread (a [`Job`]), so the window never freezes on a 4K export.

use std::path::PathBuf;
use std::sync::Arc;

use super::super::jobs::Job;
use crate::export::{BriefingText, Fonts, Format, Highlight, Orientation, PageSetup, Paper, Picture};
use crate::model::View;
use crate::scene::{Scene, SelectionDetail};

/// The selected country a picture highlights, and whether its commitment lines are
/// drawn: the window sets it from the layout before each frame.
pub type Highlighted = Option<(Arc<SelectionDetail>, bool)>;

fn highlight(highlighted: &Highlighted) -> Option<Highlight<'_>> {
    highlighted.as_ref().map(|(detail, lines)| Highlight { detail, lines: *lines })
}

/// Picture sizes people ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizePreset {
    /// 1920 x 1080, a slide.
    Slide,
    /// 3840 x 2160.
    Uhd,
    /// A4 landscape at 300 dpi.
    A4Landscape,
    /// Typed in.
    Custom,
}

impl SizePreset {
    const ALL: [Self; 4] = [Self::Slide, Self::Uhd, Self::A4Landscape, Self::Custom];

    fn label(self) -> &'static str {
        match self {
            Self::Slide => "Slide 1920 x 1080",
            Self::Uhd => "3840 x 2160",
            Self::A4Landscape => "A4 landscape, 300 dpi (3508 x 2480)",
            Self::Custom => "Custom size",
        }
    }

    fn size(self) -> Option<(u32, u32)> {
        match self {
            Self::Slide => Some((1920, 1080)),
            Self::Uhd => Some((3840, 2160)),
            Self::A4Landscape => Some((3508, 2480)),
            Self::Custom => None,
        }
    }
}

impl ExportDialog {
    /// The size the picture is drawn at: the width and height in pixels for PNG and
    /// SVG; for PDF, the page inside its margins in points, so that the picture fills
    /// the page and its text keeps a slide's proportions.
    pub fn size(&self) -> (u32, u32) {
        match self.format {
            Format::Pdf(page) => page.content_size_pt(),
            Format::Png | Format::Svg => (self.width, self.height),
        }
    }

    /// Sets the size, and the preset that has it (or *Custom*).
    pub fn set_size(&mut self, width: u32, height: u32) {
        self.width = width;
        self.height = height;
        self.preset =
            SizePreset::ALL.into_iter().find(|p| p.size() == Some((width, height))).unwrap_or(SizePreset::Custom);
    }
}

/// What an export job reports.
pub enum JobResult {
    /// Written to this file.
    Written(PathBuf),
    /// Pixels for the clipboard.
    Clipboard(egui::ColorImage),
    /// Failed, with the reason.
    Failed(String),
}

/// The export window's state.
pub struct ExportDialog {
    /// Whether the window is open.
    pub open: bool,
    /// PNG, SVG or PDF (with its page).
    pub format: Format,
    /// The page for PDF, kept while another format is chosen.
    page: PageSetup,
    /// The selected country every picture of this window highlights.
    pub highlighted: Highlighted,
    preset: SizePreset,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Title on the picture.
    pub title: String,
    /// Subtitle on the picture.
    pub subtitle: String,
    preview: Option<egui::TextureHandle>,
    preview_key: Option<PreviewKey>,
    preview_job: Option<Job<Option<egui::ColorImage>>>,
    /// A running export or clipboard job.
    job: Option<Job<JobResult>>,
    /// The last job's outcome, for the user.
    pub status: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
struct PreviewKey {
    scene: u64,
    width: u32,
    height: u32,
    title: String,
    subtitle: String,
    view: [u64; 3],
    highlight: Option<(crate::model::CountryCode, bool)>,
}

/// Preview width in points.
const PREVIEW_WIDTH: f32 = 520.0;

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            format: Format::Png,
            page: PageSetup::default(),
            highlighted: None,
            preset: SizePreset::Slide,
            width: 1920,
            height: 1080,
            title: String::new(),
            subtitle: String::new(),
            preview: None,
            preview_key: None,
            preview_job: None,
            job: None,
            status: None,
        }
    }
}

/// The picture's pixels at `scale` of its size, as an egui image.
fn render_image(
    scene: &Scene,
    text: &BriefingText,
    view: &View,
    fonts: &Fonts,
    size: (u32, u32),
    scale: f32,
    highlighted: &Highlighted,
) -> Result<egui::ColorImage, String> {
    let picture =
        Picture { scene, text, view, fonts, width: size.0, height: size.1, highlight: highlight(highlighted) };
    let ([w, h], rgba) = picture.rgba(scale).map_err(|e| e.to_string())?;
    Ok(egui::ColorImage::from_rgba_unmultiplied([w as usize, h as usize], &rgba))
}

impl ExportDialog {
    /// Opens the window with the layout's title.
    pub fn open_for(&mut self, title: &str, subtitle: &str) {
        if !self.open {
            self.title = title.to_owned();
            self.subtitle = subtitle.to_owned();
        }
        self.open = true;
    }

    /// Whether an export or clipboard job is running.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// The title and subtitle typed in the window.
    pub fn text(&self) -> BriefingText {
        BriefingText { title: self.title.clone(), subtitle: self.subtitle.clone() }
    }

    /// Whether the picture of `scene` at this window's size is drawn from the 1:10m
    /// shapes: the window then starts loading them, and the export job waits for
    /// them (the preview draws what is loaded).
    pub fn needs_detail(&self, scene: &Scene, view: &View, fonts: &Fonts) -> bool {
        let text = self.text();
        let (width, height) = self.size();
        Picture { scene, text: &text, view, fonts, width, height, highlight: None }.needs_detail()
    }

    /// Starts writing the picture to `path` in the background.
    pub fn start_export(&mut self, ctx: &egui::Context, path: PathBuf, scene: Arc<Scene>, view: View, fonts: Fonts) {
        let (text, format, size, highlighted) = (self.text(), self.format, self.size(), self.highlighted.clone());
        self.job = Some(Job::spawn(ctx, move || {
            let picture = Picture {
                scene: &scene,
                text: &text,
                view: &view,
                fonts: &fonts,
                width: size.0,
                height: size.1,
                highlight: highlight(&highlighted),
            };
            if picture.needs_detail() {
                // The window started loading the 1:10m shapes (see `needs_detail`).
                let _ = scene.detail.wait();
            }
            match picture.write(&path, format) {
                Ok(()) => JobResult::Written(path),
                Err(e) => JobResult::Failed(e.to_string()),
            }
        }));
        self.status = Some("Exporting…".into());
    }

    /// Starts rendering the picture for the clipboard in the background.
    pub fn start_clipboard(
        &mut self,
        ctx: &egui::Context,
        scene: Arc<Scene>,
        view: View,
        fonts: Fonts,
        text: BriefingText,
    ) {
        let (size, highlighted) = ((self.width, self.height), self.highlighted.clone());
        self.job =
            Some(Job::spawn(ctx, move || match render_image(&scene, &text, &view, &fonts, size, 1.0, &highlighted) {
                Ok(image) => JobResult::Clipboard(image),
                Err(e) => JobResult::Failed(e),
            }));
        self.status = Some("Copying picture…".into());
    }

    /// Collects a finished export or clipboard job; called once per frame.
    pub fn poll(&mut self, ctx: &egui::Context) {
        match Job::take_finished(&mut self.job) {
            Some(JobResult::Written(path)) => self.status = Some(format!("Exported {}", path.display())),
            Some(JobResult::Clipboard(image)) => {
                ctx.copy_image(image);
                self.status = Some("Picture copied to the clipboard".into());
            }
            Some(JobResult::Failed(message)) => self.status = Some(format!("Export failed: {message}")),
            None => {}
        }
    }

    /// Draws the window. Returns true when the user pressed Export.
    pub fn ui(&mut self, ctx: &egui::Context, scene: &Arc<Scene>, view: View, fonts: &Fonts) -> bool {
        if !self.open {
            return false;
        }
        let mut export = false;
        let mut open = self.open;
        egui::Window::new("Export picture").open(&mut open).resizable(false).show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label("Format");
                ui.radio_value(&mut self.format, Format::Png, "PNG");
                ui.radio_value(&mut self.format, Format::Svg, "SVG");
                if ui.radio(matches!(self.format, Format::Pdf(_)), "PDF").clicked() {
                    self.format = Format::Pdf(self.page);
                }
            });
            if matches!(self.format, Format::Pdf(_)) {
                self.page_ui(ui);
            } else {
                self.size_ui(ui);
            }
            ui.horizontal(|ui| {
                let label = ui.label("Title");
                ui.add(egui::TextEdit::singleline(&mut self.title).desired_width(380.0)).labelled_by(label.id);
            });
            ui.horizontal(|ui| {
                let label = ui.label("Subtitle");
                ui.add(egui::TextEdit::singleline(&mut self.subtitle).desired_width(380.0)).labelled_by(label.id);
            });
            let (width, height) = self.size();
            if let Err(e) = crate::export::check_size(width, height) {
                ui.colored_label(ui.visuals().error_fg_color, e.to_string());
            }
            ui.separator();
            self.preview(ui, scene, view, fonts);
            ui.separator();
            ui.horizontal(|ui| {
                let ready = !self.busy() && crate::export::check_size(width, height).is_ok();
                if ui.add_enabled(ready, egui::Button::new("Export…")).clicked() {
                    export = true;
                }
                if self.busy() {
                    ui.spinner();
                }
                if let Some(status) = &self.status {
                    ui.label(status);
                }
            });
        });
        self.open = open;
        export
    }

    /// Picture size: presets, and width and height in pixels (PNG and SVG).
    fn size_ui(&mut self, ui: &mut egui::Ui) {
        egui::ComboBox::new("export-size", "Size").selected_text(self.preset.label()).show_ui(ui, |ui| {
            for preset in SizePreset::ALL {
                if ui.selectable_value(&mut self.preset, preset, preset.label()).clicked()
                    && let Some((w, h)) = preset.size()
                {
                    (self.width, self.height) = (w, h);
                }
            }
        });
        ui.horizontal(|ui| {
            let w = ui.label("Width");
            let changed_w = ui
                .add(egui::DragValue::new(&mut self.width).range(1..=crate::export::MAX_SIDE_PX))
                .labelled_by(w.id)
                .changed();
            let h = ui.label("Height");
            let changed_h = ui
                .add(egui::DragValue::new(&mut self.height).range(1..=crate::export::MAX_SIDE_PX))
                .labelled_by(h.id)
                .changed();
            if changed_w || changed_h {
                self.preset = SizePreset::Custom;
            }
        });
    }

    /// The page for PDF: paper, orientation and margins. The picture is drawn at the
    /// size inside the margins, one point to a pixel, so text keeps its proportions.
    fn page_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            egui::ComboBox::new("export-paper", "Paper").selected_text(self.page.paper.label()).show_ui(ui, |ui| {
                for paper in Paper::ALL {
                    ui.selectable_value(&mut self.page.paper, paper, paper.label());
                }
            });
            ui.radio_value(&mut self.page.orientation, Orientation::Landscape, "Landscape");
            ui.radio_value(&mut self.page.orientation, Orientation::Portrait, "Portrait");
        });
        ui.horizontal(|ui| {
            let label = ui.label("Margins (mm)");
            ui.add(egui::DragValue::new(&mut self.page.margin_mm).range(0..=PageSetup::MAX_MARGIN_MM))
                .labelled_by(label.id);
        });
        self.format = Format::Pdf(self.page);
    }

    /// The live preview: re-rendered in the background whenever what it shows changes.
    fn preview(&mut self, ui: &mut egui::Ui, scene: &Arc<Scene>, view: View, fonts: &Fonts) {
        let (width, height) = self.size();
        let key = PreviewKey {
            scene: scene.generation,
            width,
            height,
            title: self.title.clone(),
            subtitle: self.subtitle.clone(),
            view: [view.centre_lon.to_bits(), view.centre_lat.to_bits(), view.zoom.to_bits()],
            highlight: self.highlighted.as_ref().map(|(detail, lines)| (detail.code, *lines)),
        };
        if let Some(Some(image)) = Job::take_finished(&mut self.preview_job) {
            self.preview = Some(ui.ctx().load_texture("export-preview", image, egui::TextureOptions::LINEAR));
        }
        if self.preview_key.as_ref() != Some(&key)
            && self.preview_job.is_none()
            && crate::export::check_size(width, height).is_ok()
        {
            let (scene, fonts, text, size) = (Arc::clone(scene), fonts.clone(), self.text(), (width, height));
            let highlighted = self.highlighted.clone();
            let scale = PREVIEW_WIDTH * ui.ctx().pixels_per_point() / size.0 as f32;
            self.preview_job = Some(Job::spawn(ui.ctx(), move || {
                render_image(&scene, &text, &view, &fonts, size, scale, &highlighted).ok()
            }));
            self.preview_key = Some(key);
        }
        let height = PREVIEW_WIDTH * height as f32 / width.max(1) as f32;
        match &self.preview {
            Some(texture) => {
                ui.add(
                    egui::Image::new(texture)
                        .fit_to_exact_size(egui::vec2(PREVIEW_WIDTH, height))
                        .alt_text("Export preview"),
                );
            }
            None => {
                ui.add_sized([PREVIEW_WIDTH, height.min(400.0)], egui::Spinner::new());
            }
        }
    }
}
