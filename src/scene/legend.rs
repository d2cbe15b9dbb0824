//! Every word of the legend and the footer. Composed here, once, so the window and
//! the exporters print the same sentences: painters lay them out, never write them.

use std::collections::BTreeMap;

use super::{Palette, Rgba8};
use crate::model::{CountryCode, Status};

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
    /// Whether the data lists it among the primary layers (not under *Extra layers*).
    pub primary: bool,
    /// Shown countries per status on the date.
    pub counts: BTreeMap<Status, usize>,
    /// "NATO: North Atlantic Treaty Organization".
    pub title: String,
    /// "32 members, 2 suspended, 16 partners": the counts on the date.
    pub caption: String,
}

impl LegendLayer {
    /// A layer's legend entry, with its title and count caption composed.
    pub fn new(
        org: &crate::model::Organisation,
        colour: Rgba8,
        angle_deg: f32,
        visible: bool,
        counts: BTreeMap<Status, usize>,
    ) -> Self {
        Self {
            org: org.short_name.clone(),
            name: org.name.clone(),
            colour,
            angle_deg,
            visible,
            primary: org.layer == crate::model::LayerRank::Primary,
            title: format!("{}: {}", org.short_name, org.name),
            caption: counts_caption(&counts),
            counts,
        }
    }
}

/// "32 members, 2 suspended, 16 partners", or "none on this date".
fn counts_caption(counts: &BTreeMap<Status, usize>) -> String {
    let parts: Vec<String> = counts
        .iter()
        .map(|(status, n)| {
            let plural = *n != 1 && *status != Status::Suspended;
            format!("{n} {status}{}", if plural { "s" } else { "" })
        })
        .collect();
    if parts.is_empty() { "none on this date".into() } else { parts.join(", ") }
}

/// A set of organisations that some countries all belong to.
#[derive(Clone, Debug, PartialEq)]
pub struct Combination {
    /// Short names, in layer order.
    pub orgs: Vec<String>,
    /// The countries, by code.
    pub countries: Vec<CountryCode>,
    /// Their names, in the same order.
    pub names: Vec<String>,
}

impl Combination {
    /// "CSTO + EAEU + SCO".
    pub fn label(&self) -> String {
        self.orgs.join(" + ")
    }

    /// "CSTO + EAEU + SCO (4): Belarus, Kazakhstan, Kyrgyzstan, Russia".
    pub fn text(&self) -> String {
        format!("{} ({}): {}", self.label(), self.countries.len(), self.names.join(", "))
    }

    /// [`Self::text`] with at most `shown` names and "and N more" (for a small legend).
    pub fn short_text(&self, shown: usize) -> String {
        if self.names.len() <= shown {
            return self.text();
        }
        format!(
            "{} ({}): {} and {} more",
            self.label(),
            self.countries.len(),
            self.names[..shown].join(", "),
            self.names.len() - shown
        )
    }
}

/// One swatch of a key: a colour and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct KeySwatch {
    /// The fill.
    pub colour: Rgba8,
    /// "2 organisations".
    pub label: String,
}

/// What the marks on the map mean, for the mode in use.
#[derive(Clone, Debug, PartialEq)]
pub enum LegendKey {
    /// One hatch per layer (the layers' rows show them); a note on weights and dashes.
    Patterns {
        /// What bold, fine and dashed mean.
        note: String,
    },
    /// Countries coloured by how many shown organisations they belong to.
    Count {
        /// 1, 2, 3 and 4 or more organisations.
        swatches: Vec<KeySwatch>,
        /// Which organisations were counted.
        note: String,
    },
}

/// What the legend lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    /// "Legend".
    pub heading: String,
    /// Every layer of the atlas, in layout order (hidden ones too, for the panel).
    pub layers: Vec<LegendLayer>,
    /// The key for the mode in use.
    pub key: LegendKey,
    /// Combinations of visible organisations present on the map, most
    /// organisations first.
    pub combinations: Vec<Combination>,
    /// "Combinations on the map": the heading of every combination (the window
    /// lists them all, to highlight each on hover).
    pub combinations_heading: String,
    /// "Overlapping memberships": the heading of the combinations of two or more.
    pub overlaps_heading: String,
    /// "Hypothetical (not sourced fact):".
    pub hypothetical_heading: String,
    /// One line per hypothetical change in force: "hypothetical: ARM leaves CSTO from 2027-01-01".
    pub hypothetical: Vec<String>,
    /// Compare mode: what the marks mean and who changed.
    pub comparison: Option<super::ComparisonLegend>,
}

impl Legend {
    /// The combinations of two organisations or more: the overlaps a reader looks for.
    pub fn overlaps(&self) -> impl Iterator<Item = &Combination> {
        self.combinations.iter().filter(|c| c.orgs.len() >= 2)
    }
}

/// The key for patterns mode.
pub fn patterns_key() -> LegendKey {
    LegendKey::Patterns {
        note: "Bold hatch: member. Fine hatch: observer, partner or applicant. Dashed outline in the layer's colour: participation suspended. A country holding several roles in one organisation is drawn by the strongest (member, suspended, applicant, observer, partner).".into(),
    }
}

/// The key for count mode: four swatches and the organisations counted.
pub fn count_key(palette: &Palette, layers: &[LegendLayer]) -> LegendKey {
    let swatches = (1..=4usize)
        .map(|n| KeySwatch {
            colour: palette.count_colour(n),
            label: if n == 4 {
                "4 or more organisations".to_owned()
            } else {
                format!("{n} organisation{}", if n == 1 { "" } else { "s" })
            },
        })
        .collect();
    let shown: Vec<&str> = layers.iter().filter(|l| l.visible).map(|l| l.org.as_str()).collect();
    LegendKey::Count { swatches, note: format!("Counting memberships in: {}.", shown.join(", ")) }
}
