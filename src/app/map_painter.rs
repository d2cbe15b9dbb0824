//! Paints a [`Scene`] with egui: cached meshes in plane coordinates, moved to the
//! screen each frame by one multiply-add per vertex. Nothing is triangulated or
//! simplified here.

use egui::epaint::{Mesh, PathShape, PathStroke, Vertex, WHITE_UV};
use egui::{Color32, Painter, Shape, Stroke};

use super::map_view::ScreenFromPlane;
use crate::scene::{Rgba8, Scene};

/// Converts palette colours at the edge to egui.
pub fn color32(c: Rgba8) -> Color32 {
    let [r, g, b, a] = c.0;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// Fill vertices with their colours baked in, in plane kilometres; rebuilt only when
/// the scene is replaced.
#[derive(Default)]
pub struct MapPainter {
    /// Identity of the scene the cache was built for.
    scene_key: Option<usize>,
    fill: Mesh,
    /// Screen-space mesh reused between frames so painting does not allocate.
    scratch: Vec<Vertex>,
}

/// Rings smaller than this on screen are not outlined: their fill already shows
/// them, and a stroke around a sub-pixel ring is a blot.
const MIN_RING_POINTS: f32 = 1.5;

/// The most an outline may differ from the exact shape, in screen points.
const OUTLINE_ERROR_POINTS: f32 = 0.5;

impl MapPainter {
    fn rebuild_if_needed(&mut self, scene: &Scene) {
        let key = std::ptr::from_ref(scene) as usize ^ scene.country_styles.len();
        if self.scene_key == Some(key) {
            return;
        }
        let mut mesh = Mesh::default();
        for (country, style) in scene.geometry.countries.iter().zip(&scene.country_styles) {
            let color = color32(style.fill);
            let offset = mesh.vertices.len() as u32;
            mesh.vertices
                .extend(country.fill.vertices_km.iter().map(|p| Vertex {
                    pos: egui::pos2(p[0], p[1]),
                    uv: WHITE_UV,
                    color,
                }));
            mesh.indices
                .extend(country.fill.indices.iter().map(|i| offset + i));
        }
        self.fill = mesh;
        self.scene_key = Some(key);
    }

    /// Paints background, fills, borders, hover and selection.
    pub fn paint(
        &mut self,
        painter: &Painter,
        scene: &Scene,
        transform: ScreenFromPlane,
        hovered: Option<usize>,
        selected: Option<usize>,
    ) {
        self.rebuild_if_needed(scene);
        let clip = painter.clip_rect();
        painter.rect_filled(clip, 0.0, color32(scene.background));

        self.scratch.clear();
        self.scratch
            .extend(self.fill.vertices.iter().map(|v| Vertex {
                pos: transform.apply([v.pos.x, v.pos.y]),
                ..*v
            }));
        let mut mesh = Mesh::default();
        std::mem::swap(&mut mesh.vertices, &mut self.scratch);
        mesh.indices.clone_from(&self.fill.indices);
        painter.add(Shape::mesh(mesh));

        let visible = transform.visible_km(clip);
        let max_error_km = OUTLINE_ERROR_POINTS / transform.points_per_km;
        let border = Stroke::new(scene.border_width_px, color32(scene.border));
        let min_size_km = MIN_RING_POINTS / transform.points_per_km;
        let mut shapes = Vec::with_capacity(scene.geometry.countries.len() * 2);
        for country in &scene.geometry.countries {
            if !country.bounds.intersects(&visible) {
                continue;
            }
            let lod = country.outline_for(max_error_km);
            for (ring, bounds) in lod.rings_km.iter().zip(&lod.ring_bounds_km) {
                let big_enough = bounds.width_km().max(bounds.height_km()) >= min_size_km;
                if big_enough && bounds.intersects(&visible) {
                    shapes.push(ring_line(ring, transform, border));
                }
            }
        }
        for (index, color, width) in [
            (hovered, scene_highlight(scene, false), 1.8),
            (selected, scene_highlight(scene, true), 2.6),
        ] {
            let Some(country) = index.and_then(|i| scene.geometry.countries.get(i)) else {
                continue;
            };
            for ring in &country.outline_for(max_error_km).rings_km {
                shapes.push(ring_line(ring, transform, Stroke::new(width, color)));
            }
        }
        painter.extend(shapes);
    }
}

fn scene_highlight(_scene: &Scene, selected: bool) -> Color32 {
    let palette = crate::scene::Palette::default();
    color32(if selected {
        palette.selection
    } else {
        palette.hover
    })
}

/// A ring (already closed by its repeated first point) as an open line: egui cuts
/// sharp corners off open lines but not off closed loops.
fn ring_line(ring: &[[f32; 2]], transform: ScreenFromPlane, stroke: Stroke) -> Shape {
    let points = ring.iter().map(|&p| transform.apply(p)).collect();
    Shape::Path(PathShape {
        points,
        closed: false,
        fill: Color32::TRANSPARENT,
        stroke: PathStroke::from(stroke),
    })
}
