//! The scene: everything a picture of the map shows, in plane coordinates, with
//! colours from the palette. The window and the exporters draw the same `Scene`,
//! so what the window shows is what a file gets.
//!
//! A scene is rebuilt only when its [`SceneInputs`] change; panning and zooming
//! only change how a painter maps the plane to the screen.

mod framing;
mod labels;
pub mod palette;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::analysis::{Atlas, apply_what_ifs};
use crate::geometry::MapGeometry;
use crate::model::{
    CountryCode, Date, DisputedRule, LayerSettings, Layout, OverlapMode, PaletteChoice, Status, WhatIf,
};
pub use framing::Framing;
pub use labels::{PlacedLabel, place_labels};
pub use palette::{HATCH_PERIOD_PX, HatchWeight, Palette, Rgba8, hatch_angle_deg};

/// Everything a scene depends on: the parts of a layout that change the picture
/// (not the view, the title or the selection). Equal inputs give an equal scene.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneInputs {
    /// The day shown.
    pub date: Date,
    /// How disputed areas are drawn.
    pub rule: DisputedRule,
    /// Layers in order, with visibility and hidden members.
    pub layers: Vec<LayerSettings>,
    /// Statuses drawn.
    pub statuses: BTreeSet<Status>,
    /// Patterns or counts.
    pub mode: OverlapMode,
    /// Colours.
    pub palette: PaletteChoice,
    /// Hypothetical changes.
    pub what_ifs: Vec<WhatIf>,
}

impl SceneInputs {
    /// The scene-relevant part of a layout.
    pub fn from_layout(layout: &Layout) -> Self {
        Self {
            date: layout.date,
            rule: layout.disputed,
            layers: layout.layers.clone(),
            statuses: layout.statuses.clone(),
            mode: layout.mode,
            palette: layout.palette,
            what_ifs: layout.what_ifs.clone(),
        }
    }
}

/// A country's standing in one shown layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Membership {
    /// Index into [`Legend::layers`].
    pub layer: usize,
    /// Its status on the scene's date.
    pub status: Status,
    /// Whether a what-if made it so.
    pub hypothetical: bool,
}

/// A hatch pattern over one country: lines at an angle, fixed on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hatch {
    /// Index into the geometry's countries.
    pub country: usize,
    /// Line colour (alpha carries the status's strength).
    pub colour: Rgba8,
    /// Degrees counter-clockwise from horizontal.
    pub angle_deg: f32,
    /// Bold or fine.
    pub weight: HatchWeight,
}

/// A dashed outline: suspended memberships (in the layer's colour) and
/// hypothetical ones (in the palette's hypothetical colour).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DashedOutline {
    /// Index into the geometry's countries.
    pub country: usize,
    /// Line colour.
    pub colour: Rgba8,
}

/// A layer as the legend shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendLayer {
    /// Short name.
    pub org: String,
    /// Full name.
    pub name: String,
    /// Colour.
    pub colour: Rgba8,
    /// Hatch angle.
    pub angle_deg: f32,
    /// Whether it is drawn.
    pub visible: bool,
    /// Shown countries per status on the date.
    pub counts: BTreeMap<Status, usize>,
}

impl LegendLayer {
    /// "32 members, 2 suspended, 16 partners": the layer's counts on the date, as the
    /// window's panels and the exported legend print them.
    pub fn counts_text(&self) -> String {
        let parts: Vec<String> = self
            .counts
            .iter()
            .map(|(status, n)| {
                let plural = *n != 1 && *status != Status::Suspended;
                format!("{n} {status}{}", if plural { "s" } else { "" })
            })
            .collect();
        if parts.is_empty() { "none on this date".into() } else { parts.join(", ") }
    }
}

/// A set of organisations that some countries all belong to.
#[derive(Clone, Debug, PartialEq)]
pub struct Combination {
    /// Short names, in layer order.
    pub orgs: Vec<String>,
    /// The countries, by name order of their codes.
    pub countries: Vec<CountryCode>,
}

impl Combination {
    /// "CSTO + EAEU + SCO".
    pub fn label(&self) -> String {
        self.orgs.join(" + ")
    }
}

