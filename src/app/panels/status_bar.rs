//! The status bar: what is under the pointer, what is selected, the zoom and the
//! disputed-territory rule.

use super::super::AllianceMapApp;
use crate::model::CountryCode;

/// Draws the status bar.
pub fn ui(ui: &mut egui::Ui, app: &AllianceMapApp) {
    let geometry = &app.scene().geometry;
    let describe = |code: Option<CountryCode>| {
        code.and_then(|code| geometry.index_of(code)).map(|i| {
            let country = &geometry.countries[i];
            format!("{} ({})", country.name, country.code)
        })
    };
    ui.horizontal(|ui| {
        ui.label(format!("Pointer: {}", describe(app.map.hovered).unwrap_or_else(|| "-".into())));
        ui.separator();
        ui.label(format!("Selected: {}", describe(app.map.selected).unwrap_or_else(|| "none".into())));
        ui.separator();
        ui.label(format!("Zoom {:.2}x", app.layout().view.zoom));
        ui.separator();
        ui.label(format!("Disputed areas: {}", app.layout().disputed.label()));
    });
}
