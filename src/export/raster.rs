//! The briefing picture painted straight into pixels: the [`Canvas`] that turns
//! each call into tiny-skia paths and paints (text as the shipped font's glyph
//! outlines), then rasterises them.
//!
//! Painting the scene directly skips writing the SVG and parsing it back, which
//! cost about as much as rasterising. The map, which is nearly all of the work, is
//! painted into its own pixmap (which is also its clip) in bands of rows, and the
//! page around it beside them, by two threads taking jobs in turn; for a PNG, a
//! third thread lays each row of the map on the page and encodes it as soon as
//! its band is painted.

use std::collections::HashMap;
use std::sync::OnceLock;

use resvg::tiny_skia::{
    self as skia, Color, FillRule, LineCap, LineJoin, Paint, Path, PathBuilder, PathStroker, Pixmap, PixmapMut,
    StrokeDash, Transform,
};
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::{FontRef, GlyphId, MetadataProvider as _};

use super::ExportError;
use super::canvas::{Anchor, Canvas, Line, OutlineMark, Stripes, hatch_segments, label_baseline};
use crate::scene::{Framing, PlacedLabel, Rgba8};

/// How an [`Op`] paints its path.
enum How {
    Fill(FillRule),
    Stroke(skia::Stroke),
}

/// One painting operation, in picture pixels (before the output scale).
struct Op {
    /// Index into [`RasterCanvas::paths`].
    path: usize,
    colour: Rgba8,
    how: How,
    /// A stroke wider than a pixel as the outline to fill, made by the first band
    /// that paints it and shared with the others, so that the stroker runs once.
    outline: OnceLock<Option<Path>>,
}

/// Where ops are recorded: under the map, in it, or over it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layer {
    Under,
    Map,
    Over,
}

/// Records a briefing picture as tiny-skia paths and paints, to render at any
/// scale once the layout is done.
pub(super) struct RasterCanvas<'f> {
    /// The font's outlines.
    font: Option<FontRef<'f>>,
    /// The font for shaping.
    face: Option<rustybuzz::Face<'f>>,
    /// Glyph outlines one pixel high, y up, by glyph; `None` for an empty glyph.
    glyphs: HashMap<GlyphId, Option<Path>>,
    size: [u32; 2],
    paper: Color,
    paths: Vec<Path>,
    /// The path of each defined country, by country index.
    countries: HashMap<usize, usize>,
    under: Vec<Op>,
    map: Vec<Op>,
    over: Vec<Op>,
    /// Ops over the map that reach into its rectangle (the frame): painted on both
    /// the page and the map's pixmap, so that either shows them where it is seen.
    over_map: Vec<Op>,
    layer: Layer,
    map_rect: [[f32; 2]; 2],
}

impl<'f> RasterCanvas<'f> {
    /// A canvas that sets text in the TrueType font `font` (text is left out if
    /// the font cannot be read).
    pub fn new(font: &'f [u8]) -> Self {
        Self {
            font: FontRef::new(font).ok(),
            face: rustybuzz::Face::from_slice(font, 0),
            glyphs: HashMap::new(),
            size: [1, 1],
            paper: Color::TRANSPARENT,
            paths: Vec::new(),
            countries: HashMap::new(),
            under: Vec::new(),
            map: Vec::new(),
            over: Vec::new(),
            over_map: Vec::new(),
            layer: Layer::Under,
            map_rect: [[0.0; 2]; 2],
        }
    }

    fn push(&mut self, path: Option<Path>, colour: Rgba8, how: How) {
        let Some(path) = path else { return };
        self.paths.push(path);
        self.push_op(self.paths.len() - 1, colour, how);
    }

    fn push_op(&mut self, path: usize, colour: Rgba8, how: How) {
        let op = Op { path, colour, how, outline: OnceLock::new() };
        match self.layer {
            Layer::Under => self.under.push(op),
            Layer::Map => self.map.push(op),
            Layer::Over if self.reaches_into_map(&op) => self.over_map.push(op),
            Layer::Over => self.over.push(op),
        }
    }

