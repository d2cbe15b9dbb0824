//! Paints a [`Scene`] with egui, framed by the same [`Framing`] the exporters use.
//! Everything expensive is cached: fills cut into tiles per set of shapes and level
//! of detail, fill and hatch vertices in plane coordinates per scene, tessellated
//! borders and dashed outlines per zoom level. A frame only moves the vertices of
//! the tiles and pieces near the screen, one multiply-add each.

use egui::epaint::{
    Mesh, PathShape, PathStroke, QuadraticBezierShape, TessellationOptions, Tessellator, Vertex, WHITE_UV,
};
use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, TextureHandle, TextureId};

use super::super::style::color32;
use crate::geometry::{MapGeometry, PlaneRect};
use crate::model::CountryCode;
use crate::scene::{CommitmentArc, Framing, HATCH_PERIOD_PX, HatchWeight, Scene, max_shape_error_km};

/// A plane point on screen.
#[inline]
fn screen(framing: &Framing, p: [f32; 2]) -> Pos2 {
    Pos2::from(framing.apply(p))
}

/// Rings smaller than this on screen are not outlined: their fill already shows
/// them, and a stroke around a sub-pixel ring is a blot.
const MIN_RING_POINTS: f32 = 1.5;

/// How much coarser dashed and dotted outlines may be than solid ones: their gaps
/// hide the difference.
const DASHED_ERROR_SCALE: f32 = 2.0;

/// Vertices of one hatch weight: positions in plane kilometres, the hatch normal
/// per vertex, and colours; UVs are computed per frame from screen positions, so
/// the pattern's phase is fixed on screen and lines stay crisp at every zoom.
#[derive(Default)]
struct HatchMesh {
    positions_km: Vec<[f32; 2]>,
    normals: Vec<[f32; 2]>,
    colours: Vec<Color32>,
    indices: Vec<u32>,
    parts: Vec<Part>,
}

/// One tile's run of vertices and indices in a cached mesh, with the box around
/// its vertices, so that a frame copies only what may be on screen: fills come in
/// tiles ([`crate::geometry::FILL_TILE_KM`]) and borders in pieces, because a whole
/// country is far too coarse a unit when zoomed in.
struct Part {
    bounds: PlaneRect,
    vertices: std::ops::Range<u32>,
    indices: std::ops::Range<usize>,
}

impl Part {
    /// The part of a cached mesh holding `tile` of a country's triangles, whose
    /// vertices start at `vertex_offset` and indices at `index_offset` in the mesh.
    fn of_tile(tile: &crate::geometry::TriangleTile, vertex_offset: u32, index_offset: usize) -> Self {
        Self {
            bounds: tile.bounds,
            vertices: vertex_offset + tile.vertices.start..vertex_offset + tile.vertices.end,
            indices: index_offset + tile.indices.start..index_offset + tile.indices.end,
        }
    }

    /// The runs of consecutive parts whose boxes meet `visible`, each as one vertex
    /// range and one index range of the cached mesh, so that the default view
    /// (everything visible) copies one run, as without culling.
    fn visible_runs(parts: &[Part], visible: &PlaneRect) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        let mut runs: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
        let mut extends_last = false;
        for part in parts {
            if !part.bounds.intersects(visible) {
                extends_last = false;
                continue;
            }
            let vertices = part.vertices.start as usize..part.vertices.end as usize;
            match runs.last_mut() {
                Some((v, i)) if extends_last && v.end == vertices.start && i.end == part.indices.start => {
                    v.end = vertices.end;
                    i.end = part.indices.end;
                }
                _ => runs.push((vertices, part.indices.clone())),
            }
            extends_last = true;
        }
        runs
    }

    /// How many vertices and indices `runs` hold, to reserve them at once.
    fn sizes(runs: &[(std::ops::Range<usize>, std::ops::Range<usize>)]) -> (usize, usize) {
        runs.iter().fold((0, 0), |(v, i), (vertices, indices)| (v + vertices.len(), i + indices.len()))
    }
}

/// Appends `indices` (into a cached mesh, its run starting at vertex `from`) to
/// `out`, for a mesh whose copy of that run starts at vertex `to`.
fn rebased_indices(out: &mut Vec<u32>, indices: &[u32], from: usize, to: usize) {
    if from == to {
        out.extend_from_slice(indices);
    } else {
        let (from, to) = (from as u32, to as u32);
        out.extend(indices.iter().map(|i| i - from + to));
    }
}

