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

    /// What a picture's legend says about the selection, named `name`: a heading,
    /// the key to its commitment lines (when drawn) and one short line per tension
    /// (the inspector has the full sentences).
    pub fn legend_text(&self, name: &str, lines_drawn: bool) -> Vec<String> {
        let mut out = vec![match self.tensions.len() {
            0 => format!("Selected: {name}, no tensions among its pledges"),
            1 => format!("Selected: {name}, 1 tension"),
            n => format!("Selected: {name}, {n} tensions"),
        }];
        if lines_drawn && !self.arcs.is_empty() {
            out.push("Lines: defence pledges solid, basing dashed, arrows where one-way".into());
        }
        for t in &self.tensions {
            let codes: Vec<&str> = t.left_out.iter().map(CountryCode::as_str).collect();
            // Articles are numbers ("1") or names ("Treaty 2007 art. 4(2)").
            let article = if t.pledge_article.starts_with(|c: char| c.is_ascii_digit()) {
                format!("art. {}", t.pledge_article)
            } else {
                t.pledge_article.clone()
            };
            out.push(format!(
                "{} {article} beside {} {}: does not cover {}",
                t.pledge_org,
                t.bloc,
                t.bloc_status,
                codes.join(", ")
            ));
        }
        out
    }
}

/// The curve of a commitment line from `start` to `end` on screen: a quadratic
/// Bézier bowed to one side by a fifth of its length, so that lines to and from
/// one country fan out instead of overlapping, and a line back is told from a line
/// there. Returns start, control point and end; `None` when the two are too close
/// to draw a line between (under two pixels). The window and the exporters both
/// draw this curve.
pub fn arc_curve(start: [f32; 2], end: [f32; 2]) -> Option<[[f32; 2]; 3]> {
    let chord = [end[0] - start[0], end[1] - start[1]];
    if chord[0].hypot(chord[1]) < 2.0 {
        return None;
    }
    let control = [start[0] + chord[0] * 0.5 + chord[1] * 0.2, start[1] + chord[1] * 0.5 - chord[0] * 0.2];
    Some([start, control, end])
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
