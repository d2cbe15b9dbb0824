//! The menu bar. Entries for actions take their label, shortcut and whether they
//! can run from the action table; the View menu's choices are layout edits.

use super::actions::Action;
use super::{AllianceMapApp, Command, FileAction};
use crate::model::{DisputedRule, OverlapMode, PaletteChoice, Status};
use crate::workspace::Edit;

impl AllianceMapApp {
    /// A menu entry for `action`: its label and shortcut, greyed out when it cannot run.
    fn action_button(&mut self, ui: &mut egui::Ui, action: Action) {
        let mut button = egui::Button::new(action.label());
        if let Some(shortcut) = action.menu_shortcut() {
            button = button.shortcut_text(shortcut);
        }
        if ui.add_enabled(self.enabled(action), button).clicked() {
            self.pending.push(Command::Action(action));
        }
    }

    /// A checkbox entry for an on/off action.
    fn action_checkbox(&mut self, ui: &mut egui::Ui, action: Action, on: bool) {
        let mut checked = on;
        let label = match action.menu_shortcut() {
            Some(shortcut) => format!("{} ({shortcut})", action.label()),
            None => action.label().to_owned(),
        };
        if ui.checkbox(&mut checked, label).changed() {
            self.pending.push(Command::Action(action));
        }
    }

    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        ui.menu_button("File", |ui| {
            self.action_button(ui, Action::NewLayout);
            self.action_button(ui, Action::OpenLayout);
            ui.menu_button("Open recent", |ui| {
                if self.recent.is_empty() {
                    ui.weak("No recent files");
                }
                for path in &self.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        self.pending.push(Command::File(FileAction::Open(Some(path.clone()))));
                    }
                }
            });
            ui.separator();
            self.action_button(ui, Action::SaveLayout);
            self.action_button(ui, Action::SaveLayoutAs);
            ui.separator();
            self.action_button(ui, Action::AddLayer);
            ui.separator();
            self.action_button(ui, Action::ExportPicture);
            self.action_button(ui, Action::ExportAnimation);
            self.action_button(ui, Action::CopyPicture);
            self.action_button(ui, Action::Screenshot);
            ui.separator();
            self.action_button(ui, Action::Quit);
        });
        ui.menu_button("Edit", |ui| {
            self.action_button(ui, Action::Undo);
            self.action_button(ui, Action::Redo);
        });
        ui.menu_button("View", |ui| {
            self.action_button(ui, Action::ResetView);
            self.action_checkbox(ui, Action::ToggleLabels, self.show_labels);
            ui.menu_button("Theme", |ui| {
                let current = ui.ctx().options(|o| o.theme_preference);
                for (theme, label) in [
                    (egui::ThemePreference::System, "Follow the system"),
                    (egui::ThemePreference::Dark, "Dark"),
                    (egui::ThemePreference::Light, "Light"),
                ] {
                    if ui.radio(current == theme, label).clicked() {
                        ui.ctx().set_theme(theme);
                    }
                }
            });
            let lines = self.layout().commitment_lines;
            self.action_checkbox(ui, Action::ToggleCommitmentLines, lines);
            ui.separator();
            self.action_button(ui, Action::PreviousChange);
            self.action_button(ui, Action::NextChange);
            self.action_button(ui, Action::TogglePlay);
            ui.separator();
            self.view_choices(ui);
            ui.separator();
            self.action_button(ui, Action::ResetPreferences);
        });
        ui.menu_button("Help", |ui| {
            self.action_button(ui, Action::ToggleHelp);
            self.action_button(ui, Action::ToggleAbout);
        });
    }

    /// Mode, statuses, palette and disputed-territory rule: layout edits.
    fn view_choices(&mut self, ui: &mut egui::Ui) {
        let layout = self.workspace.layout();
        let mut edits = Vec::new();
        ui.label("Memberships drawn as");
        for (mode, label) in
            [(OverlapMode::Patterns, "Patterns per organisation"), (OverlapMode::Count, "Overlap count")]
        {
            if ui.radio(layout.mode == mode, label).clicked() {
                edits.push(Edit::SetMode(mode));
            }
        }
        ui.separator();
        ui.label("Statuses shown");
        for status in Status::ALL {
            let mut shown = layout.statuses.contains(&status);
            if ui.checkbox(&mut shown, format!("Show {status}")).changed() {
                edits.push(Edit::SetStatusShown(status, shown));
            }
        }
        ui.separator();
        ui.label("Palette");
        for choice in PaletteChoice::ALL {
            if ui.radio(layout.palette == choice, choice.label()).clicked() {
                edits.push(Edit::SetPalette(choice));
            }
        }
        ui.separator();
        ui.label("Disputed territory");
        for rule in DisputedRule::ALL {
            if ui.radio(layout.disputed == rule, rule.label()).on_hover_text(rule.footer_text()).clicked() {
                edits.push(Edit::SetDisputedRule(rule));
            }
        }
        self.pending.extend(edits.into_iter().map(Command::Edit));
    }
}
