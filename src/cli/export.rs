//! `export`: a briefing picture (PNG, SVG or PDF) of a layout, drawn through the same
//! [`Workspace`] the window uses, so the command line and the window cannot
//! disagree about what a layout looks like.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

use super::Failure;
use crate::export::{BriefingText, Fonts, Format, Highlight, Orientation, PageSetup, Paper, Picture, check_size};
use crate::io::DataDir;
use crate::io::user_paths::user_layers_dir;
use crate::model::Date;
use crate::workspace::{Clock, MapData, Workspace, default_layout, load_layout};

/// What `export` was asked for.
pub(super) struct ExportRequest {
    pub(super) layout: Option<PathBuf>,
    pub(super) file: PathBuf,
    pub(super) width: Option<u32>,
    pub(super) height: Option<u32>,
    pub(super) page: PageRequest,
    pub(super) date: Option<Date>,
    pub(super) compare_with: Option<Date>,
    pub(super) title: Option<String>,
    pub(super) subtitle: Option<String>,
}

/// Paper sizes on the command line.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum PaperArg {
    /// ISO A4.
    A4,
    /// US Letter.
    Letter,
}

/// The page options of `export`, which apply to PDF only.
pub(super) struct PageRequest {
    pub(super) paper: Option<PaperArg>,
    pub(super) portrait: bool,
    pub(super) margin_mm: Option<u16>,
}

impl PageRequest {
    fn given(&self) -> bool {
        self.paper.is_some() || self.portrait || self.margin_mm.is_some()
    }

    fn setup(&self) -> PageSetup {
        PageSetup {
            paper: match self.paper {
                Some(PaperArg::Letter) => Paper::Letter,
                Some(PaperArg::A4) | None => Paper::A4,
            },
            orientation: if self.portrait { Orientation::Portrait } else { Orientation::Landscape },
            margin_mm: self.margin_mm.unwrap_or(PageSetup::DEFAULT_MARGIN_MM),
        }
    }
}

/// The picture's size when `--width`/`--height` are not given.
const DEFAULT_SIZE: (u32, u32) = (1920, 1080);

/// Draws the layout (or the default one as of `clock`'s day) with the request's
/// overrides and writes the picture.
pub(super) fn export(
    data_dir: &DataDir,
    request: ExportRequest,
    clock: Clock,
    out: &mut String,
) -> Result<(), Failure> {
    let usage = |message: String| Failure { message: format!("alliance-map: {message}"), status: 1 };
    let Some(mut format) = Format::from_path(&request.file) else {
        return Err(usage(format!("{}: expected a file name ending in .png, .svg or .pdf", request.file.display())));
    };
    let (width, height) = match &mut format {
        Format::Pdf(page) => {
            *page = request.page.setup();
            if request.width.is_none() && request.height.is_none() {
                page.content_size_pt()
            } else {
                (request.width.unwrap_or(DEFAULT_SIZE.0), request.height.unwrap_or(DEFAULT_SIZE.1))
            }
        }
        Format::Png | Format::Svg if request.page.given() => {
            return Err(usage(format!(
                "{}: --page, --portrait and --margin-mm apply to PDF; expected a file name ending in .pdf",
                request.file.display()
            )));
        }
        Format::Png | Format::Svg => {
            (request.width.unwrap_or(DEFAULT_SIZE.0), request.height.unwrap_or(DEFAULT_SIZE.1))
        }
    };
    check_size(width, height).map_err(|e| usage(e.to_string()))?;
    let data =
        MapData::load_with_user_layers(data_dir, user_layers_dir().as_deref()).map_err(|e| usage(e.to_string()))?;
    super::report_user_layer_problems(&data.problems);
    let mut layout = match &request.layout {
        Some(path) => load_layout(path, &data.atlas, &data.iso).map_err(|p| Failure::problems(&p))?,
        None => default_layout(&data.atlas, clock.today()),
    };
    if let Some(date) = request.date {
        layout.date = date;
    }
    if let Some(since) = request.compare_with {
        layout.compare_with = Some(since);
    }
    if let Some(title) = request.title {
        layout.title = title;
    }
    if let Some(subtitle) = request.subtitle {
        layout.subtitle = subtitle;
    }
    let mut workspace = Workspace::with_layout(data, layout, clock);
    let selected = workspace.layout().selected.filter(|&code| workspace.scene().geometry.index_of(code).is_some());
    let detail = selected.map(|code| workspace.selection(code));
    let text = BriefingText { title: workspace.layout().title.clone(), subtitle: workspace.layout().subtitle.clone() };
    let fonts = Fonts::new(Arc::clone(&workspace.data().font));
    let lines = workspace.layout().commitment_lines;
    let highlight = detail.as_deref().map(|detail| Highlight { detail, lines });
    fn picture<'a>(
        workspace: &'a Workspace,
        text: &'a BriefingText,
        fonts: &'a Fonts,
        (width, height): (u32, u32),
        highlight: Option<Highlight<'a>>,
    ) -> Picture<'a> {
        Picture { scene: workspace.scene(), text, view: &workspace.layout().view, fonts, width, height, highlight }
    }
    // Zoomed in or large, the picture is drawn from the 1:10m shapes: load them now.
    if picture(&workspace, &text, &fonts, (width, height), highlight).needs_detail() {
        workspace.load_detail();
    }
    let layout = workspace.layout();
    picture(&workspace, &text, &fonts, (width, height), highlight)
        .write(&request.file, format)
        .map_err(|e| usage(e.to_string()))?;
    let compared = layout.compare_with.map_or(String::new(), |since| format!(", compared with {since}"));
    let size = match format {
        Format::Pdf(page) => page.describe(),
        Format::Png | Format::Svg => format!("{width}x{height}"),
    };
    let _ = writeln!(out, "wrote {} ({size}, as of {}{compared})", request.file.display(), layout.date);
    Ok(())
}
