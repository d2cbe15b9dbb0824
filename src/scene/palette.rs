//! Every colour the map uses. Colours live here and nowhere else, so that a palette
//! switch (or a colour-blind check) touches one file.

#![expect(clippy::disallowed_methods, reason = "the palette is where colours are written down")]

use crate::model::PaletteChoice;

/// A colour as 8-bit sRGB with straight (not premultiplied) alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgba8(pub [u8; 4]);

impl Rgba8 {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b, 255])
    }

    /// A colour a layout gives a layer (`"#rrggbb"`), opaque.
    pub const fn from_rgb_bytes([r, g, b]: [u8; 3]) -> Self {
        Self([r, g, b, 255])
    }

    /// As `#rrggbb` for SVG.
    pub fn hex(self) -> String {
        let [r, g, b, _] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// The same colour without its transparency.
    pub fn opaque(self) -> Self {
        let [r, g, b, _] = self.0;
        Self([r, g, b, 255])
    }

    /// The same colour with alpha scaled by `factor` (0..1).
    pub fn faded(self, factor: f32) -> Self {
        let [r, g, b, a] = self.0;
        Self([r, g, b, (f32::from(a) * factor.clamp(0.0, 1.0)).round() as u8])
    }

    /// Opaque mix: `t` of `other` over `self`.
    pub fn mix(self, other: Self, t: f32) -> Self {
        let t = t.clamp(0.0, 1.0);
        let channel = |a: u8, b: u8| (f32::from(a) * (1.0 - t) + f32::from(b) * t).round() as u8;
        let [r0, g0, b0, _] = self.0;
        let [r1, g1, b1, _] = other.0;
        Self::rgb(channel(r0, r1), channel(g0, g1), channel(b0, b1))
    }
}

/// A dashed line's width and pattern, in pixels at the picture's design size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DashStyle {
    /// Line width.
    pub width_px: f32,
    /// Length of each dash.
    pub on_px: f32,
    /// Length of each gap.
    pub off_px: f32,
}

/// How compare mode marks changes: one line pattern per kind of change, so the
/// marks read without colour too, and how quiet unchanged memberships become.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CompareStyle {
    /// Joined: a solid outline.
    pub joined: Rgba8,
    /// Left: a dashed outline.
    pub left: Rgba8,
    /// Changed role: a dotted outline.
    pub changed: Rgba8,
    /// Line width.
    pub width_px: f32,
    /// Dash and gap of the "left" outline.
    pub dash: (f32, f32),
    /// Dot and gap of the "changed" outline.
    pub dot: (f32, f32),
    /// Hatch opacity factor of memberships that did not change.
    pub unchanged_alpha: f32,
}

impl CompareStyle {
    /// The colour and pattern (`None`: solid; else dash and gap) of a kind of change.
    pub fn line(&self, kind: super::ChangeKind) -> (Rgba8, Option<(f32, f32)>) {
        match kind {
            super::ChangeKind::Joined => (self.joined, None),
            super::ChangeKind::Left => (self.left, Some(self.dash)),
            super::ChangeKind::Changed => (self.changed, Some(self.dot)),
        }
    }
}

/// Widths of the outlines the window draws for interaction, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HighlightWidths {
    /// Countries of a hovered legend entry.
    pub emphasis_px: f32,
    /// The country under the pointer.
    pub hover_px: f32,
    /// The casing under the selection's outline.
    pub selection_casing_px: f32,
    /// The selection's outline.
    pub selection_px: f32,
}

/// How commitment lines are drawn, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArcStyle {
    /// Defence pledges: solid.
    pub defence_px: f32,
    /// Basing pledges: dashed and thinner.
    pub basing_px: f32,
    /// Dash length of basing lines.
    pub dash_on_px: f32,
    /// Gap length of basing lines.
    pub dash_off_px: f32,
    /// Size of the arrowhead of a one-way pledge.
    pub arrow_px: f32,
}

/// How strong a hatch is drawn: the status of the membership decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HatchWeight {
    /// Members: bold lines.
    Bold,
    /// Observers, partners, applicants: fine lines.
    Fine,
}

impl HatchWeight {
    /// Line width in pixels; the period of the pattern is [`HATCH_PERIOD_PX`].
    pub fn width_px(self, high_contrast: bool) -> f32 {
        match (self, high_contrast) {
            (Self::Bold, false) => 2.5,
            (Self::Bold, true) => 3.5,
            (Self::Fine, false) => 1.2,
            (Self::Fine, true) => 2.0,
        }
    }
}

/// Distance between hatch lines, in screen pixels (points), fixed on screen so the
/// pattern reads the same at every zoom.
pub const HATCH_PERIOD_PX: f32 = 9.0;

