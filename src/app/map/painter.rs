//! Paints a [`Scene`] in the window, framed by the same [`Framing`] the exporters
//! use. The map's layers (sea, fills, hatches, borders, dashed and compare-mode
//! outlines) are one picture, painted off the UI thread by the export's raster
//! painter ([`crate::export::paint_map_layers`]) for each view and scene; labels,
//! hover, selection and commitment lines are drawn by egui over it every frame.
//!
//! Why a picture: on a software renderer (Mesa's lavapipe, what a machine without
//! a GPU driver gets) the tens of thousands of thin triangles of borders, hatches
//! and fills cost more than everything else in the window, and their binning
//! dominated its memory. While a new picture is painted, the last one is drawn
//! moved and scaled to the current view, as map viewers do, so panning and
//! zooming never wait; a new scene (a date, a layer) waits for its own picture,
//! since the old one would show the wrong colours.

use std::sync::Arc;

use egui::epaint::{PathShape, PathStroke, QuadraticBezierShape};
use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, TextureHandle};

use super::super::jobs::Job;
use super::super::style::color32;
use crate::geometry::MapGeometry;
use crate::model::CountryCode;
use crate::scene::{CommitmentArc, Framing, Scene, max_shape_error_km};

/// A plane point on screen.
#[inline]
fn screen(framing: &Framing, p: [f32; 2]) -> Pos2 {
    Pos2::from(framing.apply(p))
}

/// What a map picture shows, to tell whether it is the one to draw.
#[derive(Clone, Copy, Debug, PartialEq)]
struct PictureKey {
    /// The scene it is painted from.
    generation: u64,
    /// The shapes it is painted from (1:50m, or 1:10m once loaded), by address.
    shapes: usize,
    /// The view, in screen points.
    framing: Framing,
    /// Where it goes on screen, in whole physical pixels: min and max corners.
    rect_px: [i32; 4],
    pixels_per_point: f32,
    /// Whether it carries the country names.
    labels: bool,
}

impl PictureKey {
    fn new(
        scene: &Scene,
        shapes: &Arc<MapGeometry>,
        framing: Framing,
        rect: Rect,
        pixels_per_point: f32,
        labels: bool,
    ) -> Self {
        let px = |v: f32| (v * pixels_per_point).round() as i32;
        Self {
            generation: scene.generation,
            shapes: Arc::as_ptr(shapes) as usize,
            framing,
            rect_px: [px(rect.min.x), px(rect.min.y), px(rect.max.x), px(rect.max.y)],
            pixels_per_point,
            labels,
        }
    }

    /// Whether a picture painted for `painted` shows what this one shows but for
    /// the view: the same scene, with or without names alike.
    fn shows_scene_of(&self, painted: &PictureKey) -> bool {
        painted.generation == self.generation && painted.labels == self.labels
    }

    /// The picture's size in pixels.
    fn size_px(&self) -> [u32; 2] {
        let [x0, y0, x1, y1] = self.rect_px;
        [(x1 - x0).max(0) as u32, (y1 - y0).max(0) as u32]
    }

    /// Where it goes on screen, in points.
    fn rect(&self) -> Rect {
        let [x0, y0, x1, y1] = self.rect_px.map(|v| v as f32 / self.pixels_per_point);
        Rect::from_min_max(Pos2::new(x0, y0), Pos2::new(x1, y1))
    }

    /// The framing in the picture's own pixels: plane kilometres to its top left.
    fn framing_px(&self) -> Framing {
        let ppp = self.pixels_per_point;
        Framing {
            origin_px: [
                self.framing.origin_px[0] * ppp - self.rect_px[0] as f32,
                self.framing.origin_px[1] * ppp - self.rect_px[1] as f32,
            ],
            px_per_km: self.framing.px_per_km * ppp,
        }
    }
}

