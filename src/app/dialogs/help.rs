//! The keyboard help overlay. Its rows come from the action table, the map's
//! gestures and the layer keys, so it lists every shortcut the window answers.

use super::super::actions::Action;
use super::super::map::GESTURES;

/// Keys that are not actions of their own: they take a layer's number, or are egui's.
pub const OTHER_KEYS: &[(&str, &str)] = &[("1 - 9", "Show or hide layer 1 - 9"), ("Tab", "Move between controls")];

/// Every row of the help: keys, then what they do.
pub fn rows() -> Vec<(String, String)> {
    let gestures = GESTURES.iter().map(|(keys, what)| ((*keys).to_owned(), (*what).to_owned()));
    let actions = Action::ALL
        .iter()
        .filter(|action| !action.shortcuts().is_empty())
        .map(|action| (action.shortcut_text(), action.label().to_owned()));
    let others = OTHER_KEYS.iter().map(|(keys, what)| ((*keys).to_owned(), (*what).to_owned()));
    gestures.chain(actions).chain(others).collect()
}

/// Shows the help window while `open` is true.
pub fn window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts").open(open).resizable(false).collapsible(false).show(ctx, |ui| {
        egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
            for (keys, action) in rows() {
                ui.strong(keys);
                ui.label(action);
                ui.end_row();
            }
        });
    });
}
