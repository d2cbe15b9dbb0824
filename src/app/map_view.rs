//! The map widget: pan, zoom, hover and selection over the scene.

use egui::{Key, Pos2, Rect, Response, Sense, Ui, Vec2};

use super::map_painter::{MapPainter, Overlay};
use crate::geometry::{PlanePoint, PlaneRect};
use crate::scene::Scene;

/// Where the map looks and how close: the only state that pan and zoom change.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapCamera {
    /// The plane point at the centre of the widget.
    pub centre_km: PlanePoint,
    /// Zoom relative to the default view (1 = all of Eurasia fits).
    pub zoom: f32,
}

impl Default for MapCamera {
    fn default() -> Self {
        Self { centre_km: PlanePoint { x_km: 0.0, y_km: 0.0 }, zoom: 1.0 }
    }
}

impl MapCamera {
    /// The closest and farthest zoom: far enough to see all of Eurasia with room
    /// around it, close enough for Luxembourg, never so far the map vanishes.
    pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.5..=64.0;
}

/// The mapping from plane kilometres to screen points for one frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenFromPlane {
    /// Screen position of the plane origin.
    pub origin: Pos2,
    /// Screen points per plane kilometre.
    pub points_per_km: f32,
}

impl ScreenFromPlane {
    /// Screen position of a plane point (y flips: north is up).
    #[inline]
    pub fn apply(&self, p: [f32; 2]) -> Pos2 {
        Pos2::new(self.origin.x + p[0] * self.points_per_km, self.origin.y - p[1] * self.points_per_km)
    }

    /// Plane point under a screen position.
    pub fn invert(&self, screen: Pos2) -> PlanePoint {
        PlanePoint {
            x_km: f64::from((screen.x - self.origin.x) / self.points_per_km),
            y_km: f64::from((self.origin.y - screen.y) / self.points_per_km),
        }
    }

    /// The part of the plane that a screen rectangle shows.
    pub fn visible_km(&self, screen: Rect) -> PlaneRect {
        let a = self.invert(screen.left_top());
        let b = self.invert(screen.right_bottom());
        PlaneRect { min_x_km: a.x_km as f32, min_y_km: b.y_km as f32, max_x_km: b.x_km as f32, max_y_km: a.y_km as f32 }
    }
}

/// What the map widget reports after a frame.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MapEvents {
    /// The country under the pointer (index into the scene's countries).
    pub hovered: Option<usize>,
    /// A click: `Some(Some(i))` selects country i, `Some(None)` clicked the sea.
    pub clicked: Option<Option<usize>>,
}

/// The map widget's state: camera, hover and selection.
#[derive(Default)]
pub struct MapView {
    /// Pan and zoom.
    pub camera: MapCamera,
    /// The selected country (index into the scene's countries).
    pub selected: Option<usize>,
    /// The country under the pointer last frame.
    pub hovered: Option<usize>,
    painter: MapPainter,
}

/// How much one step of the mouse wheel (in points) zooms.
const ZOOM_PER_WHEEL_POINT: f32 = 0.0025;
/// Points per wheel "line", as browsers count it.
const POINTS_PER_WHEEL_LINE: f32 = 50.0;
/// How far the arrow keys pan, as a share of the widget.
const ARROW_PAN_SHARE: f32 = 0.1;
/// How much `+` and `-` zoom.
const KEY_ZOOM_STEP: f32 = 1.25;

impl MapView {
    /// Puts the camera back on the default view of Eurasia.
    pub fn reset_view(&mut self, scene: &Scene) {
        let view = crate::model::View::EURASIA;
        let centre_km = scene
            .geometry
            .projector
            .plane_from_lonlat(crate::geometry::LonLat { lon_deg: view.centre_lon, lat_deg: view.centre_lat });
        self.camera = MapCamera { centre_km, zoom: view.zoom as f32 };
    }

    /// The screen mapping for a widget rectangle under the current camera.
    pub fn screen_from_plane(&self, scene: &Scene, rect: Rect) -> ScreenFromPlane {
        // Zoom 1 fits the default view's box around the projection centre, so the
        // default camera (centred on 70 E, 50 N) shows all of it.
        let view = scene.geometry.default_view_km;
        let half_width = view.min_x_km.abs().max(view.max_x_km.abs());
        let half_height = view.min_y_km.abs().max(view.max_y_km.abs());
        let fit = (rect.width() / (2.0 * half_width)).min(rect.height() / (2.0 * half_height));
        let points_per_km = fit * self.camera.zoom;
        ScreenFromPlane {
            origin: Pos2::new(
                rect.center().x - self.camera.centre_km.x_km as f32 * points_per_km,
                rect.center().y + self.camera.centre_km.y_km as f32 * points_per_km,
            ),
            points_per_km,
        }
    }

