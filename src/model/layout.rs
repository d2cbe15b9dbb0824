//! A layout: everything a person set up to tell one story with the map. What is
//! shown and how, as of when, seen from where, and the what-if changes. Saved as
//! RON (see `io::layouts`); the window edits one, and exports draw one.

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{CountryCode, CountryRecord, DisputedRule, HexColour, Period, Status};

/// The version of the layout format this program writes.
pub const LAYOUT_VERSION: u32 = 1;

/// Everything a map picture depends on, apart from the data files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Format version; the first field so that old and new files are told apart.
    pub version: u32,
    /// Title printed on exports.
    pub title: String,
    /// Subtitle printed under it (may be empty).
    pub subtitle: String,
    /// Free notes for the author; not drawn.
    pub notes: String,
    /// The day the map shows.
    pub date: Date,
    /// A second day to compare with: the map then marks who joined, left or
    /// changed status between it and `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare_with: Option<Date>,
    /// Layers in listing and drawing order (first on top).
    pub layers: Vec<LayerSettings>,
    /// Which statuses are drawn.
    pub statuses: BTreeSet<Status>,
    /// How memberships are drawn.
    pub mode: OverlapMode,
    /// Colours.
    pub palette: PaletteChoice,
    /// How disputed territory is drawn.
    pub disputed: DisputedRule,
    /// Whether commitment lines are drawn for the selected country.
    pub commitment_lines: bool,
    /// The country the story is about: the window selects it on open, and exports
    /// outline it, draw its commitment lines (when on) and list its tensions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<CountryCode>,
    /// Where the map looks.
    pub view: View,
    /// Hypothetical changes, applied in order on top of the sourced data.
    pub what_ifs: Vec<WhatIf>,
}

/// One layer's settings (written `Layer(...)` in files).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Layer")]
pub struct LayerSettings {
    /// Organisation short name.
    pub org: String,
    /// Whether the layer is drawn.
    pub visible: bool,
    /// A colour of the user's choice, `#rrggbb`, instead of the palette's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<HexColour>,
    /// A hatch angle of the user's choice, degrees from 0 to 180, instead of the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hatch_angle: Option<f32>,
    /// Countries hidden from this layer.
    pub hidden: BTreeSet<CountryCode>,
    /// Frameworks (ids from the organisation file) whose roles are not drawn,
    /// e.g. `["md", "ici"]` to show NATO without its southern partnerships.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub hidden_frameworks: BTreeSet<String>,
}

impl LayerSettings {
    /// A layer with default styling.
    pub fn new(org: impl Into<String>, visible: bool) -> Self {
        Self {
            org: org.into(),
            visible,
            colour: None,
            hatch_angle: None,
            hidden: BTreeSet::new(),
            hidden_frameworks: BTreeSet::new(),
        }
    }

    /// The roles of `record` on `day` that this layer draws, strongest first:
    /// those of a status in `statuses` through a framework not hidden. The
    /// caller skips countries in `hidden` (a hidden country shows no role).
    pub fn shown_roles<'a>(
        &self,
        record: &'a CountryRecord,
        day: Date,
        statuses: &BTreeSet<Status>,
    ) -> Vec<&'a Period> {
        let mut roles = record.roles_on(day);
        roles.retain(|period| {
            statuses.contains(&period.status)
                && period.framework.as_ref().is_none_or(|id| !self.hidden_frameworks.contains(id))
        });
        roles
    }

    /// The role of `record` this layer draws on `day`: the strongest shown one.
    pub fn drawn_role(&self, record: &CountryRecord, day: Date, statuses: &BTreeSet<Status>) -> Option<Status> {
        self.shown_roles(record, day, statuses).first().map(|period| period.status)
    }

    /// The last day after `from`, up to and including `to`, on which the drawn role
    /// of `record` changed: the day a comparison names.
    pub fn last_drawn_change(
        &self,
        record: &CountryRecord,
        (from, to): (Date, Date),
        statuses: &BTreeSet<Status>,
    ) -> Option<Date> {
        let mut days: Vec<Date> = record
            .periods
            .iter()
            .flat_map(|period| std::iter::once(period.start).chain(period.end))
            .filter(|day| from < *day && *day <= to)
            .collect();
        days.sort();
        days.into_iter().rev().find(|&day| {
            day.yesterday()
                .is_ok_and(|before| self.drawn_role(record, before, statuses) != self.drawn_role(record, day, statuses))
        })
    }
}

