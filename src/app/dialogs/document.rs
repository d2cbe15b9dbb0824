//! The layout as a document: its file, unsaved changes, open, save, recent files,
//! dropped files, and the prompt that keeps unsaved work from being lost.

use std::path::{Path, PathBuf};

use super::super::{AllianceMapApp, Command, ExportTarget};
use crate::io::Problem;

/// What the user wanted to do when the unsaved-changes prompt appeared.
#[derive(Clone, Debug, PartialEq)]
pub enum FileAction {
    /// Start a new layout.
    New,
    /// Open a layout; `None` asks which.
    Open(Option<PathBuf>),
    /// Close the window.
    Close,
}

/// What a typed path is for, when no native dialog can open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open a layout.
    Open,
    /// Save the layout.
    Save,
    /// Export the picture.
    Export,
    /// Add an organisation file as a user layer.
    AddLayer,
}

/// The "type a path" window shown when no file dialog can open.
#[derive(Clone, Debug, PartialEq)]
pub struct PathEntry {
    /// Open or save.
    pub purpose: PathPurpose,
    /// The path typed so far.
    pub text: String,
    /// Why the native dialog could not open.
    pub reason: String,
}

/// At most this many recent files are remembered.
const RECENT_LIMIT: usize = 10;

/// Storage key for the recent files (eframe persistence).
pub const RECENT_KEY: &str = "recent_layouts";

impl AllianceMapApp {
    /// Whether the layout differs from the file it was opened from or saved to.
    pub fn is_dirty(&self) -> bool {
        self.workspace.document().is_dirty()
    }

    /// The file being edited, if it has one.
    pub fn path(&self) -> Option<&Path> {
        self.workspace.document().path()
    }

    /// The window title: file name and a mark for unsaved changes.
    pub fn title(&self) -> String {
        let name = self
            .path()
            .and_then(Path::file_name)
            .map_or_else(|| "untitled".to_owned(), |n| n.to_string_lossy().into_owned());
        let mark = if self.is_dirty() { " ●" } else { "" };
        format!("{name}{mark} — alliance-map")
    }

    /// The recent files, newest first.
    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    /// Problems found in a file that failed to open, if any are shown.
    pub fn load_problems(&self) -> Option<&(PathBuf, Vec<Problem>)> {
        self.load_problems.as_ref()
    }

    fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }

    /// Runs a file action, first asking about unsaved changes.
    pub(in super::super) fn request(&mut self, action: FileAction) {
        if self.is_dirty() {
            self.prompt = Some(action);
        } else {
            self.perform(action);
        }
    }

    /// Runs a file action without asking.
    fn perform(&mut self, action: FileAction) {
        match action {
            FileAction::New => {
                let changed = self.workspace.new_document();
                self.load_problems = None;
                self.after(changed);
            }
            FileAction::Open(Some(path)) => self.open_path(&path),
            FileAction::Open(None) => {
                if self.dialog_can_open(PathPurpose::Open, String::new())
                    && let Some(path) = self.dialogs.pick_layout_to_open(self.layout_folder().as_deref())
                {
                    self.open_path(&path);
                }
            }
            FileAction::Close => {
                self.allow_close = true;
                self.close_requested = true;
            }
        }
    }

    /// Opens a layout file; on problems, shows them and keeps the current layout.
    /// Layers this machine lacks are listed, not fatal.
    pub fn open_path(&mut self, path: &Path) {
        match self.workspace.open(path) {
            Ok((changed, missing_layers)) => {
                self.load_problems = None;
                self.after(changed);
                self.remember(path);
                if !missing_layers.is_empty() {
                    self.layer_report = Some(super::user_layers::LayerReport {
                        heading: "Layers missing on this machine".into(),
                        lines: vec![format!(
                            "{} is open. These layers are not in this machine's data: they are not drawn, and saving keeps their settings.",
                            path.display()
                        )],
                        problems: missing_layers,
                    });
                }
            }
            Err(problems) => self.load_problems = Some((path.to_path_buf(), problems)),
        }
    }

    /// Saves to the current file, or asks where when there is none. Returns whether
    /// the layout is now saved.
    pub(in super::super) fn save(&mut self) -> bool {
        match self.path().map(Path::to_path_buf) {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    /// Whether a native file dialog can open; where none can, opens the window
    /// that takes a typed path for `purpose`, starting with `text`.
    pub(in super::super) fn dialog_can_open(&mut self, purpose: PathPurpose, text: String) -> bool {
        match self.dialogs.unavailable_reason() {
            Some(reason) => {
                self.path_entry = Some(PathEntry { purpose, text, reason });
                false
            }
            None => true,
        }
    }

    /// The layout file's folder, where file dialogs start.
    fn layout_folder(&self) -> Option<PathBuf> {
        self.path().and_then(Path::parent).map(Path::to_path_buf)
    }

    /// Asks where to save, then saves.
    pub(in super::super) fn save_as(&mut self) -> bool {
        let typed = self.path().map(|p| p.display().to_string()).unwrap_or_default();
        if !self.dialog_can_open(PathPurpose::Save, typed) {
            return false;
        }
        let start = self.layout_folder();
        let name = self
            .path()
            .and_then(Path::file_name)
            .map_or_else(|| "layout.ron".to_owned(), |n| n.to_string_lossy().into_owned());
        match self.dialogs.pick_layout_to_save(start.as_deref(), &name) {
            Some(path) => self.save_to(&path),
            None => false,
        }
    }

    /// Saves atomically to `path`; on failure the old file is untouched and the
    /// window says why.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match self.workspace.save_to(path) {
            Ok(()) => {
                self.save_error = None;
                self.remember(path);
                true
            }
            Err(error) => {
                self.save_error = Some(error.to_string());
                false
            }
        }
    }

    /// Where to export: asks with a file dialog, or opens the typed-path window
    /// (and returns `None`) where no dialog can open.
    pub(in super::super) fn ask_export_path(&mut self, extension: &str) -> Option<PathBuf> {
        if !self.dialog_can_open(PathPurpose::Export, String::new()) {
            return None;
        }
        let start = self.export_folder.clone().or_else(|| self.layout_folder());
        let stem = self
            .path()
            .and_then(Path::file_stem)
            .map_or_else(|| "alliance-map".to_owned(), |s| s.to_string_lossy().into_owned());
        self.dialogs.pick_export_path(start.as_deref(), &format!("{stem}.{extension}"), extension)
    }

    /// The unsaved-changes prompt, the problems of a failed open, save errors and
    /// the typed-path window.
    pub(in super::super) fn document_windows(&mut self, ctx: &egui::Context) {
        if let Some(action) = self.prompt.clone() {
            let what = match action {
                FileAction::New => "start a new layout",
                FileAction::Open(_) => "open another layout",
                FileAction::Close => "close the window",
            };
            let modal = egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
                ui.set_width(380.0);
                ui.heading("Unsaved changes");
                ui.label(format!(
                    "{} has changes that are not saved. Save them before you {what}?",
                    self.path()
                        .and_then(Path::file_name)
                        .map_or("This layout".into(), |n| n.to_string_lossy().into_owned())
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        self.pending.push(Command::PromptAnswer(PromptAnswer::Save));
                    }
                    if ui.button("Discard").clicked() {
                        self.pending.push(Command::PromptAnswer(PromptAnswer::Discard));
                    }
                    if ui.button("Cancel").clicked() {
                        self.pending.push(Command::PromptAnswer(PromptAnswer::Cancel));
                    }
                });
            });
            if modal.should_close() && self.pending.is_empty() {
                self.pending.push(Command::PromptAnswer(PromptAnswer::Cancel));
            }
        }

        if let Some((path, problems)) = &self.load_problems {
            let mut open = true;
            egui::Window::new("Problems in the layout file").open(&mut open).default_width(560.0).show(ctx, |ui| {
                ui.label(format!("{} was not opened; the current layout is unchanged.", path.display()));
                ui.separator();
                egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                    for problem in problems {
                        ui.label(format!("{}:{}: {}", problem.at.line, problem.at.col, problem.message));
                    }
                });
            });
            if !open {
                self.load_problems = None;
            }
        }

        if let Some(error) = self.save_error.clone() {
            let mut open = true;
            egui::Window::new("Could not save").open(&mut open).show(ctx, |ui| {
                ui.label(error);
                ui.label("The file on disk is unchanged.");
            });
            if !open {
                self.save_error = None;
            }
        }

        if let Some(entry) = &mut self.path_entry {
            let mut open = true;
            let title = match entry.purpose {
                PathPurpose::Open => "Open layout",
                PathPurpose::Save => "Save layout as",
                PathPurpose::Export => "Export picture to",
                PathPurpose::AddLayer => "Add layer from file",
            };
            let mut submit = false;
            egui::Window::new(title).open(&mut open).show(ctx, |ui| {
                ui.label(&entry.reason);
                ui.label("Type the path of the file instead:");
                let label = ui.label("Path");
                let field =
                    ui.add(egui::TextEdit::singleline(&mut entry.text).desired_width(420.0)).labelled_by(label.id);
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    submit = true;
                }
                let button = match entry.purpose {
                    PathPurpose::Open => "Open",
                    PathPurpose::Save => "Save",
                    PathPurpose::Export => "Export",
                    PathPurpose::AddLayer => "Add layer",
                };
                if ui.button(button).clicked() {
                    submit = true;
                }
            });
            if submit && !entry.text.trim().is_empty() {
                let path = PathBuf::from(entry.text.trim());
                let purpose = entry.purpose;
                self.path_entry = None;
                match purpose {
                    PathPurpose::Open => self.pending.push(Command::OpenPath(path)),
                    PathPurpose::Save => {
                        self.pending.push(Command::SaveTo(super::file_dialogs::with_extension(path, "ron")))
                    }
                    PathPurpose::Export => self.pending.push(Command::ExportTo(ExportTarget::File(path))),
                    PathPurpose::AddLayer => self.pending.push(Command::AddLayerFrom(path)),
                }
            } else if !open {
                self.path_entry = None;
            }
        }
    }

    /// Answers the unsaved-changes prompt.
    pub(in super::super) fn answer_prompt(&mut self, answer: PromptAnswer) {
        let Some(action) = self.prompt.take() else { return };
        match answer {
            PromptAnswer::Save => {
                if self.save() {
                    self.perform(action);
                }
            }
            PromptAnswer::Discard => self.perform(action),
            PromptAnswer::Cancel => {}
        }
    }
}

/// The buttons of the unsaved-changes prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptAnswer {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Stay.
    Cancel,
}
