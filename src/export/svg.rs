//! The briefing picture as SVG, written straight from the scene.
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

use std::fmt::Write as _;

use super::Highlight;
use super::png::FONT_FAMILY;
use super::text::TextMeasure;
use crate::model::View;
use crate::scene::{
    Framing, HATCH_PERIOD_PX, HatchWeight, LegendKey, Rgba8, Scene, arc_curve, max_shape_error_km, place_labels,
};

/// The words on a briefing picture that do not come from the scene.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefingText {
    /// Title.
    pub title: String,
    /// Subtitle (may be empty).
    pub subtitle: String,
}

/// Escapes text for SVG content and attributes.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn opacity(c: Rgba8) -> f32 {
    f32::from(c.0[3]) / 255.0
}

struct Writer<'a> {
    out: String,
    measure: &'a TextMeasure<'a>,
    /// Pixels per design unit: the layout is designed for 1080 pixels high.
    u: f32,
}

impl Writer<'_> {
    fn text(&mut self, x: f32, y: f32, size: f32, fill: &str, anchor: &str, content: &str) {
        let _ = writeln!(
            self.out,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{size:.1}" fill="{fill}" text-anchor="{anchor}">{}</text>"#,
            esc(content)
        );
    }

    /// Wrapped text; returns the y below the last line.
    fn paragraph(&mut self, x: f32, mut y: f32, size: f32, fill: &str, width: f32, content: &str) -> f32 {
        for line in self.measure.wrap(content, size, width) {
            y += size * 1.25;
            self.text(x, y, size, fill, "start", &line);
        }
        y
    }
}

