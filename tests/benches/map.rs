//! Benchmarks of the map's hot paths: loading shapes, building the geometry, one
//! hit test, and the CPU side of one window frame at 1920x1080.
//! Run with `cargo bench --bench map`; figures go to BENCHMARKS.md.

use std::hint::black_box;

use alliance_map::app::{AllianceMapApp, default_layout};
use alliance_map::geometry::{LonLat, MapGeometry};
use alliance_map::io::shapes::ShapeSet;
use alliance_map::io::{DataDir, MapData};
use alliance_map::model::DisputedRule;
use criterion::{Criterion, criterion_group, criterion_main};

fn data() -> MapData {
    MapData::load(&DataDir::resolve(None)).unwrap()
}

/// Deterministic pseudo-random points in the default extent (lon -25..191,
/// lat 0..82), projected: the same 100,000 points every run.
fn random_points(geometry: &MapGeometry, n: usize) -> Vec<alliance_map::geometry::PlanePoint> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| {
            let p = LonLat { lon_deg: -25.0 + 216.0 * next(), lat_deg: 82.0 * next() };
            geometry.projector.plane_from_lonlat(p)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let dir = DataDir::resolve(None);
    let bytes = std::fs::read(dir.shapes_path()).unwrap();
    c.bench_function("decode_shapes", |b| b.iter(|| ShapeSet::decode(black_box(&bytes)).unwrap()));

    let data = data();
    c.bench_function("build_geometry", |b| {
        b.iter(|| MapGeometry::build(black_box(&data.shapes), DisputedRule::UnResolutions, |_| None))
    });

    let geometry = MapGeometry::build(&data.shapes, DisputedRule::UnResolutions, |_| None);
    let points = random_points(&geometry, 100_000);
    c.bench_function("hit_test_100k_points", |b| {
        b.iter(|| points.iter().filter(|&&p| geometry.country_at(p).is_some()).count())
    });

    let ctx = egui::Context::default();
    let layout = default_layout(&data.atlas, "2024-06-01".parse().unwrap());
    let mut app = AllianceMapApp::new(data, layout, false);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0))),
        ..Default::default()
    };
    // Warm up: the first frame lays out fonts and builds the painter's caches.
    for _ in 0..3 {
        let output = ctx.run_ui(input(), |ui| app.show(ui));
        ctx.tessellate(output.shapes, output.pixels_per_point);
    }
    c.bench_function("frame_1920x1080", |b| {
        b.iter(|| {
            let output = ctx.run_ui(input(), |ui| app.show(ui));
            ctx.tessellate(output.shapes, output.pixels_per_point)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
