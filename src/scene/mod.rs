//! The scene: everything a picture of the map shows, in plane coordinates, with
//! colours from the palette. The window and the exporters draw the same `Scene`,
//! so what the window shows is what a file gets.
//!
//! A scene is rebuilt only when its [`SceneInputs`] change; panning and zooming
//! only change how a painter maps the plane to the screen.

pub mod animation;
mod captions;
mod comparison;
mod footer;
mod framing;
mod labels;
mod legend;
pub mod palette;
mod selection;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::analysis::{Atlas, apply_what_ifs};
use crate::geometry::{DETAIL_FROM_PX_PER_KM, DetailSlot, MapGeometry};
use crate::model::{
    CountryCode, Date, DisputedRule, LayerSettings, Layout, OverlapMode, PaletteChoice, Status, WhatIf,
};
pub use captions::{ShownLayer, change_caption, drawn_changes};
pub use comparison::{ChangeKind, ChangeMark, ComparisonLegend};
pub use framing::{Framing, max_shape_error_km, view_centre_km};
pub use labels::{PlacedLabel, labelled_countries, place_labels};
pub use legend::{Combination, KeySwatch, Legend, LegendKey, LegendLayer};
pub use palette::{HATCH_PERIOD_PX, HatchWeight, Palette, Rgba8, hatch_angle_deg};
pub use selection::{CommitmentArc, HeldStatus, SelectionDetail, arc_curve};

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
    /// A second day to compare with (compare mode).
    pub compare_with: Option<Date>,
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
            compare_with: layout.compare_with,
        }
    }
}

