//! The briefing picture's layout, drawn on any [`Canvas`].
//!
//! ```text
//! +--------------------------------------------------+
//! | Title                                            |
//! | Subtitle                                         |
//! +-------------------------------------+------------+
//! |                                     | Legend     |
//! |              map                    |  layers    |
//! |                                     |  statuses  |
//! |                                     |  overlaps  |
//! +-------------------------------------+------------+
//! | As of 2026-11-23 · disputed-areas rule           |
//! | Sources · Natural Earth attribution              |
//! +--------------------------------------------------+
//! ```

use super::canvas::{Anchor, Canvas, Line, OutlineMark, Stripes};
use super::text::TextMeasure;
use super::{Highlight, Picture};
use crate::geometry::MapGeometry;
use crate::model::View;
use crate::scene::{
    Framing, HATCH_PERIOD_PX, HatchWeight, LegendKey, Scene, arc_curve, labelled_countries, max_shape_error_km,
    place_labels,
};

/// The words on a briefing picture that do not come from the scene.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefingText {
    /// Title.
    pub title: String,
    /// Subtitle (may be empty).
    pub subtitle: String,
}

/// A canvas with the font measure the layout wraps and places text by.
struct Page<'c, 'm, C> {
    canvas: &'c mut C,
    measure: &'m TextMeasure<'m>,
    /// Pixels per design unit: the layout is designed for 1080 pixels high.
    u: f32,
}

impl<C: Canvas> Page<'_, '_, C> {
    /// Wrapped text; returns the y below the last line.
    fn paragraph(
        &mut self,
        x: f32,
        mut y: f32,
        size: f32,
        fill: crate::scene::Rgba8,
        width: f32,
        content: &str,
    ) -> f32 {
        for line in self.measure.wrap(content, size, width) {
            y += size * 1.25;
            self.canvas.text([x, y], size, fill, Anchor::Start, &line);
        }
        y
    }
}

/// Draws `picture` on `canvas`.
pub(super) fn draw_briefing(canvas: &mut impl Canvas, picture: &Picture<'_>) {
    let Picture { scene, text, view, fonts, width, height, highlight } = *picture;
    let measure = &TextMeasure::new(fonts.bytes());
    let (w, h) = (width as f32, height as f32);
    let PageLayout { u, margin, title_y, subtitle_y, footer_size, footer, map_min, map_max } =
        page_layout(scene, text, measure, w, h);
    let palette = &scene.palette;
    let mut page = Page { canvas, measure, u };
    page.canvas.begin(width, height, palette.paper);

    // Header.
    page.canvas.text([margin, title_y], TITLE_SIZE * u, palette.ink, Anchor::Start, &text.title);
    if let Some(y) = subtitle_y {
        page.canvas.text([margin, y], SUBTITLE_SIZE * u, palette.ink_muted, Anchor::Start, &text.subtitle);
    }
    let legend_width = legend_width(w, u);
    let (map_top, map_bottom) = (map_min[1], map_max[1]);
    let framing = map_framing(scene, view, map_min, map_max);
    // Zoomed in far enough, the map is drawn from the 1:10m shapes, and the footer
    // says so ("1:10m" is as long as "1:50m": the lines wrap as measured).
    let shapes = scene.shapes_at(framing.px_per_km);
    let footer = if std::ptr::eq(shapes, &*scene.geometry) {
        footer
    } else {
        footer_lines(scene, &shapes.source, measure, footer_size, w - 2.0 * margin)
    };

    draw_map(&mut page, scene, framing, map_min, map_max, highlight);
    draw_legend(&mut page, scene, [map_max[0] + 16.0 * u, map_top], legend_width, map_bottom, highlight);

    // Footer.
    let mut fy = map_bottom + 6.0 * u;
    for line in &footer {
        fy += footer_size * 1.35;
        page.canvas.text([margin, fy], footer_size, palette.ink_footer, Anchor::Start, line);
    }
}

const TITLE_SIZE: f32 = 34.0;
const SUBTITLE_SIZE: f32 = 19.0;
const FOOTER_SIZE: f32 = 13.0;

/// Where the parts of a briefing picture go, in pixels.
struct PageLayout {
    /// The unit every size is scaled by: 1 on a 1080-pixel-high picture.
    u: f32,
    margin: f32,
    title_y: f32,
    subtitle_y: Option<f32>,
    footer_size: f32,
    /// The footer, wrapped to the picture's width.
    footer: Vec<String>,
    map_min: [f32; 2],
    map_max: [f32; 2],
}

