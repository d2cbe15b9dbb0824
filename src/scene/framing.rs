//! How a scene is framed in a picture: which plane point is where, at what scale.
//! The window and the exporters share this, so an export of a layout shows what the
//! window shows for the same view.

use crate::geometry::{LonLat, MapGeometry, PlanePoint, PlaneRect};
use crate::model::View;

/// The plane point at the centre of a view: the one conversion from a layout's
/// view to the plane, for the window and the exporters alike.
pub fn view_centre_km(geometry: &MapGeometry, view: &View) -> PlanePoint {
    geometry.projector.plane_from_lonlat(LonLat { lon_deg: view.centre_lon, lat_deg: view.centre_lat })
}

/// The mapping from plane kilometres to picture pixels (y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Framing {
    /// Picture position of the plane origin, pixels.
    pub origin_px: [f32; 2],
    /// Pixels per plane kilometre.
    pub px_per_km: f32,
}

/// The most a drawn outline or fill may differ from the exact shape, in pixels:
/// finer shapes only cost rasterising time. The window and the exporters share it.
const MAX_SHAPE_ERROR_PX: f32 = 0.5;

/// The error in plane kilometres that [`MAX_SHAPE_ERROR_PX`] allows at a scale of
/// `px_per_km`: what to ask a country's levels of detail for.
pub fn max_shape_error_km(px_per_km: f32) -> f32 {
    MAX_SHAPE_ERROR_PX / px_per_km
}

impl Framing {
    /// Frames `centre_km` at the middle of a picture rectangle at `zoom`, where zoom 1
    /// fits the default view's box around the projection centre.
    pub fn fit(
        geometry: &MapGeometry,
        centre_km: PlanePoint,
        zoom: f32,
        rect_min: [f32; 2],
        rect_size: [f32; 2],
    ) -> Self {
        let view = geometry.default_view_km;
        let half_width = view.min_x_km.abs().max(view.max_x_km.abs());
        let half_height = view.min_y_km.abs().max(view.max_y_km.abs());
        let fit = (rect_size[0] / (2.0 * half_width)).min(rect_size[1] / (2.0 * half_height));
        let px_per_km = fit * zoom;
        let centre = [rect_min[0] + rect_size[0] / 2.0, rect_min[1] + rect_size[1] / 2.0];
        Self {
            origin_px: [centre[0] - centre_km.x_km as f32 * px_per_km, centre[1] + centre_km.y_km as f32 * px_per_km],
            px_per_km,
        }
    }

    /// Frames a layout's view in a picture rectangle.
    pub fn for_view(geometry: &MapGeometry, view: &View, rect_min: [f32; 2], rect_size: [f32; 2]) -> Self {
        Self::fit(geometry, view_centre_km(geometry, view), view.zoom as f32, rect_min, rect_size)
    }

    /// Picture position of a plane point.
    #[inline]
    pub fn apply(&self, p: [f32; 2]) -> [f32; 2] {
        [self.origin_px[0] + p[0] * self.px_per_km, self.origin_px[1] - p[1] * self.px_per_km]
    }

    /// Plane point at a picture position.
    pub fn invert(&self, px: [f32; 2]) -> PlanePoint {
        PlanePoint {
            x_km: f64::from((px[0] - self.origin_px[0]) / self.px_per_km),
            y_km: f64::from((self.origin_px[1] - px[1]) / self.px_per_km),
        }
    }

    /// The part of the plane that a picture rectangle shows.
    pub fn visible_km(&self, rect_min: [f32; 2], rect_max: [f32; 2]) -> PlaneRect {
        let a = self.invert(rect_min);
        let b = self.invert(rect_max);
        PlaneRect { min_x_km: a.x_km as f32, min_y_km: b.y_km as f32, max_x_km: b.x_km as f32, max_y_km: a.y_km as f32 }
    }
}