/// What the legend lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legend {
    /// Every layer of the atlas, in layout order (hidden ones too, for the panel).
    pub layers: Vec<LegendLayer>,
    /// Combinations of visible organisations present on the map, most
    /// organisations first.
    pub combinations: Vec<Combination>,
    /// Hypothetical changes in force on the date.
    pub hypothetical: Vec<String>,
}

/// A country name placed on the map when there is room.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelCandidate {
    /// Index into the geometry's countries.
    pub country: usize,
    /// The text.
    pub text: String,
    /// Bigger countries are placed first.
    pub area_km2: f64,
}

/// A picture of the map, ready for any painter.
pub struct Scene {
    /// A number no other scene of this process has, so painters know when to
    /// rebuild their caches.
    pub generation: u64,
    /// What the scene was built from.
    pub inputs: SceneInputs,
    /// The shapes, shared with the hit-test index.
    pub geometry: Arc<MapGeometry>,
    /// The atlas with what-ifs applied.
    pub atlas: Arc<Atlas>,
    /// Colours.
    pub palette: Palette,
    /// One fill per country, in the order of `geometry.countries`.
    pub fills: Vec<Rgba8>,
    /// Hatches, bottom to top.
    pub hatches: Vec<Hatch>,
    /// Dashed outlines for suspended and hypothetical memberships.
    pub dashed: Vec<DashedOutline>,
    /// Shown memberships per country.
    pub memberships: Vec<Vec<Membership>>,
    /// Legend content.
    pub legend: Legend,
    /// Label candidates, largest country first.
    pub labels: Vec<LabelCandidate>,
}