/// Paints the map picture for `key` from `shapes` (the ones the key names), as egui
/// takes it, setting names in `font`. `None` for a picture too large to paint.
fn paint_picture(scene: &Scene, shapes: &MapGeometry, key: PictureKey, font: &[u8]) -> Option<egui::ColorImage> {
    let size = key.size_px();
    let labels = key.labels.then_some(font);
    // The painter's premultiplied RGBA is egui's colour layout: painted in place.
    let mut pixels = vec![Color32::TRANSPARENT; size[0] as usize * size[1] as usize];
    let rows = bytemuck::cast_slice_mut(&mut pixels);
    crate::export::paint_map_layers(scene, shapes, key.framing_px(), size, key.pixels_per_point, labels, rows).ok()?;
    Some(egui::ColorImage::new([size[0] as usize, size[1] as usize], pixels))
}

/// How the map picture is sampled: nearest. Drawn where it was painted for, each
/// pixel lands on one texel; drawn moved and scaled for the few frames until the
/// next picture, it is blocky rather than blurred, and a software renderer samples
/// it for less (53 against 65 ms a frame under lavapipe, measured).
const PICTURE_TEXTURE: egui::TextureOptions = egui::TextureOptions {
    magnification: egui::TextureFilter::Nearest,
    minification: egui::TextureFilter::Nearest,
    wrap_mode: egui::TextureWrapMode::ClampToEdge,
    mipmap_mode: None,
};

/// The map picture on screen.
struct ShownPicture {
    key: PictureKey,
    texture: TextureHandle,
}

/// The map's picture: the one shown, and the one being painted.
#[derive(Default)]
pub struct MapPainter {
    shown: Option<ShownPicture>,
    painting: Option<(PictureKey, Job<Option<egui::ColorImage>>)>,
    /// A picture that could not be painted (larger than an export may be): not
    /// tried again every frame.
    failed: Option<PictureKey>,
}

/// What the painter draws on top of the scene for the current interaction.
#[derive(Clone, Debug, Default)]
pub struct Overlay<'a> {
    /// The country under the pointer.
    pub hovered: Option<CountryCode>,
    /// The selected country.
    pub selected: Option<CountryCode>,
    /// The font of the country names.
    pub font: Option<&'a Arc<Vec<u8>>>,
    /// Countries to emphasise (a hovered legend entry).
    pub emphasised: &'a [CountryCode],
    /// Commitment lines of the selection (the scene's analysis).
    pub arcs: &'a [CommitmentArc],
    /// Whether to place country labels.
    pub labels: bool,
}

/// Computes the shapes that painting at `px_per_km` asks `geometry` for (outlines
/// at that scale's level of detail, label anchors), so that a thread can prepare
/// a frame that is not drawn yet.
pub fn prepare_shapes(geometry: &MapGeometry, px_per_km: f32) {
    let max_error_km = max_shape_error_km(px_per_km);
    for country in &geometry.countries {
        country.outline_for(max_error_km);
        country.label_anchor_km();
    }
}

impl MapPainter {
    /// Shows `image`, painted for `key`.
    fn show(&mut self, ctx: &egui::Context, key: PictureKey, image: egui::ColorImage) {
        match &mut self.shown {
            Some(shown) => {
                shown.texture.set(image, PICTURE_TEXTURE);
                shown.key = key;
            }
            None => self.shown = Some(ShownPicture { key, texture: ctx.load_texture("map", image, PICTURE_TEXTURE) }),
        }
    }

