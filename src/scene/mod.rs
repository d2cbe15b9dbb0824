//! The scene: everything a picture of the map shows, in plane coordinates, with
//! colours from the palette. The window and (later) the exporters draw the same
//! `Scene`, so what the window shows is what a file gets.
//!
//! A scene is rebuilt only when its [`SceneInputs`] change; panning and zooming
//! only change how the painter maps the plane to the screen.

pub mod palette;

use std::sync::Arc;

use crate::geometry::MapGeometry;
use crate::model::DisputedRule;
pub use palette::{Palette, Rgba8};

/// Everything a scene depends on. Equal inputs give an equal scene, so the window
/// keeps the old one.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneInputs {
    /// How disputed areas are drawn.
    pub rule: DisputedRule,
}

/// How one country is painted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CountryStyle {
    /// Fill colour.
    pub fill: Rgba8,
}

/// A picture of the map, ready for any painter.
pub struct Scene {
    /// What the scene was built from.
    pub inputs: SceneInputs,
    /// The shapes, shared with the hit-test index.
    pub geometry: Arc<MapGeometry>,
    /// One style per country, in the order of `geometry.countries`.
    pub country_styles: Vec<CountryStyle>,
    /// Sea and background.
    pub background: Rgba8,
    /// Borders between countries.
    pub border: Rgba8,
    /// Border width in screen points (or pixels of an export at scale 1).
    pub border_width_px: f32,
}

impl Scene {
    /// Builds the scene for `inputs` on shapes already merged under `inputs.rule`.
    pub fn build(inputs: SceneInputs, geometry: Arc<MapGeometry>, palette: &Palette) -> Self {
        debug_assert_eq!(
            geometry.rule, inputs.rule,
            "geometry built for another rule"
        );
        let country_styles = geometry
            .countries
            .iter()
            .map(|_| CountryStyle { fill: palette.land })
            .collect();
        Self {
            inputs,
            geometry,
            country_styles,
            background: palette.sea,
            border: palette.border,
            border_width_px: 0.8,
        }
    }
}