    /// The outline of `content` set at `size` pixels with its baseline's anchor at
    /// `at`, shaped (kerning included) as resvg shapes the SVG's text.
    fn text_path(&mut self, at: [f32; 2], size: f32, anchor: Anchor, content: &str) -> Option<Path> {
        let (font, face) = (self.font.clone()?, self.face.as_ref()?);
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(content);
        let shaped = rustybuzz::shape(face, &[], buffer);
        let scale = size / face.units_per_em() as f32;
        let width: f32 = shaped.glyph_positions().iter().map(|p| p.x_advance as f32 * scale).sum();
        let mut pen_x = match anchor {
            Anchor::Start => at[0],
            Anchor::Middle => at[0] - width / 2.0,
        };
        let outlines = font.outline_glyphs();
        let mut builder = PathBuilder::new();
        for (info, position) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            let glyph = GlyphId::new(info.glyph_id);
            let outline = self.glyphs.entry(glyph).or_insert_with(|| {
                let mut pen = PathPen(PathBuilder::new());
                let drawn =
                    outlines.get(glyph)?.draw(DrawSettings::unhinted(Size::new(1.0), LocationRef::default()), &mut pen);
                drawn.ok().and_then(|_| pen.0.finish())
            });
            let x = pen_x + position.x_offset as f32 * scale;
            let y = at[1] - position.y_offset as f32 * scale;
            if let Some(outline) = outline
                && let Some(placed) = outline.clone().transform(Transform::from_row(size, 0.0, 0.0, -size, x, y))
            {
                builder.push_path(&placed);
            }
            pen_x += position.x_advance as f32 * scale;
        }
        builder.finish()
    }

    /// Whether `op` paints anywhere inside the map's rectangle.
    fn reaches_into_map(&self, op: &Op) -> bool {
        let bounds = self.paths[op.path].bounds();
        let reach = match &op.how {
            How::Fill(_) => 0.0,
            How::Stroke(stroke) => stroke.width / 2.0 + 1.0,
        };
        let [min, max] = self.map_rect;
        bounds.left() - reach < max[0]
            && bounds.right() + reach > min[0]
            && bounds.top() - reach < max[1]
            && bounds.bottom() + reach > min[1]
    }

    fn country_path(&self, country: usize) -> Option<usize> {
        self.countries.get(&country).copied()
    }

    /// Renders the picture at `scale` times its layout size (1 for the export).
    /// The canvas is used up: strokes outlined for one scale are kept in its ops.
    pub fn render(self, scale: f32) -> Result<Rendered, ExportError> {
        let (mut page, mut map, place) = self.canvases(scale)?;
        self.paint_all(Some(&mut page), &mut map, place, &|_| {});
        Ok(Rendered { page, map, place })
    }

    /// Renders only the map into `rows` (premultiplied RGBA, transparent, as
    /// many as the picture holds), for a picture that is all map (the window's):
    /// no page is painted or laid under it.
    pub fn render_map_into(self, rows: &mut [u8]) -> Result<(), ExportError> {
        let place = self.map_place(1.0)?;
        if rows.len() != place.size[0] as usize * place.size[1] as usize * 4 {
            return Err(ExportError::Render("the map's pixels do not match its size".into()));
        }
        self.paint_all(None, rows, place, &|_| {});
        Ok(())
    }

    /// Renders the picture at its layout size as PNG. A third thread encodes the
    /// rows as soon as the page and the band they cross are painted, so encoding
    /// overlaps painting instead of following it.
    pub fn render_png(self) -> Result<Vec<u8>, ExportError> {
        let (mut page, mut map, place) = self.canvases(1.0)?;
        let (width, height) = (page.width(), page.height());
        let (sender, receiver) = std::sync::mpsc::channel::<Painted<'_>>();
        std::thread::scope(|threads| {
            let encoder = threads.spawn(move || {
                let mut painted_page: Option<&Pixmap> = None;
                let mut bands: Vec<Option<&[u8]>> = vec![None; place.bands() as usize];
                let mut rgba = vec![0u8; width as usize * 4];
                let mut out = Vec::new();
                super::png::encode_rows(&mut out, width, height, |y, rgb| {
                    let band = place.band_of(y);
                    while painted_page.is_none() || band.is_some_and(|k| bands[k].is_none()) {
                        match receiver.recv().expect("the painters hand over every part before they stop") {
                            Painted::Page(page) => painted_page = Some(page),
                            Painted::Band { index, rows } => bands[index] = Some(rows),
                        }
                    }
                    let page = painted_page.expect("painted");
                    let map_row = band.map(|k| {
                        let rows = bands[k].expect("painted");
                        let row = (y - place.origin[1] - k as u32 * place.band_rows) as usize;
                        &rows[row * place.row_bytes()..(row + 1) * place.row_bytes()]
                    });
                    compose_row(page, y, map_row.map(|row| (row, place.origin[0] as usize)), &mut rgba, rgb);
                })?;
                Ok(out)
            });
            self.paint_all(Some(&mut page), &mut map, place, &|part| {
                let _ = sender.send(part);
            });
            drop(sender);
            encoder.join().expect("the PNG encoder does not panic")
        })
    }

    /// The page and the map's pixmap (which covers the pixels the map rectangle
    /// touches) at `scale`, and where the map goes.
    fn canvases(&self, scale: f32) -> Result<(Pixmap, Vec<u8>, MapPlace), ExportError> {
        let [width, height] = self.size_at(scale)?;
        let page = Pixmap::new(width, height)
            .ok_or_else(|| ExportError::Render(format!("cannot allocate {width}x{height} pixels")))?;
        let place = self.map_place(scale)?;
        Ok((page, vec![0u8; place.size[0] as usize * place.size[1] as usize * 4], place))
    }

    /// The picture's size in pixels at `scale`, if it may be made.
    fn size_at(&self, scale: f32) -> Result<[u32; 2], ExportError> {
        let [width, height] = self.size.map(|side| ((side as f32 * scale).round() as u32).max(1));
        super::check_size(width, height)?;
        Ok([width, height])
    }

    /// Where the map's own pixmap goes on the page at `scale`, and its size.
    fn map_place(&self, scale: f32) -> Result<MapPlace, ExportError> {
        let [width, height] = self.size_at(scale)?;
        let (sx, sy) = (width as f32 / self.size[0] as f32, height as f32 / self.size[1] as f32);
        let [min, max] = self.map_rect;
        let x0 = (min[0] * sx).floor().clamp(0.0, width as f32) as u32;
        let y0 = (min[1] * sy).floor().clamp(0.0, height as f32) as u32;
        let x1 = (max[0] * sx).ceil().clamp(0.0, width as f32) as u32;
        let y1 = (max[1] * sy).ceil().clamp(0.0, height as f32) as u32;
        let size = [x1.saturating_sub(x0), y1.saturating_sub(y0)];
        // How much of its edge pixels the map's rectangle covers: the SVG's clip is
        // antialiased, and at a preview's scale these pixels are not under the frame.
        let cover =
            |low: f32, high: f32, pixel: u32| (high.min(pixel as f32 + 1.0) - low.max(pixel as f32)).clamp(0.0, 1.0);
        let (low, high) = ([min[0] * sx, min[1] * sy], [max[0] * sx, max[1] * sy]);
        let place = MapPlace {
            origin: [x0, y0],
            edge_cover: [
                cover(low[0], high[0], x0),
                cover(low[1], high[1], y0),
                cover(low[0], high[0], x1.saturating_sub(1)),
                cover(low[1], high[1], y1.saturating_sub(1)),
            ],
            size,
            band_rows: size[1].div_ceil(MAP_BANDS).max(1),
            to_pixels: Transform::from_scale(sx, sy),
        };
        Ok(place)
    }

    /// Paints the page and the map on two threads, which take jobs in turn: the
    /// page around the map first, then the map in bands of rows from the top (their
    /// costs differ, so several). Each part is handed to `painted` when done.
    fn paint_all<'a>(
        &self,
        page: Option<&'a mut Pixmap>,
        map: &'a mut [u8],
        place: MapPlace,
        painted: &(dyn Fn(Painted<'a>) + Sync),
    ) {
        enum Job<'a> {
            Page(&'a mut Pixmap),
            Band { index: usize, rows: &'a mut [u8] },
        }
        let mut jobs: Vec<Job<'a>> = page.map(Job::Page).into_iter().collect();
        if place.size[0] > 0 {
            let chunk = place.band_rows as usize * place.row_bytes();
            jobs.extend(map.chunks_mut(chunk).enumerate().map(|(index, rows)| Job::Band { index, rows }));
        }
        let jobs: Vec<std::sync::Mutex<Option<Job<'a>>>> = jobs.into_iter().map(|job| Some(job).into()).collect();
        let next = std::sync::atomic::AtomicUsize::new(0);
        let work = || {
            while let Some(job) = jobs.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
                match job.lock().expect("one taker").take() {
                    Some(Job::Page(page)) => {
                        page.fill(self.paper);
                        let mut pixmap = page.as_mut();
                        for ops in [&self.under, &self.over, &self.over_map] {
                            self.paint(ops, &mut pixmap, place.to_pixels);
                        }
                        painted(Painted::Page(page));
                    }
                    Some(Job::Band { index, rows }) => {
                        let count = (rows.len() / place.row_bytes()) as u32;
                        if let Some(mut pixmap) = PixmapMut::from_bytes(rows, place.size[0], count) {
                            let transform = place.band_transform(index);
                            self.paint(&self.map, &mut pixmap, transform);
                            self.paint(&self.over_map, &mut pixmap, transform);
                        }
                        place.clip_edges(index, rows);
                        painted(Painted::Band { index, rows });
                    }
                    None => {}
                }
            }
        };
        std::thread::scope(|threads| {
            threads.spawn(work);
            work();
        });
    }

    fn paint(&self, ops: &[Op], pixmap: &mut PixmapMut<'_>, transform: Transform) {
        let mut paint = Paint { anti_alias: true, ..Paint::default() };
        let resolution = PathStroker::compute_resolution_scale(&transform);
        for op in ops {
            paint.set_color(colour(op.colour));
            let path = &self.paths[op.path];
            match &op.how {
                How::Fill(rule) => pixmap.fill_path(path, &paint, *rule, transform, None),
                // tiny-skia draws strokes up to a pixel wide as hairlines.
                How::Stroke(stroke) if stroke.width * resolution <= 1.0 => {
                    pixmap.stroke_path(path, &paint, stroke, transform, None)
                }
                How::Stroke(stroke) => {
                    if let Some(outline) = op.outline.get_or_init(|| stroke_outline(path, stroke, resolution)) {
                        pixmap.fill_path(outline, &paint, FillRule::Winding, transform, None);
                    }
                }
            }
        }
    }
}

