//! PNG encoding, and SVG to pixels through resvg with the shipped font as the only
//! font (the reference the raster painter is checked against, and the PDF
//! writer's parser).

use std::sync::{Arc, OnceLock};

use super::ExportError;

/// The shipped font for exports: its bytes, and resvg's font database built from
/// them on first use and then shared, so a live preview does not parse the font
/// again for every picture. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Fonts {
    bytes: Arc<Vec<u8>>,
    database: Arc<OnceLock<Arc<resvg::usvg::fontdb::Database>>>,
}

impl Fonts {
    /// Fonts from the shipped font's TrueType bytes.
    pub fn new(bytes: Arc<Vec<u8>>) -> Self {
        Self { bytes, database: Arc::default() }
    }

    /// The TrueType bytes (for measuring text).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// resvg's font database holding only our font, as every generic family: resvg
    /// drops text silently when no font matches.
    fn database(&self) -> Arc<resvg::usvg::fontdb::Database> {
        Arc::clone(self.database.get_or_init(|| {
            let mut fontdb = resvg::usvg::fontdb::Database::new();
            fontdb.load_font_data(self.bytes.to_vec());
            fontdb.set_sans_serif_family(FONT_FAMILY);
            fontdb.set_serif_family(FONT_FAMILY);
            Arc::new(fontdb)
        }))
    }
}

/// The family name of the shipped font.
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// Renders SVG text to PNG bytes at `width` x `height` pixels.
pub fn svg_to_png(svg: &str, fonts: &Fonts, width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    let pixmap = svg_to_pixmap(svg, fonts, width, height)?;
    encode_png(&pixmap)
}

/// The pixels with straight alpha, as RGBA bytes.
pub(super) fn straight_rgba(pixmap: &resvg::tiny_skia::Pixmap) -> Vec<u8> {
    let mut rgba = Vec::with_capacity(pixmap.data().len());
    for pixel in pixmap.pixels() {
        let c = pixel.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    rgba
}

/// Parses SVG that we wrote, with the shipped font as the only font: the tree both
/// the PNG rasteriser and the PDF writer draw.
pub(super) fn parse_svg(svg: &str, fonts: &Fonts) -> Result<resvg::usvg::Tree, ExportError> {
    let options =
        resvg::usvg::Options { font_family: FONT_FAMILY.to_owned(), fontdb: fonts.database(), ..Default::default() };
    resvg::usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Render(e.to_string()))
}

fn svg_to_pixmap(svg: &str, fonts: &Fonts, width: u32, height: u32) -> Result<resvg::tiny_skia::Pixmap, ExportError> {
    super::check_size(width, height)?;
    let tree = parse_svg(svg, fonts)?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| ExportError::Render(format!("cannot allocate {width}x{height} pixels")))?;
    let size = tree.size();
    let scale = resvg::tiny_skia::Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
    resvg::render(&tree, scale, &mut pixmap.as_mut());
    Ok(pixmap)
}

fn encode_png(pixmap: &resvg::tiny_skia::Pixmap) -> Result<Vec<u8>, ExportError> {
    encode_rgba(&straight_rgba(pixmap), pixmap.width(), pixmap.height())
}

/// Encodes an opaque `width` x `height` picture as RGB PNG into `out`, asking
/// `row(y, rgb)` to fill each row's RGB bytes in turn.
pub(super) fn encode_rows(
    out: &mut Vec<u8>,
    width: u32,
    height: u32,
    mut row: impl FnMut(u32, &mut [u8]),
) -> Result<(), ExportError> {
    let error = |e: png::EncodingError| ExportError::Encode(e.to_string());
    let mut writer = encoder(out, png::ColorType::Rgb, width, height).write_header().map_err(error)?;
    let mut stream = writer.stream_writer().map_err(error)?;
    let mut rgb = vec![0; width as usize * 3];
    for y in 0..height {
        row(y, &mut rgb);
        std::io::Write::write_all(&mut stream, &rgb).map_err(|e| ExportError::Encode(e.to_string()))?;
    }
    stream.finish().map_err(error)?;
    writer.finish().map_err(error)
}

/// Encodes RGBA pixels as PNG with fast compression.
pub fn encode_rgba(rgba: &[u8], width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    let error = |e: png::EncodingError| ExportError::Encode(e.to_string());
    let mut writer = encoder(&mut out, png::ColorType::Rgba, width, height).write_header().map_err(error)?;
    writer.write_image_data(rgba).map_err(error)?;
    writer.finish().map_err(error)?;
    Ok(out)
}

/// PNG with fast compression and the Paeth filter on every row: deflate's best
/// effort costs a third of the whole export for a few percent smaller files, and
/// choosing a filter for each row costs a third more than Paeth alone, for files 1 %
/// smaller (briefing pictures are not archived).
fn encoder(out: &mut Vec<u8>, colour: png::ColorType, width: u32, height: u32) -> png::Encoder<'_, &mut Vec<u8>> {
    let mut encoder = png::Encoder::new(out, width, height);
    encoder.set_color(colour);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::Filter::Paeth);
    encoder
}
