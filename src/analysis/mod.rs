//! Analysis: plain functions over the model. Which country holds which status on a
//! day, what each country promises and is promised, where those promises pull
//! against each other, and what is wrong in a data file.

mod atlas;
mod changes;
mod check;
mod commitments;
mod what_if;

pub use crate::model::FieldProblem;
pub use atlas::{Atlas, StatusRow};
pub use changes::{RoleChange, change_days_between, role_changes};
pub use check::{check_atlas, check_layout, check_organisation, unknown_layers};
pub use commitments::{Commitment, CommitmentSide, Tension, commitments_of, tensions_of};
pub use what_if::{apply_what_ifs, what_if_applies_on};
