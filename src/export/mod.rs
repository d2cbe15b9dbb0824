//! Briefing export: a picture of a scene with title, legend, date and attribution.
//! One layout ([`briefing`]) draws on two painters: the SVG writer, and a raster
//! painter that puts pixels straight into tiny-skia for PNG, previews and
//! animations. PDF draws the SVG onto a page with krilla. Text is set in the
//! shipped font, so the picture is the same on every machine and needs no display
//! or GPU.

pub mod animation;
mod briefing;
mod canvas;
mod pdf;
mod png;
mod raster;
mod svg;
mod text;

use std::path::Path;

pub use briefing::{BriefingText, paint_map_layers};
pub use pdf::{Orientation, PageSetup, Paper, svg_to_pdf};
pub use png::{Fonts, svg_to_png};
pub use text::TextMeasure;

/// Largest side of an exported picture, pixels.
pub const MAX_SIDE_PX: u32 = 16_384;
/// Largest picture, pixels: 64 million (256 MiB of RGBA), so no request can make
/// the exporter allocate gigabytes.
pub const MAX_PIXELS: u64 = 64 * 1024 * 1024;

/// Picture formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Raster, painted from the same layout as the SVG.
    Png,
    /// Vector, written from the scene.
    Svg,
    /// Vector for print: the SVG on a page, fitted inside its margins.
    Pdf(PageSetup),
}

impl Format {
    /// The format a file name asks for, by its extension.
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "png" => Some(Self::Png),
            "svg" => Some(Self::Svg),
            "pdf" => Some(Self::Pdf(PageSetup::default())),
            _ => None,
        }
    }

    /// The usual extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Pdf(_) => "pdf",
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The requested size cannot be made.
    #[error(
        "picture size {width}x{height} is out of range; expected 1 to {MAX_SIDE_PX} pixels a side and at most {MAX_PIXELS} pixels in all"
    )]
    Size {
        /// Requested width.
        width: u32,
        /// Requested height.
        height: u32,
    },
    /// The renderer refused the SVG (a bug: we wrote it).
    #[error("cannot render the picture: {0}")]
    Render(String),
    /// An image encoder failed.
    #[error("cannot encode the picture: {0}")]
    Encode(String),
    /// The user cancelled.
    #[error("cancelled")]
    Cancelled,
    /// The file could not be written; an existing file is untouched.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Checks a picture size before anything is allocated.
pub fn check_size(width: u32, height: u32) -> Result<(), ExportError> {
    let ok = (1..=MAX_SIDE_PX).contains(&width)
        && (1..=MAX_SIDE_PX).contains(&height)
        && u64::from(width) * u64::from(height) <= MAX_PIXELS;
    if ok { Ok(()) } else { Err(ExportError::Size { width, height }) }
}

/// One briefing picture to make: what it shows and at what size. Every front end
/// (command line, export window, clipboard, preview) goes through this, so they
/// all draw the same picture.
pub struct Picture<'a> {
    /// The scene.
    pub scene: &'a crate::scene::Scene,
    /// Title and subtitle.
    pub text: &'a BriefingText,
    /// Where the map looks.
    pub view: &'a crate::model::View,
    /// The shipped font.
    pub fonts: &'a Fonts,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The layout's selected country, if the picture shows one.
    pub highlight: Option<Highlight<'a>>,
}

/// The selected country of a picture: outlined, its commitment lines drawn when
/// `lines` (the layout's *commitment lines* switch), and its tensions listed in the
/// legend, as the window shows them.
#[derive(Clone, Copy)]
pub struct Highlight<'a> {
    /// What the window's inspector shows for it.
    pub detail: &'a crate::scene::SelectionDetail,
    /// Whether its commitment lines are drawn.
    pub lines: bool,
}

impl Picture<'_> {
    /// The picture as SVG text; the size is checked first.
    pub fn svg(&self) -> Result<String, ExportError> {
        check_size(self.width, self.height)?;
        Ok(svg::picture_to_svg(self))
    }

    /// Whether the map of this picture is drawn from the 1:10m shapes (when they
    /// are loaded): zoomed in, or a large picture. Exporters load them first.
    pub fn needs_detail(&self) -> bool {
        let measure = TextMeasure::new(self.fonts.bytes());
        crate::scene::Scene::detail_wanted_at(briefing::map_px_per_km(
            self.scene,
            self.text,
            self.view,
            &measure,
            self.width,
            self.height,
        ))
    }

    /// The picture's file bytes in `format`.
    pub fn render(&self, format: Format) -> Result<Vec<u8>, ExportError> {
        match format {
            Format::Svg => Ok(self.svg()?.into_bytes()),
            Format::Png => self.raster_canvas()?.render_png(),
            Format::Pdf(page) => svg_to_pdf(&self.svg()?, self.fonts, page, &self.text.title),
        }
    }

    /// Straight-alpha RGBA pixels at `scale` of the picture's size (1 for the
    /// clipboard, less for a preview): the same drawing, only smaller.
    pub fn rgba(&self, scale: f32) -> Result<([u32; 2], Vec<u8>), ExportError> {
        let pixmap = self.raster_canvas()?.render(scale)?.into_pixmap();
        Ok(([pixmap.width(), pixmap.height()], png::straight_rgba(&pixmap)))
    }

    /// The picture laid out on the raster painter, ready to render.
    fn raster_canvas(&self) -> Result<raster::RasterCanvas<'_>, ExportError> {
        check_size(self.width, self.height)?;
        let mut canvas = raster::RasterCanvas::new(self.fonts.bytes());
        briefing::draw_briefing(&mut canvas, self);
        Ok(canvas)
    }

    /// Renders and writes atomically: a failure leaves an existing file untouched.
    pub fn write(&self, path: &Path, format: Format) -> Result<(), ExportError> {
        let bytes = self.render(format)?;
        crate::io::atomic::write_atomically(path, &bytes)
            .map_err(|source| ExportError::Write { path: path.to_path_buf(), source })
    }
}

/// Encodes straight-alpha RGBA pixels as PNG (window screenshots).
pub fn rgba_to_png(rgba: &[u8], width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    png::encode_rgba(rgba, width, height)
}
