use std::collections::BTreeMap;
use std::sync::OnceLock;

use geo::{
    Area, BooleanOps, Coord, InteriorPoint, LineString, MapCoords, MultiPolygon, Polygon, Simplify, TriangulateEarcut,
};

use super::hit_grid::{HitGrid, HitTriangle};
use super::projection::{LonLat, PlanePoint, Projector};
use super::shapes::{ShapeFeature, ShapeSet};
use crate::model::{CountryCode, DisputedRule};

/// An axis-aligned rectangle on the plane, in kilometres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlaneRect {
    /// Western edge.
    pub min_x_km: f32,
    /// Southern edge.
    pub min_y_km: f32,
    /// Eastern edge.
    pub max_x_km: f32,
    /// Northern edge.
    pub max_y_km: f32,
}

impl PlaneRect {
    /// The empty rectangle, which grows to include points.
    pub const NOTHING: Self = Self {
        min_x_km: f32::INFINITY,
        min_y_km: f32::INFINITY,
        max_x_km: f32::NEG_INFINITY,
        max_y_km: f32::NEG_INFINITY,
    };

    /// Grows the rectangle to include `p`.
    pub fn include(&mut self, p: [f32; 2]) {
        self.min_x_km = self.min_x_km.min(p[0]);
        self.min_y_km = self.min_y_km.min(p[1]);
        self.max_x_km = self.max_x_km.max(p[0]);
        self.max_y_km = self.max_y_km.max(p[1]);
    }

    /// Grows the rectangle to include `other`.
    pub fn union(&mut self, other: &Self) {
        self.include([other.min_x_km, other.min_y_km]);
        self.include([other.max_x_km, other.max_y_km]);
    }

    /// Whether the two rectangles share any point.
    pub fn intersects(&self, other: &Self) -> bool {
        self.min_x_km <= other.max_x_km
            && other.min_x_km <= self.max_x_km
            && self.min_y_km <= other.max_y_km
            && other.min_y_km <= self.max_y_km
    }

    /// Width in kilometres.
    pub fn width_km(&self) -> f32 {
        self.max_x_km - self.min_x_km
    }

    /// Height in kilometres.
    pub fn height_km(&self) -> f32 {
        self.max_y_km - self.min_y_km
    }
}

/// A country's outline simplified for one range of zoom: drawing 7,000 points of
/// Russia's coast where a pixel covers 6 km costs frame time and shows nothing more.
#[derive(Clone, Debug, PartialEq)]
pub struct OutlineLod {
    /// Largest distance, in plane kilometres, between this outline and the source.
    pub tolerance_km: f32,
    /// Rings in plane kilometres, each ending with its first point again, so a
    /// painter can stroke them as open lines (egui's closed-loop stroke has no limit
    /// on miter joins, which throws long spikes off hairpin turns).
    pub rings_km: Vec<Vec<[f32; 2]>>,
    /// The box around each ring, to skip rings outside the view or under a pixel.
    pub ring_bounds_km: Vec<PlaneRect>,
}

/// One country as the map draws it under one disputed-territory rule.
#[derive(Clone, Debug)]
pub struct CountryShape {
    /// Its code.
    pub code: CountryCode,
    /// Its common English name.
    pub name: String,
    /// The names of disputed areas drawn as part of it under the rule in force
    /// (e.g. "Crimea" in Ukraine under UN resolutions), for hover text and footers.
    pub disputed_parts: Vec<String>,
    /// The exact shape on the plane, for clipping patterns and placing labels.
    pub area_km: MultiPolygon<f64>,
    /// The outline at each level of detail, finest first, each simplified on first use.
    outlines: [OnceLock<OutlineLod>; OUTLINE_TOLERANCES_KM.len()],
    /// The bounding box on the plane.
    pub bounds: PlaneRect,
    /// Where its name goes: the pole of inaccessibility of its largest part
    /// (computed on first use, when labels are first placed).
    label_anchor_km: OnceLock<[f32; 2]>,
    /// Its area on the plane (equal-area projection: true area), km².
    pub area_km2: f64,
}

impl CountryShape {
    /// The coarsest outline whose error stays under `max_error_km`.
    pub fn outline_for(&self, max_error_km: f32) -> &OutlineLod {
        let level = lod_level(max_error_km);
        self.outlines[level].get_or_init(|| outline_lod(&self.area_km, OUTLINE_TOLERANCES_KM[level]))
    }

    /// Where the country's name and commitment lines go: the point of its largest part
    /// farthest from every edge (the pole of inaccessibility), where a reader looks
    /// for the name. An interior point on a long country (Norway, Vietnam, Chile)
    /// can lie on a narrow neck; this one sits in the widest part of the body.
    pub fn label_anchor_km(&self) -> [f32; 2] {
        *self.label_anchor_km.get_or_init(|| {
            let largest = self.area_km.0.iter().max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
            largest
                .and_then(|p| {
                    // The search visits every edge for every cell, and edges closer
                    // together than the precision change nothing it can find.
                    let coarse = simplified_polygon(p, LABEL_ANCHOR_PRECISION_KM as f32);
                    polylabel::polylabel(coarse.as_ref().unwrap_or(p), &LABEL_ANCHOR_PRECISION_KM)
                        .ok()
                        .or_else(|| p.interior_point())
                })
                .map_or([0.0, 0.0], |p| [p.x() as f32, p.y() as f32])
        })
    }
}

