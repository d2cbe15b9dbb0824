//! What a briefing picture is made of, as calls on a canvas: the layout in
//! [`super::briefing`] decides where everything goes once, and two painters draw
//! it: the SVG writer (text, exact, for editing and print) and the raster painter
//! (pixels straight into tiny-skia, for PNG, previews and animations).
//!
//! Colours follow SVG's rules, because the SVG is the reference the raster is
//! checked against: where the SVG writes a colour as `#rrggbb` without an opacity,
//! the colour is drawn opaque.

use crate::scene::{Framing, HatchWeight, PlacedLabel, Rgba8};

/// Where a text's anchor point sits on its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Anchor {
    /// The text starts at the point.
    Start,
    /// The text is centred on the point.
    Middle,
}

/// A stroked line: its colour, width in pixels and dash pattern (on, off).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Line {
    pub colour: Rgba8,
    pub width: f32,
    pub dash: Option<[f32; 2]>,
}

impl Line {
    /// A solid line.
    pub fn solid(colour: Rgba8, width: f32) -> Self {
        Self { colour, width, dash: None }
    }
}

/// Stripes of a hatch pattern, in a phase fixed to the picture: lines run where
/// `x·sin θ + y·cos θ` is within `width` above a multiple of `period`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Stripes {
    pub colour: Rgba8,
    pub angle_deg: f32,
    /// The weight the width was chosen by (it names the SVG pattern).
    pub weight: HatchWeight,
    pub width: f32,
    pub period: f32,
}

/// How a single country's outline is marked above the borders.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum OutlineMark {
    /// A suspended or hypothetical membership: dashed, opaque, mitred.
    Dashed(Line),
    /// Compare mode: joined, left or changed; opaque, rounded joins.
    Change(Line),
    /// The selected country (casing or line): translucent, rounded joins.
    Highlight(Line),
}

/// A painter of briefing pictures. Calls come in drawing order: later calls paint
/// over earlier ones. Everything between [`Canvas::begin_map`] and
/// [`Canvas::end_map`] is clipped to the map's rectangle.
pub(super) trait Canvas {
    /// Starts a `width` x `height` picture on paper of `paper`'s colour.
    fn begin(&mut self, width: u32, height: u32, paper: Rgba8);
    /// One line of text with its baseline at `at[1]`.
    fn text(&mut self, at: [f32; 2], size: f32, fill: Rgba8, anchor: Anchor, content: &str);
    /// A rectangle, filled and/or outlined.
    fn rect(&mut self, min: [f32; 2], size: [f32; 2], fill: Option<Rgba8>, stroke: Option<Line>);
    /// A legend swatch: a tint, stripes over it and an outline.
    fn striped_rect(&mut self, min: [f32; 2], size: [f32; 2], tint: Rgba8, stripes: Stripes, outline: Line);
    /// The map's rectangle and the outlines of the countries it may show, in plane
    /// kilometres (`framing` places them): later calls name countries by index.
    fn define_countries(
        &mut self,
        map_min: [f32; 2],
        map_max: [f32; 2],
        framing: Framing,
        countries: &[(usize, &[Vec<[f32; 2]>])],
    );
    /// Starts the clipped map with its sea.
    fn begin_map(&mut self, map_min: [f32; 2], map_max: [f32; 2], sea: Rgba8);
    /// Country fills (even-odd, opaque).
    fn fill_countries(&mut self, fills: &[(usize, Rgba8)]);
    /// A country's hatch: `stripes` inside its outline, whose rings are in plane
    /// kilometres, placed by `framing`.
    fn hatch(&mut self, rings: &[Vec<[f32; 2]>], framing: Framing, stripes: Stripes);
    /// Every shown country's outline in one line style (opaque, rounded joins).
    fn borders(&mut self, countries: &[usize], line: Line);
    /// One country's outline, marked.
    fn outline_country(&mut self, country: usize, mark: OutlineMark);
    /// A commitment line: a quadratic curve from `curve[0]` through control point
    /// `curve[1]` to `curve[2]` (translucent).
    fn curve(&mut self, curve: [[f32; 2]; 3], line: Line);
    /// A filled triangle (translucent), the head of a one-way commitment line.
    fn arrowhead(&mut self, corners: [[f32; 2]; 3], fill: Rgba8);
    /// Country labels centred on their spots, `size` pixels high, each on a halo
    /// (translucent) painted under its own text.
    fn labels(&mut self, labels: &[PlacedLabel], size: f32, fill: Rgba8, halo: Line);
    /// Ends the clipped map.
    fn end_map(&mut self);
}

/// The baseline point of a label centred on `label.centre_px`, `size` pixels high.
pub(super) fn label_baseline(label: &PlacedLabel, size: f32) -> [f32; 2] {
    [label.centre_px[0], label.centre_px[1] + size * 0.35]
}

/// Hatch lines clipped to the rings of a shape (in pixels), in a phase fixed to
/// the picture: lines run where
/// `x·sin θ + y·cos θ` is within the line width above a multiple of the period.
/// Clipped lines rasterise about twice as fast as SVG pattern fills, the SVG
/// carries the real lines rather than a renderer-dependent pattern, and both
/// painters draw the same lines.
///
/// The clipping is a scanline even-odd test of each line against the outline's
/// edges (islands and lakes included) rather than geo's general boolean
/// operations, which cost five times more for these many short lines.
///
/// The rings must be closed (last point = first), as outlines are. `None` for a
/// shape without edges.
pub(super) fn hatch_segments<R, P>(rings: R, stripes: Stripes) -> Option<Vec<[[f32; 2]; 2]>>
where
    R: Iterator<Item = P>,
    P: Iterator<Item = [f32; 2]>,
{
    // Edges in a frame rotated so hatch lines are horizontal: y' = offset along
    // the normal, x' = position along the line.
    let (sin, cos) = stripes.angle_deg.to_radians().sin_cos();
    let rotate = |[x, y]: [f32; 2]| [x * cos - y * sin, x * sin + y * cos];
    let mut edges: Vec<([f32; 2], [f32; 2])> = Vec::new();
    let (mut lo, mut hi) = (f32::MAX, f32::MIN);
    let mut points: Vec<[f32; 2]> = Vec::new();
    for ring in rings {
        points.clear();
        points.extend(ring.map(rotate));
        for pair in points.windows(2) {
            lo = lo.min(pair[0][1]);
            hi = hi.max(pair[0][1]);
            edges.push((pair[0], pair[1]));
        }
    }
    if edges.is_empty() {
        return None;
    }
    let mut segments = Vec::new();
    let unrotate = |xr: f32, yr: f32| [xr * cos + yr * sin, -xr * sin + yr * cos];
    let period = stripes.period;
    let mut crossings: Vec<f32> = Vec::new();
    let first = (lo / period).floor() as i64;
    let last = (hi / period).ceil() as i64;
    for k in first..=last {
        let y = k as f32 * period + stripes.width / 2.0;
        crossings.clear();
        for &(a, b) in &edges {
            // Half-open in y so a line through a vertex counts it once.
            if (a[1] <= y) != (b[1] <= y) {
                crossings.push(a[0] + (y - a[1]) / (b[1] - a[1]) * (b[0] - a[0]));
            }
        }
        crossings.sort_by(f32::total_cmp);
        for pair in crossings.chunks_exact(2) {
            segments.push([unrotate(pair[0], y), unrotate(pair[1], y)]);
        }
    }
    Some(segments)
}