/// Outlines (borders, or the dashed and compare-mode marks) tessellated once for
/// one set of shapes and one zoom level, in points relative to the plane origin, so
/// panning only adds the origin; zooming re-tessellates.
struct OutlineMesh {
    /// The shapes they were tessellated from.
    geometry: std::sync::Arc<MapGeometry>,
    points_per_km: f32,
    pixels_per_point: f32,
    mesh: Mesh,
    /// Each piece's run of `mesh`.
    parts: Vec<Part>,
}

/// Caches for painting one scene.
#[derive(Default)]
pub struct MapPainter {
    generation: u64,
    /// The shapes the fill and hatch caches were built from (1:50m or 1:10m).
    geometry: Option<std::sync::Arc<MapGeometry>>,
    /// The tolerance of the fills' level of detail in the caches.
    fill_tolerance_km: f32,
    fill_km: Mesh,
    fill_parts: Vec<Part>,
    hatch: [HatchMesh; 2],
    borders: Option<OutlineMesh>,
    /// Dashed (suspended, hypothetical) and compare-mode outlines, like borders.
    marks: Option<OutlineMesh>,
    /// Stripe textures (bold, fine) and whether they are the high-contrast widths.
    textures: Option<([TextureHandle; 2], bool)>,
}

/// What the painter draws on top of the scene for the current interaction.
#[derive(Clone, Debug, Default)]
pub struct Overlay<'a> {
    /// The country under the pointer.
    pub hovered: Option<CountryCode>,
    /// The selected country.
    pub selected: Option<CountryCode>,
    /// Countries to emphasise (a hovered legend entry).
    pub emphasised: &'a [CountryCode],
    /// Commitment lines of the selection (the scene's analysis).
    pub arcs: &'a [CommitmentArc],
    /// Whether to place country labels.
    pub labels: bool,
}

/// Computes the shapes that painting at `px_per_km` asks `geometry` for (fills,
/// outlines and dashed outlines at that scale's level of detail, label anchors),
/// so that a thread can prepare a frame that is not drawn yet.
pub fn prepare_shapes(geometry: &MapGeometry, px_per_km: f32) {
    let max_error_km = max_shape_error_km(px_per_km);
    for country in &geometry.countries {
        country.fill_for(max_error_km);
        country.outline_for(max_error_km);
        country.outline_for(max_error_km * DASHED_ERROR_SCALE);
        country.label_anchor_km();
    }
}

impl MapPainter {
    fn rebuild_if_needed(&mut self, scene: &Scene, geometry: &std::sync::Arc<MapGeometry>, max_error_km: f32) {
        let fill_tolerance_km = crate::geometry::lod_tolerance_km(max_error_km);
        if self.generation == scene.generation
            && self.geometry.as_ref().is_some_and(|built| std::sync::Arc::ptr_eq(built, geometry))
            && self.fill_tolerance_km == fill_tolerance_km
        {
            return;
        }
        let countries = &geometry.countries;
        let mut fill = Mesh::default();
        self.fill_parts.clear();
        for (country, colour) in countries.iter().zip(&scene.fills) {
            let color = color32(*colour);
            let (offset, first_index) = (fill.vertices.len() as u32, fill.indices.len());
            let triangles = country.fill_for(max_error_km);
            fill.vertices.extend(triangles.vertices_km.iter().map(|p| Vertex {
                pos: Pos2::new(p[0], p[1]),
                uv: WHITE_UV,
                color,
            }));
            fill.indices.extend(triangles.indices.iter().map(|i| offset + i));
            self.fill_parts.extend(triangles.tiles.iter().map(|tile| Part::of_tile(tile, offset, first_index)));
        }
        self.fill_km = fill;

        self.hatch = Default::default();
        for hatch in &scene.hatches {
            let target = &mut self.hatch[weight_slot(hatch.weight)];
            let (sin, cos) = hatch.angle_deg.to_radians().sin_cos();
            let (offset, first_index) = (target.positions_km.len() as u32, target.indices.len());
            let color = color32(hatch.colour);
            let triangles = countries[hatch.country].fill_for(max_error_km);
            target.positions_km.extend_from_slice(&triangles.vertices_km);
            target.normals.extend(std::iter::repeat_n([sin, cos], triangles.vertices_km.len()));
            target.colours.extend(std::iter::repeat_n(color, triangles.vertices_km.len()));
            target.indices.extend(triangles.indices.iter().map(|i| offset + i));
            target.parts.extend(triangles.tiles.iter().map(|tile| Part::of_tile(tile, offset, first_index)));
        }
        // Borders do not depend on the scene's styles, but a new palette changes their colour.
        self.borders = None;
        self.marks = None;
        self.generation = scene.generation;
        self.geometry = Some(std::sync::Arc::clone(geometry));
        self.fill_tolerance_km = fill_tolerance_km;
    }

