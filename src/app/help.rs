//! The keyboard help overlay (F1 or ?).

/// Every shortcut, as the help overlay lists them.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Drag, arrow keys", "Pan the map"),
    ("Wheel, pinch, + / -", "Zoom at the pointer"),
    ("0, double-click", "Reset the view to Eurasia"),
    ("Click", "Select a country and open its inspector"),
    ("Esc", "Clear the selection"),
    ("[ / ]", "Previous / next change in any organisation"),
    ("Space", "Play or pause through the changes"),
    ("1 - 9", "Show or hide layer 1 - 9"),
    ("M", "Switch between patterns and overlap counts"),
    ("C", "Commitment lines on or off"),
    ("L", "Country labels on or off"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo any change"),
    ("Tab", "Move between controls"),
    ("F1 or ?", "This help"),
];

/// Shows the help window while `open` is true.
pub fn window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts").open(open).resizable(false).collapsible(false).show(ctx, |ui| {
        egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
            for (keys, action) in SHORTCUTS {
                ui.strong(*keys);
                ui.label(*action);
                ui.end_row();
            }
        });
    });
}