/// How close to the true pole of inaccessibility a label anchor must be, in plane
/// kilometres: far under a pixel at the zooms where labels fit (a country is at
/// least 40 px wide to get one), and coarse enough that Russia takes a few
/// milliseconds.
const LABEL_ANCHOR_PRECISION_KM: f64 = 2.0;

/// Tolerances of the levels of detail of outlines, in plane kilometres.
/// With painters asking for at most half a pixel of error, the coarsest serves
/// zooms down to 30 km per pixel and the finest is the source itself. The window's
/// default view (20 km a pixel) takes the 10 km level: 12,000 outline points
/// instead of 17,000 at 6 km.
const OUTLINE_TOLERANCES_KM: [f32; 6] = [0.0, 1.0, 2.5, 6.0, 10.0, 15.0];

/// The index of the coarsest level of detail whose tolerance is at most `max_error_km`.
fn lod_level(max_error_km: f32) -> usize {
    OUTLINE_TOLERANCES_KM.iter().rposition(|&t| t <= max_error_km).unwrap_or(0)
}

/// Every country shape, projected and ready to draw, with an index to find the
/// country under a point.
///
/// Built once per disputed-territory rule; panning and zooming never touch it.
pub struct MapGeometry {
    /// The rule the shapes were merged under.
    pub rule: DisputedRule,
    /// The projection the shapes are in.
    pub projector: Projector,
    /// Countries sorted by code.
    pub countries: Vec<CountryShape>,
    /// The box around every country.
    pub bounds: PlaneRect,
    /// Where the shapes come from, for About and attribution lines.
    pub source: String,
    /// The box that the default view shows: Eurasia from Iceland and Portugal to
    /// Chukotka, and from the Arctic coast to the Indian Ocean (lon -25..191,
    /// lat 0..82), measured on the projected outline of that box.
    pub default_view_km: PlaneRect,
    /// Built on the first hit test: the exporter never needs it.
    hit_index: OnceLock<HitGrid>,
}

impl MapGeometry {
    /// Merges the shapes per country under `rule` and projects them (outlines are
    /// simplified and the hit index built on first use). Countries are named from `names` where it knows the code.
    pub fn build(shapes: &ShapeSet, rule: DisputedRule, names: impl Fn(CountryCode) -> Option<String>) -> Self {
        let projector = Projector::eurasia();
        let mut groups: BTreeMap<CountryCode, Vec<&ShapeFeature>> = BTreeMap::new();
        for feature in &shapes.features {
            let owner = match rule {
                DisputedRule::UnResolutions => feature.code_un,
                DisputedRule::DeFactoControl => feature.code_de_facto,
            };
            groups.entry(owner).or_default().push(feature);
        }

        let mut countries = Vec::with_capacity(groups.len());
        for (code, features) in groups {
            let own = features.iter().find(|f| f.code_un == code && f.code_de_facto == code);
            let name = names(code).or_else(|| own.map(|f| f.name.clone())).unwrap_or_else(|| features[0].name.clone());
            let disputed_parts =
                features.iter().filter(|f| f.code_un != f.code_de_facto).map(|f| f.name.clone()).collect();
            let lonlat =
                features.iter().skip(1).fold(features[0].lonlat_deg.clone(), |acc, f| acc.union(&f.lonlat_deg));
            countries.push(project_country(&projector, code, name, disputed_parts, &lonlat));
        }

        let mut bounds = PlaneRect::NOTHING;
        for country in &countries {
            bounds.union(&country.bounds);
        }
        Self {
            rule,
            projector,
            countries,
            bounds,
            source: shapes.source.clone(),
            default_view_km: default_view_km(&projector),
            hit_index: OnceLock::new(),
        }
    }

    /// The index into `countries` of the country under a plane position, if any:
    /// exact on the shapes (their triangles), not on bounding boxes.
    pub fn country_at(&self, pos: PlanePoint) -> Option<usize> {
        let point = [pos.x_km as f32, pos.y_km as f32];
        self.hit_index().locate(point).map(|index| index as usize)
    }

    /// Whether the plane position lies in country `index`: on the hit grid once it is
    /// built (the window builds it in the background), which costs the same for
    /// every country, else on the country's polygons, which costs Russia's 7,000
    /// edges for every point (the command line's exports ask a few hundred points
    /// and never build the grid). The two can differ only for a point within
    /// rounding of an edge.
    pub fn contains(&self, index: usize, pos: PlanePoint) -> bool {
        match self.hit_index.get() {
            Some(grid) => grid.locate([pos.x_km as f32, pos.y_km as f32]) == Some(index as u32),
            None => geo::Contains::contains(&self.countries[index].area_km, &geo::Point::new(pos.x_km, pos.y_km)),
        }
    }

