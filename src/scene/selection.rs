//! What the picture says about one selected country: its statuses with sources,
//! the pledges it gives and receives, tensions among them, and the commitment
//! lines drawn to its partners. Built once per scene and selection, so the
//! inspector and the map read the same answer instead of recomputing it each frame.

use super::{Rgba8, Scene};
use crate::analysis::{Commitment, CommitmentSide, Tension, commitments_of, tensions_of};
use crate::model::{CountryCode, Direction, Period, PledgeKind};

/// A commitment line between two countries.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CommitmentArc {
    /// The country the pledge comes from.
    pub from: CountryCode,
    /// The country it goes to.
    pub to: CountryCode,
    /// Line colour: the organisation's layer colour.
    pub colour: Rgba8,
    /// Dashed for basing, solid for defence.
    pub dashed: bool,
    /// Both ways (no arrowhead) or one way (an arrow at `to`).
    pub mutual: bool,
}

/// A status the country holds in one organisation on the scene's date.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldStatus {
    /// Organisation short name.
    pub org: String,
    /// The period, with its source and note.
    pub period: Period,
}

/// Everything the inspector and the commitment lines show for one country.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectionDetail {
    /// The country.
    pub code: CountryCode,
    /// Every role it holds, in layer listing order and strongest first within
    /// an organisation.
    pub statuses: Vec<HeldStatus>,
    /// Pledges it gives and receives.
    pub commitments: Vec<Commitment>,
    /// Where its pledges pull against each other.
    pub tensions: Vec<Tension>,
    /// Lines to the countries bound to defend it or host its forces, and back.
    pub arcs: Vec<CommitmentArc>,
}

impl SelectionDetail {
    /// The detail of `code` in `scene` (what-ifs applied, as of the scene's date).
    pub fn build(scene: &Scene, code: CountryCode) -> Self {
        let day = scene.inputs.date;
        let atlas = &scene.atlas;
        let statuses = atlas
            .organisations
            .iter()
            .flat_map(|org| {
                org.roles_on(code, day)
                    .into_iter()
                    .map(|period| HeldStatus { org: org.short_name.clone(), period: period.clone() })
            })
            .collect();
        let commitments = commitments_of(atlas, code, day);
        let tensions = tensions_of(atlas, code, day);
        let arcs = arcs(scene, code, &commitments);
        Self { code, statuses, commitments, tensions, arcs }
    }
}

/// Defence pledges of the visible layers as solid lines, basing as dashed; a mutual
/// pledge is drawn once, and several articles binding the same pair give one line.
fn arcs(scene: &Scene, code: CountryCode, commitments: &[Commitment]) -> Vec<CommitmentArc> {
    let mut arcs: Vec<CommitmentArc> = Vec::new();
    for c in commitments {
        let dashed = match c.kind {
            PledgeKind::Defense => false,
            PledgeKind::Basing => true,
            _ => continue,
        };
        // Lines only for layers on the map; the inspector still lists every pledge.
        let Some(layer) = scene.legend.layers.iter().find(|l| l.org == c.org) else { continue };
        if !layer.visible {
            continue;
        }
        let colour = layer.colour;
        let mutual = scene
            .atlas
            .find(&c.org)
            .and_then(|o| o.pledges.iter().find(|p| p.article == c.article))
            .is_some_and(|p| p.direction == Direction::Mutual);
        if mutual && c.side == CommitmentSide::Receives {
            continue;
        }
        for &other in &c.counterparties {
            if scene.geometry.index_of(other).is_none() {
                continue;
            }
            let (from, to) = match c.side {
                CommitmentSide::Gives => (code, other),
                CommitmentSide::Receives => (other, code),
            };
            let arc = CommitmentArc { from, to, colour, dashed, mutual };
            if !arcs.contains(&arc) {
                arcs.push(arc);
            }
        }
    }
    arcs
}