/// The legend column's width.
fn legend_width(w: f32, u: f32) -> f32 {
    (w * 0.25).clamp(220.0 * u, 460.0 * u)
}

/// Lays out header, footer, legend column and map: the footer is measured first,
/// so the map gets the rest.
fn page_layout(scene: &Scene, text: &BriefingText, measure: &TextMeasure<'_>, w: f32, h: f32) -> PageLayout {
    let u = (h / 1080.0).min(w / 1200.0).max(0.05);
    let margin = 24.0 * u;
    let title_y = margin + TITLE_SIZE * u;
    let subtitle_y = (!text.subtitle.trim().is_empty()).then_some(title_y + SUBTITLE_SIZE * u * 1.45);
    let map_top = subtitle_y.unwrap_or(title_y) + 14.0 * u;
    let footer_size = FOOTER_SIZE * u;
    let footer = footer_lines(scene, &scene.geometry.source, measure, footer_size, w - 2.0 * margin);
    let footer_height = footer.len() as f32 * footer_size * 1.35 + margin;
    let map_bottom = h - footer_height - 6.0 * u;
    let map_min = [margin, map_top];
    let map_max = [w - margin - legend_width(w, u) - 16.0 * u, map_bottom.max(map_top + 10.0)];
    PageLayout { u, margin, title_y, subtitle_y, footer_size, footer, map_min, map_max }
}

/// The scale of the map in a briefing picture of `width` x `height` framed on
/// `view`, in pixels per plane kilometre: an exporter compares it with
/// [`crate::geometry::DETAIL_FROM_PX_PER_KM`] to know whether to load the 1:10m
/// shapes before drawing.
pub fn map_px_per_km(
    scene: &Scene,
    text: &BriefingText,
    view: &View,
    measure: &TextMeasure<'_>,
    width: u32,
    height: u32,
) -> f32 {
    let layout = page_layout(scene, text, measure, width as f32, height as f32);
    map_framing(scene, view, layout.map_min, layout.map_max).px_per_km
}

/// How `view` frames the map in its rectangle of the picture.
fn map_framing(scene: &Scene, view: &View, map_min: [f32; 2], map_max: [f32; 2]) -> Framing {
    Framing::for_view(&scene.geometry, view, map_min, [map_max[0] - map_min[0], map_max[1] - map_min[1]])
}

/// The scene's footer lines, wrapped to the picture's width, naming `shapes_source`
/// (the scale drawn) where the scene names its 1:50m shapes.
fn footer_lines(scene: &Scene, shapes_source: &str, measure: &TextMeasure<'_>, size: f32, width: f32) -> Vec<String> {
    scene
        .footer
        .iter()
        .flat_map(|line| measure.wrap(&line.replace(&scene.geometry.source, shapes_source), size, width))
        .collect()
}

fn draw_map<C: Canvas>(
    page: &mut Page<'_, '_, C>,
    scene: &Scene,
    framing: Framing,
    map_min: [f32; 2],
    map_max: [f32; 2],
    highlight: Option<Highlight<'_>>,
) {
    let u = page.u;
    let palette = &scene.palette;
    let labelled: Vec<usize> = labelled_countries(scene, framing).collect();
    let canvas = &mut *page.canvas;
    let shapes = scene.shapes_at(framing.px_per_km);
    draw_map_layers(canvas, scene, shapes, framing, [map_min, map_max], u, &labelled);
    if let Some(highlight) = highlight {
        draw_highlight(canvas, u, scene, framing, highlight);
    }
    draw_labels(canvas, scene, framing, [map_min, map_max], page.measure, 13.0 * u.max(0.6), 3.0 * u.max(0.6));
    canvas.end_map();
    canvas.rect(
        map_min,
        [map_max[0] - map_min[0], map_max[1] - map_min[1]],
        None,
        Some(Line::solid(palette.map_frame, u.max(0.5))),
    );
}

