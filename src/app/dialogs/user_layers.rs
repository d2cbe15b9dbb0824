//! *File → Add layer from file…*: checks an organisation file a colleague sent or
//! the user wrote, copies it into the user's layers folder and shows it under
//! *Extra layers*; and the window that lists problems with user layers, at start
//! or when adding one. A broken file never stops the program.

use std::path::{Path, PathBuf};

use super::super::AllianceMapApp;
use crate::io::Problem;
use crate::io::atomic::write_atomically;
use crate::io::ron_text::read_text;
use crate::model::LayerRank;
use crate::workspace::parse_organisation;

/// What the user-layer window says.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerReport {
    /// The window's title.
    pub heading: String,
    /// Sentences for the user.
    pub lines: Vec<String>,
    /// Problems, each with file, line and column.
    pub problems: Vec<Problem>,
}

impl LayerReport {
    /// The problems with user layers found at start-up, if any.
    pub fn at_start(problems: &[Problem]) -> Option<Self> {
        (!problems.is_empty()).then(|| Self {
            heading: "Problems in your own layers".into(),
            lines: vec!["These files were left out; everything else loaded.".into()],
            problems: problems.to_vec(),
        })
    }

    fn refused(path: &Path, problems: Vec<Problem>) -> Self {
        Self {
            heading: "Layer not added".into(),
            lines: vec![format!("{} was not added; fix these problems and try again.", path.display())],
            problems,
        }
    }
}

impl AllianceMapApp {
    /// Checks `path` as an organisation file; when sound and its short name is
    /// free, copies it into the user's layers folder and adds it to the map.
    pub fn add_layer_from(&mut self, path: &Path) {
        self.layer_report = Some(match self.try_add_layer(path) {
            Ok((name, copy)) => LayerReport {
                heading: "Layer added".into(),
                lines: vec![
                    format!("{name} was checked and copied to {}.", copy.display()),
                    "It is listed under Extra layers, hidden: tick it to show it.".into(),
                ],
                problems: Vec::new(),
            },
            Err(problems) => LayerReport::refused(path, problems),
        });
    }

    fn try_add_layer(&mut self, path: &Path) -> Result<(String, PathBuf), Vec<Problem>> {
        let whole_file = |message: String| vec![Problem::whole_file(path, message)];
        let text = read_text(path).map_err(|problem| vec![problem])?;
        let data = self.workspace.data();
        let mut org = parse_organisation(path, &text, &data.iso)?;
        if let Some(taken) = data.atlas.find(&org.short_name) {
            return Err(whole_file(format!(
                "short name {:?} is already used by {:?}; rename its short_name",
                org.short_name, taken.name
            )));
        }
        let Some(folder) = self.user_layers.clone() else {
            return Err(whole_file("this platform has no folder for user layers".into()));
        };
        let file_name = path.file_name().map(PathBuf::from).unwrap_or_else(|| PathBuf::from("layer.ron"));
        let copy = folder.join(file_name);
        if copy.exists() {
            return Err(whole_file(format!("{} already exists; rename the file", copy.display())));
        }
        std::fs::create_dir_all(&folder)
            .and_then(|()| write_atomically(&copy, text.as_bytes()))
            .map_err(|e| whole_file(format!("cannot copy it to {}: {e}", copy.display())))?;
        org.layer = LayerRank::Extra;
        let name = format!("{} ({})", org.name, org.short_name);
        let changed = self.workspace.add_organisation(org);
        self.after(changed);
        Ok((name, copy))
    }

    /// The user-layer window, while there is something to say.
    pub(in super::super) fn layer_report_window(&mut self, ctx: &egui::Context) {
        let Some(report) = &self.layer_report else { return };
        let mut open = true;
        egui::Window::new(report.heading.as_str()).open(&mut open).default_width(560.0).show(ctx, |ui| {
            for line in &report.lines {
                ui.label(line);
            }
            if !report.problems.is_empty() {
                ui.separator();
                egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                    for problem in &report.problems {
                        ui.label(problem.to_string());
                    }
                });
            }
        });
        if !open {
            self.layer_report = None;
        }
    }
}
