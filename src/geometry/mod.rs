//! Geometry: projecting longitude/latitude onto the map plane, building the
//! country shapes the scene draws (merged per rule, projected, triangulated,
//! simplified per level of detail) and finding the country under a point.
//!
//! Coordinates in the *plane* are kilometres on the projection plane, x east and
//! y north, with the origin at the projection centre.

mod map;
mod projection;
mod shapes;

pub use map::{CountryShape, MapGeometry, OutlineLod, PlaneRect, Triangles};
pub use projection::{LonLat, PlanePoint, Projector};
pub use shapes::{ShapeFeature, ShapeSet};