/// The map's layers under its labels and highlights, drawn from `shapes` (the
/// scene's 1:50m or 1:10m ones): the sea, fills, hatches, borders, and the dashed
/// and compare-mode outlines, in that order. Outlines are simplified (and the
/// anchors of `labelled` searched) first, on two threads.
fn draw_map_layers<C: Canvas>(
    canvas: &mut C,
    scene: &Scene,
    shapes: &MapGeometry,
    framing: Framing,
    [map_min, map_max]: [[f32; 2]; 2],
    u: f32,
    labelled: &[usize],
) {
    let palette = &scene.palette;
    let visible = framing.visible_km(map_min, map_max);
    let max_error_km = max_shape_error_km(framing.px_per_km);
    let countries = &shapes.countries;
    let shown: Vec<usize> = (0..countries.len()).filter(|&i| countries[i].bounds.intersects(&visible)).collect();
    prepare_outlines_and_anchors(scene, shapes, &shown, max_error_km, labelled);
    let outlines: Vec<(usize, &[Vec<[f32; 2]>])> =
        shown.iter().map(|&i| (i, countries[i].outline_for(max_error_km).rings_km.as_slice())).collect();
    canvas.define_countries(map_min, map_max, framing, &outlines);
    canvas.begin_map(map_min, map_max, palette.sea);
    // Fills, then hatches, then borders above them all.
    let fills: Vec<_> = shown.iter().map(|&i| (i, scene.fills[i])).collect();
    canvas.fill_countries(&fills);
    let high_contrast = palette.is_high_contrast();
    for hatch in scene.hatches.iter().filter(|h| shown.contains(&h.country)) {
        let stripes = Stripes {
            colour: hatch.colour,
            angle_deg: hatch.angle_deg,
            weight: hatch.weight,
            width: hatch.weight.width_px(high_contrast) * u.max(1.0),
            period: HATCH_PERIOD_PX * u.max(1.0),
        };
        canvas.hatch(&countries[hatch.country].outline_for(max_error_km).rings_km, framing, stripes);
    }
    canvas.borders(&shown, Line::solid(palette.border, palette.border_width_px * u.max(0.75)));
    let dash = palette.dash;
    let line_unit = u.max(0.75);
    for dashed in scene.dashed.iter().filter(|d| shown.contains(&d.country)) {
        let line = Line {
            colour: dashed.colour,
            width: dash.width_px * line_unit,
            dash: Some([dash.on_px * line_unit, dash.off_px * line_unit]),
        };
        canvas.outline_country(dashed.country, OutlineMark::Dashed(line));
    }
    // Compare mode: joined solid, left dashed, changed dotted.
    let compare = palette.compare;
    for mark in scene.changes.iter().filter(|m| shown.contains(&m.country)) {
        let (colour, pattern) = compare.line(mark.kind);
        let line = Line {
            colour,
            width: compare.width_px * line_unit,
            dash: pattern.map(|(on, off)| [on * line_unit, off * line_unit]),
        };
        canvas.outline_country(mark.country, OutlineMark::Change(line));
    }
}

/// The map as the window shows it under its highlights and commitment lines, into
/// `rows` (premultiplied RGBA, transparent): `size_px` pixels of `shapes` (the
/// scene's 1:50m or 1:10m ones, as the window chose), framed by `framing` (plane
/// kilometres to these pixels), lines and hatches scaled by `pixels_per_point`,
/// and with `labels` (the font to set them in) the country names, placed by the
/// export's rule. Painted by the same painter and map layout as a PNG export, and
/// a software renderer gets one picture to draw instead of tens of thousands of
/// triangles and hundreds of glyphs.
pub fn paint_map_layers(
    scene: &Scene,
    shapes: &MapGeometry,
    framing: Framing,
    size_px: [u32; 2],
    pixels_per_point: f32,
    labels: Option<&[u8]>,
    rows: &mut [u8],
) -> Result<(), super::ExportError> {
    let mut canvas = super::raster::RasterCanvas::new(labels.unwrap_or_default());
    canvas.begin(size_px[0], size_px[1], scene.palette.sea);
    let max = [size_px[0] as f32, size_px[1] as f32];
    let labelled: Vec<usize> = match labels {
        Some(_) => labelled_countries(scene, framing).collect(),
        None => Vec::new(),
    };
    draw_map_layers(&mut canvas, scene, shapes, framing, [[0.0, 0.0], max], pixels_per_point, &labelled);
    if let Some(font) = labels {
        let (size, halo_width) = (WINDOW_LABEL_SIZE_PT * pixels_per_point, 3.0 * pixels_per_point);
        draw_labels(&mut canvas, scene, framing, [[0.0, 0.0], max], &TextMeasure::new(font), size, halo_width);
    }
    canvas.end_map();
    canvas.render_map_into(rows)
}