/// The colours of one look of the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Which palette this is.
    pub choice: PaletteChoice,
    /// Countries that belong to no shown layer.
    pub land: Rgba8,
    /// Water and everything outside the shapes.
    pub sea: Rgba8,
    /// Borders.
    pub border: Rgba8,
    /// Border width in pixels.
    pub border_width_px: f32,
    /// The outline of the country under the pointer.
    pub hover: Rgba8,
    /// The outline of the selected country.
    pub selection: Rgba8,
    /// Outlines of hypothetical memberships.
    pub hypothetical: Rgba8,
    /// Label text and its halo.
    pub label: Rgba8,
    /// Halo behind labels.
    pub label_halo: Rgba8,
    /// The page of an exported picture.
    pub paper: Rgba8,
    /// Titles and headings.
    pub ink: Rgba8,
    /// Subtitles, captions and notes.
    pub ink_muted: Rgba8,
    /// The footer and the list of overlaps.
    pub ink_footer: Rgba8,
    /// The outline of a legend swatch.
    pub swatch_outline: Rgba8,
    /// The frame around the map in an exported picture.
    pub map_frame: Rgba8,
    /// How suspended and hypothetical outlines are dashed.
    pub dash: DashStyle,
    /// The casing drawn under the selection's outline, so it reads on any fill.
    pub selection_casing: Rgba8,
    /// Widths of the window's hover, selection and emphasis outlines.
    pub highlight: HighlightWidths,
    /// How commitment lines are drawn.
    pub arcs: ArcStyle,
    /// How compare mode marks changes.
    pub compare: CompareStyle,
    /// Colours for the four primary organisations by short name, then extras in order.
    layer_colours: Vec<(Option<&'static str>, Rgba8)>,
    /// Fill colours for 1, 2, 3 and 4+ memberships in count mode.
    count_colours: [Rgba8; 4],
}

impl Palette {
    /// The palette for a layout's choice.
    pub fn new(choice: PaletteChoice) -> Self {
        match choice {
            PaletteChoice::OkabeIto => Self::okabe_ito(),
            PaletteChoice::TolBright => Self::tol_bright(),
            PaletteChoice::HighContrast => Self::high_contrast(),
        }
    }

