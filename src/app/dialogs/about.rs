//! The About window: what the program is and where its data comes from.

/// Shows the About window while `open` is true.
pub fn window(ctx: &egui::Context, open: &mut bool, shapes_source: &str) {
    egui::Window::new("About alliance-map").open(open).resizable(false).collapsible(false).show(ctx, |ui| {
        ui.label(format!("alliance-map {}", env!("CARGO_PKG_VERSION")));
        ui.label("Eurasia with the memberships of the SCO, the CSTO, NATO and the EAEU.");
        ui.separator();
        ui.label(format!("Country shapes: {shapes_source}."));
        ui.label("Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.");
        ui.label("Country names: world-countries 5.1.0 (ODbL).");
    });
}