/// A country's standing in one shown layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    /// Index into [`Legend::layers`].
    pub layer: usize,
    /// Its strongest shown role on the scene's date: the one drawn.
    pub status: Status,
    /// The weaker roles it holds at the same time (a partner that is also an
    /// applicant), strongest first; named in the hover text, not drawn.
    pub also: Vec<Status>,
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
    /// The 1:50m shapes, shared with the hit-test index: labels, commitment lines
    /// and every index into `countries` refer to these.
    pub geometry: Arc<MapGeometry>,
    /// The 1:10m shapes of the same countries, once loaded (see [`Scene::shapes_at`]).
    pub detail: DetailSlot,
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
    /// Compare mode: countries that joined, left or changed role since the day
    /// compared with (empty otherwise).
    pub changes: Vec<ChangeMark>,
    /// Shown memberships per country.
    pub memberships: Vec<Vec<Membership>>,
    /// Legend content: every word of it.
    pub legend: Legend,
    /// The footer's lines, unwrapped: date and rule, hypothetical changes,
    /// sources, attribution.
    pub footer: Vec<String>,
    /// "after the data was last checked (…): later changes may be missing", when
    /// the date is later than the sources of a visible layer were checked.
    pub freshness_warning: Option<String>,
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
            let primary = org.layer == crate::model::LayerRank::Primary;
            let colour = settings
                .colour
                .as_ref()
                .and_then(crate::model::HexColour::rgb)
                .map_or_else(|| palette.layer_colour(&org.short_name, extra_index), Rgba8::from_rgb_bytes);
            let angle_deg = settings
                .hatch_angle
                .filter(|a| a.is_finite())
                .unwrap_or_else(|| hatch_angle_deg(&org.short_name, extra_index));
            if !primary {
                extra_index += 1;
            }
            let mut counts = BTreeMap::new();
            for record in &org.countries {
                if hidden.contains(&record.iso3) {
                    continue;
                }
                // Every role shown counts once; the map draws the strongest.
                let roles = settings.shown_roles(record, day, &inputs.statuses);
                for role in &roles {
                    *counts.entry(role.status).or_insert(0) += 1;
                }
                let Some(period) = roles.first() else { continue };
                if let (true, Some(index)) = (*visible, geometry.index_of(record.iso3)) {
                    memberships[index].push(Membership {
                        layer: layer_index,
                        status: period.status,
                        also: roles[1..].iter().map(|p| p.status).collect(),
                        hypothetical: period.hypothetical,
                    });
                }
            }
            legend_layers.push(LegendLayer::new(org, colour, angle_deg, *visible, counts));
        }

        // Compare mode: what changed in the visible layers since the other day.
        let (changes, comparison) = match inputs.compare_with {
            Some(since) => {
                let compared: Vec<comparison::ComparedLayer<'_>> = layer_orgs
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, settings))| settings.visible)
                    .map(|(index, (org, settings))| comparison::ComparedLayer { org, settings, index })
                    .collect();
                let (marks, legend) = comparison::compare(&compared, &geometry, &inputs.statuses, since, day);
                (marks, Some(legend))
            }
            None => (Vec::new(), None),
        };

        let mut fills = Vec::with_capacity(countries.len());
        let mut hatches = Vec::new();
        let mut dashed = Vec::new();
        for (index, shown) in memberships.iter().enumerate() {
            let belonging = shown.iter().filter(|m| belongs(m.status)).count();
            let fill = match inputs.mode {
                OverlapMode::Count => palette.count_colour(belonging),
                OverlapMode::Patterns => match shown.first() {
                    // A light tint of the top layer, so the first glance finds the bloc;
                    // the hatches then show every layer.
                    Some(top) => palette.tinted_land(legend_layers[top.layer].colour, belongs(top.status)),
                    None => palette.land,
                },
            };
            fills.push(fill);
            for m in shown {
                let layer = &legend_layers[m.layer];
                if inputs.mode == OverlapMode::Patterns {
                    let (weight, mut alpha) = match m.status {
                        Status::Member => (HatchWeight::Bold, 1.0),
                        Status::Suspended => (HatchWeight::Bold, 0.45),
                        Status::Applicant => (HatchWeight::Fine, 0.6),
                        Status::Observer | Status::Partner => (HatchWeight::Fine, 0.85),
                    };
                    // Compare mode: unchanged memberships stay visible but quiet.
                    if comparison.is_some() && !comparison::is_marked(&changes, index, m.layer) {
                        alpha *= palette.compare.unchanged_alpha;
                    }
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
                names: countries
                    .iter()
                    .filter_map(|&code| geometry.index_of(code).map(|i| geometry.countries[i].name.clone()))
                    .collect(),
                countries,
            })
            .collect();
        combinations.sort_by(|a, b| b.orgs.len().cmp(&a.orgs.len()).then_with(|| a.orgs.cmp(&b.orgs)));

        let hypothetical: Vec<String> = inputs
            .what_ifs
            .iter()
            .filter(|w| crate::analysis::what_if_applies_on(w, day))
            .map(WhatIf::describe)
            .collect();
        let checked_to =
            Atlas::checked_to(legend_layers.iter().filter(|l| l.visible).filter_map(|l| atlas.find(&l.org)));
        let freshness_warning = Atlas::stale_after(checked_to, day);
        let footer = footer::footer_lines(
            footer::FooterDates { day, compare_with: inputs.compare_with, checked_to },
            inputs.rule,
            &hypothetical,
            &legend_layers,
            &atlas,
            &geometry.source,
        );
        let key = match inputs.mode {
            OverlapMode::Patterns => legend::patterns_key(),
            OverlapMode::Count => legend::count_key(&palette, &legend_layers),
        };
        let legend = Legend {
            heading: "Legend".into(),
            layers: legend_layers,
            key,
            combinations,
            combinations_heading: "Combinations on the map".into(),
            overlaps_heading: "Overlapping memberships".into(),
            hypothetical_heading: "Hypothetical (not sourced fact):".into(),
            hypothetical: hypothetical.iter().map(|item| format!("hypothetical: {item}")).collect(),
            comparison,
        };

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
            detail: DetailSlot::default(),
            atlas,
            palette,
            fills,
            hatches,
            dashed,
            changes,
            memberships,
            legend,
            footer,
            freshness_warning,
            labels,
        }
    }

    /// The scene drawing its shapes from `detail` when zoomed in (the workspace
    /// shares one slot per rule between its scenes).
    #[must_use]
    pub fn with_detail(mut self, detail: DetailSlot) -> Self {
        self.detail = detail;
        self
    }

    /// The shapes to draw at `px_per_km`: the 1:10m ones once they are loaded and
    /// the picture is zoomed in past [`DETAIL_FROM_PX_PER_KM`], else the 1:50m
    /// ones. Both list the same countries in the same order, so the scene's fills,
    /// hatches and marks apply to either.
    pub fn shapes_at(&self, px_per_km: f32) -> &MapGeometry {
        self.shared_shapes_at(px_per_km)
    }

    /// [`Scene::shapes_at`] as the shared handle: a cache built from the shapes keeps
    /// a clone, so it knows by identity when the shapes it was built from change.
    pub fn shared_shapes_at(&self, px_per_km: f32) -> &Arc<MapGeometry> {
        match self.detail.get() {
            Some(Some(detail)) if Self::detail_wanted_at(px_per_km) => detail,
            _ => &self.geometry,
        }
    }

    /// Whether a picture at `px_per_km` is drawn from the 1:10m shapes (once they
    /// are loaded): the rule exporters ask before they load them.
    pub fn detail_wanted_at(px_per_km: f32) -> bool {
        px_per_km >= DETAIL_FROM_PX_PER_KM
    }
}

/// Whether a status counts as belonging to an organisation (for counts and
/// combinations): active members only. A suspended status (Armenia's frozen CSTO
/// participation, NATO's suspended partnership with Russia) is drawn with its own
/// dashed key, but a reader asking "who is in the bloc today" should not count it.
pub fn belongs(status: Status) -> bool {
    status == Status::Member
}
