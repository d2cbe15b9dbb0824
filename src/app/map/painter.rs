//! Paints a [`Scene`] with egui, framed by the same [`Framing`] the exporters use. Everything expensive is cached per scene (fill and
//! hatch vertices in plane coordinates) or per zoom level (tessellated borders); a
//! frame only moves vertices to the screen, one multiply-add each.

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

/// One country's run of vertices and indices in a cached mesh, so that a frame
/// copies only the countries it shows: zoomed into the Caucasus at 1:10m, a tenth
/// of the world's 300,000 vertices instead of all of them.
struct Part {
    country: usize,
    vertices: std::ops::Range<u32>,
    indices: std::ops::Range<usize>,
}

impl Part {
    /// The runs of consecutive parts whose countries' boxes meet `visible`, each as
    /// one vertex range and one index range of the cached mesh, so that the default
    /// view (everything visible) copies one run, as before culling.
    fn visible_runs(
        parts: &[Part],
        countries: &[crate::geometry::CountryShape],
        visible: &PlaneRect,
    ) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        let mut runs: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
        let mut extends_last = false;
        for part in parts {
            if !countries[part.country].bounds.intersects(visible) {
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

/// Borders tessellated once for one zoom level, in points relative to the plane
/// origin, so panning only adds the origin; zooming re-tessellates.
struct BorderMesh {
    points_per_km: f32,
    pixels_per_point: f32,
    mesh: Mesh,
    /// Each country's run of `mesh`.
    parts: Vec<Part>,
}

/// Caches for painting one scene.
#[derive(Default)]
pub struct MapPainter {
    generation: u64,
    /// Whether the caches hold the 1:10m shapes (else the 1:50m ones).
    detailed: bool,
    /// The tolerance of the fills' level of detail in the caches.
    fill_tolerance_km: f32,
    fill_km: Mesh,
    fill_parts: Vec<Part>,
    hatch: [HatchMesh; 2],
    borders: Option<BorderMesh>,
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
    fn rebuild_if_needed(&mut self, scene: &Scene, geometry: &MapGeometry, max_error_km: f32) {
        let detailed = !std::ptr::eq(geometry, &*scene.geometry);
        let fill_tolerance_km = crate::geometry::lod_tolerance_km(max_error_km);
        if self.generation == scene.generation
            && self.detailed == detailed
            && self.fill_tolerance_km == fill_tolerance_km
        {
            return;
        }
        let countries = &geometry.countries;
        let mut fill = Mesh::default();
        self.fill_parts.clear();
        for (index, (country, colour)) in countries.iter().zip(&scene.fills).enumerate() {
            let color = color32(*colour);
            let (offset, first_index) = (fill.vertices.len() as u32, fill.indices.len());
            let triangles = country.fill_for(max_error_km);
            fill.vertices.extend(triangles.vertices_km.iter().map(|p| Vertex {
                pos: Pos2::new(p[0], p[1]),
                uv: WHITE_UV,
                color,
            }));
            fill.indices.extend(triangles.indices.iter().map(|i| offset + i));
            self.fill_parts.push(Part {
                country: index,
                vertices: offset..fill.vertices.len() as u32,
                indices: first_index..fill.indices.len(),
            });
        }
        self.fill_km = fill;

        self.hatch = Default::default();
        for hatch in &scene.hatches {
            let target = &mut self.hatch[weight_slot(hatch.weight)];
            let country = &countries[hatch.country];
            let (sin, cos) = hatch.angle_deg.to_radians().sin_cos();
            let (offset, first_index) = (target.positions_km.len() as u32, target.indices.len());
            let color = color32(hatch.colour);
            let triangles = country.fill_for(max_error_km);
            target.positions_km.extend_from_slice(&triangles.vertices_km);
            target.normals.extend(std::iter::repeat_n([sin, cos], triangles.vertices_km.len()));
            target.colours.extend(std::iter::repeat_n(color, triangles.vertices_km.len()));
            target.indices.extend(triangles.indices.iter().map(|i| offset + i));
            target.parts.push(Part {
                country: hatch.country,
                vertices: offset..target.positions_km.len() as u32,
                indices: first_index..target.indices.len(),
            });
        }
        // Borders do not depend on the scene's styles, but a new palette changes their colour.
        self.borders = None;
        self.generation = scene.generation;
        self.detailed = detailed;
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
        let geometry = scene.shapes_at(framing.px_per_km);
        let max_error_km = max_shape_error_km(framing.px_per_km);
        self.rebuild_if_needed(scene, geometry, max_error_km);
        let clip = painter.clip_rect();
        let palette = &scene.palette;
        painter.rect_filled(clip, 0.0, color32(palette.sea));
        let visible = framing.visible_km(clip.min.into(), clip.max.into());
        let countries = &geometry.countries;

        let texture_ids = self.textures(painter.ctx(), palette.is_high_contrast());

        // Fills: only the countries on screen.
        let mut mesh = Mesh::default();
        for (vertices, indices) in Part::visible_runs(&self.fill_parts, countries, &visible) {
            let base = mesh.vertices.len();
            rebased_indices(&mut mesh.indices, &self.fill_km.indices[indices], vertices.start, base);
            let run = &self.fill_km.vertices[vertices];
            mesh.vertices.extend(run.iter().map(|v| Vertex { pos: screen(&framing, [v.pos.x, v.pos.y]), ..*v }));
        }
        painter.add(Shape::mesh(mesh));

        // Hatches: one textured mesh per weight, of the countries on screen.
        for (hatch, texture_id) in self.hatch.iter().zip(texture_ids) {
            let mut mesh = Mesh::with_texture(texture_id);
            for (range, indices) in Part::visible_runs(&hatch.parts, countries, &visible) {
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

        // Borders.
        self.paint_borders(painter, scene, geometry, framing, visible);

        // Dashed outlines: suspended and hypothetical memberships.
        let mut shapes = Vec::new();
        let dash = palette.dash;
        for dashed in &scene.dashed {
            let country = &geometry.countries[dashed.country];
            if !country.bounds.intersects(&visible) {
                continue;
            }
            let stroke = Stroke::new(dash.width_px, color32(dashed.colour));
            for ring in &country.outline_for(max_error_km * DASHED_ERROR_SCALE).rings_km {
                let points: Vec<Pos2> = ring.iter().map(|&p| screen(&framing, p)).collect();
                shapes.extend(Shape::dashed_line(&points, stroke, dash.on_px, dash.off_px));
            }
        }

        // Compare mode: joined solid, left dashed, changed dotted.
        let compare = palette.compare;
        for mark in &scene.changes {
            let country = &geometry.countries[mark.country];
            if !country.bounds.intersects(&visible) {
                continue;
            }
            let (colour, pattern) = compare.line(mark.kind);
            let stroke = Stroke::new(compare.width_px, color32(colour));
            let Some((on, off)) = pattern else {
                outline_country(
                    &mut shapes,
                    geometry,
                    country.code,
                    framing,
                    max_error_km * DASHED_ERROR_SCALE,
                    stroke,
                );
                continue;
            };
            for ring in &country.outline_for(max_error_km * DASHED_ERROR_SCALE).rings_km {
                let points: Vec<Pos2> = ring.iter().map(|&p| screen(&framing, p)).collect();
                shapes.extend(Shape::dashed_line(&points, stroke, on, off));
            }
        }

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

    fn paint_borders(
        &mut self,
        painter: &Painter,
        scene: &Scene,
        geometry: &MapGeometry,
        framing: Framing,
        visible: crate::geometry::PlaneRect,
    ) {
        let pixels_per_point = painter.ctx().pixels_per_point();
        let stale = self
            .borders
            .as_ref()
            .is_none_or(|b| b.points_per_km != framing.px_per_km || b.pixels_per_point != pixels_per_point);
        if stale {
            self.borders = Some(tessellate_borders(scene, geometry, framing.px_per_km, pixels_per_point));
        }
        let Some(borders) = &self.borders else { return };
        let offset = egui::Vec2::from(framing.origin_px);
        let mut mesh = Mesh::default();
        for (vertices, indices) in Part::visible_runs(&borders.parts, &geometry.countries, &visible) {
            rebased_indices(&mut mesh.indices, &borders.mesh.indices[indices], vertices.start, mesh.vertices.len());
            mesh.vertices.extend(borders.mesh.vertices[vertices].iter().map(|v| Vertex { pos: v.pos + offset, ..*v }));
        }
        painter.add(Shape::mesh(mesh));
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

/// Tessellates every country's borders at one zoom into a mesh whose positions
/// are in points relative to the plane origin.
fn tessellate_borders(scene: &Scene, geometry: &MapGeometry, points_per_km: f32, pixels_per_point: f32) -> BorderMesh {
    let palette = &scene.palette;
    let stroke = Stroke::new(palette.border_width_px, color32(palette.border));
    let max_error_km = max_shape_error_km(points_per_km);
    let min_size_km = MIN_RING_POINTS / points_per_km;
    let mut tessellator = Tessellator::new(pixels_per_point, TessellationOptions::default(), [1, 1], Vec::new());
    let mut mesh = Mesh::default();
    let mut parts = Vec::with_capacity(geometry.countries.len());
    for (index, country) in geometry.countries.iter().enumerate() {
        let (v0, i0) = (mesh.vertices.len() as u32, mesh.indices.len());
        let lod = country.outline_for(max_error_km);
        for (ring, bounds) in lod.rings_km.iter().zip(&lod.ring_bounds_km) {
            if bounds.width_km().max(bounds.height_km()) < min_size_km {
                continue;
            }
            // Open lines (the ring repeats its first point): egui cuts sharp corners
            // off open lines but not off closed loops, whose miters spike.
            let path = PathShape {
                points: ring.iter().map(|p| Pos2::new(p[0] * points_per_km, -p[1] * points_per_km)).collect(),
                closed: false,
                fill: Color32::TRANSPARENT,
                stroke: PathStroke::from(stroke),
            };
            tessellator.tessellate_path(&path, &mut mesh);
        }
        parts.push(Part { country: index, vertices: v0..mesh.vertices.len() as u32, indices: i0..mesh.indices.len() });
    }
    BorderMesh { points_per_km, pixels_per_point, mesh, parts }
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
        shapes.push(Shape::Path(PathShape {
            points: ring.iter().map(|&p| screen(&framing, p)).collect(),
            closed: false,
            fill: Color32::TRANSPARENT,
            stroke: PathStroke::from(stroke),
        }));
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