/// Country names `size` pixels high with a halo `halo_width` wide, placed by the
/// scene's rule so that they do not collide: one placement for the briefing and
/// the window's picture.
fn draw_labels(
    canvas: &mut impl Canvas,
    scene: &Scene,
    framing: Framing,
    [min, max]: [[f32; 2]; 2],
    measure: &TextMeasure<'_>,
    size: f32,
    halo_width: f32,
) {
    let placed = place_labels(scene, framing, min, max, |t| [measure.width(t, size), size]);
    canvas.labels(&placed, size, scene.palette.label, Line::solid(scene.palette.label_halo, halo_width));
}

/// The size of country names in the window, points: a little smaller than on a
/// briefing picture, which is read from further away.
const WINDOW_LABEL_SIZE_PT: f32 = 12.0;

/// Searches the label anchors and simplifies the outlines the map will draw, on
/// two threads taking one country at a time: these are the largest costs before
/// painting, each country's result is cached, and the two kinds of work are
/// independent.
fn prepare_outlines_and_anchors(
    scene: &Scene,
    shapes: &MapGeometry,
    shown: &[usize],
    max_error_km: f32,
    labelled: &[usize],
) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let countries = &shapes.countries;
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let task = next.fetch_add(1, Ordering::Relaxed);
            if let Some(&i) = labelled.get(task) {
                scene.geometry.countries[i].label_anchor_km();
            } else if let Some(&i) = shown.get(task - labelled.len()) {
                countries[i].outline_for(max_error_km);
            } else {
                break;
            }
        }
    };
    std::thread::scope(|threads| {
        threads.spawn(work);
        work();
    });
}

/// The selected country's outline (on a casing, as in the window) and its
/// commitment lines: the same curves and arrowheads the window draws.
fn draw_highlight(canvas: &mut impl Canvas, u: f32, scene: &Scene, framing: Framing, highlight: Highlight<'_>) {
    let u = u.max(0.6);
    let palette = &scene.palette;
    let geometry = &scene.geometry;
    if let Some(index) = geometry.index_of(highlight.detail.code) {
        let widths = palette.highlight;
        for (colour, width) in
            [(palette.selection_casing, widths.selection_casing_px), (palette.selection, widths.selection_px)]
        {
            canvas.outline_country(index, OutlineMark::Highlight(Line::solid(colour, width * u)));
        }
    }
    if !highlight.lines {
        return;
    }
    let style = palette.arcs;
    for arc in &highlight.detail.arcs {
        let (Some(a), Some(b)) = (geometry.index_of(arc.from), geometry.index_of(arc.to)) else { continue };
        let Some(curve @ [_, control, end]) = arc_curve(
            framing.apply(geometry.countries[a].label_anchor_km()),
            framing.apply(geometry.countries[b].label_anchor_km()),
        ) else {
            continue;
        };
        let line = if arc.dashed {
            Line {
                colour: arc.colour,
                width: style.basing_px * u,
                dash: Some([style.dash_on_px * u, style.dash_off_px * u]),
            }
        } else {
            Line::solid(arc.colour, style.defence_px * u)
        };
        canvas.curve(curve, line);
        if !arc.mutual {
            let (dx, dy) = (end[0] - control[0], end[1] - control[1]);
            let length = dx.hypot(dy).max(f32::EPSILON);
            let (dx, dy) = (dx / length, dy / length);
            let size = style.arrow_px * u;
            let corner =
                |side: f32| [end[0] - dx * size + dy * size * 0.5 * side, end[1] - dy * size - dx * size * 0.5 * side];
            canvas.arrowhead([end, corner(1.0), corner(-1.0)], arc.colour);
        }
    }
}