    /// Shows the map in all the space `ui` offers and handles pan, zoom, hover and
    /// clicks. `overlay` carries what the app adds (arcs, emphasis, labels); hover and
    /// selection are filled in here.
    pub fn ui(&mut self, ui: &mut Ui, scene: &Scene, overlay: Overlay) -> (Response, MapEvents) {
        let size = ui.available_size();
        let (response, painter) = ui.allocate_painter(size, Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Map"));
        let rect = response.rect;

        self.handle_pan_and_zoom(ui, scene, &response);
        let transform = self.screen_from_plane(scene, rect);

        let hovered = response.hover_pos().and_then(|pos| scene.geometry.country_at(transform.invert(pos)));
        self.hovered = hovered;
        let clicked = response
            .clicked()
            .then(|| response.interact_pointer_pos().and_then(|pos| scene.geometry.country_at(transform.invert(pos))));

        let overlay = Overlay { hovered, selected: self.selected, ..overlay };
        self.painter.paint(&painter, scene, transform, &overlay);
        let mut response = response;
        if let Some(index) = hovered {
            let country = &scene.geometry.countries[index];
            let mut text = country.name.clone();
            if !country.disputed_parts.is_empty() {
                text.push_str(&format!(" (incl. {}, disputed)", country.disputed_parts.join(", ")));
            }
            for m in &scene.memberships[index] {
                let layer = &scene.legend.layers[m.layer];
                let hypothetical = if m.hypothetical { " (hypothetical)" } else { "" };
                text.push_str(&format!("\n{} {}{hypothetical}", layer.org, m.status));
            }
            response = response.on_hover_text_at_pointer(text);
        }
        (response, MapEvents { hovered, clicked })
    }

    fn handle_pan_and_zoom(&mut self, ui: &Ui, scene: &Scene, response: &Response) {
        let rect = response.rect;
        let before = self.screen_from_plane(scene, rect);

        if response.double_clicked() {
            self.reset_view(scene);
            return;
        }
        if response.dragged() {
            self.pan_by_points(response.drag_delta(), before.points_per_km);
        }

        let keyboard_free = !ui.ctx().egui_wants_keyboard_input();
        let zoom_modifier = ui.ctx().options(|o| o.input_options.zoom_modifier);
        let (scroll_y, pinch, keys) = ui.input(|i| {
            let keys = if keyboard_free {
                let mut pan = Vec2::ZERO;
                for (key, dir) in [
                    (Key::ArrowLeft, Vec2::new(1.0, 0.0)),
                    (Key::ArrowRight, Vec2::new(-1.0, 0.0)),
                    (Key::ArrowUp, Vec2::new(0.0, 1.0)),
                    (Key::ArrowDown, Vec2::new(0.0, -1.0)),
                ] {
                    if i.key_pressed(key) {
                        pan += dir;
                    }
                }
                let zoom_in = i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals);
                let zoom_out = i.key_pressed(Key::Minus);
                let reset = i.key_pressed(Key::Num0);
                Some((pan, zoom_in, zoom_out, reset))
            } else {
                None
            };
            // Raw wheel events rather than egui's smoothed delta: each notch zooms at
            // once and by the same amount, which a map wants (and tests can check).
            // Ctrl+wheel already arrives as `zoom_delta`, so it is skipped here.
            let wheel_points: f32 = i
                .events
                .iter()
                .filter_map(|event| match event {
                    egui::Event::MouseWheel { unit, delta, modifiers, .. } if !modifiers.matches_any(zoom_modifier) => {
                        Some(match unit {
                            egui::MouseWheelUnit::Point => delta.y,
                            egui::MouseWheelUnit::Line => delta.y * POINTS_PER_WHEEL_LINE,
                            egui::MouseWheelUnit::Page => delta.y * rect.height(),
                        })
                    }
                    _ => None,
                })
                .sum();
            (wheel_points, i.zoom_delta(), keys)
        });

        if let Some((pan, zoom_in, zoom_out, reset)) = keys {
            if reset {
                self.reset_view(scene);
                return;
            }
            if pan != Vec2::ZERO {
                self.pan_by_points(pan * rect.size() * ARROW_PAN_SHARE, before.points_per_km);
            }
            let centre = rect.center();
            if zoom_in {
                self.zoom_about(scene, rect, centre, KEY_ZOOM_STEP);
            }
            if zoom_out {
                self.zoom_about(scene, rect, centre, 1.0 / KEY_ZOOM_STEP);
            }
        }

        if let Some(pointer) = response.hover_pos() {
            let mut factor = pinch;
            if scroll_y != 0.0 {
                factor *= (scroll_y * ZOOM_PER_WHEEL_POINT).exp();
            }
            if factor != 1.0 {
                self.zoom_about(scene, rect, pointer, factor);
            }
        }
        self.keep_map_in_view(scene);
    }

    fn pan_by_points(&mut self, delta: Vec2, points_per_km: f32) {
        self.camera.centre_km.x_km -= f64::from(delta.x / points_per_km);
        self.camera.centre_km.y_km += f64::from(delta.y / points_per_km);
    }

    /// Zooms by `factor` keeping the plane point under `anchor` where it is.
    pub fn zoom_about(&mut self, scene: &Scene, rect: Rect, anchor: Pos2, factor: f32) {
        let before = self.screen_from_plane(scene, rect);
        let fixed = before.invert(anchor);
        let zoom = (self.camera.zoom * factor).clamp(*MapCamera::ZOOM_RANGE.start(), *MapCamera::ZOOM_RANGE.end());
        self.camera.zoom = zoom;
        let after = self.screen_from_plane(scene, rect);
        let moved = after.invert(anchor);
        self.camera.centre_km.x_km += fixed.x_km - moved.x_km;
        self.camera.centre_km.y_km += fixed.y_km - moved.y_km;
    }

    /// Keeps the camera centre over the map's shapes, so the map can never be
    /// panned out of sight.
    fn keep_map_in_view(&mut self, scene: &Scene) {
        let bounds = scene.geometry.bounds;
        let c = &mut self.camera.centre_km;
        c.x_km = c.x_km.clamp(f64::from(bounds.min_x_km), f64::from(bounds.max_x_km));
        c.y_km = c.y_km.clamp(f64::from(bounds.min_y_km), f64::from(bounds.max_y_km));
    }
}