/// How many bands of rows the map is painted in: enough that two threads finish
/// together although some bands hold far more of the map than others.
const MAP_BANDS: u32 = 6;

/// A part of the picture that is painted.
enum Painted<'a> {
    Page(&'a Pixmap),
    Band { index: usize, rows: &'a [u8] },
}

/// Where the map's own pixmap goes on the page, and its bands.
#[derive(Clone, Copy)]
struct MapPlace {
    /// Its top left pixel on the page.
    origin: [u32; 2],
    /// The share of its left column, top row, right column and bottom row inside
    /// the map's rectangle.
    edge_cover: [f32; 4],
    /// Its width and height in pixels.
    size: [u32; 2],
    /// Rows in each band (the last may hold fewer).
    band_rows: u32,
    /// From layout units to page pixels.
    to_pixels: Transform,
}

impl MapPlace {
    fn row_bytes(self) -> usize {
        self.size[0] as usize * 4
    }

    fn bands(self) -> u32 {
        if self.size[0] == 0 { 0 } else { self.size[1].div_ceil(self.band_rows) }
    }

    /// The band holding page row `y`, if the map crosses it.
    fn band_of(self, y: u32) -> Option<usize> {
        let row = y.checked_sub(self.origin[1]).filter(|&row| row < self.size[1] && self.size[0] > 0)?;
        Some((row / self.band_rows) as usize)
    }

    /// Fades the pixels of band `index` (its `rows`) on the map's edges by how much
    /// of them the map's rectangle covers: what was painted there reaches past it.
    fn clip_edges(self, index: usize, rows: &mut [u8]) {
        let row_bytes = self.row_bytes();
        let [left, top, right, bottom] = self.edge_cover;
        let fade = |pixel: &mut [u8], cover: f32| {
            for channel in pixel {
                *channel = (f32::from(*channel) * cover).round() as u8;
            }
        };
        let first_row = index as u32 * self.band_rows;
        for (k, row) in rows.chunks_exact_mut(row_bytes).enumerate() {
            let y = first_row + k as u32;
            let vertical = if y == 0 {
                top
            } else if y + 1 == self.size[1] {
                bottom
            } else {
                1.0
            };
            if vertical < 1.0 {
                row.chunks_exact_mut(4).for_each(|pixel| fade(pixel, vertical));
            }
            if left < 1.0 {
                fade(&mut row[..4], left);
            }
            if right < 1.0 {
                fade(&mut row[row_bytes - 4..], right);
            }
        }
    }

    /// From layout units to the pixels of band `index`.
    fn band_transform(self, index: usize) -> Transform {
        let top = self.origin[1] + index as u32 * self.band_rows;
        self.to_pixels.post_translate(-(self.origin[0] as f32), -(top as f32))
    }
}

/// A rendered picture: the page, and the map in its own pixmap (its clip) to be
/// laid over it. Every pixel is opaque: the paper is, and everything is painted
/// over it.
pub(super) struct Rendered {
    page: Pixmap,
    /// Premultiplied RGBA rows of the map.
    map: Vec<u8>,
    place: MapPlace,
}

impl Rendered {
    /// The whole picture in one pixmap.
    pub fn into_pixmap(mut self) -> Pixmap {
        let (row_bytes, map_row_bytes) = (self.page.width() as usize * 4, self.place.row_bytes());
        for y in 0..self.page.height() {
            if self.place.band_of(y).is_none() {
                continue;
            }
            let row = (y - self.place.origin[1]) as usize;
            let start = y as usize * row_bytes + self.place.origin[0] as usize * 4;
            lay_over(
                &mut self.page.data_mut()[start..start + map_row_bytes],
                &self.map[row * map_row_bytes..(row + 1) * map_row_bytes],
            );
        }
        self.page
    }
}

/// Page row `y` with the map's row (and where it starts) laid over it, as RGB.
fn compose_row(page: &Pixmap, y: u32, map: Option<(&[u8], usize)>, rgba: &mut [u8], rgb: &mut [u8]) {
    let row_bytes = page.width() as usize * 4;
    let page_row = &page.data()[y as usize * row_bytes..(y as usize + 1) * row_bytes];
    let row = match map {
        Some((map, x0)) => {
            rgba.copy_from_slice(page_row);
            lay_over(&mut rgba[x0 * 4..x0 * 4 + map.len()], map);
            &*rgba
        }
        None => page_row,
    };
    for (out, pixel) in rgb.chunks_exact_mut(3).zip(row.chunks_exact(4)) {
        out.copy_from_slice(&pixel[..3]);
    }
}

/// Lays premultiplied pixels `source` over `target` (source over). The map is
/// opaque but for its edge, so nearly every pixel is a copy: this cost a sixth of
/// tiny-skia's general `draw_pixmap` (13 M against 81 M instructions at 1920x1080).
fn lay_over(target: &mut [u8], source: &[u8]) {
    for (dst, src) in target.chunks_exact_mut(4).zip(source.chunks_exact(4)) {
        match src[3] {
            255 => dst.copy_from_slice(src),
            0 => {}
            alpha => {
                let keep = u16::from(255 - alpha);
                for (d, s) in dst.iter_mut().zip(src) {
                    *d = s + ((u16::from(*d) * keep + 127) / 255) as u8;
                }
            }
        }
    }
}

fn colour(c: Rgba8) -> Color {
    let [r, g, b, a] = c.0;
    Color::from_rgba8(r, g, b, a)
}

/// The area a stroke covers, dashes included, as tiny-skia's painter makes it.
fn stroke_outline(path: &Path, stroke: &skia::Stroke, resolution: f32) -> Option<Path> {
    match &stroke.dash {
        Some(dash) => path.dash(dash, resolution)?.stroke(stroke, resolution),
        None => path.stroke(stroke, resolution),
    }
}

fn stroke(line: Line, join: LineJoin) -> How {
    How::Stroke(skia::Stroke {
        width: line.width,
        miter_limit: 4.0,
        line_cap: LineCap::Butt,
        line_join: join,
        dash: line.dash.and_then(|[on, off]| StrokeDash::new(vec![on, off], 0.0)),
    })
}

/// Hatch lines `width` wide as one path of rectangles: what butt-capped strokes of
/// them cover, without the stroker's work for each of thousands of segments. They
/// are the SVG's lines, so the two painters draw the same stripes. (A repeated
/// stripe tile as a pattern fill was measured too: 8 % more instructions for the
/// whole export, tiny-skia's bilinear sampling costing more than the thin edges.)
fn hatch_path(segments: &[[[f32; 2]; 2]], width: f32) -> Option<Path> {
    let mut builder = PathBuilder::with_capacity(segments.len() * 5, segments.len() * 4);
    for [a, b] in segments {
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let length = dx.hypot(dy);
        if length <= 0.0 {
            continue;
        }
        let (nx, ny) = (-dy / length * width / 2.0, dx / length * width / 2.0);
        builder.move_to(a[0] + nx, a[1] + ny);
        builder.line_to(b[0] + nx, b[1] + ny);
        builder.line_to(b[0] - nx, b[1] - ny);
        builder.line_to(a[0] - nx, a[1] - ny);
        builder.close();
    }
    builder.finish()
}

fn rect_path(min: [f32; 2], size: [f32; 2]) -> Option<Path> {
    skia::Rect::from_xywh(min[0], min[1], size[0], size[1]).map(PathBuilder::from_rect)
}

/// Collects a glyph outline into a tiny-skia path.
struct PathPen(PathBuilder);

impl OutlinePen for PathPen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.quad_to(cx0, cy0, x, y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.cubic_to(cx0, cy0, cx1, cy1, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

impl Canvas for RasterCanvas<'_> {
    fn begin(&mut self, width: u32, height: u32, paper: Rgba8) {
        self.size = [width, height];
        self.paper = colour(paper.opaque());
    }

    fn text(&mut self, at: [f32; 2], size: f32, fill: Rgba8, anchor: Anchor, content: &str) {
        let path = self.text_path(at, size, anchor, content);
        self.push(path, fill.opaque(), How::Fill(FillRule::Winding));
    }

    fn rect(&mut self, min: [f32; 2], size: [f32; 2], fill: Option<Rgba8>, line: Option<Line>) {
        let Some(path) = rect_path(min, size) else { return };
        self.paths.push(path);
        let index = self.paths.len() - 1;
        if let Some(fill) = fill {
            self.push_op(index, fill.opaque(), How::Fill(FillRule::Winding));
        }
        if let Some(line) = line {
            self.push_op(index, line.colour.opaque(), stroke(line, LineJoin::Miter));
        }
    }

    fn striped_rect(&mut self, min: [f32; 2], size: [f32; 2], tint: Rgba8, stripes: Stripes, outline: Line) {
        self.rect(min, size, Some(tint), None);
        let [x0, y0, x1, y1] = [min[0], min[1], min[0] + size[0], min[1] + size[1]];
        let ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
        if let Some(segments) = hatch_segments(std::iter::once(ring.into_iter()), stripes) {
            // The SVG's pattern has no opacity of its own.
            self.push(hatch_path(&segments, stripes.width), stripes.colour.opaque(), How::Fill(FillRule::Winding));
        }
        self.rect(min, size, None, Some(outline));
    }

    fn define_countries(
        &mut self,
        map_min: [f32; 2],
        map_max: [f32; 2],
        framing: Framing,
        countries: &[(usize, &[Vec<[f32; 2]>])],
    ) {
        self.map_rect = [map_min, map_max];
        for &(index, rings) in countries {
            let mut builder = PathBuilder::new();
            for ring in rings {
                for (k, &p) in ring.iter().enumerate() {
                    let [x, y] = framing.apply(p);
                    if k == 0 { builder.move_to(x, y) } else { builder.line_to(x, y) }
                }
                builder.close();
            }
            if let Some(path) = builder.finish() {
                self.paths.push(path);
                self.countries.insert(index, self.paths.len() - 1);
            }
        }
    }

    fn begin_map(&mut self, map_min: [f32; 2], map_max: [f32; 2], sea: Rgba8) {
        self.layer = Layer::Map;
        self.rect(map_min, [map_max[0] - map_min[0], map_max[1] - map_min[1]], Some(sea), None);
    }

    fn fill_countries(&mut self, fills: &[(usize, Rgba8)]) {
        for &(country, fill) in fills {
            if let Some(path) = self.country_path(country) {
                self.push_op(path, fill.opaque(), How::Fill(FillRule::EvenOdd));
            }
        }
    }

    fn hatch(&mut self, rings: &[Vec<[f32; 2]>], framing: Framing, stripes: Stripes) {
        let rings = rings.iter().map(|ring| ring.iter().map(|&p| framing.apply(p)));
        if let Some(segments) = hatch_segments(rings, stripes) {
            self.push(hatch_path(&segments, stripes.width), stripes.colour, How::Fill(FillRule::Winding));
        }
    }

    fn borders(&mut self, countries: &[usize], line: Line) {
        for &country in countries {
            if let Some(path) = self.country_path(country) {
                self.push_op(path, line.colour.opaque(), stroke(line, LineJoin::Round));
            }
        }
    }

    fn outline_country(&mut self, country: usize, mark: OutlineMark) {
        let Some(path) = self.country_path(country) else { return };
        let (colour, how) = match mark {
            OutlineMark::Dashed(line) => (line.colour.opaque(), stroke(line, LineJoin::Miter)),
            OutlineMark::Change(line) => (line.colour.opaque(), stroke(line, LineJoin::Round)),
            OutlineMark::Highlight(line) => (line.colour, stroke(line, LineJoin::Round)),
        };
        self.push_op(path, colour, how);
    }

    fn curve(&mut self, [start, control, end]: [[f32; 2]; 3], line: Line) {
        let mut builder = PathBuilder::new();
        builder.move_to(start[0], start[1]);
        builder.quad_to(control[0], control[1], end[0], end[1]);
        self.push(builder.finish(), line.colour, stroke(line, LineJoin::Miter));
    }

    fn arrowhead(&mut self, [a, b, c]: [[f32; 2]; 3], fill: Rgba8) {
        let mut builder = PathBuilder::new();
        builder.move_to(a[0], a[1]);
        builder.line_to(b[0], b[1]);
        builder.line_to(c[0], c[1]);
        builder.close();
        self.push(builder.finish(), fill, How::Fill(FillRule::Winding));
    }

    fn labels(&mut self, labels: &[PlacedLabel], size: f32, fill: Rgba8, halo: Line) {
        for label in labels {
            let Some(path) = self.text_path(label_baseline(label, size), size, Anchor::Middle, &label.text) else {
                continue;
            };
            self.paths.push(path);
            let index = self.paths.len() - 1;
            self.push_op(index, halo.colour, stroke(halo, LineJoin::Round));
            self.push_op(index, fill.opaque(), How::Fill(FillRule::Winding));
        }
    }

    fn end_map(&mut self) {
        self.layer = Layer::Over;
    }
}