    fn textures(&mut self, ctx: &egui::Context, high_contrast: bool) -> [TextureId; 2] {
        if self.textures.as_ref().is_some_and(|(_, hc)| *hc != high_contrast) {
            self.textures = None;
        }
        let (textures, _) = self.textures.get_or_insert_with(|| {
            let handles = [HatchWeight::Bold, HatchWeight::Fine].map(|weight| {
                ctx.load_texture(
                    format!("hatch-{weight:?}"),
                    stripe_image(weight.width_px(high_contrast)),
                    egui::TextureOptions {
                        magnification: egui::TextureFilter::Linear,
                        minification: egui::TextureFilter::Linear,
                        wrap_mode: egui::TextureWrapMode::Repeat,
                        mipmap_mode: None,
                    },
                )
            });
            (handles, high_contrast)
        });
        [textures[0].id(), textures[1].id()]
    }

    /// Paints background, fills, hatches, borders, labels and the overlay.
    pub fn paint(&mut self, painter: &Painter, scene: &Scene, framing: Framing, overlay: &Overlay<'_>) {
        // The 1:10m shapes when zoomed in and loaded: same countries, same indices.
        // Looked up once: the 1:10m shapes may finish loading in the background
        // at any moment, and every cache of this frame must come from the same ones.
        let shared = scene.shared_shapes_at(framing.px_per_km);
        let geometry: &MapGeometry = shared;
        let max_error_km = max_shape_error_km(framing.px_per_km);
        self.rebuild_if_needed(scene, shared, max_error_km);
        let clip = painter.clip_rect();
        let palette = &scene.palette;
        painter.rect_filled(clip, 0.0, color32(palette.sea));
        let visible = framing.visible_km(clip.min.into(), clip.max.into());

        let texture_ids = self.textures(painter.ctx(), palette.is_high_contrast());

        // Fills: only the tiles on screen.
        let runs = Part::visible_runs(&self.fill_parts, &visible);
        let (vertex_count, index_count) = Part::sizes(&runs);
        let mut mesh = Mesh::default();
        mesh.vertices.reserve_exact(vertex_count);
        mesh.indices.reserve_exact(index_count);
        for (vertices, indices) in runs {
            let base = mesh.vertices.len();
            rebased_indices(&mut mesh.indices, &self.fill_km.indices[indices], vertices.start, base);
            let run = &self.fill_km.vertices[vertices];
            mesh.vertices.extend(run.iter().map(|v| Vertex { pos: screen(&framing, [v.pos.x, v.pos.y]), ..*v }));
        }
        painter.add(Shape::mesh(mesh));

        // Hatches: one textured mesh per weight, of the tiles on screen.
        for (hatch, texture_id) in self.hatch.iter().zip(texture_ids) {
            let runs = Part::visible_runs(&hatch.parts, &visible);
            let (vertex_count, index_count) = Part::sizes(&runs);
            let mut mesh = Mesh::with_texture(texture_id);
            mesh.vertices.reserve_exact(vertex_count);
            mesh.indices.reserve_exact(index_count);
            for (range, indices) in runs {
                rebased_indices(&mut mesh.indices, &hatch.indices[indices], range.start, mesh.vertices.len());
                let vertices = hatch.positions_km[range.clone()].iter().zip(&hatch.normals[range.clone()]);
                for ((p, n), color) in vertices.zip(&hatch.colours[range]) {
                    let pos = screen(&framing, *p);
                    let u = (pos.x * n[0] + pos.y * n[1]) / HATCH_PERIOD_PX;
                    mesh.vertices.push(Vertex { pos, uv: Pos2::new(u, 0.5), color: *color });
                }
            }
            if !mesh.indices.is_empty() {
                painter.add(Shape::mesh(mesh));
            }
        }

        // Borders, dashed outlines (suspended and hypothetical memberships) and
        // compare mode's outlines (joined solid, left dashed, changed dotted).
        self.paint_outlines(painter, scene, shared, framing, visible);

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

        if overlay.labels {
            paint_labels(painter, scene, framing, clip);
        }
        paint_arcs(painter, scene, framing, overlay.arcs);
    }