    /// Brings the picture up to `key`: takes a finished painting, starts the next,
    /// and, where the picture on screen belongs to another scene (or there is none),
    /// waits for the one that does, so that no frame shows wrong colours or no map.
    fn update_picture(
        &mut self,
        ctx: &egui::Context,
        (scene, shapes): (&Arc<Scene>, &Arc<MapGeometry>),
        font: &Arc<Vec<u8>>,
        key: PictureKey,
        wait: bool,
    ) {
        if key.size_px().contains(&0) {
            // No room for the map (the panels take the window): nothing to paint.
            return;
        }
        let usable = |painted: &PictureKey| key.shows_scene_of(painted);
        if let Some((painted, job)) = self.painting.take() {
            // Waited for only when it is of this scene and nothing else of it is shown.
            let wait_for_it = wait && usable(&painted) && self.shown.as_ref().is_none_or(|s| !usable(&s.key));
            let mut slot = Some(job);
            let finished = if wait_for_it { Job::wait(&mut slot) } else { Job::take_finished(&mut slot) };
            self.painting = slot.map(|job| (painted, job));
            match finished {
                Some(Some(image)) if usable(&painted) => self.show(ctx, painted, image),
                Some(None) => self.failed = Some(painted),
                _ => {}
            }
        }
        if wait && self.shown.as_ref().is_none_or(|s| !usable(&s.key)) && self.failed != Some(key) {
            // Nothing of this scene to show: paint it here.
            match paint_picture(scene, shapes, key, font) {
                Some(image) => self.show(ctx, key, image),
                None => self.failed = Some(key),
            }
        }
        let up_to_date = self.shown.as_ref().is_some_and(|s| s.key == key);
        if !up_to_date && self.painting.is_none() && self.failed != Some(key) {
            let (scene, shapes, font) = (Arc::clone(scene), Arc::clone(shapes), Arc::clone(font));
            self.painting = Some((key, Job::spawn(ctx, move || paint_picture(&scene, &shapes, key, &font))));
        }
    }

    /// Paints the map picture, labels and the overlay in `rect`. With `seen` false
    /// (a frame nobody sees) it only starts painting the picture.
    pub fn paint(
        &mut self,
        painter: &Painter,
        scene: &Arc<Scene>,
        framing: Framing,
        overlay: &Overlay<'_>,
        seen: bool,
    ) {
        // The 1:10m shapes when zoomed in and loaded: same countries, same indices.
        // Looked up once: they may finish loading in the background at any moment.
        let shared = scene.shared_shapes_at(framing.px_per_km);
        let geometry: &MapGeometry = shared;
        let clip = painter.clip_rect();
        let ctx = painter.ctx();
        let labels = overlay.labels && overlay.font.is_some();
        let key = PictureKey::new(scene, shared, framing, clip, ctx.pixels_per_point(), labels);
        let font = overlay.font.cloned().unwrap_or_default();
        self.update_picture(ctx, (scene, shared), &font, key, seen);
        if !seen {
            return;
        }
        let palette = &scene.palette;
        // Only a picture of this scene: one of another (whose own could not be
        // painted) would show the wrong colours.
        let shown = self.shown.as_ref().filter(|shown| key.shows_scene_of(&shown.key));
        let covered = shown.is_some_and(|s| s.key.framing == framing && s.key.rect().contains_rect(clip));
        if !covered {
            // The sea where a picture drawn moved and scaled leaves a gap.
            painter.rect_filled(clip, 0.0, color32(palette.sea));
        }
        if let Some(shown) = shown {
            // Where the picture's corners are in this frame's view.
            let painted = shown.key.rect();
            let corner = |p: Pos2| {
                let plane = shown.key.framing.invert(p.into());
                screen(&framing, [plane.x_km as f32, plane.y_km as f32])
            };
            let rect = Rect::from_min_max(corner(painted.min), corner(painted.max));
            let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
            painter.image(shown.texture.id(), rect, uv, Color32::WHITE);
        }

        let max_error_km = max_shape_error_km(framing.px_per_km);
        let mut shapes = Vec::new();
        // Emphasis, hover and selection (a casing under the selection).
        let widths = palette.highlight;
        let selection = color32(palette.selection);
        let highlights = overlay
            .emphasised
            .iter()
            .map(|&code| (code, Stroke::new(widths.emphasis_px, selection)))
            .chain(overlay.hovered.map(|code| (code, Stroke::new(widths.hover_px, color32(palette.hover)))))
            .chain(
                overlay
                    .selected
                    .map(|code| (code, Stroke::new(widths.selection_casing_px, color32(palette.selection_casing)))),
            )
            .chain(overlay.selected.map(|code| (code, Stroke::new(widths.selection_px, selection))));
        for (code, stroke) in highlights {
            outline_country(&mut shapes, geometry, code, framing, max_error_km, stroke);
        }
        painter.extend(shapes);

        paint_arcs(painter, scene, framing, overlay.arcs);
    }
}

