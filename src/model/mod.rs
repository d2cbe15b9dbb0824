//! The pure data model: countries, organisations with dated memberships and
//! pledges, and the disputed-territory rule. It knows nothing of egui, files or
//! the screen, so the window, the command line and the exporters all share it.

mod country;
mod disputed;
mod field_problem;
mod hex_colour;
mod layout;
mod organisation;

pub use country::{CountryCode, CountryCodeError};
pub use disputed::DisputedRule;
pub use field_problem::FieldProblem;
pub use hex_colour::HexColour;
pub use jiff::civil::Date;
pub use layout::{LAYOUT_VERSION, LayerSettings, Layout, OverlapMode, PaletteChoice, View, WhatIf};
pub use organisation::{
    CountryRecord, Direction, Document, Framework, Invocation, InvocationOutcome, LayerRank, Organisation,
    OrganisationKind, Period, Pledge, PledgeKind, Source, Status,
};