impl Scene {
    /// Builds the scene for `inputs` from the sourced atlas and shapes already
    /// merged under `inputs.rule`.
    pub fn build(inputs: SceneInputs, geometry: Arc<MapGeometry>, sourced: &Atlas) -> Self {
        debug_assert_eq!(geometry.rule, inputs.rule, "geometry built for another rule");
        let palette = Palette::new(inputs.palette);
        let atlas = Arc::new(apply_what_ifs(sourced, &inputs.what_ifs));
        let day = inputs.date;

        // Legend layers in layout order; organisations the layout does not list
        // (a new data file) come after, hidden.
        let mut layer_orgs: Vec<(&crate::model::Organisation, LayerSettings)> = Vec::new();
        for settings in &inputs.layers {
            if let Some(org) = atlas.organisations.iter().find(|o| o.short_name == settings.org) {
                layer_orgs.push((org, settings.clone()));
            }
        }
        for org in &atlas.organisations {
            if !inputs.layers.iter().any(|l| l.org == org.short_name) {
                layer_orgs.push((org, LayerSettings::new(org.short_name.clone(), false)));
            }
        }

        let countries = &geometry.countries;
        let mut memberships: Vec<Vec<Membership>> = vec![Vec::new(); countries.len()];
        let mut legend_layers = Vec::with_capacity(layer_orgs.len());
        let mut extra_index = 0;
        for (layer_index, (org, settings)) in layer_orgs.iter().enumerate() {
            let (visible, hidden) = (&settings.visible, &settings.hidden);
            let primary = matches!(org.short_name.as_str(), "NATO" | "CSTO" | "SCO" | "EAEU");
            let colour = settings
                .colour
                .as_deref()
                .and_then(crate::model::parse_hex_colour)
                .map_or_else(|| palette.layer_colour(&org.short_name, extra_index), |[r, g, b]| Rgba8::rgb(r, g, b));
            let angle_deg = settings
                .hatch_angle
                .filter(|a| a.is_finite())
                .unwrap_or_else(|| hatch_angle_deg(&org.short_name, extra_index));
            if !primary {
                extra_index += 1;
            }
            let mut counts = BTreeMap::new();
            for record in &org.countries {
                let Some(period) = record.periods.iter().find(|p| p.contains(day)) else {
                    continue;
                };
                if hidden.contains(&record.iso3) || !inputs.statuses.contains(&period.status) {
                    continue;
                }
                *counts.entry(period.status).or_insert(0) += 1;
                if let (true, Some(index)) = (*visible, geometry.index_of(record.iso3)) {
                    memberships[index].push(Membership {
                        layer: layer_index,
                        status: period.status,
                        hypothetical: period.hypothetical,
                    });
                }
            }
            legend_layers.push(LegendLayer {
                org: org.short_name.clone(),
                name: org.name.clone(),
                colour,
                angle_deg,
                visible: *visible,
                counts,
            });
        }

        let mut fills = Vec::with_capacity(countries.len());
        let mut hatches = Vec::new();
        let mut dashed = Vec::new();
        let high_contrast = palette.is_high_contrast();
        for (index, shown) in memberships.iter().enumerate() {
            let belonging = shown.iter().filter(|m| belongs(m.status)).count();
            let fill = match inputs.mode {
                OverlapMode::Count => palette.count_colour(belonging),
                OverlapMode::Patterns => match shown.first() {
                    // A light tint of the top layer, so the first glance finds the bloc;
                    // the hatches then show every layer.
                    Some(top) => {
                        let strength = if belongs(top.status) { 0.28 } else { 0.12 };
                        let strength = if high_contrast { strength * 0.6 } else { strength };
                        palette.land.mix(legend_layers[top.layer].colour, strength)
                    }
                    None => palette.land,
                },
            };
            fills.push(fill);
            for m in shown {
                let layer = &legend_layers[m.layer];
                if inputs.mode == OverlapMode::Patterns {
                    let (weight, alpha) = match m.status {
                        Status::Member => (HatchWeight::Bold, 1.0),
                        Status::Suspended => (HatchWeight::Bold, 0.45),
                        Status::Applicant => (HatchWeight::Fine, 0.6),
                        Status::Observer | Status::Partner => (HatchWeight::Fine, 0.85),
                    };
                    hatches.push(Hatch {
                        country: index,
                        colour: layer.colour.faded(alpha),
                        angle_deg: layer.angle_deg,
                        weight,
                    });
                }
                if m.status == Status::Suspended {
                    dashed.push(DashedOutline { country: index, colour: layer.colour });
                }
                if m.hypothetical {
                    dashed.push(DashedOutline { country: index, colour: palette.hypothetical });
                }
            }
        }

        // Combinations of organisations countries belong to.
        let mut by_set: BTreeMap<Vec<usize>, Vec<CountryCode>> = BTreeMap::new();
        for (index, shown) in memberships.iter().enumerate() {
            let set: Vec<usize> = shown.iter().filter(|m| belongs(m.status)).map(|m| m.layer).collect();
            if !set.is_empty() {
                by_set.entry(set).or_default().push(countries[index].code);
            }
        }
        let mut combinations: Vec<Combination> = by_set
            .into_iter()
            .map(|(set, countries)| Combination {
                orgs: set.iter().map(|&i| legend_layers[i].org.clone()).collect(),
                countries,
            })
            .collect();
        combinations.sort_by(|a, b| b.orgs.len().cmp(&a.orgs.len()).then_with(|| a.orgs.cmp(&b.orgs)));

        let hypothetical = inputs
            .what_ifs
            .iter()
            .filter(|w| crate::analysis::what_if_applies_on(w, day))
            .map(WhatIf::describe)
            .collect();

        let mut labels: Vec<LabelCandidate> = countries
            .iter()
            .enumerate()
            .map(|(index, c)| LabelCandidate { country: index, text: c.name.clone(), area_km2: c.area_km2 })
            .collect();
        labels.sort_by(|a, b| b.area_km2.total_cmp(&a.area_km2));

        static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Self {
            generation: GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            inputs,
            geometry,
            atlas,
            palette,
            fills,
            hatches,
            dashed,
            memberships,
            legend: Legend { layers: legend_layers, combinations, hypothetical },
            labels,
        }
    }

    /// The countries of a combination, as indices into the geometry.
    pub fn combination_countries(&self, combination: &Combination) -> Vec<usize> {
        combination.countries.iter().filter_map(|&code| self.geometry.index_of(code)).collect()
    }
}

/// Whether a status counts as belonging to an organisation (for counts and
/// combinations): active members only. A suspended status (Armenia's frozen CSTO
/// participation, NATO's suspended partnership with Russia) is drawn with its own
/// dashed key, but a reader asking "who is in the bloc today" should not count it.
pub fn belongs(status: Status) -> bool {
    status == Status::Member
}