    fn base(choice: PaletteChoice, layer_colours: Vec<(Option<&'static str>, Rgba8)>) -> Self {
        Self {
            choice,
            land: Rgba8::rgb(0xee, 0xeb, 0xe3),
            sea: Rgba8::rgb(0xd4, 0xe3, 0xec),
            border: Rgba8::rgb(0x70, 0x70, 0x70),
            border_width_px: 0.8,
            hover: Rgba8::rgb(0x1f, 0x1f, 0x1f),
            selection: Rgba8::rgb(0x00, 0x00, 0x00),
            hypothetical: Rgba8::rgb(0x2b, 0x2b, 0x2b),
            label: Rgba8::rgb(0x22, 0x22, 0x22),
            label_halo: Rgba8([0xff, 0xff, 0xff, 0xc0]),
            paper: Rgba8::rgb(0xff, 0xff, 0xff),
            ink: Rgba8::rgb(0x1a, 0x1a, 0x1a),
            ink_muted: Rgba8::rgb(0x4a, 0x4a, 0x4a),
            ink_footer: Rgba8::rgb(0x33, 0x33, 0x33),
            swatch_outline: Rgba8::rgb(0x55, 0x55, 0x55),
            map_frame: Rgba8::rgb(0x9a, 0x9a, 0x9a),
            dash: DashStyle { width_px: 1.8, on_px: 5.0, off_px: 4.0 },
            selection_casing: Rgba8::rgb(0xff, 0xff, 0xff),
            highlight: HighlightWidths { emphasis_px: 2.4, hover_px: 1.8, selection_casing_px: 3.6, selection_px: 2.0 },
            arcs: ArcStyle { defence_px: 2.0, basing_px: 1.3, dash_on_px: 6.0, dash_off_px: 4.0, arrow_px: 8.0 },
            // ColorBrewer PRGn and RdBu ends: dark enough for a 3 px line on any fill.
            compare: CompareStyle {
                joined: Rgba8::rgb(0x1b, 0x78, 0x37),
                left: Rgba8::rgb(0xb2, 0x18, 0x2b),
                changed: Rgba8::rgb(0x5e, 0x3c, 0x99),
                width_px: 3.0,
                dash: (8.0, 5.0),
                dot: (2.5, 3.5),
                unchanged_alpha: 0.35,
            },
            layer_colours,
            // ColorBrewer "Purples" 4-class: sequential, readable by colour-blind people.
            count_colours: [
                Rgba8::rgb(0xdb, 0xda, 0xeb),
                Rgba8::rgb(0xa8, 0xa5, 0xd0),
                Rgba8::rgb(0x7b, 0x6e, 0xb4),
                Rgba8::rgb(0x54, 0x27, 0x8f),
            ],
        }
    }

    /// Okabe and Ito (2008), the default: distinguishable with every common form of
    /// colour blindness.
    pub fn okabe_ito() -> Self {
        Self::base(
            PaletteChoice::OkabeIto,
            vec![
                (Some("NATO"), Rgba8::rgb(0x00, 0x72, 0xb2)), // blue
                (Some("CSTO"), Rgba8::rgb(0xd5, 0x5e, 0x00)), // vermillion
                (Some("SCO"), Rgba8::rgb(0x00, 0x9e, 0x73)),  // bluish green
                (Some("EAEU"), Rgba8::rgb(0xcc, 0x79, 0xa7)), // reddish purple
                (None, Rgba8::rgb(0xe6, 0x9f, 0x00)),         // orange
                (None, Rgba8::rgb(0x56, 0xb4, 0xe9)),         // sky blue
                (None, Rgba8::rgb(0x55, 0x55, 0x55)),         // dark grey
                (None, Rgba8::rgb(0xb8, 0xa4, 0x00)),         // dark yellow
            ],
        )
    }

    /// Paul Tol's "bright" qualitative scheme.
    pub fn tol_bright() -> Self {
        Self::base(
            PaletteChoice::TolBright,
            vec![
                (Some("NATO"), Rgba8::rgb(0x44, 0x77, 0xaa)),
                (Some("CSTO"), Rgba8::rgb(0xee, 0x66, 0x77)),
                (Some("SCO"), Rgba8::rgb(0x22, 0x88, 0x33)),
                (Some("EAEU"), Rgba8::rgb(0xaa, 0x33, 0x77)),
                (None, Rgba8::rgb(0xcc, 0xbb, 0x44)),
                (None, Rgba8::rgb(0x66, 0xcc, 0xee)),
                (None, Rgba8::rgb(0x66, 0x66, 0x66)),
            ],
        )
    }

    /// For projectors and print: saturated colours, heavier lines, black borders.
    pub fn high_contrast() -> Self {
        let mut palette = Self::base(
            PaletteChoice::HighContrast,
            vec![
                (Some("NATO"), Rgba8::rgb(0x00, 0x33, 0xcc)),
                (Some("CSTO"), Rgba8::rgb(0xcc, 0x00, 0x00)),
                (Some("SCO"), Rgba8::rgb(0x00, 0x80, 0x00)),
                (Some("EAEU"), Rgba8::rgb(0x99, 0x00, 0x99)),
                (None, Rgba8::rgb(0xcc, 0x66, 0x00)),
                (None, Rgba8::rgb(0x00, 0x80, 0x80)),
                (None, Rgba8::rgb(0x00, 0x00, 0x00)),
            ],
        );
        palette.land = Rgba8::rgb(0xff, 0xff, 0xff);
        palette.sea = Rgba8::rgb(0xe0, 0xe8, 0xf0);
        palette.border = Rgba8::rgb(0x00, 0x00, 0x00);
        palette.border_width_px = 1.2;
        palette.label_halo = Rgba8([0xff, 0xff, 0xff, 0xf0]);
        palette
    }

    /// Whether hatches should be drawn heavier.
    pub fn is_high_contrast(&self) -> bool {
        self.choice == PaletteChoice::HighContrast
    }

    /// The colour of a layer: fixed for the four primary organisations (so NATO is
    /// always the same blue), the remaining colours in turn for extras.
    pub fn layer_colour(&self, org: &str, extra_index: usize) -> Rgba8 {
        if let Some((_, colour)) = self.layer_colours.iter().find(|(name, _)| *name == Some(org)) {
            return *colour;
        }
        let extras: Vec<Rgba8> =
            self.layer_colours.iter().filter(|(name, _)| name.is_none()).map(|(_, c)| *c).collect();
        extras[extra_index % extras.len()]
    }

    /// The fill of a country whose top shown layer has `colour`: a light tint, so
    /// the first glance finds the bloc and the hatches then show every layer.
    /// Members tint more than observers and partners; high contrast tints less so
    /// its heavier hatches stay readable.
    pub fn tinted_land(&self, colour: Rgba8, belongs: bool) -> Rgba8 {
        let strength = if belongs { 0.28 } else { 0.12 };
        let strength = if self.is_high_contrast() { strength * 0.6 } else { strength };
        self.land.mix(colour, strength)
    }

    /// The background of a layer's legend swatch, under its hatch: the members' tint.
    pub fn swatch_tint(&self, colour: Rgba8) -> Rgba8 {
        self.land.mix(colour, 0.28)
    }

    /// Fill for a country in `count` shown organisations (count mode).
    pub fn count_colour(&self, count: usize) -> Rgba8 {
        match count {
            0 => self.land,
            n => self.count_colours[(n - 1).min(3)],
        }
    }
}

impl Default for Palette {
    fn default() -> Self {
        Self::okabe_ito()
    }
}

/// The hatch angle of a layer, degrees counter-clockwise from horizontal: the four
/// primary organisations get the four angles furthest apart, so a country in all
/// four shows a distinct cross-hatch; extras take the angles in between.
pub fn hatch_angle_deg(org: &str, extra_index: usize) -> f32 {
    match org {
        "NATO" => 0.0,
        "SCO" => 45.0,
        "EAEU" => 90.0,
        "CSTO" => 135.0,
        _ => [22.5, 112.5, 67.5, 157.5][extra_index % 4],
    }
}
