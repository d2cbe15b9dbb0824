//! The map widget: shows the scene where the layout's view says, turns pan and zoom
//! into a new view, and reports hover and clicks by country code.

mod camera;
mod painter;

use egui::{Key, Pos2, Rect, Response, Sense, Ui, Vec2};

pub use camera::Camera;
use painter::MapPainter;
pub use painter::{Overlay, prepare_shapes};

use crate::model::{CountryCode, View};
use crate::scene::{Framing, Scene};

/// What the map widget reports after a frame.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MapEvents {
    /// A click: `Some(Some(code))` selects a country, `Some(None)` clicked the sea.
    pub clicked: Option<Option<CountryCode>>,
    /// The view after this frame's pan and zoom, when they moved it.
    pub moved_to: Option<View>,
    /// The scale drawn this frame, in screen points per plane kilometre: the app
    /// starts loading the 1:10m shapes as it nears [`crate::geometry::DETAIL_FROM_PX_PER_KM`].
    pub px_per_km: f32,
}

/// The map widget's state: hover, selection and the painter's caches. Where the
/// map looks is not here: it is the layout's view.
#[derive(Default)]
pub struct MapView {
    /// The selected country.
    pub selected: Option<CountryCode>,
    /// The country under the pointer last frame.
    pub hovered: Option<CountryCode>,
    /// The number of the first frame a person sees. eframe paints frame 0 while the
    /// window is still hidden and shows the window after it; on X11 that frame is
    /// never on screen, so it only starts painting the map's picture, which frame 1
    /// shows. 0 where the first frame is seen.
    pub first_seen_frame: u64,
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

/// The map's own gestures for the help: they act on the map, not through the
/// action table, because they need the pointer.
pub const GESTURES: &[(&str, &str)] = &[
    ("Drag, arrow keys", "Pan the map"),
    ("Wheel, pinch, + / -", "Zoom at the pointer"),
    ("Double-click", "Reset the view to Eurasia"),
    ("Click", "Select a country and open its inspector"),
];

/// How `view` frames `scene` in a screen rectangle.
pub fn framing(scene: &Scene, view: &View, rect: Rect) -> Framing {
    Camera::from_view(&scene.geometry, view).framing(&scene.geometry, rect)
}

impl MapView {
    /// Whether the frame `ctx` lays out is one a person sees.
    pub fn is_seen(&self, ctx: &egui::Context) -> bool {
        ctx.cumulative_frame_nr() >= self.first_seen_frame
    }

    /// Whether the first frame a person sees has been painted (so `ctx` is in a
    /// later frame): work that would compete with it can start.
    pub fn first_seen_frame_painted(&self, ctx: &egui::Context) -> bool {
        ctx.cumulative_frame_nr() > self.first_seen_frame
    }

    /// Shows the map in all the space `ui` offers, as `view` frames it, and handles
    /// pan, zoom, hover and clicks. `overlay` carries what the app adds (arcs,
    /// emphasis, labels); hover and selection are filled in here.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        scene: &std::sync::Arc<Scene>,
        view: &View,
        overlay: Overlay<'_>,
    ) -> (Response, MapEvents) {
        let size = ui.available_size();
        let (response, painter) = ui.allocate_painter(size, Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Map"));
        let rect = response.rect;
        let geometry = &scene.geometry;

        let before = Camera::from_view(geometry, view);
        let after = handle_pan_and_zoom(ui, scene, &response, before);
        let moved_to = (after != before).then(|| after.to_view(geometry)).flatten();
        let framing = after.framing(geometry, rect);

        // Hit-test the shapes drawn: at 1:10m when zoomed in, so islets and coasts
        // answer where they are seen. Indices agree at both scales.
        let drawn = scene.shapes_at(framing.px_per_km);
        let country_at = |pos: Pos2| drawn.country_at(framing.invert(pos.into())).map(|i| drawn.countries[i].code);
        self.hovered = response.hover_pos().and_then(country_at);
        let clicked = response.clicked().then(|| response.interact_pointer_pos().and_then(country_at));

        let overlay = Overlay { hovered: self.hovered, selected: self.selected, ..overlay };
        let seen = self.is_seen(ui.ctx());
        self.painter.paint(&painter, scene, framing, &overlay, seen);
        let response = match self.hovered.and_then(|code| geometry.index_of(code)) {
            Some(index) => response.on_hover_text_at_pointer(hover_text(scene, index)),
            None => response,
        };
        (response, MapEvents { clicked, moved_to, px_per_km: framing.px_per_km })
    }
}

/// The tooltip: the country, its disputed parts, and its status in each shown layer.
fn hover_text(scene: &Scene, index: usize) -> String {
    let country = &scene.geometry.countries[index];
    let mut text = country.name.clone();
    if !country.disputed_parts.is_empty() {
        text.push_str(&format!(" (incl. {}, disputed)", country.disputed_parts.join(", ")));
    }
    for m in &scene.memberships[index] {
        let layer = &scene.legend.layers[m.layer];
        let hypothetical = if m.hypothetical { " (hypothetical)" } else { "" };
        let also: String = m.also.iter().map(|s| format!(" and {s}")).collect();
        text.push_str(&format!("\n{} {}{also}{hypothetical}", layer.org, m.status));
    }
    text
}

/// The camera after this frame's drag, wheel, pinch and keys.
fn handle_pan_and_zoom(ui: &Ui, scene: &Scene, response: &Response, camera: Camera) -> Camera {
    let geometry = &scene.geometry;
    let rect = response.rect;
    if response.double_clicked() {
        return Camera::from_view(geometry, &View::EURASIA);
    }
    let mut camera = camera;
    let px_per_km = camera.framing(geometry, rect).px_per_km;
    if response.dragged() {
        camera = camera.panned(response.drag_delta(), px_per_km);
    }

    let keyboard_free = !ui.ctx().egui_wants_keyboard_input();
    let zoom_modifier = ui.ctx().options(|o| o.input_options.zoom_modifier);
    let (wheel_points, pinch, keys) = ui.input(|i| {
        let keys = keyboard_free.then(|| {
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
            (pan, zoom_in, zoom_out)
        });
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

    if let Some((pan, zoom_in, zoom_out)) = keys {
        if pan != Vec2::ZERO {
            camera = camera.panned(pan * rect.size() * ARROW_PAN_SHARE, px_per_km);
        }
        if zoom_in {
            camera = camera.zoomed_about(geometry, rect, rect.center(), KEY_ZOOM_STEP);
        }
        if zoom_out {
            camera = camera.zoomed_about(geometry, rect, rect.center(), 1.0 / KEY_ZOOM_STEP);
        }
    }
    if let Some(pointer) = response.hover_pos() {
        let mut factor = pinch;
        if wheel_points != 0.0 {
            factor *= (wheel_points * ZOOM_PER_WHEEL_POINT).exp();
        }
        if factor != 1.0 {
            camera = camera.zoomed_about(geometry, rect, pointer, factor);
        }
    }
    camera.kept_over(geometry)
}
