//! Country shapes as decoded from the shape asset, in longitude/latitude degrees:
//! the input of [`MapGeometry::build`](super::MapGeometry::build). Plain data, so
//! geometry does not depend on how the file is read (`io::shapes` decodes it).

use geo::MultiPolygon;

use crate::model::CountryCode;

/// One shape of the source data, in longitude/latitude degrees.
#[derive(Clone, Debug, PartialEq)]
pub struct ShapeFeature {
    /// The country the area belongs to under [`crate::model::DisputedRule::UnResolutions`].
    pub code_un: CountryCode,
    /// The country that controls the area, for [`crate::model::DisputedRule::DeFactoControl`].
    pub code_de_facto: CountryCode,
    /// The area's own name: the country's, or e.g. "Crimea" for a disputed area.
    pub name: String,
    /// The area itself, x = longitude, y = latitude, in degrees.
    pub lonlat_deg: MultiPolygon<f64>,
}

/// The whole shape asset.
#[derive(Clone, Debug, PartialEq)]
pub struct ShapeSet {
    /// Where the shapes come from, e.g. "Natural Earth 4.1.0 ...".
    pub source: String,
    /// Features sorted by code.
    pub features: Vec<ShapeFeature>,
}
