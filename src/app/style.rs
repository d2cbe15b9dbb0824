//! Where the scene's colours and font meet egui. Colours come from the palette
//! (`scene::palette`); this is the one place that turns them into egui colours.

use std::sync::Arc;

use egui::Color32;

use crate::scene::Rgba8;

/// A palette colour as egui's colour.
#[expect(clippy::disallowed_methods, reason = "the one conversion from palette colours to egui")]
pub fn color32(c: Rgba8) -> Color32 {
    let [r, g, b, a] = c.0;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// Makes the shipped font egui's first choice, keeping egui's own fonts as
/// fallbacks for symbols it lacks.
pub fn install_font(ctx: &egui::Context, font: &[u8]) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert("DejaVuSans".to_owned(), Arc::new(egui::FontData::from_owned(font.to_vec())));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().insert(0, "DejaVuSans".to_owned());
    }
    ctx.set_fonts(fonts);
}
