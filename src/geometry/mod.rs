//! Geometry: projecting longitude/latitude onto the map plane, building the
//! country shapes the scene draws (merged per rule, projected, simplified per
//! level of detail) and finding the country under a point (a grid of their
//! triangles).
//!
//! Coordinates in the *plane* are kilometres on the projection plane, x east and
//! y north, with the origin at the projection centre.

mod hit_grid;
mod map;
mod projection;
mod shapes;

pub use map::{CountryShape, MapGeometry, OutlineLod, PlaneRect};

/// Where the 1:10m shapes take over from the 1:50m ones: from 3.5 km a pixel
/// (zoom about 3 on a 1280-pixel window: the Caucasus, the Balkans, the Levant,
/// the Gulf). 1:50m's vertices lie a few kilometres apart, so below this their
/// straight segments and missing islets show; above it 1:10m adds nothing the eye
/// can see and costs five times the vertices.
pub const DETAIL_FROM_PX_PER_KM: f32 = 1.0 / 3.5;

/// The 1:10m geometry for one disputed-territory rule, filled once it is built (in
/// the background for the window, at once for an export): `None` when it cannot be
/// (no 1:10m shapes in the data folder), so that whoever waits for it is answered.
/// Every scene of that rule shares the slot, so a scene drawn before the detail
/// was ready draws it as soon as it is.
pub type DetailSlot = std::sync::Arc<std::sync::OnceLock<Option<std::sync::Arc<MapGeometry>>>>;

impl MapGeometry {
    /// Whether `self` and `other` list the same countries in the same order, so
    /// that an index into one is an index into the other: what lets a scene built
    /// on the 1:50m shapes be drawn with the 1:10m ones.
    pub fn same_countries(&self, other: &Self) -> bool {
        self.rule == other.rule
            && self.countries.len() == other.countries.len()
            && self.countries.iter().zip(&other.countries).all(|(a, b)| a.code == b.code)
    }
}
pub use projection::{LonLat, PlanePoint, Projector};
pub use shapes::{ShapeFeature, ShapeSet};
