//! Briefing export from the command line and the library: no display needed, sizes
//! checked before anything is allocated, and golden images that catch a change in
//! drawing.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Arc;

use alliance_map::export::{BriefingText, Format, Highlight, Picture, svg_to_png};
use alliance_map::model::{Date, Layout};
use alliance_map::scene::Scene;
use alliance_map::workspace::{Clock, Workspace, load_layout};

fn alliance_map(args: &[&str]) -> Output {
    common::run_cli(args)
}

fn out_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("export").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn export_without_a_layout_writes_a_1920x1080_png_without_a_display() {
    let file = out_dir("default").join("map.png");
    let output = alliance_map(&["export", "--out", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let image = image::open(&file).unwrap();
    assert_eq!((image.width(), image.height()), (1920, 1080));
}

#[test]
fn export_of_a_layout_honours_size_date_and_title() {
    let file = out_dir("layout").join("nato.svg");
    let output = alliance_map(&[
        "export",
        "maps/layouts/nato-enlargement-1999-2024.ron",
        "--out",
        file.to_str().unwrap(),
        "--width",
        "1200",
        "--height",
        "800",
        "--date",
        "1999-03-12",
        "--title",
        "NATO & the 1999 enlargement",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let svg = std::fs::read_to_string(&file).unwrap();
    // Valid SVG: usvg parses it back.
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).expect("the SVG parses");
    assert_eq!((tree.size().width(), tree.size().height()), (1200.0, 800.0));
    for expected in [
        "NATO &amp; the 1999 enlargement",
        "Legend",
        "NATO: North Atlantic Treaty Organization",
        "19 members",
        "As of 1999-03-12",
        "Disputed areas follow UN resolutions",
        "made with Natural Earth",
        "Sources: nato.int",
    ] {
        assert!(svg.contains(expected), "the SVG lacks {expected:?}");
    }
}

#[test]
fn every_export_footer_says_how_fresh_the_sources_are() {
    let file = out_dir("fresh").join("map.svg");
    let output = alliance_map(&["export", "--date", "2026-11-23", "--out", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let svg = std::fs::read_to_string(&file).unwrap();
    assert!(svg.contains("Sources checked to 2026-12-02."), "the footer names the day the data was checked");
}

#[test]
fn a_what_if_export_says_hypothetical() {
    let file = out_dir("what-if").join("what-if.svg");
    let output =
        alliance_map(&["export", "maps/layouts/what-if-armenia-leaves-the-csto.ron", "--out", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let svg = std::fs::read_to_string(&file).unwrap();
    assert!(svg.contains("hypothetical: ARM leaves CSTO from 2027-01-01"));
    assert!(svg.contains("Includes hypothetical changes"));
    assert!(svg.contains("stroke-dasharray"));
}

#[test]
fn bad_sizes_paths_and_layouts_are_clear_errors_not_panics() {
    let dir = out_dir("errors");
    let png = dir.join("x.png");
    let png = png.to_str().unwrap();
    for (args, expected) in [
        (vec!["export", "--out", png, "--width", "0"], "out of range"),
        (vec!["export", "--out", png, "--width", "20000"], "out of range"),
        (vec!["export", "--out", png, "--width", "16384", "--height", "16384"], "out of range"),
        (vec!["export", "--out", "/no/such/folder/x.png"], "cannot write /no/such/folder/x.png"),
        (vec!["export", "--out", "map.jpeg"], "expected a file name ending in .png, .svg or .pdf"),
        (vec!["export", "--out", png, "--page", "a4"], "--page, --portrait and --margin-mm apply to PDF"),
        (
            vec!["export", "tests/fixtures/layouts/many-problems.ron", "--out", png],
            "layer \"WARSAW\" is not in this machine's data",
        ),
    ] {
        let output = alliance_map(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {}", stderr(&output));
        assert!(stderr(&output).contains(expected), "{args:?}: {}", stderr(&output));
        assert!(!stderr(&output).contains("panicked"));
    }
    assert!(!Path::new(png).exists());
}

/// The scene of an example layout, built the way the window and the command line
/// build theirs: through a workspace.
fn golden_scene(layout_file: &str) -> (Arc<Scene>, Layout, Arc<Vec<u8>>) {
    let data = common::shipped_data();
    let layout = load_layout(Path::new(layout_file), &data.atlas, &data.iso).unwrap();
    // The layout carries its own date; the clock only matters for a new layout.
    let mut workspace = Workspace::with_layout(data, layout, Clock::Fixed(Date::constant(2024, 6, 1)));
    // As the command line does for a picture that is zoomed in; the others draw 1:50m.
    workspace.load_detail();
    (Arc::clone(workspace.scene()), workspace.layout().clone(), Arc::clone(&workspace.data().font))
}

/// Small briefing pictures of the example layouts, compared with
/// `tests/snapshots/export/NAME.png` by egui_kittest (thresholds in `kittest.toml`;
/// `UPDATE_SNAPSHOTS=1` rewrites the failing ones). Every layout is checked before
/// the test fails, so one run names every changed picture.
#[test]
fn golden_images_of_the_example_layouts_still_match() {
    let mut failures = Vec::new();
    for (name, layout) in [
        ("today", "maps/layouts/today.ron"),
        ("post-soviet-space-2010", "maps/layouts/post-soviet-space-2010.ron"),
        ("what-if-armenia", "maps/layouts/what-if-armenia-leaves-the-csto.ron"),
        // Zoom 16 on the Caucasus: the 1:10m shapes (Kara-Bogaz-Gol, the Volga delta).
        ("caucasus-zoomed", "tests/fixtures/layouts/caucasus-zoomed.ron"),
    ] {
        let (scene, layout, font) = golden_scene(layout);
        let text = BriefingText { title: layout.title.clone(), subtitle: layout.subtitle.clone() };
        let fonts = alliance_map::export::Fonts::new(font);
        let picture = Picture {
            scene: &scene,
            text: &text,
            view: &layout.view,
            fonts: &fonts,
            width: 640,
            height: 360,
            highlight: None,
        };
        assert_eq!(picture.needs_detail(), name == "caucasus-zoomed", "{name}");
        let svg = picture.svg().unwrap();
        let scale = if name == "caucasus-zoomed" { "1:10m" } else { "1:50m" };
        assert!(svg.contains(&format!("admin-0 countries, {scale}")), "{name}: the footer names {scale}");
        let png = picture.render(Format::Png).unwrap();
        let image = image::load_from_memory(&png).unwrap().to_rgba8();
        if let Err(error) = egui_kittest::try_image_snapshot(&image, format!("export/{name}")) {
            failures.push(error.to_string());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The PNG is painted straight from the layout, not from the SVG; it must still
/// show what the SVG shows, as resvg renders it. They differ where they may: the
/// SVG rounds coordinates to a tenth of a pixel, which moves dashes along long
/// outlines and the edges of thin lines by a fraction of a pixel. So the test
/// bounds the mean difference and the share of pixels that differ by more than a
/// quarter of the range (at most 0.06 % of them when this was written): a layer,
/// line or legend entry drawn by one painter and not the other exceeds that
/// (leaving out only the map's labels makes 0.7 % of the pixels differ).
#[test]
fn the_png_shows_what_the_svg_shows() {
    for layout_file in [
        "maps/layouts/today.ron",
        "maps/layouts/what-if-armenia-leaves-the-csto.ron",
        "maps/layouts/nato-since-the-1997-line.ron",
        "maps/layouts/sco-non-alignment.ron",
        "tests/fixtures/layouts/caucasus-zoomed.ron",
    ] {
        let data = common::shipped_data();
        let layout = load_layout(Path::new(layout_file), &data.atlas, &data.iso).unwrap();
        let mut workspace = Workspace::with_layout(data, layout, Clock::Fixed(Date::constant(2024, 6, 1)));
        workspace.load_detail();
        let detail = workspace.layout().selected.map(|code| workspace.selection(code));
        let layout = workspace.layout();
        let text = BriefingText { title: layout.title.clone(), subtitle: layout.subtitle.clone() };
        let fonts = alliance_map::export::Fonts::new(Arc::clone(&workspace.data().font));
        let highlight = detail.as_deref().map(|detail| Highlight { detail, lines: layout.commitment_lines });
        let picture = Picture {
            scene: workspace.scene(),
            text: &text,
            view: &layout.view,
            fonts: &fonts,
            width: 1920,
            height: 1080,
            highlight,
        };
        let painted = image::load_from_memory(&picture.render(Format::Png).unwrap()).unwrap().to_rgb8();
        let svg = picture.svg().unwrap();
        let reference = svg_to_png(&svg, &fonts, 1920, 1080).unwrap();
        let reference = image::load_from_memory(&reference).unwrap().to_rgb8();
        assert_eq!(painted.dimensions(), reference.dimensions());
        let (mut total, mut far) = (0u64, 0u64);
        for (a, b) in painted.pixels().zip(reference.pixels()) {
            let diffs = [0, 1, 2].map(|c| u64::from(a[c].abs_diff(b[c])));
            total += diffs.iter().sum::<u64>();
            far += u64::from(diffs.iter().any(|&d| d > 64));
        }
        let pixels = u64::from(painted.width() * painted.height());
        let mean = total as f64 / (pixels * 3) as f64 / 255.0;
        let far_share = far as f64 / pixels as f64;
        assert!(mean < 0.006, "{layout_file}: mean difference {mean:.4} of the range");
        assert!(far_share < 0.003, "{layout_file}: {:.3} % of the pixels differ by more than 64", far_share * 100.0);
    }
}

/// The window's map picture (`paint_map_layers`): the sea where there is sea, a
/// country where there is one, names only when asked for (near the countries
/// they name), and a clear error, not a panic, for rows of the wrong size.
#[test]
fn the_window_map_picture_shows_sea_countries_and_names() {
    use alliance_map::export::paint_map_layers;
    use alliance_map::geometry::LonLat;
    use alliance_map::scene::Framing;

    let (scene, layout, font) = golden_scene("maps/layouts/today.ron");
    let (width, height) = (600usize, 400usize);
    let framing = Framing::for_view(&scene.geometry, &layout.view, [0.0, 0.0], [width as f32, height as f32]);
    let paint = |labels: Option<&[u8]>| {
        let mut rows = vec![0u8; width * height * 4];
        paint_map_layers(&scene, &scene.geometry, framing, [width as u32, height as u32], 1.0, labels, &mut rows)
            .unwrap();
        rows
    };
    let (plain, named) = (paint(None), paint(Some(font.as_slice())));
    let pixel = |rows: &[u8], at: [f32; 2]| {
        let (x, y) = (at[0] as usize, at[1] as usize);
        <[u8; 4]>::try_from(&rows[(y * width + x) * 4..(y * width + x) * 4 + 4]).unwrap()
    };
    let plane = |lon_deg: f64, lat_deg: f64| {
        let p = scene.geometry.projector.plane_from_lonlat(LonLat { lon_deg, lat_deg });
        framing.apply([p.x_km as f32, p.y_km as f32])
    };
    // The Indian Ocean, south of India.
    assert_eq!(pixel(&plain, plane(78.0, 2.0)), scene.palette.sea.0);
    // Inside Mongolia.
    let mongolia = scene.geometry.index_of("MNG".parse().unwrap()).unwrap();
    let inside = framing.apply(scene.geometry.countries[mongolia].label_anchor_km());
    assert_ne!(pixel(&plain, inside), scene.palette.sea.0, "Mongolia is drawn");
    // Names change the picture, and where a name is.
    let differs = |x0: usize, x1: usize, y0: usize, y1: usize| {
        (y0..y1).flat_map(|y| (x0..x1).map(move |x| (x, y))).any(|(x, y)| {
            let i = (y * width + x) * 4;
            plain[i..i + 4] != named[i..i + 4]
        })
    };
    let [x, y] = inside.map(|v| v as usize);
    assert!(differs(x.saturating_sub(40), (x + 40).min(width), y.saturating_sub(10), (y + 10).min(height)));
    let mut short = vec![0u8; 16];
    let error =
        paint_map_layers(&scene, &scene.geometry, framing, [width as u32, height as u32], 1.0, None, &mut short);
    assert!(error.is_err(), "rows of the wrong size are an error");
}

/// The raster painter at the sizes where its bands and edges are degenerate, and
/// at a preview's scale: a picture of the right size, never a panic.
#[test]
fn tiny_pictures_and_previews_are_painted() {
    let (scene, layout, font) = golden_scene("maps/layouts/today.ron");
    let text = BriefingText { title: layout.title.clone(), subtitle: layout.subtitle.clone() };
    let fonts = alliance_map::export::Fonts::new(font);
    let picture = |width, height| Picture {
        scene: &scene,
        text: &text,
        view: &layout.view,
        fonts: &fonts,
        width,
        height,
        highlight: None,
    };
    for (width, height) in [(1, 1), (16, 16), (3, 500), (500, 3)] {
        let png = picture(width, height).render(Format::Png).unwrap();
        let image = image::load_from_memory(&png).unwrap();
        assert_eq!((image.width(), image.height()), (width, height));
    }
    let ([width, height], rgba) = picture(1920, 1080).rgba(0.25).unwrap();
    assert_eq!([width, height], [480, 270]);
    assert_eq!(rgba.len(), 480 * 270 * 4);
    let colours: std::collections::HashSet<&[u8]> = rgba.chunks_exact(4).collect();
    assert!(colours.len() > 100, "a preview shows the map, not a blank page ({} colours)", colours.len());
}

/// A long country next to a larger one keeps its name: Sweden's name takes the spot
/// at Norway's label anchor (the pole of inaccessibility), and Norway's goes to a
/// nearby spot that is still inside Norway.
#[test]
fn norway_keeps_its_name_beside_sweden() {
    use geo::Contains;
    let (scene, layout, _) = golden_scene("maps/layouts/today.ron");
    let (min, size) = ([24.0, 90.0], [1400.0, 920.0]);
    let framing = alliance_map::scene::Framing::for_view(&scene.geometry, &layout.view, min, size);
    let max = [min[0] + size[0], min[1] + size[1]];
    let measure = |text: &str| [7.0 * text.chars().count() as f32, 13.0];
    let placed = alliance_map::scene::place_labels(&scene, framing, min, max, measure);
    let names: Vec<&str> = placed.iter().map(|l| l.text.as_str()).collect();
    assert!(names.contains(&"Norway") && names.contains(&"Sweden"), "{names:?}");
    let norway = placed.iter().find(|l| l.text == "Norway").unwrap();
    let p = framing.invert(norway.centre_px);
    let country = &scene.geometry.countries[norway.country];
    assert!(country.area_km.contains(&geo::Point::new(p.x_km, p.y_km)), "the name sits inside Norway");
}

/// Finland joined NATO on 2023-04-04 and Sweden on 2024-03-07 (NATO, "Member
/// countries"): compared with 2022-01-01, the picture of 2024-12-31 marks both as
/// joined, names them with their days, and quiets what did not change.
#[test]
fn a_comparison_marks_finland_and_sweden_as_joined_nato() {
    let file = out_dir("compare").join("compare.svg");
    let output = alliance_map(&[
        "export",
        "--date",
        "2024-12-31",
        "--compare-with",
        "2022-01-01",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let svg = std::fs::read_to_string(&file).unwrap();
    assert!(svg.contains("Joined NATO: Finland 2023-04-04, Sweden 2024-03-07"), "the legend lists them");
    assert!(svg.contains("Changes from 2022-01-01 to 2024-12-31"));
    assert!(svg.contains("changes since 2022-01-01 marked"), "the footer says what is compared");

    let data = common::shipped_data();
    let mut layout = alliance_map::workspace::default_layout(&data.atlas, "2024-12-31".parse().unwrap());
    let quiet = Workspace::with_layout(data.clone(), layout.clone(), Clock::Fixed("2026-01-01".parse().unwrap()));
    layout.compare_with = Some("2022-01-01".parse().unwrap());
    let compared = Workspace::with_layout(data, layout, Clock::Fixed("2026-01-01".parse().unwrap()));
    let scene = compared.scene();
    let nato = scene.legend.layers.iter().position(|l| l.org == "NATO").unwrap();
    let joined: Vec<&str> = scene
        .changes
        .iter()
        .filter(|m| m.layer == nato && m.kind == alliance_map::scene::ChangeKind::Joined)
        .map(|m| scene.geometry.countries[m.country].code.as_str())
        .collect();
    assert_eq!(joined, ["FIN", "SWE"]);
    // Germany's NATO hatch is unchanged, so it is drawn fainter than without the comparison.
    let germany = scene.geometry.index_of("DEU".parse().unwrap()).unwrap();
    let alpha = |s: &Scene| s.hatches.iter().find(|h| h.country == germany).unwrap().colour.0[3];
    assert!(alpha(scene) < alpha(quiet.scene()), "unchanged memberships are quiet");
}

/// Runs a poppler tool (`pdftotext`, `pdfinfo`, `pdffonts`) on `pdf`: independent
/// readers, so the test checks what a person's PDF viewer sees, not what we wrote.
fn poppler(tool: &str, pdf: &Path) -> String {
    let output = std::process::Command::new(tool)
        .arg(pdf)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils, installed by scripts/install-deps): {e}"));
    assert!(output.status.success(), "{tool} cannot read {}: {}", pdf.display(), stderr(&output));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The value of a `Key:   value` line of pdfinfo's report.
fn pdfinfo_field<'a>(info: &'a str, key: &str) -> &'a str {
    info.lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
        .map_or_else(|| panic!("pdfinfo reports no {key}:\n{info}"), str::trim)
}

/// The PDF is a vector page of the chosen paper, its text is text (a reader finds
/// the footer: date, disputed-territory rule, sources, attribution) and the font
/// is embedded, so it prints the same everywhere.
#[test]
fn a_pdf_export_is_a_page_whose_text_holds_the_footer() {
    let dir = out_dir("pdf");
    let a4 = dir.join("briefing.pdf");
    let output = alliance_map(&[
        "export",
        "maps/layouts/nato-enlargement-1999-2024.ron",
        "--date",
        "2004-03-29",
        "--out",
        a4.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("(A4 landscape, 10 mm margins, as of 2004-03-29)"),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let info = poppler("pdfinfo", &a4);
    assert_eq!(pdfinfo_field(&info, "Pages"), "1", "{info}");
    assert!(pdfinfo_field(&info, "Page size").starts_with("841.89 x 595.27"), "{info}");
    assert_eq!(pdfinfo_field(&info, "Title"), "NATO enlargement, 1999-2024", "{info}");
    let text = poppler("pdftotext", &a4);
    for expected in [
        "As of 2004-03-29",
        "Disputed areas follow UN resolutions",
        "made with Natural Earth",
        "Sources: nato.int",
        "Legend",
        "26 members",
    ] {
        assert!(text.contains(expected), "the PDF's text lacks {expected:?}:\n{text}");
    }
    let fonts = poppler("pdffonts", &a4);
    assert!(fonts.contains("DejaVuSans") && fonts.contains(" yes "), "the font is embedded:\n{fonts}");

    let letter = dir.join("letter.pdf");
    let output = alliance_map(&[
        "export",
        "--out",
        letter.to_str().unwrap(),
        "--page",
        "letter",
        "--portrait",
        "--margin-mm",
        "0",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(poppler("pdfinfo", &letter).contains("Page size:       612 x 792 pts (letter)"));
}

/// The SCO non-alignment layout selects Kazakhstan: the picture outlines it, draws
/// its commitment lines and lists the three tensions `inspect KAZ` reports on
/// 2026-11-23 (CSTO art. 1 beside its NATO partnership; SCO treaty art. 4(2)
/// beside its CSTO membership and beside its NATO partnership).
#[test]
fn a_layout_with_a_selected_country_lists_its_tensions_in_the_picture() {
    let file = out_dir("selected").join("sco.svg");
    let output = alliance_map(&["export", "maps/layouts/sco-non-alignment.ron", "--out", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let svg = std::fs::read_to_string(&file).unwrap();
    for expected in [
        "Selected: Kazakhstan, 3 tensions",
        "CSTO art. 1 beside NATO partner: does not cover BLR, KGZ, RUS, TJK",
        "SCO Treaty 2007 art. 4(2) beside CSTO member: does not cover CHN, IND, IRN,",
        "Lines: defence pledges solid",
    ] {
        assert!(svg.contains(expected), "the SVG lacks {expected:?}");
    }
    assert!(svg.contains(" Q"), "commitment lines are drawn as curves");

    // Without a selection there is neither the list nor the lines.
    let plain = out_dir("selected").join("plain.svg");
    let output = alliance_map(&["export", "maps/layouts/today.ron", "--out", plain.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let svg = std::fs::read_to_string(&plain).unwrap();
    assert!(!svg.contains("Selected:") && !svg.contains(" Q"));
}
