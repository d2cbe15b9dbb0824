//! The panels around the map: layers and what-ifs on the left, the inspector on
//! the right, the date control and the status bar below, the legend over the map.

pub mod date_bar;
pub mod inspector;
pub mod layers;
pub mod legend;
pub mod status_bar;
