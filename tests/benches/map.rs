//! Benchmarks of the hot paths: loading shapes, building the geometry, one hit
//! test, painting the window's map picture, the CPU side of one window frame at
//! 1920x1080, rebuilding after a date change (which waits for its picture), and
//! rendering a briefing picture.
//! Run with `cargo bench --bench map`; figures go to BENCHMARKS.md.

use std::hint::black_box;
use std::sync::Arc;

use alliance_map::app::{AllianceMapApp, Command};
use alliance_map::export::{BriefingText, Format, Picture};
use alliance_map::geometry::ShapeSet;
use alliance_map::geometry::{LonLat, MapGeometry};
use alliance_map::io::DataDir;
use alliance_map::model::DisputedRule;
use alliance_map::workspace::{Clock, Edit, MapData, Workspace, default_layout};
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

fn frame_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0))),
        ..Default::default()
    }
}

fn bench(c: &mut Criterion) {
    // As the binary does first thing.
    alliance_map::tune_allocator();
    let dir = DataDir::resolve(None);
    let bytes = alliance_map::io::shipped::SHAPES;
    c.bench_function("decode_shapes", |b| b.iter(|| ShapeSet::decode(black_box(bytes)).unwrap()));
    c.bench_function("load_all_data", |b| b.iter(|| MapData::load(black_box(&dir)).unwrap()));

    let data = data();
    c.bench_function("build_geometry_lazy", |b| {
        b.iter(|| MapGeometry::build(black_box(&data.shapes), DisputedRule::UnResolutions, |_| None))
    });
    c.bench_function("build_geometry_everything", |b| {
        b.iter(|| {
            let geometry = MapGeometry::build(black_box(&data.shapes), DisputedRule::UnResolutions, |_| None);
            geometry.prepare_all();
            geometry
        })
    });

    // What the window's background thread does before it draws 1:10m.
    let detail_shapes = data.detail_shapes().unwrap();
    c.bench_function("build_detail_geometry_everything", |b| {
        b.iter(|| {
            let geometry = MapGeometry::build(black_box(detail_shapes), DisputedRule::UnResolutions, |_| None);
            geometry.prepare_all();
            geometry
        })
    });

    let geometry = MapGeometry::build(&data.shapes, DisputedRule::UnResolutions, |_| None);
    geometry.prepare_all();
    let points = random_points(&geometry, 100_000);
    c.bench_function("hit_test_100k_points", |b| {
        b.iter(|| points.iter().filter(|&&p| geometry.country_at(p).is_some()).count())
    });

    // Export: SVG text and PNG, in process (the whole-process figure is measured
    // against the geopandas baseline with run_bench.sh, see BENCHMARKS.md).
    let day = "2026-11-23".parse().unwrap();
    let layout = default_layout(&data.atlas, day);
    let fonts = alliance_map::export::Fonts::new(Arc::clone(&data.font));
    let workspace = Workspace::with_layout(data, layout.clone(), Clock::Fixed(day));
    let scene = Arc::clone(workspace.scene());
    let text = BriefingText { title: layout.title.clone(), subtitle: String::new() };
    let picture = Picture {
        scene: &scene,
        text: &text,
        view: &layout.view,
        fonts: &fonts,
        width: 1920,
        height: 1080,
        highlight: None,
    };
    c.bench_function("export_svg_1920x1080", |b| b.iter(|| picture.render(Format::Svg).unwrap()));
    c.bench_function("export_png_1920x1080", |b| b.iter(|| picture.render(Format::Png).unwrap()));

    // The window's map picture, painted off the UI thread after each change of view
    // or scene, with names: the default window's map (1240x820 less the panels),
    // and the map of a 1920x1080 window.
    for [width, height] in [[940u32, 700], [1620, 960]] {
        let framing = alliance_map::scene::Framing::for_view(
            &scene.geometry,
            &layout.view,
            [0.0, 0.0],
            [width as f32, height as f32],
        );
        let mut rows = vec![0u8; width as usize * height as usize * 4];
        c.bench_function(&format!("window_map_picture_{width}x{height}"), |b| {
            b.iter(|| {
                alliance_map::export::paint_map_layers(
                    &scene,
                    &scene.geometry,
                    framing,
                    [width, height],
                    1.0,
                    Some(fonts.bytes()),
                    &mut rows,
                )
                .unwrap()
            })
        });
    }

    // The window: all four layers with hatches and labels, 1920x1080.
    let ctx = egui::Context::default();
    let mut app = AllianceMapApp::with_workspace(workspace, false);
    for _ in 0..5 {
        let output = ctx.run_ui(frame_input(), |ui| app.show(ui));
        ctx.tessellate(output.shapes, output.pixels_per_point);
    }
    std::thread::sleep(std::time::Duration::from_millis(500)); // the background prepare_all
    c.bench_function("frame_1920x1080", |b| {
        b.iter(|| {
            let output = ctx.run_ui(frame_input(), |ui| app.show(ui));
            ctx.tessellate(output.shapes, output.pixels_per_point)
        })
    });
    // Zoomed into the Caucasus (zoom 8), where the window draws the 1:10m shapes.
    let default_view = app.layout().view;
    let caucasus = alliance_map::model::View { centre_lon: 44.5, centre_lat: 41.8, zoom: 8.0 };
    app.apply(Command::Edit(Edit::SetView(caucasus)));
    let frame = |app: &mut AllianceMapApp| {
        let output = ctx.run_ui(frame_input(), |ui| app.show(ui));
        ctx.tessellate(output.shapes, output.pixels_per_point)
    };
    frame(&mut app);
    while app.workspace().detail_loading() {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    frame(&mut app);
    c.bench_function("frame_1920x1080_caucasus_zoom8_detail", |b| b.iter(|| frame(&mut app)));
    // The same with Armenia selected and its commitment lines drawn.
    let armenia: alliance_map::model::CountryCode = "ARM".parse().unwrap();
    app.apply(Command::Edit(Edit::SetCommitmentLines(true)));
    app.apply(Command::Edit(Edit::SetSelected(Some(armenia))));
    frame(&mut app);
    c.bench_function("frame_1920x1080_caucasus_zoom8_selected_lines", |b| b.iter(|| frame(&mut app)));
    app.apply(Command::Edit(Edit::SetSelected(None)));
    // Zoomed into the Balkans (zoom 8).
    let balkans = alliance_map::model::View { centre_lon: 20.5, centre_lat: 43.0, zoom: 8.0 };
    app.apply(Command::Edit(Edit::SetView(balkans)));
    frame(&mut app);
    frame(&mut app);
    c.bench_function("frame_1920x1080_balkans_zoom8_detail", |b| b.iter(|| frame(&mut app)));
    app.apply(Command::Edit(Edit::SetView(default_view)));
    frame(&mut app);

    let dates = ["2023-04-03".parse().unwrap(), "2023-04-05".parse().unwrap()];
    let mut flip = 0;
    c.bench_function("date_change_rebuild_and_frame", |b| {
        b.iter(|| {
            flip ^= 1;
            app.apply(Command::Edit(Edit::SetDate(dates[flip])));
            let output = ctx.run_ui(frame_input(), |ui| app.show(ui));
            ctx.tessellate(output.shapes, output.pixels_per_point)
        })
    });
    c.bench_function("layer_toggle_rebuild_and_frame", |b| {
        b.iter(|| {
            flip ^= 1;
            app.apply(Command::Edit(Edit::SetLayerVisible { org: "NATO".into(), visible: flip == 1 }));
            let output = ctx.run_ui(frame_input(), |ui| app.show(ui));
            ctx.tessellate(output.shapes, output.pixels_per_point)
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