/// An open line through `points`: egui cuts sharp corners off open lines but not
/// off closed loops, whose miters spike (rings repeat their first point anyway).
fn open_line(points: Vec<Pos2>, stroke: Stroke) -> Shape {
    Shape::Path(PathShape { points, closed: false, fill: Color32::TRANSPARENT, stroke: PathStroke::from(stroke) })
}

fn outline_country(
    shapes: &mut Vec<Shape>,
    geometry: &MapGeometry,
    code: CountryCode,
    framing: Framing,
    max_error_km: f32,
    stroke: Stroke,
) {
    let Some(country) = geometry.index_of(code).map(|index| &geometry.countries[index]) else {
        return;
    };
    for ring in &country.outline_for(max_error_km).rings_km {
        shapes.push(open_line(ring.iter().map(|&p| screen(&framing, p)).collect(), stroke));
    }
}

/// Commitment arcs: quadratic curves bowed to one side, with an arrowhead where a
/// pledge runs one way.
fn paint_arcs(painter: &Painter, scene: &Scene, framing: Framing, arcs: &[CommitmentArc]) {
    let geometry = &scene.geometry;
    let style = scene.palette.arcs;
    for arc in arcs {
        let (Some(a), Some(b)) = (geometry.index_of(arc.from), geometry.index_of(arc.to)) else {
            continue;
        };
        let Some([start, control, end]) = crate::scene::arc_curve(
            framing.apply(geometry.countries[a].label_anchor_km()),
            framing.apply(geometry.countries[b].label_anchor_km()),
        )
        .map(|points| points.map(Pos2::from)) else {
            continue;
        };
        let stroke = Stroke::new(if arc.dashed { style.basing_px } else { style.defence_px }, color32(arc.colour));
        let curve =
            QuadraticBezierShape::from_points_stroke([start, control, end], false, Color32::TRANSPARENT, stroke);
        if arc.dashed {
            let points = curve.flatten(Some(0.5));
            painter.extend(Shape::dashed_line(&points, stroke, style.dash_on_px, style.dash_off_px));
        } else {
            painter.add(curve);
        }
        if !arc.mutual {
            let direction = (end - control).normalized();
            let size = style.arrow_px;
            let left = end - direction * size + direction.rot90() * size * 0.5;
            let right = end - direction * size - direction.rot90() * size * 0.5;
            painter.add(Shape::convex_polygon(vec![end, left, right], color32(arc.colour), Stroke::NONE));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::DataDir;
    use crate::model::Date;
    use crate::workspace::{Clock, Edit, MapData, Workspace, default_layout};

    fn workspace() -> Workspace {
        let data = MapData::load(&DataDir::resolve(None)).expect("the shipped data loads");
        let date = Date::constant(2024, 6, 1);
        let layout = default_layout(&data.atlas, date);
        Workspace::with_layout(data, layout, Clock::Fixed(date))
    }

    const MAP_RECT: Rect = Rect::from_min_max(Pos2::new(20.0, 10.0), Pos2::new(420.0, 310.0));

    /// One frame of the map painter in [`MAP_RECT`], with labels.
    fn frame(ctx: &egui::Context, painter: &mut MapPainter, workspace: &Workspace, framing: Framing) {
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, egui::vec2(440.0, 320.0))),
            ..Default::default()
        };
        let overlay = Overlay { font: Some(&workspace.data().font), labels: true, ..Default::default() };
        let mut output = ctx.run_ui(input, |ui| {
            painter.paint(&ui.painter_at(MAP_RECT), workspace.scene(), framing, &overlay, true);
        });
        // No renderer takes the picture's texture here.
        output.textures_delta.clear();
    }

    fn framing(workspace: &Workspace) -> Framing {
        let geometry = &workspace.scene().geometry;
        Framing::for_view(geometry, &workspace.layout().view, MAP_RECT.min.into(), MAP_RECT.size().into())
    }

    /// The first frame and a frame after the scene changed show their own picture
    /// at once (no frame without a map, none with the old colours); a frame after
    /// the view moved shows the last picture moved while the next is painted, and
    /// a later frame shows the new one.
    #[test]
    fn a_new_scene_waits_for_its_picture_and_a_moved_view_does_not() {
        let ctx = egui::Context::default();
        let mut workspace = workspace();
        let mut painter = MapPainter::default();
        let framing = framing(&workspace);

        frame(&ctx, &mut painter, &workspace, framing);
        let shown = painter.shown.as_ref().expect("the first frame has its picture").key;
        assert_eq!(
            (shown.generation, shown.framing, shown.size_px()),
            (workspace.scene().generation, framing, [400, 300])
        );

        let moved = Framing { origin_px: [framing.origin_px[0] + 50.0, framing.origin_px[1]], ..framing };
        frame(&ctx, &mut painter, &workspace, moved);
        assert_eq!(painter.shown.as_ref().map(|s| s.key.framing), Some(framing), "the old picture, moved");
        assert!(painter.painting.is_some(), "the moved view's picture is being painted");
        for _ in 0..500 {
            if painter.shown.as_ref().is_some_and(|s| s.key.framing == moved) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            frame(&ctx, &mut painter, &workspace, moved);
        }
        assert_eq!(painter.shown.as_ref().map(|s| s.key.framing), Some(moved), "the moved view's own picture");

        let before = workspace.scene().generation;
        let _ = workspace.apply(Edit::SetDate(Date::constant(1995, 1, 1)));
        assert_ne!(workspace.scene().generation, before, "a new date is a new scene");
        frame(&ctx, &mut painter, &workspace, moved);
        let shown = painter.shown.as_ref().map(|s| s.key.generation);
        assert_eq!(shown, Some(workspace.scene().generation), "a new scene's picture at once");
    }

    /// A picture for a map that does not start at the window's corner, at 1.5
    /// pixels a point, has each place where the screen shows it: an island of a
    /// few pixels is land, and the sea beside it is sea.
    #[test]
    fn the_picture_lines_up_with_its_place_on_screen() {
        let workspace = workspace();
        let scene = workspace.scene();
        let framing = framing(&workspace);
        let key = PictureKey::new(scene, &scene.geometry, framing, MAP_RECT, 1.5, false);
        assert_eq!(key.size_px(), [600, 450]);
        let image = paint_picture(scene, &scene.geometry, key, &[]).expect("painted");
        let pixel = |lon_deg: f64, lat_deg: f64| {
            let p = scene.geometry.projector.plane_from_lonlat(crate::geometry::LonLat { lon_deg, lat_deg });
            let [x, y] = framing.apply([p.x_km as f32, p.y_km as f32]);
            let (x, y) = ((x * 1.5) as usize - key.rect_px[0] as usize, (y * 1.5) as usize - key.rect_px[1] as usize);
            image.pixels[y * image.size[0] + x].to_array()
        };
        let sea = scene.palette.sea.0;
        // Sri Lanka, a dozen pixels across here, and the sea a degree off its coasts.
        assert_ne!(pixel(80.7, 7.9), sea, "Sri Lanka is drawn where it is");
        for (lon, lat) in [(78.6, 6.5), (82.9, 8.0), (80.7, 4.9)] {
            assert_eq!(pixel(lon, lat), sea, "sea at {lon}, {lat}");
        }
    }
}
