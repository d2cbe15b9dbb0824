//! Text measurement with the shipped font, so the exporter can wrap legend lines
//! and keep labels apart without a display.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// Measures strings set in the shipped font.
pub struct TextMeasure<'a> {
    font: Option<FontRef<'a>>,
}

impl<'a> TextMeasure<'a> {
    /// A measurer for a TrueType font; an unreadable font falls back to an estimate.
    pub fn new(font: &'a [u8]) -> Self {
        Self { font: FontRef::new(font).ok() }
    }

    /// Width of `text` at `size_px`, in pixels (advances summed, no kerning).
    pub fn width(&self, text: &str, size_px: f32) -> f32 {
        let Some(font) = &self.font else {
            return text.chars().count() as f32 * size_px * 0.55;
        };
        let metrics = font.glyph_metrics(Size::new(size_px), LocationRef::default());
        let charmap = font.charmap();
        text.chars()
            .map(|c| charmap.map(c).and_then(|glyph| metrics.advance_width(glyph)).unwrap_or(size_px * 0.55))
            .sum()
    }

    /// Splits `text` into lines no wider than `max_width_px`, breaking at spaces.
    pub fn wrap(&self, text: &str, size_px: f32, max_width_px: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split(' ') {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if self.width(&candidate, size_px) <= max_width_px || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}
