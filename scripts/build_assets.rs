//! Builds `assets/countries-50m.amshp` and `countries-10m.amshp` from the features that
//! `scripts/world-atlas-features.cjs` extracts from Natural Earth (via world-atlas).
//! Run through `scripts/build-assets`, which fetches the sources first.
//!
//! Steps: unwrap rings that cross the antimeridian (Chukotka goes to 185 E, not
//! -175), clip every country to the extent the map can show, split disputed areas
//! out of the shapes Natural Earth puts them in, and write the binary format of
//! `alliance_map::io::shapes`.

use std::collections::BTreeMap;

use alliance_map::geometry::{ShapeFeature, ShapeSet};
use alliance_map::model::CountryCode;
use geo::{BooleanOps, Contains, Coord, LineString, MultiPolygon, Point, Polygon, Rect};

/// What the map can ever show, in degrees: Eurasia from the Atlantic islands to
/// the Bering Strait, and from the Arctic to below the equator (so that Indonesia
/// and the Indian Ocean coasts are not cut). Wider than the default view so that
/// panning reveals neighbours rather than an edge.
const EXTENT_LON_DEG: (f64, f64) = (-30.0, 200.0);
const EXTENT_LAT_DEG: (f64, f64) = (-15.0, 90.0);

#[derive(serde::Deserialize)]
struct InputFeature {
    code: String,
    name: String,
    polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

#[derive(serde::Deserialize)]
#[expect(dead_code, reason = "`basis` documents the choice; the builder only needs the owners")]
struct DisputedArea {
    name: String,
    in_feature: String,
    inside_lon_lat: Option<(f64, f64)>,
    un_resolutions: String,
    de_facto_control: String,
    basis: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (features_path, disputed_path, out_path, scale, like) = match args.as_slice() {
        [f, d, o, s] => (f, d, o, s, None),
        [f, d, o, s, like] => (f, d, o, s, Some(like)),
        _ => {
            return Err("usage: build_assets FEATURES.json DISPUTED.ron OUT.amshp SCALE [LIKE.amshp]\n\
                        SCALE is 1:50m or 1:10m; LIKE, the overview whose countries the detail must list"
                .into());
        }
    };
    let input: Vec<InputFeature> = serde_json::from_slice(&std::fs::read(features_path)?)?;
    let disputed: Vec<DisputedArea> = ron::from_str(&std::fs::read_to_string(disputed_path)?)?;

    let extent = Rect::new(
        Coord { x: EXTENT_LON_DEG.0, y: EXTENT_LAT_DEG.0 },
        Coord { x: EXTENT_LON_DEG.1, y: EXTENT_LAT_DEG.1 },
    )
    .to_polygon();

    let mut by_code: BTreeMap<String, (String, MultiPolygon<f64>)> = BTreeMap::new();
    for feature in input {
        let polygons = feature.polygons.iter().map(|rings| unwrapped_polygon(rings)).collect();
        by_code.insert(feature.code, (feature.name, MultiPolygon(polygons)));
    }

    let mut out = Vec::new();
    for area in &disputed {
        let Some((_, parent)) = by_code.get_mut(&area.in_feature) else {
            return Err(format!("disputed area {}: no feature {}", area.name, area.in_feature).into());
        };
        let taken = match area.inside_lon_lat {
            None => std::mem::replace(parent, MultiPolygon(vec![])),
            Some((lon, lat)) => {
                let point = Point::new(lon, lat);
                let (inside, rest): (Vec<_>, Vec<_>) = parent.0.drain(..).partition(|polygon| polygon.contains(&point));
                parent.0 = rest;
                if inside.is_empty() {
                    return Err(format!(
                        "disputed area {}: no polygon of {} contains {lon},{lat}",
                        area.name, area.in_feature
                    )
                    .into());
                }
                MultiPolygon(inside)
            }
        };
        out.push(ShapeFeature {
            code_un: area.un_resolutions.parse()?,
            code_de_facto: area.de_facto_control.parse()?,
            name: area.name.clone(),
            lonlat_deg: taken,
        });
    }
    for (code, (name, shape)) in by_code {
        let code: CountryCode = code.parse()?;
        out.push(ShapeFeature { code_un: code, code_de_facto: code, name, lonlat_deg: shape });
    }

    let mut kept = Vec::new();
    for mut feature in out {
        feature.lonlat_deg = feature.lonlat_deg.intersection(&extent);
        if !feature.lonlat_deg.0.is_empty() {
            kept.push(feature);
        }
    }
    if let Some(like) = like {
        match_overview(&mut kept, &ShapeSet::load(std::path::Path::new(like))?);
    }
    let vertices: usize = kept
        .iter()
        .flat_map(|f| &f.lonlat_deg.0)
        .map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>())
        .sum();
    kept.sort_by(|a, b| (a.code_un, &a.name).cmp(&(b.code_un, &b.name)));
    let set = ShapeSet {
        source: format!("Natural Earth 4.1.0 admin-0 countries, {scale} (public domain), via world-atlas 2.0.2"),
        features: kept,
    };
    let bytes = set.encode();
    std::fs::write(out_path, &bytes)?;
    eprintln!("{} features, {vertices} vertices, {} bytes -> {out_path}", set.features.len(), bytes.len());
    Ok(())
}

/// Makes the detail list exactly the overview's features, so that the window can
/// switch between them without the map's answers changing: shapes only the detail
/// has inside the extent (outlying islets of Brazil, Mauritius, the Cook Islands
/// and the French Southern Lands) are left out, and a feature the detail lacks
/// (Vatican City, a zero-area sliver at 1:10m) keeps its overview shape.
fn match_overview(kept: &mut Vec<ShapeFeature>, overview: &ShapeSet) {
    let key = |f: &ShapeFeature| (f.code_un, f.code_de_facto, f.name.clone());
    let wanted: std::collections::BTreeSet<_> = overview.features.iter().map(key).collect();
    kept.retain(|f| {
        let keep = wanted.contains(&key(f));
        if !keep {
            eprintln!("{}: not in the overview, left out", f.name);
        }
        keep
    });
    for feature in &overview.features {
        if !kept.iter().any(|k| key(k) == key(feature)) {
            eprintln!("{}: not in the detail, the overview's shape is used", feature.name);
            kept.push(feature.clone());
        }
    }
}

/// A polygon whose rings are moved east of the antimeridian where they belong:
/// a ring that jumps across 180 degrees gets 360 added to its negative longitudes,
/// and a ring lying wholly west of the extent (Alaska's Aleutians, say) moves by 360.
fn unwrapped_polygon(rings: &[Vec<[f64; 2]>]) -> Polygon<f64> {
    let mut rings: Vec<LineString<f64>> = rings
        .iter()
        .map(|ring| {
            let crosses = ring.windows(2).any(|w| (w[0][0] - w[1][0]).abs() > 180.0);
            let max_lon = ring.iter().map(|p| p[0]).fold(f64::MIN, f64::max);
            let shift = |lon: f64| {
                if (crosses && lon < 0.0) || max_lon < EXTENT_LON_DEG.0 { lon + 360.0 } else { lon }
            };
            LineString(ring.iter().map(|p| Coord { x: shift(p[0]), y: p[1] }).collect())
        })
        .collect();
    let exterior = rings.remove(0);
    Polygon::new(exterior, rings)
}
