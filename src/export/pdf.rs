//! SVG to PDF for print: the same SVG the PNG is rendered from, drawn by krilla
//! (typst's PDF writer) onto a paper-sized page, with the shipped font embedded
//! as a subset so the text stays text: it can be selected, searched and copied,
//! and the footer's sources survive into the reader's notes.

use krilla::Document;
use krilla::geom::{Size, Transform};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};

use super::ExportError;
use super::png::{Fonts, parse_svg};

/// Paper sizes people print briefings on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Paper {
    /// ISO A4, 210 x 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 x 11 in.
    Letter,
}

impl Paper {
    /// Every paper size, for menus.
    pub const ALL: [Self; 2] = [Self::A4, Self::Letter];

    /// The short side and the long side, in PDF points (1/72 in).
    fn sides_pt(self) -> (f32, f32) {
        match self {
            Self::A4 => (mm_to_pt(210.0), mm_to_pt(297.0)),
            Self::Letter => (8.5 * 72.0, 11.0 * 72.0),
        }
    }

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::Letter => "Letter",
        }
    }
}

/// Which way up the page is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Orientation {
    /// Wider than tall: the map's own shape, and the default.
    #[default]
    Landscape,
    /// Taller than wide.
    Portrait,
}

/// A page to print on: paper, orientation and a margin on every side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PageSetup {
    /// The paper.
    pub paper: Paper,
    /// Which way up.
    pub orientation: Orientation,
    /// The white margin on every side, millimetres: printers cannot print to the
    /// edge, and a briefing binder needs room.
    pub margin_mm: u16,
}

impl Default for PageSetup {
    fn default() -> Self {
        Self { paper: Paper::A4, orientation: Orientation::Landscape, margin_mm: Self::DEFAULT_MARGIN_MM }
    }
}

impl PageSetup {
    /// 10 mm: inside every office printer's unprintable edge.
    pub const DEFAULT_MARGIN_MM: u16 = 10;
    /// The largest margin: a third of A4's short side leaves too little map.
    pub const MAX_MARGIN_MM: u16 = 50;

    /// The page's width and height in points.
    pub fn size_pt(self) -> (f32, f32) {
        let (short, long) = self.paper.sides_pt();
        match self.orientation {
            Orientation::Landscape => (long, short),
            Orientation::Portrait => (short, long),
        }
    }

    /// The width and height inside the margins, in points: the size to draw the
    /// picture at, so that it fills the page. Rounded down to whole points.
    pub fn content_size_pt(self) -> (u32, u32) {
        let (w, h) = self.size_pt();
        let margin = mm_to_pt(f32::from(self.margin_mm.min(Self::MAX_MARGIN_MM)));
        ((w - 2.0 * margin).floor() as u32, (h - 2.0 * margin).floor() as u32)
    }

    /// For people: "A4 landscape, 10 mm margins".
    pub fn describe(self) -> String {
        let orientation = match self.orientation {
            Orientation::Landscape => "landscape",
            Orientation::Portrait => "portrait",
        };
        format!("{} {orientation}, {} mm margins", self.paper.label(), self.margin_mm)
    }
}

fn mm_to_pt(mm: f32) -> f32 {
    mm * 72.0 / 25.4
}

/// Draws `svg` on one page of `page`, scaled to fit inside the margins and centred,
/// and returns the PDF's bytes. `title` becomes the document's title.
pub fn svg_to_pdf(svg: &str, fonts: &Fonts, page: PageSetup, title: &str) -> Result<Vec<u8>, ExportError> {
    let tree = parse_svg(svg, fonts)?;
    let (page_w, page_h) = page.size_pt();
    let (content_w, content_h) = page.content_size_pt();
    let svg_size = tree.size();
    let scale = (content_w as f32 / svg_size.width()).min(content_h as f32 / svg_size.height());
    let (drawn_w, drawn_h) = (svg_size.width() * scale, svg_size.height() * scale);
    let render = |what: &str| ExportError::Render(format!("cannot make the PDF: {what}"));
    let drawn = Size::from_wh(drawn_w, drawn_h).ok_or_else(|| render("the picture has no area"))?;
    let settings = PageSettings::from_wh(page_w, page_h).ok_or_else(|| render("the page has no area"))?;

    let mut document = Document::new();
    document.set_metadata(
        Metadata::new().title(title.to_owned()).creator(format!("alliance-map {}", env!("CARGO_PKG_VERSION"))),
    );
    let mut pdf_page = document.start_page_with(settings);
    let mut surface = pdf_page.surface();
    surface.push_transform(&Transform::from_translate((page_w - drawn_w) / 2.0, (page_h - drawn_h) / 2.0));
    let drew = surface.draw_svg(&tree, drawn, SvgSettings { embed_text: true, ..SvgSettings::default() });
    surface.pop();
    surface.finish();
    pdf_page.finish();
    drew.ok_or_else(|| render("the drawing could not be converted"))?;
    document.finish().map_err(|e| render(&e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_landscape_is_297_by_210_mm_and_margins_come_off_both_sides() {
        let page = PageSetup::default();
        let (w, h) = page.size_pt();
        assert!((w - 841.89).abs() < 0.01 && (h - 595.28).abs() < 0.01, "{w} x {h}");
        // 20 mm less on each axis: 277 x 190 mm.
        assert_eq!(page.content_size_pt(), (785, 538));
        let letter = PageSetup { paper: Paper::Letter, orientation: Orientation::Portrait, margin_mm: 0 };
        assert_eq!(letter.size_pt(), (612.0, 792.0));
        assert_eq!(letter.content_size_pt(), (612, 792));
    }
}