    /// Borders, then the dashed and compare-mode outlines: each tessellated once
    /// per zoom (their dashes laid out along whole rings, so they stay still while
    /// the map pans), and copied per frame where they are near the screen.
    fn paint_outlines(
        &mut self,
        painter: &Painter,
        scene: &Scene,
        geometry: &std::sync::Arc<MapGeometry>,
        framing: Framing,
        visible: PlaneRect,
    ) {
        let pixels_per_point = painter.ctx().pixels_per_point();
        let stale = |mesh: &Option<OutlineMesh>| {
            mesh.as_ref().is_none_or(|b| {
                !std::sync::Arc::ptr_eq(&b.geometry, geometry)
                    || b.points_per_km != framing.px_per_km
                    || b.pixels_per_point != pixels_per_point
            })
        };
        if stale(&self.borders) {
            self.borders = Some(OutlineBuilder::build(geometry, framing.px_per_km, pixels_per_point, |b| {
                add_borders(b, scene, geometry)
            }));
        }
        if stale(&self.marks) {
            self.marks = Some(OutlineBuilder::build(geometry, framing.px_per_km, pixels_per_point, |b| {
                add_marks(b, scene, geometry)
            }));
        }
        let offset = egui::Vec2::from(framing.origin_px);
        for cached in [&self.borders, &self.marks].into_iter().flatten() {
            let runs = Part::visible_runs(&cached.parts, &visible);
            let (vertex_count, index_count) = Part::sizes(&runs);
            if vertex_count == 0 {
                continue;
            }
            let mut mesh = Mesh::default();
            mesh.vertices.reserve_exact(vertex_count);
            mesh.indices.reserve_exact(index_count);
            for (vertices, indices) in runs {
                rebased_indices(&mut mesh.indices, &cached.mesh.indices[indices], vertices.start, mesh.vertices.len());
                mesh.vertices
                    .extend(cached.mesh.vertices[vertices].iter().map(|v| Vertex { pos: v.pos + offset, ..*v }));
            }
            painter.add(Shape::mesh(mesh));
        }
    }
}

fn weight_slot(weight: HatchWeight) -> usize {
    match weight {
        HatchWeight::Bold => 0,
        HatchWeight::Fine => 1,
    }
}

/// One period of a hatch stripe, one texel per point: alpha is the share of each
/// texel the line covers, so the line is anti-aliased at any phase.
fn stripe_image(width_px: f32) -> egui::ColorImage {
    let period = HATCH_PERIOD_PX as usize;
    let pixels = (0..period)
        .map(|x| {
            let (a, b) = (x as f32, x as f32 + 1.0);
            let covered = (b.min(width_px) - a.max(0.0)).clamp(0.0, 1.0);
            // An alpha mask that the hatch's vertex colour tints, not a colour.
            #[expect(clippy::disallowed_methods, reason = "a coverage mask, coloured by the palette at draw time")]
            let texel = Color32::from_white_alpha((covered * 255.0).round() as u8);
            texel
        })
        .collect();
    egui::ColorImage::new([period, 1], pixels)
}

/// Points in one piece of a tessellated border.
const BORDER_PIECE_POINTS: usize = 128;

/// Builds an [`OutlineMesh`]: shapes given in points relative to the plane
/// origin are tessellated piece by piece, each piece a part with its own box.
struct OutlineBuilder {
    tessellator: Tessellator,
    points_per_km: f32,
    mesh: Mesh,
    parts: Vec<Part>,
}

impl OutlineBuilder {
    /// The mesh of what `add` adds, tessellated for one set of shapes and one zoom.
    fn build(
        geometry: &std::sync::Arc<MapGeometry>,
        points_per_km: f32,
        pixels_per_point: f32,
        add: impl FnOnce(&mut Self),
    ) -> OutlineMesh {
        let mut builder = Self {
            tessellator: Tessellator::new(pixels_per_point, TessellationOptions::default(), [1, 1], Vec::new()),
            points_per_km,
            mesh: Mesh::default(),
            parts: Vec::new(),
        };
        add(&mut builder);
        OutlineMesh {
            geometry: std::sync::Arc::clone(geometry),
            points_per_km,
            pixels_per_point,
            mesh: builder.mesh,
            parts: builder.parts,
        }
    }

    /// A ring (plane kilometres) as points relative to the plane origin.
    fn points(&self, ring: &[[f32; 2]]) -> Vec<Pos2> {
        ring.iter().map(|p| Pos2::new(p[0] * self.points_per_km, -p[1] * self.points_per_km)).collect()
    }

    /// Tessellates `shapes` as one part.
    fn add_piece(&mut self, shapes: impl IntoIterator<Item = Shape>) {
        let (v0, i0) = (self.mesh.vertices.len() as u32, self.mesh.indices.len());
        let mut bounds = PlaneRect::NOTHING;
        for shape in shapes {
            let rect = shape.visual_bounding_rect();
            bounds.include([rect.min.x / self.points_per_km, -rect.min.y / self.points_per_km]);
            bounds.include([rect.max.x / self.points_per_km, -rect.max.y / self.points_per_km]);
            self.tessellator.tessellate_shape(shape, &mut self.mesh);
        }
        self.parts.push(Part {
            bounds,
            vertices: v0..self.mesh.vertices.len() as u32,
            indices: i0..self.mesh.indices.len(),
        });
    }
}

