//! Where the map looks, as the window works with it. The layout's [`View`] is the
//! one source of truth: every frame the camera is derived from it, pan and zoom
//! make a new camera, and the window turns that back into a `View` edit. So what
//! Save writes is always what the screen shows, and undo moves the map too.

use crate::geometry::{MapGeometry, PlanePoint};
use crate::model::View;
use crate::scene::{Framing, view_centre_km};

/// A view in plane coordinates: the centre point and the zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// The plane point at the centre of the map.
    pub centre_km: PlanePoint,
    /// Zoom relative to the default view (1 = all of Eurasia fits).
    pub zoom: f32,
}

impl Camera {
    /// The camera showing `view` on `geometry`'s projection.
    pub fn from_view(geometry: &MapGeometry, view: &View) -> Self {
        Self { centre_km: view_centre_km(geometry, view), zoom: clamp_zoom(view.zoom) as f32 }
    }

    /// The view this camera shows, rounded to six decimals (about 0.1 m) so saved
    /// files stay short and stable; `None` if the centre is off the projection.
    pub fn to_view(self, geometry: &MapGeometry) -> Option<View> {
        let centre = geometry.projector.lonlat_from_plane(self.centre_km)?;
        let round = |x: f64| (x * 1e6).round() / 1e6;
        Some(View {
            centre_lon: round(centre.lon_deg),
            centre_lat: round(centre.lat_deg),
            zoom: round(clamp_zoom(f64::from(self.zoom))),
        })
    }

    /// How the camera frames the map in a screen rectangle.
    pub fn framing(self, geometry: &MapGeometry, rect: egui::Rect) -> Framing {
        Framing::fit(geometry, self.centre_km, self.zoom, rect.min.into(), rect.size().into())
    }

    /// Moved so the map follows a drag of `delta` screen points.
    pub fn panned(self, delta: egui::Vec2, px_per_km: f32) -> Self {
        let centre_km = PlanePoint {
            x_km: self.centre_km.x_km - f64::from(delta.x / px_per_km),
            y_km: self.centre_km.y_km + f64::from(delta.y / px_per_km),
        };
        Self { centre_km, ..self }
    }

    /// Zoomed by `factor`, keeping the plane point under `anchor` where it is.
    pub fn zoomed_about(self, geometry: &MapGeometry, rect: egui::Rect, anchor: egui::Pos2, factor: f32) -> Self {
        let fixed = self.framing(geometry, rect).invert(anchor.into());
        let zoomed = Self { zoom: clamp_zoom(f64::from(self.zoom * factor)) as f32, ..self };
        let moved = zoomed.framing(geometry, rect).invert(anchor.into());
        let centre_km = PlanePoint {
            x_km: zoomed.centre_km.x_km + fixed.x_km - moved.x_km,
            y_km: zoomed.centre_km.y_km + fixed.y_km - moved.y_km,
        };
        Self { centre_km, ..zoomed }
    }

    /// With the centre kept over the map's shapes, so the map can never be panned
    /// out of sight.
    pub fn kept_over(self, geometry: &MapGeometry) -> Self {
        let bounds = geometry.bounds;
        let centre_km = PlanePoint {
            x_km: self.centre_km.x_km.clamp(f64::from(bounds.min_x_km), f64::from(bounds.max_x_km)),
            y_km: self.centre_km.y_km.clamp(f64::from(bounds.min_y_km), f64::from(bounds.max_y_km)),
        };
        Self { centre_km, ..self }
    }
}

/// The layout format's zoom range is the window's.
fn clamp_zoom(zoom: f64) -> f64 {
    zoom.clamp(*View::ZOOM_RANGE.start(), *View::ZOOM_RANGE.end())
}
