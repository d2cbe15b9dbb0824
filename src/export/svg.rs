//! The briefing picture as SVG text: the [`Canvas`] that writes what it is given,
//! country outlines once as reusable paths.

use std::fmt::Write as _;

use super::Picture;
use super::briefing::draw_briefing;
use super::canvas::{Anchor, Canvas, Line, OutlineMark, Stripes, hatch_segments, label_baseline};
use super::png::FONT_FAMILY;
use crate::scene::{Framing, PlacedLabel, Rgba8};

/// Writes `picture` as SVG text.
pub(super) fn picture_to_svg(picture: &Picture<'_>) -> String {
    let mut svg = SvgCanvas { out: String::new() };
    draw_briefing(&mut svg, picture);
    svg.out.push_str("</svg>\n");
    svg.out
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

/// ` stroke-dasharray="on off"` for a dashed line, nothing for a solid one.
fn dashes(line: Line) -> String {
    line.dash.map_or(String::new(), |[on, off]| format!(r#" stroke-dasharray="{on:.1} {off:.1}""#))
}

/// SVG text being written.
struct SvgCanvas {
    out: String,
}

impl Canvas for SvgCanvas {
    fn begin(&mut self, width: u32, height: u32, paper: Rgba8) {
        let _ = writeln!(
            self.out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT_FAMILY}">"#
        );
        let _ = writeln!(self.out, r#"<rect width="{width}" height="{height}" fill="{}"/>"#, paper.hex());
    }

    fn text(&mut self, [x, y]: [f32; 2], size: f32, fill: Rgba8, anchor: Anchor, content: &str) {
        let anchor = match anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
        };
        let _ = writeln!(
            self.out,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{size:.1}" fill="{}" text-anchor="{anchor}">{}</text>"#,
            fill.hex(),
            esc(content)
        );
    }

    fn rect(&mut self, [x, y]: [f32; 2], [w, h]: [f32; 2], fill: Option<Rgba8>, stroke: Option<Line>) {
        let fill = fill.map_or_else(|| "none".to_owned(), Rgba8::hex);
        let _ = write!(self.out, r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{fill}""#);
        if let Some(line) = stroke {
            let _ =
                write!(self.out, r#" stroke="{}" stroke-width="{:.2}"{}"#, line.colour.hex(), line.width, dashes(line));
        }
        self.out.push_str("/>\n");
    }

    fn striped_rect(&mut self, [x, y]: [f32; 2], [w, h]: [f32; 2], tint: Rgba8, stripes: Stripes, outline: Line) {
        let [r, g, b, a] = stripes.colour.0;
        let id =
            format!("h{r:02x}{g:02x}{b:02x}{a:02x}-{}-{:?}", (stripes.angle_deg * 10.0).round() as i32, stripes.weight);
        let _ = writeln!(
            self.out,
            r#"<pattern id="legend-{id}" patternUnits="userSpaceOnUse" width="{p:.2}" height="{p:.2}" patternTransform="rotate({:.1})"><rect width="{p:.2}" height="{:.2}" fill="{}"/></pattern>"#,
            -stripes.angle_deg,
            stripes.width,
            stripes.colour.hex(),
            p = stripes.period
        );
        let _ = writeln!(
            self.out,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{}"/><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="url(#legend-{id})" stroke="{}" stroke-width="{:.2}"/>"#,
            tint.hex(),
            outline.colour.hex(),
            outline.width
        );
    }

    fn define_countries(
        &mut self,
        map_min: [f32; 2],
        map_max: [f32; 2],
        framing: Framing,
        countries: &[(usize, &[Vec<[f32; 2]>])],
    ) {
        self.out.push_str("<defs>\n");
        let _ = writeln!(
            self.out,
            r#"<clipPath id="map-clip"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/></clipPath>"#,
            map_min[0],
            map_min[1],
            map_max[0] - map_min[0],
            map_max[1] - map_min[1]
        );
        for &(index, rings) in countries {
            let _ = write!(self.out, r#"<path id="c{index}" d=""#);
            for ring in rings {
                for (k, p) in ring.iter().enumerate() {
                    let [x, y] = framing.apply(*p);
                    let _ = write!(self.out, "{}{x:.1} {y:.1}", if k == 0 { "M" } else { "L" });
                }
                self.out.push('Z');
            }
            self.out.push_str("\"/>\n");
        }
        self.out.push_str("</defs>\n");
    }

    fn begin_map(&mut self, map_min: [f32; 2], map_max: [f32; 2], sea: Rgba8) {
        let _ = writeln!(self.out, r#"<g clip-path="url(#map-clip)">"#);
        self.rect(map_min, [map_max[0] - map_min[0], map_max[1] - map_min[1]], Some(sea), None);
    }

    fn fill_countries(&mut self, fills: &[(usize, Rgba8)]) {
        let _ = writeln!(self.out, r#"<g fill-rule="evenodd">"#);
        for &(i, colour) in fills {
            let _ = writeln!(self.out, r##"<use xlink:href="#c{i}" fill="{}"/>"##, colour.hex());
        }
        self.out.push_str("</g>\n");
    }

    fn hatch(&mut self, rings: &[Vec<[f32; 2]>], framing: Framing, stripes: Stripes) {
        let rings = rings.iter().map(|ring| ring.iter().map(|&p| framing.apply(p)));
        let Some(segments) = hatch_segments(rings, stripes) else { return };
        let (colour, width) = (stripes.colour, stripes.width);
        let _ = write!(
            self.out,
            r#"<path fill="none" stroke="{}" stroke-opacity="{:.2}" stroke-width="{width:.2}" d=""#,
            colour.hex(),
            opacity(colour)
        );
        for [[x0, y0], [x1, y1]] in &segments {
            let _ = write!(self.out, "M{x0:.1} {y0:.1}L{x1:.1} {y1:.1}");
        }
        self.out.push_str("\"/>\n");
    }

    fn borders(&mut self, countries: &[usize], line: Line) {
        let _ = writeln!(
            self.out,
            r#"<g fill="none" stroke="{}" stroke-width="{:.2}" stroke-linejoin="round">"#,
            line.colour.hex(),
            line.width
        );
        for &i in countries {
            let _ = writeln!(self.out, r##"<use xlink:href="#c{i}"/>"##);
        }
        self.out.push_str("</g>\n");
    }

    fn outline_country(&mut self, country: usize, mark: OutlineMark) {
        let _ = match mark {
            OutlineMark::Dashed(line) => writeln!(
                self.out,
                r##"<use xlink:href="#c{country}" fill="none" stroke="{}" stroke-width="{:.2}"{}/>"##,
                line.colour.hex(),
                line.width,
                dashes(line)
            ),
            OutlineMark::Change(line) => writeln!(
                self.out,
                r##"<use xlink:href="#c{country}" fill="none" stroke="{}" stroke-width="{:.2}" stroke-linejoin="round"{}/>"##,
                line.colour.hex(),
                line.width,
                dashes(line)
            ),
            OutlineMark::Highlight(line) => writeln!(
                self.out,
                r##"<use xlink:href="#c{country}" fill="none" stroke="{}" stroke-opacity="{:.2}" stroke-width="{:.2}" stroke-linejoin="round"/>"##,
                line.colour.hex(),
                opacity(line.colour),
                line.width
            ),
        };
    }

    fn curve(&mut self, [start, control, end]: [[f32; 2]; 3], line: Line) {
        let _ = writeln!(
            self.out,
            r#"<path d="M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}" fill="none" stroke="{}" stroke-opacity="{:.2}" stroke-width="{:.2}"{}/>"#,
            start[0],
            start[1],
            control[0],
            control[1],
            end[0],
            end[1],
            line.colour.hex(),
            opacity(line.colour),
            line.width,
            dashes(line)
        );
    }

    fn arrowhead(&mut self, [a, b, c]: [[f32; 2]; 3], fill: Rgba8) {
        let _ = writeln!(
            self.out,
            r#"<path d="M{:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} Z" fill="{}" fill-opacity="{:.2}"/>"#,
            a[0],
            a[1],
            b[0],
            b[1],
            c[0],
            c[1],
            fill.hex(),
            opacity(fill)
        );
    }

    fn labels(&mut self, labels: &[PlacedLabel], size: f32, fill: Rgba8, halo: Line) {
        let _ = writeln!(
            self.out,
            r#"<g font-size="{size:.1}" text-anchor="middle" fill="{}" stroke="{}" stroke-opacity="{:.2}" stroke-width="{:.1}" paint-order="stroke" stroke-linejoin="round">"#,
            fill.hex(),
            halo.colour.hex(),
            opacity(halo.colour),
            halo.width
        );
        for label in labels {
            let [x, y] = label_baseline(label, size);
            let _ = writeln!(self.out, r#"<text x="{x:.1}" y="{y:.1}">{}</text>"#, esc(&label.text));
        }
        self.out.push_str("</g>\n");
    }

    fn end_map(&mut self) {
        self.out.push_str("</g>\n");
    }
}