    /// Every exact fill triangle in a grid, built on first use.
    fn hit_index(&self) -> &HitGrid {
        self.hit_index.get_or_init(|| {
            let mut triangles = Vec::new();
            for (index, country) in self.countries.iter().enumerate() {
                let country_index = u32::try_from(index).expect("fewer than 2^32 countries");
                for polygon in &country.area_km.0 {
                    let raw = polygon.earcut_triangles_raw();
                    let v = |i: usize| raw.vertices[i].map(|c| c as f32);
                    triangles.extend(
                        raw.triangle_indices
                            .chunks_exact(3)
                            .map(|tri| HitTriangle { corners: [v(tri[0]), v(tri[1]), v(tri[2])], country_index }),
                    );
                }
            }
            HitGrid::build(triangles, &self.bounds)
        })
    }

    /// Computes everything lazy now (outlines at every level of detail, the hit
    /// index), so the first zoom or hover does not pay for it.
    pub fn prepare_all(&self) {
        for country in &self.countries {
            for &tolerance in &OUTLINE_TOLERANCES_KM {
                country.outline_for(tolerance);
            }
        }
        self.hit_index();
    }

    /// The index of a country by code.
    pub fn index_of(&self, code: CountryCode) -> Option<usize> {
        self.countries.binary_search_by_key(&code, |c| c.code).ok()
    }
}

/// The projected outline of the default view's box (lon -25..191, lat 0..82).
fn default_view_km(projector: &Projector) -> PlaneRect {
    let mut rect = PlaneRect::NOTHING;
    let steps = 32;
    for i in 0..=steps {
        let t = f64::from(i) / f64::from(steps);
        let lon = -25.0 + t * 216.0;
        let lat = t * 82.0;
        for p in [
            LonLat { lon_deg: lon, lat_deg: 0.0 },
            LonLat { lon_deg: lon, lat_deg: 82.0 },
            LonLat { lon_deg: -25.0, lat_deg: lat },
            LonLat { lon_deg: 191.0, lat_deg: lat },
        ] {
            let q = projector.plane_from_lonlat(p);
            rect.include([q.x_km as f32, q.y_km as f32]);
        }
    }
    rect
}

fn project_country(
    projector: &Projector,
    code: CountryCode,
    name: String,
    disputed_parts: Vec<String>,
    lonlat: &MultiPolygon<f64>,
) -> CountryShape {
    let area_km: MultiPolygon<f64> = lonlat.map_coords(|c| {
        let p = projector.plane_from_lonlat(LonLat { lon_deg: c.x, lat_deg: c.y });
        Coord { x: p.x_km, y: p.y_km }
    });

    let mut bounds = PlaneRect::NOTHING;
    for polygon in &area_km.0 {
        for c in &polygon.exterior().0 {
            bounds.include([c.x as f32, c.y as f32]);
        }
    }

    let area_km2 = area_km.unsigned_area();

    CountryShape {
        code,
        name,
        disputed_parts,
        area_km,
        outlines: Default::default(),
        bounds,
        label_anchor_km: OnceLock::new(),
        area_km2,
    }
}

/// A polygon simplified ring by ring within `tolerance_km`: `None` once its outer
/// ring shrinks below a triangle, and holes that do so are left out.
fn simplified_polygon(polygon: &Polygon<f64>, tolerance_km: f32) -> Option<Polygon<f64>> {
    let ring = |ring: &LineString<f64>| {
        simplified_ring(ring, tolerance_km).map(|points| {
            LineString::from_iter(points.iter().map(|p| Coord { x: f64::from(p[0]), y: f64::from(p[1]) }))
        })
    };
    Some(Polygon::new(ring(polygon.exterior())?, polygon.interiors().iter().filter_map(ring).collect()))
}

/// One level of detail of a country's outline.
fn outline_lod(area_km: &MultiPolygon<f64>, tolerance_km: f32) -> OutlineLod {
    let rings_km: Vec<Vec<[f32; 2]>> = area_km
        .0
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .filter_map(|ring| simplified_ring(ring, tolerance_km))
        .collect();
    let ring_bounds_km = rings_km
        .iter()
        .map(|ring| {
            let mut rect = PlaneRect::NOTHING;
            ring.iter().for_each(|&p| rect.include(p));
            rect
        })
        .collect();
    OutlineLod { tolerance_km, rings_km, ring_bounds_km }
}

/// A ring simplified within `tolerance_km`, closed (last point = first); `None` once
/// it has shrunk below a triangle (an islet smaller than the tolerance).
fn simplified_ring(ring: &LineString<f64>, tolerance_km: f32) -> Option<Vec<[f32; 2]>> {
    let simplified = if tolerance_km > 0.0 { ring.simplify(f64::from(tolerance_km)) } else { ring.clone() };
    let mut points: Vec<[f32; 2]> = simplified.0.iter().map(|c| [c.x as f32, c.y as f32]).collect();
    if points.first() != points.last()
        && let Some(&first) = points.first()
    {
        points.push(first);
    }
    (points.len() >= 4).then_some(points)
}