/// How memberships are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OverlapMode {
    /// Each organisation its own colour and hatch angle, so overlaps show every layer.
    #[default]
    Patterns,
    /// Each country coloured by how many shown organisations it belongs to.
    Count,
}

/// The colour palettes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaletteChoice {
    /// Okabe and Ito's colour-blind-safe palette.
    #[default]
    OkabeIto,
    /// Paul Tol's "bright" scheme, also colour-blind-safe.
    TolBright,
    /// Saturated colours, thick hatches and black borders for projectors and print.
    HighContrast,
}

impl PaletteChoice {
    /// Every palette, in menu order.
    pub const ALL: [Self; 3] = [Self::OkabeIto, Self::TolBright, Self::HighContrast];

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::OkabeIto => "Okabe-Ito (colour-blind safe)",
            Self::TolBright => "Tol bright (colour-blind safe)",
            Self::HighContrast => "High contrast",
        }
    }
}

/// Where the map looks: its centre on the globe and the zoom (1 = all of Eurasia).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct View {
    /// Longitude of the centre, degrees (may exceed 180 east of the antimeridian).
    pub centre_lon: f64,
    /// Latitude of the centre, degrees.
    pub centre_lat: f64,
    /// Zoom relative to the default view.
    pub zoom: f64,
}

impl View {
    /// The default view: all of Eurasia.
    pub const EURASIA: Self = Self { centre_lon: 70.0, centre_lat: 50.0, zoom: 1.0 };

    /// Zoom limits, shared by the window and the layout checks.
    pub const ZOOM_RANGE: std::ops::RangeInclusive<f64> = 0.5..=64.0;
}

/// A hypothetical change to the sourced data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhatIf {
    /// The country holds `status` in `org` from `from` on.
    Add {
        /// Organisation short name.
        org: String,
        /// The country.
        iso3: CountryCode,
        /// Its hypothetical status.
        status: Status,
        /// First day.
        from: Date,
    },
    /// The country holds no status in `org` from `from` on.
    Remove {
        /// Organisation short name.
        org: String,
        /// The country.
        iso3: CountryCode,
        /// First day without.
        from: Date,
    },
}

impl WhatIf {
    /// The organisation it changes.
    pub fn org(&self) -> &str {
        match self {
            Self::Add { org, .. } | Self::Remove { org, .. } => org,
        }
    }

    /// The country it changes.
    pub fn iso3(&self) -> CountryCode {
        match self {
            Self::Add { iso3, .. } | Self::Remove { iso3, .. } => *iso3,
        }
    }

    /// One line for lists and legends.
    pub fn describe(&self) -> String {
        match self {
            Self::Add { org, iso3, status, from } => format!("{iso3} {status} of {org} from {from}"),
            Self::Remove { org, iso3, from } => format!("{iso3} leaves {org} from {from}"),
        }
    }
}

impl Layout {
    /// A layout showing `layers` (the four primary visible, extras hidden) as of `date`.
    pub fn with_layers(date: Date, layers: Vec<LayerSettings>) -> Self {
        Self {
            version: LAYOUT_VERSION,
            title: "Security and economic blocs in Eurasia".into(),
            subtitle: String::new(),
            notes: String::new(),
            date,
            compare_with: None,
            layers,
            statuses: Status::ALL.into_iter().collect(),
            mode: OverlapMode::default(),
            palette: PaletteChoice::default(),
            disputed: DisputedRule::default(),
            commitment_lines: true,
            selected: None,
            view: View::EURASIA,
            what_ifs: Vec::new(),
        }
    }

    /// The settings of a layer by short name.
    pub fn layer(&self, org: &str) -> Option<&LayerSettings> {
        self.layers.iter().find(|l| l.org == org)
    }

    /// The settings of a layer by short name, to change them.
    pub fn layer_mut(&mut self, org: &str) -> Option<&mut LayerSettings> {
        self.layers.iter_mut().find(|l| l.org == org)
    }

    /// The settings of a layer, added hidden at the end when the layout does not
    /// list it yet: a layout saved before a data file (or a user layer) existed
    /// still lets the user show that layer.
    pub fn layer_entry(&mut self, org: &str) -> &mut LayerSettings {
        match self.layers.iter().position(|l| l.org == org) {
            Some(index) => &mut self.layers[index],
            None => {
                self.layers.push(LayerSettings::new(org, false));
                self.layers.last_mut().expect("just pushed")
            }
        }
    }
}
