//! Country labels placed so they do not collide: larger countries first, a name
//! only where it fits inside its country's box and overlaps no name already placed.
//! One algorithm for the window and the exporters; each measures text its own way.
//!
//! A name goes at its country's label anchor (the pole of inaccessibility). When a
//! larger neighbour's name already sits there, a few nearby spots that are still
//! inside the country are tried, so Norway keeps its name beside Sweden's.

use super::{Framing, Scene};

/// A label that found room.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// Index into the geometry's countries.
    pub country: usize,
    /// The text.
    pub text: String,
    /// Centre of the text, pixels.
    pub centre_px: [f32; 2],
    /// Width and height of the text, pixels.
    pub size_px: [f32; 2],
}

/// Countries narrower than this on the picture get no label.
const MIN_COUNTRY_WIDTH_PX: f32 = 40.0;
/// Space kept around each label.
const MARGIN_PX: f32 = 2.0;

/// Places labels inside the picture rectangle `[min, max]`; `measure` gives a text's
/// width and height in pixels.
pub fn place_labels(
    scene: &Scene,
    framing: Framing,
    rect_min: [f32; 2],
    rect_max: [f32; 2],
    mut measure: impl FnMut(&str) -> [f32; 2],
) -> Vec<PlacedLabel> {
    let mut placed: Vec<PlacedLabel> = Vec::new();
    let inside = |min: [f32; 2], max: [f32; 2]| {
        min[0] >= rect_min[0] && min[1] >= rect_min[1] && max[0] <= rect_max[0] && max[1] <= rect_max[1]
    };
    for label in &scene.labels {
        let country = &scene.geometry.countries[label.country];
        let width_px = country.bounds.width_km() * framing.px_per_km;
        if !wide_enough(width_px) {
            continue;
        }
        let size = measure(&label.text);
        if size[0] > width_px * 1.1 {
            continue;
        }
        let anchor = framing.apply(country.label_anchor_km());
        let fits = |centre: [f32; 2], placed: &[PlacedLabel]| {
            let min = [centre[0] - size[0] / 2.0 - MARGIN_PX, centre[1] - size[1] / 2.0 - MARGIN_PX];
            let max = [centre[0] + size[0] / 2.0 + MARGIN_PX, centre[1] + size[1] / 2.0 + MARGIN_PX];
            inside(min, max) && !placed.iter().any(|other| overlaps(min, max, other))
        };
        let spot = std::iter::once(anchor)
            .chain(
                nearby_spots(anchor, size)
                    .filter(|&centre| scene.geometry.contains(label.country, framing.invert(centre))),
            )
            .find(|&centre| fits(centre, &placed));
        if let Some(centre) = spot {
            placed.push(PlacedLabel {
                country: label.country,
                text: label.text.clone(),
                centre_px: centre,
                size_px: size,
            });
        }
    }
    placed
}

/// Whether a country this many pixels wide gets a label.
fn wide_enough(width_px: f32) -> bool {
    width_px >= MIN_COUNTRY_WIDTH_PX
}

/// The countries whose label anchors [`place_labels`] may ask for at `framing`
/// (indices into the scene's geometry), so that their costly search can be done
/// beforehand, on several threads.
pub fn labelled_countries(scene: &Scene, framing: Framing) -> impl Iterator<Item = usize> + '_ {
    scene
        .labels
        .iter()
        .map(|label| label.country)
        .filter(move |&i| wide_enough(scene.geometry.countries[i].bounds.width_km() * framing.px_per_km))
}

/// Spots around `anchor` to try when the anchor is taken, nearest first: a line
/// up or down, then half a name to either side, then two lines up or down.
fn nearby_spots(anchor: [f32; 2], size: [f32; 2]) -> impl Iterator<Item = [f32; 2]> {
    let (w, h) = (size[0] / 2.0, size[1] + 2.0 * MARGIN_PX);
    [[0.0, -h], [0.0, h], [-w, 0.0], [w, 0.0], [0.0, -2.0 * h], [0.0, 2.0 * h]]
        .into_iter()
        .map(move |[dx, dy]| [anchor[0] + dx, anchor[1] + dy])
}

/// Whether the box `[min, max]` overlaps a placed label with its margin.
fn overlaps(min: [f32; 2], max: [f32; 2], other: &PlacedLabel) -> bool {
    let o_min = [
        other.centre_px[0] - other.size_px[0] / 2.0 - MARGIN_PX,
        other.centre_px[1] - other.size_px[1] / 2.0 - MARGIN_PX,
    ];
    let o_max = [
        other.centre_px[0] + other.size_px[0] / 2.0 + MARGIN_PX,
        other.centre_px[1] + other.size_px[1] / 2.0 + MARGIN_PX,
    ];
    min[0] < o_max[0] && o_min[0] < max[0] && min[1] < o_max[1] && o_min[1] < max[1]
}