/// An open line through `points`: egui cuts sharp corners off open lines but not
/// off closed loops, whose miters spike (rings repeat their first point anyway).
fn open_line(points: Vec<Pos2>, stroke: Stroke) -> Shape {
    Shape::Path(PathShape { points, closed: false, fill: Color32::TRANSPARENT, stroke: PathStroke::from(stroke) })
}

/// Every country's borders.
fn add_borders(builder: &mut OutlineBuilder, scene: &Scene, geometry: &MapGeometry) {
    let palette = &scene.palette;
    let stroke = Stroke::new(palette.border_width_px, color32(palette.border));
    let max_error_km = max_shape_error_km(builder.points_per_km);
    let min_size_km = MIN_RING_POINTS / builder.points_per_km;
    for country in &geometry.countries {
        let lod = country.outline_for(max_error_km);
        for (ring, bounds) in lod.rings_km.iter().zip(&lod.ring_bounds_km) {
            if bounds.width_km().max(bounds.height_km()) < min_size_km {
                continue;
            }
            // In pieces, so that a frame copies only the pieces near the screen;
            // consecutive pieces share their last segment, so no corner between
            // them goes without its join.
            let mut start = 0;
            while start + 1 < ring.len() {
                let piece = &ring[start..(start + BORDER_PIECE_POINTS).min(ring.len())];
                start = if start + piece.len() == ring.len() { ring.len() } else { start + piece.len() - 2 };
                let line = open_line(builder.points(piece), stroke);
                builder.add_piece([line]);
            }
        }
    }
}

/// The scene's dashed outlines and compare-mode outlines, in parts of a few dozen
/// dashes.
fn add_marks(builder: &mut OutlineBuilder, scene: &Scene, geometry: &MapGeometry) {
    let palette = &scene.palette;
    let max_error_km = max_shape_error_km(builder.points_per_km) * DASHED_ERROR_SCALE;
    let dash = palette.dash;
    let dashed = scene
        .dashed
        .iter()
        .map(|d| (d.country, Stroke::new(dash.width_px, color32(d.colour)), Some((dash.on_px, dash.off_px))));
    let compare = palette.compare;
    let changes = scene.changes.iter().map(|mark| {
        let (colour, pattern) = compare.line(mark.kind);
        (mark.country, Stroke::new(compare.width_px, color32(colour)), pattern)
    });
    for (country, stroke, pattern) in dashed.chain(changes) {
        for ring in &geometry.countries[country].outline_for(max_error_km).rings_km {
            let points = builder.points(ring);
            let shapes = match pattern {
                Some((on, off)) => Shape::dashed_line(&points, stroke, on, off),
                None => vec![open_line(points, stroke)],
            };
            let mut shapes = shapes.into_iter().peekable();
            while shapes.peek().is_some() {
                builder.add_piece(shapes.by_ref().take(MARK_PIECE_SHAPES));
            }
        }
    }
}

/// Dashes (or whole outlines) in one part of the marks' mesh.
const MARK_PIECE_SHAPES: usize = 48;

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

/// Country names, placed by the same rule as exports (`scene::place_labels`),
/// drawn with a halo so they read over hatches.
fn paint_labels(painter: &Painter, scene: &Scene, framing: Framing, clip: Rect) {
    let font = egui::FontId::proportional(12.0);
    let text_color = color32(scene.palette.label);
    let halo = color32(scene.palette.label_halo);
    let mut galleys = std::collections::HashMap::new();
    let placed =
        crate::scene::place_labels(scene, framing, [clip.min.x, clip.min.y], [clip.max.x, clip.max.y], |text| {
            let galley = painter.layout_no_wrap(text.to_owned(), font.clone(), text_color);
            let size = galley.size();
            galleys.insert(text.to_owned(), galley);
            [size.x, size.y]
        });
    for label in placed {
        let Some(galley) = galleys.get(&label.text) else { continue };
        let top_left =
            Pos2::new(label.centre_px[0] - label.size_px[0] / 2.0, label.centre_px[1] - label.size_px[1] / 2.0);
        for offset in [egui::vec2(-1.0, 0.0), egui::vec2(1.0, 0.0), egui::vec2(0.0, -1.0), egui::vec2(0.0, 1.0)] {
            painter.galley_with_override_text_color(top_left + offset, galley.clone(), halo);
        }
        painter.galley(top_left, galley.clone(), text_color);
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