/// Writes the briefing picture of `scene` at `width` x `height` pixels, framed on
/// `view`.
pub fn scene_to_svg(
    scene: &Scene,
    text: &BriefingText,
    view: &View,
    measure: &TextMeasure<'_>,
    width: u32,
    height: u32,
    highlight: Option<Highlight<'_>>,
) -> String {
    let (w, h) = (width as f32, height as f32);
    let PageLayout { u, margin, title_y, subtitle_y, footer_size, footer, map_min, map_max } =
        page_layout(scene, text, measure, w, h);
    let palette = &scene.palette;
    let mut wr = Writer { out: String::new(), measure, u };
    let _ = writeln!(
        wr.out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT_FAMILY}">"#
    );
    let _ = writeln!(wr.out, r#"<rect width="{w}" height="{h}" fill="{}"/>"#, palette.paper.hex());

    // Header.
    wr.text(margin, title_y, TITLE_SIZE * u, &palette.ink.hex(), "start", &text.title);
    if let Some(y) = subtitle_y {
        wr.text(margin, y, SUBTITLE_SIZE * u, &palette.ink_muted.hex(), "start", &text.subtitle);
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

    write_defs(&mut wr, scene, framing, map_min, map_max);
    write_map(&mut wr, scene, framing, map_min, map_max, highlight);
    write_legend(&mut wr, scene, [map_max[0] + 16.0 * u, map_top], legend_width, map_bottom, highlight);

    // Footer.
    let mut fy = map_bottom + 6.0 * u;
    for line in &footer {
        fy += footer_size * 1.35;
        wr.text(margin, fy, footer_size, &palette.ink_footer.hex(), "start", line);
    }
    wr.out.push_str("</svg>\n");
    wr.out
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

fn pattern_id(colour: Rgba8, angle_deg: f32, weight: HatchWeight) -> String {
    let [r, g, b, a] = colour.0;
    format!("h{r:02x}{g:02x}{b:02x}{a:02x}-{}-{:?}", (angle_deg * 10.0).round() as i32, weight)
}

/// Country outlines (as reusable paths), hatch patterns and the map clip.
fn write_defs(wr: &mut Writer<'_>, scene: &Scene, framing: Framing, map_min: [f32; 2], map_max: [f32; 2]) {
    wr.out.push_str("<defs>\n");
    let _ = writeln!(
        wr.out,
        r#"<clipPath id="map-clip"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/></clipPath>"#,
        map_min[0],
        map_min[1],
        map_max[0] - map_min[0],
        map_max[1] - map_min[1]
    );
    let visible = framing.visible_km(map_min, map_max);
    let max_error_km = max_shape_error_km(framing.px_per_km);
    for (index, country) in scene.shapes_at(framing.px_per_km).countries.iter().enumerate() {
        if !country.bounds.intersects(&visible) {
            continue;
        }
        let _ = write!(wr.out, r#"<path id="c{index}" d=""#);
        for ring in &country.outline_for(max_error_km).rings_km {
            for (k, p) in ring.iter().enumerate() {
                let [x, y] = framing.apply(*p);
                let _ = write!(wr.out, "{}{x:.1} {y:.1}", if k == 0 { "M" } else { "L" });
            }
            wr.out.push('Z');
        }
        wr.out.push_str("\"/>\n");
    }
    wr.out.push_str("</defs>\n");
}

fn write_map(
    wr: &mut Writer<'_>,
    scene: &Scene,
    framing: Framing,
    map_min: [f32; 2],
    map_max: [f32; 2],
    highlight: Option<Highlight<'_>>,
) {
    let u = wr.u;
    let palette = &scene.palette;
    let visible = framing.visible_km(map_min, map_max);
    let countries = &scene.shapes_at(framing.px_per_km).countries;
    let shown: Vec<usize> = (0..countries.len()).filter(|&i| countries[i].bounds.intersects(&visible)).collect();
    let _ = writeln!(wr.out, r#"<g clip-path="url(#map-clip)">"#);
    let _ = writeln!(
        wr.out,
        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"#,
        map_min[0],
        map_min[1],
        map_max[0] - map_min[0],
        map_max[1] - map_min[1],
        palette.sea.hex()
    );
    // Fills, then hatches, then borders above them all.
    let _ = writeln!(wr.out, r#"<g fill-rule="evenodd">"#);
    for &i in &shown {
        let _ = writeln!(wr.out, r##"<use xlink:href="#c{i}" fill="{}"/>"##, scene.fills[i].hex());
    }
    wr.out.push_str("</g>\n");
    write_hatches(wr, scene, framing, &shown);
    let _ = writeln!(
        wr.out,
        r#"<g fill="none" stroke="{}" stroke-width="{:.2}" stroke-linejoin="round">"#,
        palette.border.hex(),
        palette.border_width_px * u.max(0.75)
    );
    for &i in &shown {
        let _ = writeln!(wr.out, r##"<use xlink:href="#c{i}"/>"##);
    }
    wr.out.push_str("</g>\n");
    let dash = palette.dash;
    for dashed in scene.dashed.iter().filter(|d| shown.contains(&d.country)) {
        let _ = writeln!(
            wr.out,
            r##"<use xlink:href="#c{}" fill="none" stroke="{}" stroke-width="{:.2}" stroke-dasharray="{:.1} {:.1}"/>"##,
            dashed.country,
            dashed.colour.hex(),
            dash.width_px * u.max(0.75),
            dash.on_px * u.max(0.75),
            dash.off_px * u.max(0.75)
        );
    }
    // Compare mode: joined solid, left dashed, changed dotted.
    let compare = palette.compare;
    for mark in scene.changes.iter().filter(|m| shown.contains(&m.country)) {
        let (colour, pattern) = compare.line(mark.kind);
        let dashes = pattern.map_or(String::new(), |(on, off)| {
            format!(r#" stroke-dasharray="{:.1} {:.1}""#, on * u.max(0.75), off * u.max(0.75))
        });
        let _ = writeln!(
            wr.out,
            r##"<use xlink:href="#c{}" fill="none" stroke="{}" stroke-width="{:.2}" stroke-linejoin="round"{dashes}/>"##,
            mark.country,
            colour.hex(),
            compare.width_px * u.max(0.75),
        );
    }
    if let Some(highlight) = highlight {
        write_highlight(wr, scene, framing, highlight);
    }
    // Labels with a halo, placed so they do not collide.
    let size = 13.0 * u.max(0.6);
    let measure = wr.measure;
    let labels = place_labels(scene, framing, map_min, map_max, |t| [measure.width(t, size), size]);
    let _ = writeln!(
        wr.out,
        r#"<g font-size="{size:.1}" text-anchor="middle" fill="{}" stroke="{}" stroke-opacity="{:.2}" stroke-width="{:.1}" paint-order="stroke" stroke-linejoin="round">"#,
        palette.label.hex(),
        palette.label_halo.hex(),
        opacity(palette.label_halo),
        3.0 * u.max(0.6)
    );
    for label in labels {
        let _ = writeln!(
            wr.out,
            r#"<text x="{:.1}" y="{:.1}">{}</text>"#,
            label.centre_px[0],
            label.centre_px[1] + size * 0.35,
            esc(&label.text)
        );
    }
    wr.out.push_str("</g>\n</g>\n");
    let _ = writeln!(
        wr.out,
        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="{}" stroke-width="{:.2}"/>"#,
        map_min[0],
        map_min[1],
        map_max[0] - map_min[0],
        map_max[1] - map_min[1],
        palette.map_frame.hex(),
        u.max(0.5)
    );
}

/// The selected country's outline (on a casing, as in the window) and its
/// commitment lines: the same curves and arrowheads the window draws.
fn write_highlight(wr: &mut Writer<'_>, scene: &Scene, framing: Framing, highlight: Highlight<'_>) {
    let u = wr.u.max(0.6);
    let palette = &scene.palette;
    let geometry = &scene.geometry;
    if let Some(index) = geometry.index_of(highlight.detail.code) {
        let widths = palette.highlight;
        for (colour, width) in
            [(palette.selection_casing, widths.selection_casing_px), (palette.selection, widths.selection_px)]
        {
            let _ = writeln!(
                wr.out,
                r##"<use xlink:href="#c{index}" fill="none" stroke="{}" stroke-opacity="{:.2}" stroke-width="{:.2}" stroke-linejoin="round"/>"##,
                colour.hex(),
                opacity(colour),
                width * u
            );
        }
    }
    if !highlight.lines {
        return;
    }
    let style = palette.arcs;
    for arc in &highlight.detail.arcs {
        let (Some(a), Some(b)) = (geometry.index_of(arc.from), geometry.index_of(arc.to)) else { continue };
        let Some([start, control, end]) = arc_curve(
            framing.apply(geometry.countries[a].label_anchor_km()),
            framing.apply(geometry.countries[b].label_anchor_km()),
        ) else {
            continue;
        };
        let (width, dashes) = if arc.dashed {
            (
                style.basing_px,
                format!(r#" stroke-dasharray="{:.1} {:.1}""#, style.dash_on_px * u, style.dash_off_px * u),
            )
        } else {
            (style.defence_px, String::new())
        };
        let _ = writeln!(
            wr.out,
            r#"<path d="M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}" fill="none" stroke="{}" stroke-opacity="{:.2}" stroke-width="{:.2}"{dashes}/>"#,
            start[0],
            start[1],
            control[0],
            control[1],
            end[0],
            end[1],
            arc.colour.hex(),
            opacity(arc.colour),
            width * u
        );
        if !arc.mutual {
            let (dx, dy) = (end[0] - control[0], end[1] - control[1]);
            let length = dx.hypot(dy).max(f32::EPSILON);
            let (dx, dy) = (dx / length, dy / length);
            let size = style.arrow_px * u;
            let corner =
                |side: f32| [end[0] - dx * size + dy * size * 0.5 * side, end[1] - dy * size - dx * size * 0.5 * side];
            let (left, right) = (corner(1.0), corner(-1.0));
            let _ = writeln!(
                wr.out,
                r#"<path d="M{:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} Z" fill="{}" fill-opacity="{:.2}"/>"#,
                end[0],
                end[1],
                left[0],
                left[1],
                right[0],
                right[1],
                arc.colour.hex(),
                opacity(arc.colour)
            );
        }
    }
}

/// Hatches as line segments clipped to each country, with the same screen-fixed
/// phase as the window's stripe texture: lines run where `x·sin θ + y·cos θ` is
/// within the line width of a multiple of the period. Clipped lines rasterise
/// about twice as fast as SVG pattern fills, and the SVG carries the real lines
/// rather than a renderer-dependent pattern.
///
/// The clipping is a scanline even-odd test of each line against the outline's
/// edges (islands and lakes included) rather than geo's general boolean
/// operations, which cost five times more for these many short lines.
fn write_hatches(wr: &mut Writer<'_>, scene: &Scene, framing: Framing, shown: &[usize]) {
    let countries = &scene.shapes_at(framing.px_per_km).countries;
    let u = wr.u.max(1.0);
    let period = HATCH_PERIOD_PX * u;
    let high_contrast = scene.palette.is_high_contrast();
    let max_error_km = max_shape_error_km(framing.px_per_km);
    for hatch in scene.hatches.iter().filter(|h| shown.contains(&h.country)) {
        let country = &countries[hatch.country];
        // Edges in a frame rotated so hatch lines are horizontal: y' = offset along
        // the normal, x' = position along the line.
        let (sin, cos) = hatch.angle_deg.to_radians().sin_cos();
        let rotate = |[x, y]: [f32; 2]| [x * cos - y * sin, x * sin + y * cos];
        let mut edges: Vec<([f32; 2], [f32; 2])> = Vec::new();
        let (mut lo, mut hi) = (f32::MAX, f32::MIN);
        for ring in &country.outline_for(max_error_km).rings_km {
            let points: Vec<[f32; 2]> = ring.iter().map(|&p| rotate(framing.apply(p))).collect();
            for pair in points.windows(2) {
                lo = lo.min(pair[0][1]);
                hi = hi.max(pair[0][1]);
                edges.push((pair[0], pair[1]));
            }
        }
        if edges.is_empty() {
            continue;
        }
        let width = hatch.weight.width_px(high_contrast) * u;
        let unrotate = |xr: f32, yr: f32| [xr * cos + yr * sin, -xr * sin + yr * cos];
        let _ = write!(
            wr.out,
            r#"<path fill="none" stroke="{}" stroke-opacity="{:.2}" stroke-width="{width:.2}" d=""#,
            hatch.colour.hex(),
            opacity(hatch.colour)
        );
        let mut crossings: Vec<f32> = Vec::new();
        let first = (lo / period).floor() as i64;
        let last = (hi / period).ceil() as i64;
        for k in first..=last {
            let y = k as f32 * period + width / 2.0;
            crossings.clear();
            for &(a, b) in &edges {
                // Half-open in y so a line through a vertex counts it once.
                if (a[1] <= y) != (b[1] <= y) {
                    crossings.push(a[0] + (y - a[1]) / (b[1] - a[1]) * (b[0] - a[0]));
                }
            }
            crossings.sort_by(f32::total_cmp);
            for pair in crossings.chunks_exact(2) {
                let [x0, y0] = unrotate(pair[0], y);
                let [x1, y1] = unrotate(pair[1], y);
                let _ = write!(wr.out, "M{x0:.1} {y0:.1}L{x1:.1} {y1:.1}");
            }
        }
        wr.out.push_str("\"/>\n");
    }
}

/// Lays out the scene's legend in a column; every word comes from `scene.legend`.
fn write_legend(
    wr: &mut Writer<'_>,
    scene: &Scene,
    top_left: [f32; 2],
    width: f32,
    bottom: f32,
    highlight: Option<Highlight<'_>>,
) {
    let u = wr.u;
    let [x, mut y] = top_left;
    let heading = 17.0 * u;
    let body = 13.5 * u;
    let small = 11.5 * u;
    let swatch = [30.0 * u, 18.0 * u];
    let text_x = x + swatch[0] + 8.0 * u;
    let text_width = width - swatch[0] - 8.0 * u;
    let palette = &scene.palette;
    let high_contrast = palette.is_high_contrast();
    let (ink, muted, outline) = (palette.ink.hex(), palette.ink_muted.hex(), palette.swatch_outline.hex());
    let legend = &scene.legend;

    y += heading;
    wr.text(x, y, heading, &ink, "start", &legend.heading);
    y += 8.0 * u;
    match &legend.key {
        LegendKey::Patterns { note } => {
            for layer in legend.layers.iter().filter(|l| l.visible) {
                if y > bottom - 3.0 * body {
                    break;
                }
                y += 6.0 * u;
                let id = pattern_id(layer.colour, layer.angle_deg, HatchWeight::Bold);
                let _ = writeln!(
                    wr.out,
                    r#"<pattern id="legend-{id}" patternUnits="userSpaceOnUse" width="{p:.2}" height="{p:.2}" patternTransform="rotate({:.1})"><rect width="{p:.2}" height="{:.2}" fill="{}"/></pattern>"#,
                    -layer.angle_deg,
                    HatchWeight::Bold.width_px(high_contrast) * u.max(1.0),
                    layer.colour.hex(),
                    p = HATCH_PERIOD_PX * u.max(1.0)
                );
                let _ = writeln!(
                    wr.out,
                    r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{}"/><rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="url(#legend-{id})" stroke="{outline}" stroke-width="{:.2}"/>"#,
                    swatch[0],
                    swatch[1],
                    palette.swatch_tint(layer.colour).hex(),
                    swatch[0],
                    swatch[1],
                    0.8 * u
                );
                // Long treaty names wrap rather than run off the picture's edge.
                let mut baseline = y + body - body * 1.25;
                for line in wr.measure.wrap(&layer.title, body, text_width) {
                    baseline += body * 1.25;
                    wr.text(text_x, baseline, body, &ink, "start", &line);
                }
                y = wr.paragraph(text_x, baseline + 2.0 * u, small, &muted, text_width, &layer.caption);
            }
            y += 4.0 * u;
            y = wr.paragraph(x, y, small, &muted, width, note);
        }
        LegendKey::Count { swatches, note } => {
            for key in swatches {
                y += 6.0 * u;
                let _ = writeln!(
                    wr.out,
                    r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{}" stroke="{outline}" stroke-width="{:.2}"/>"#,
                    swatch[0],
                    swatch[1],
                    key.colour.hex(),
                    0.8 * u
                );
                wr.text(text_x, y + body, body, &ink, "start", &key.label);
                y += swatch[1];
            }
            y = wr.paragraph(x, y + 4.0 * u, small, &muted, width, note);
        }
    }
    if !legend.hypothetical.is_empty() {
        y += 10.0 * u;
        let _ = writeln!(
            wr.out,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="{}" stroke-width="{:.2}" stroke-dasharray="{:.1} {:.1}"/>"#,
            swatch[0],
            swatch[1],
            palette.hypothetical.hex(),
            palette.dash.width_px * u,
            palette.dash.on_px * u,
            palette.dash.off_px * u
        );
        wr.text(text_x, y + body, body, &ink, "start", &legend.hypothetical_heading);
        y += swatch[1];
        for line in &legend.hypothetical {
            y = wr.paragraph(text_x, y, small, &muted, text_width, line);
        }
    }
    if let Some(comparison) = &legend.comparison {
        y += 10.0 * u + body;
        wr.text(x, y, body, &ink, "start", &comparison.heading);
        y += 4.0 * u;
        for (kind, label) in &comparison.keys {
            let (colour, pattern) = palette.compare.line(*kind);
            let dashes = pattern
                .map_or(String::new(), |(on, off)| format!(r#" stroke-dasharray="{:.1} {:.1}""#, on * u, off * u));
            let _ = writeln!(
                wr.out,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="{}" stroke-width="{:.2}"{dashes}/>"#,
                swatch[0],
                swatch[1],
                colour.hex(),
                palette.compare.width_px * u * 0.8,
            );
            wr.text(text_x, y + body, body, &ink, "start", label);
            y += swatch[1] + 2.0 * u;
        }
        for line in &comparison.lines {
            y = wr.paragraph(x, y + 2.0 * u, small, &muted, width, line);
        }
    }
    if let Some(highlight) = highlight
        && let Some(index) = scene.geometry.index_of(highlight.detail.code)
    {
        let name = &scene.geometry.countries[index].name;
        let mut lines = highlight.detail.legend_text(name, highlight.lines).into_iter();
        if let Some(heading_line) = lines.next() {
            y += 14.0 * u;
            y = wr.paragraph(x, y, body, &ink, width, &heading_line);
        }
        for line in lines {
            y = wr.paragraph(x, y + 2.0 * u, small, &muted, width, &line);
        }
    }
    if legend.overlaps().next().is_some() && y < bottom - 3.0 * body {
        y += 14.0 * u + body;
        wr.text(x, y, body, &ink, "start", &legend.overlaps_heading);
        for combination in legend.overlaps() {
            if y > bottom - 2.0 * small {
                break;
            }
            y = wr.paragraph(x, y + 2.0 * u, small, &palette.ink_footer.hex(), width, &combination.text());
        }
    }
}
