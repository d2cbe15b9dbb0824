//! `export`: a briefing picture (PNG or SVG) of a layout, drawn through the same
//! [`Workspace`] the window uses, so the command line and the window cannot
//! disagree about what a layout looks like.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

use super::Failure;
use crate::export::{BriefingText, Fonts, Picture, check_size};
use crate::io::DataDir;
use crate::io::user_paths::user_layers_dir;
use crate::model::Date;
use crate::workspace::{Clock, MapData, Workspace, default_layout, load_layout};

/// What `export` was asked for.
pub(super) struct ExportRequest {
    pub(super) layout: Option<PathBuf>,
    pub(super) file: PathBuf,
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) date: Option<Date>,
    pub(super) compare_with: Option<Date>,
    pub(super) title: Option<String>,
    pub(super) subtitle: Option<String>,
}

/// Draws the layout (or the default one as of `clock`'s day) with the request's
/// overrides and writes the picture.
pub(super) fn export(
    data_dir: &DataDir,
    request: ExportRequest,
    clock: Clock,
    out: &mut String,
) -> Result<(), Failure> {
    let usage = |message: String| Failure { message: format!("alliance-map: {message}"), status: 1 };
    let Some(format) = crate::export::Format::from_path(&request.file) else {
        return Err(usage(format!("{}: expected a file name ending in .png or .svg", request.file.display())));
    };
    check_size(request.width, request.height).map_err(|e| usage(e.to_string()))?;
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
    let workspace = Workspace::with_layout(data, layout, clock);
    let layout = workspace.layout();
    let text = BriefingText { title: layout.title.clone(), subtitle: layout.subtitle.clone() };
    let picture = Picture {
        scene: workspace.scene(),
        text: &text,
        view: &layout.view,
        fonts: &Fonts::new(Arc::clone(&workspace.data().font)),
        width: request.width,
        height: request.height,
    };
    picture.write(&request.file, format).map_err(|e| usage(e.to_string()))?;
    let compared = layout.compare_with.map_or(String::new(), |since| format!(", compared with {since}"));
    let _ = writeln!(
        out,
        "wrote {} ({}x{}, as of {}{compared})",
        request.file.display(),
        request.width,
        request.height,
        layout.date
    );
    Ok(())
}