/// Lays out the scene's legend in a column; every word comes from `scene.legend`.
fn draw_legend<C: Canvas>(
    page: &mut Page<'_, '_, C>,
    scene: &Scene,
    top_left: [f32; 2],
    width: f32,
    bottom: f32,
    highlight: Option<Highlight<'_>>,
) {
    let u = page.u;
    let [x, mut y] = top_left;
    let heading = 17.0 * u;
    let body = 13.5 * u;
    let small = 11.5 * u;
    let swatch = [30.0 * u, 18.0 * u];
    let text_x = x + swatch[0] + 8.0 * u;
    let text_width = width - swatch[0] - 8.0 * u;
    let palette = &scene.palette;
    let high_contrast = palette.is_high_contrast();
    let (ink, muted, outline) = (palette.ink, palette.ink_muted, palette.swatch_outline);
    let legend = &scene.legend;

    y += heading;
    page.canvas.text([x, y], heading, ink, Anchor::Start, &legend.heading);
    y += 8.0 * u;
    match &legend.key {
        LegendKey::Patterns { note } => {
            for layer in legend.layers.iter().filter(|l| l.visible) {
                if y > bottom - 3.0 * body {
                    break;
                }
                y += 6.0 * u;
                let stripes = Stripes {
                    colour: layer.colour,
                    angle_deg: layer.angle_deg,
                    weight: HatchWeight::Bold,
                    width: HatchWeight::Bold.width_px(high_contrast) * u.max(1.0),
                    period: HATCH_PERIOD_PX * u.max(1.0),
                };
                page.canvas.striped_rect(
                    [x, y],
                    swatch,
                    palette.swatch_tint(layer.colour),
                    stripes,
                    Line::solid(outline, 0.8 * u),
                );
                // Long treaty names wrap rather than run off the picture's edge.
                let mut baseline = y + body - body * 1.25;
                for line in page.measure.wrap(&layer.title, body, text_width) {
                    baseline += body * 1.25;
                    page.canvas.text([text_x, baseline], body, ink, Anchor::Start, &line);
                }
                y = page.paragraph(text_x, baseline + 2.0 * u, small, muted, text_width, &layer.caption);
            }
            y += 4.0 * u;
            y = page.paragraph(x, y, small, muted, width, note);
        }
        LegendKey::Count { swatches, note } => {
            for key in swatches {
                y += 6.0 * u;
                page.canvas.rect([x, y], swatch, Some(key.colour), Some(Line::solid(outline, 0.8 * u)));
                page.canvas.text([text_x, y + body], body, ink, Anchor::Start, &key.label);
                y += swatch[1];
            }
            y = page.paragraph(x, y + 4.0 * u, small, muted, width, note);
        }
    }
    if !legend.hypothetical.is_empty() {
        y += 10.0 * u;
        let dash = palette.dash;
        let line = Line {
            colour: palette.hypothetical,
            width: dash.width_px * u,
            dash: Some([dash.on_px * u, dash.off_px * u]),
        };
        page.canvas.rect([x, y], swatch, None, Some(line));
        page.canvas.text([text_x, y + body], body, ink, Anchor::Start, &legend.hypothetical_heading);
        y += swatch[1];
        for line in &legend.hypothetical {
            y = page.paragraph(text_x, y, small, muted, text_width, line);
        }
    }
    if let Some(comparison) = &legend.comparison {
        y += 10.0 * u + body;
        page.canvas.text([x, y], body, ink, Anchor::Start, &comparison.heading);
        y += 4.0 * u;
        for (kind, label) in &comparison.keys {
            let (colour, pattern) = palette.compare.line(*kind);
            let line = Line {
                colour,
                width: palette.compare.width_px * u * 0.8,
                dash: pattern.map(|(on, off)| [on * u, off * u]),
            };
            page.canvas.rect([x, y], swatch, None, Some(line));
            page.canvas.text([text_x, y + body], body, ink, Anchor::Start, label);
            y += swatch[1] + 2.0 * u;
        }
        for line in &comparison.lines {
            y = page.paragraph(x, y + 2.0 * u, small, muted, width, line);
        }
    }
    if let Some(highlight) = highlight
        && let Some(index) = scene.geometry.index_of(highlight.detail.code)
    {
        let name = &scene.geometry.countries[index].name;
        let mut lines = highlight.detail.legend_text(name, highlight.lines).into_iter();
        if let Some(heading_line) = lines.next() {
            y += 14.0 * u;
            y = page.paragraph(x, y, body, ink, width, &heading_line);
        }
        for line in lines {
            y = page.paragraph(x, y + 2.0 * u, small, muted, width, &line);
        }
    }
    if legend.overlaps().next().is_some() && y < bottom - 3.0 * body {
        y += 14.0 * u + body;
        page.canvas.text([x, y], body, ink, Anchor::Start, &legend.overlaps_heading);
        for combination in legend.overlaps() {
            if y > bottom - 2.0 * small {
                break;
            }
            y = page.paragraph(x, y + 2.0 * u, small, palette.ink_footer, width, &combination.text());
        }
    }
}
