//! What the window remembers between runs that is not part of a layout: labels,
//! the palette new layouts start with, the theme, and the export folder and size.
//! Window size and position are kept by eframe itself. All of it lives in eframe's
//! storage (`alliance-map paths` prints where); *View → Reset preferences* clears it.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::PaletteChoice;

/// The storage key.
pub const KEY: &str = "preferences";

/// The user's preferences. Fields added later read as their defaults from an
/// older file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Country labels on the map.
    pub show_labels: bool,
    /// The palette a new layout starts with (the last one chosen).
    pub palette: PaletteChoice,
    /// Dark, light or the system's.
    pub theme: egui::ThemePreference,
    /// Where the last picture was exported: the export dialog starts there.
    pub export_folder: Option<PathBuf>,
    /// The last export size in pixels.
    pub export_size: (u32, u32),
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            show_labels: true,
            palette: PaletteChoice::default(),
            theme: egui::ThemePreference::System,
            export_folder: None,
            export_size: (1920, 1080),
        }
    }
}
