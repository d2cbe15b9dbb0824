//! The eframe window. The only module that knows egui, eframe and (later) rfd.
//!
//! Panels and widgets emit [`Command`]s; the app applies them after the frame, so
//! state never changes under a half-drawn UI and menus, shortcuts and tests share
//! one list of actions. Every command that changes the layout is undoable.

mod about;
mod date_bar;
mod document;
mod export_dialog;
pub mod file_dialogs;
mod help;
mod history;
mod inspector;
mod layers_panel;
mod legend;
mod map_painter;
mod map_view;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use map_painter::{Arc as CommitmentArc, Overlay};
pub use map_view::{MapCamera, MapView, ScreenFromPlane};

use crate::analysis::{CommitmentSide, commitments_of};
use crate::geometry::MapGeometry;
use crate::model::{CountryCode, Date, DisputedRule, Layout, OverlapMode, PaletteChoice, PledgeKind, Status, WhatIf};
use crate::scene::{Scene, SceneInputs};
use crate::workspace::MapData;
use history::History;

pub use document::{FileAction, PathEntry, PathPurpose, PromptAnswer};
use file_dialogs::FileDialogs;
use std::path::PathBuf;

/// An action the user asked for, applied after the frame is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select a country (index into the scene's countries) or clear the selection.
    Select(Option<usize>),
    /// Put the camera back on Eurasia.
    ResetView,
    /// Show or hide the About window.
    ToggleAbout,
    /// Show or hide the keyboard help.
    ToggleHelp,
    /// Start or stop playing through the changes.
    TogglePlay,
    /// Go to the previous (-1) or next (+1) day on which anything changes.
    StepChange(i32),
    /// Show the map as of a day.
    SetDate(Date),
    /// Draw disputed areas under another rule.
    SetDisputedRule(DisputedRule),
    /// Show or hide a layer.
    SetLayerVisible(String, bool),
    /// Move a layer up (-1) or down (+1) the list.
    MoveLayer(String, i32),
    /// Hide a country from a layer (true) or show it again.
    SetMemberHidden(String, CountryCode, bool),
    /// Draw a status or not.
    SetStatusShown(Status, bool),
    /// Patterns or overlap counts.
    SetMode(OverlapMode),
    /// Another palette.
    SetPalette(PaletteChoice),
    /// Commitment lines on or off.
    SetCommitmentLines(bool),
    /// Add a hypothetical change.
    AddWhatIf(WhatIf),
    /// Drop a hypothetical change by its position in the list.
    RemoveWhatIf(usize),
    /// Undo the last layout change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Country labels on or off (a window preference, not part of the layout).
    ToggleLabels,
    /// New, open or close, asking first when there are unsaved changes.
    File(FileAction),
    /// Open this file now (from a typed path; the prompt has been answered).
    OpenPath(PathBuf),
    /// Save to the current file (or ask where).
    Save,
    /// Ask where to save, then save.
    SaveAs,
    /// Save to this file (from a typed path).
    SaveTo(PathBuf),
    /// An answer to the unsaved-changes prompt.
    PromptAnswer(PromptAnswer),
    /// Open the export window.
    OpenExport,
    /// Export the picture to this file (in the background).
    ExportTo(PathBuf),
    /// Copy the briefing picture to the clipboard (in the background).
    CopyPicture,
    /// Save a screenshot of the window as it is.
    Screenshot,
}

/// The application: data, the layout being edited, the scene drawn from them and
/// the widgets' state.
pub struct AllianceMapApp {
    data: MapData,
    /// The export font, parsed once for every export, preview and copy.
    fonts: crate::export::Fonts,
    layout: Layout,
    history: History,
    geometries: BTreeMap<DisputedRule, Arc<MapGeometry>>,
    scene: Arc<Scene>,
    /// The map widget (camera, hover, selection).
    pub map: MapView,
    layers_panel: layers_panel::LayersPanel,
    date_bar: date_bar::DateBar,
    show_about: bool,
    show_help: bool,
    show_labels: bool,
    playing_since: Option<f64>,
    needs_initial_view: bool,
    pending: Vec<Command>,
    startup: Option<StartupProbe>,
    /// The commitment arcs for the current scene and selection.
    arcs: (u64, Option<usize>, Vec<CommitmentArc>),
    /// Countries emphasised last frame (a hovered legend combination).
    pub emphasised: Vec<usize>,
    /// The layout as last opened or saved: unsaved changes are the difference.
    saved: Layout,
    /// The file being edited.
    path: Option<PathBuf>,
    dialogs: Box<dyn FileDialogs>,
    recent: Vec<PathBuf>,
    /// The action waiting on the unsaved-changes prompt.
    prompt: Option<FileAction>,
    load_problems: Option<(PathBuf, Vec<crate::io::Problem>)>,
    save_error: Option<String>,
    path_entry: Option<PathEntry>,
    /// Set once the user agreed to close (saved or discarded).
    allow_close: bool,
    /// Set when the app wants the window closed.
    close_requested: bool,
    /// The camera the layout's view was last taken from, so the view only changes
    /// when the user pans or zooms (not through float round trips).
    synced_camera: Option<MapCamera>,
    title_sent: String,
    /// The export window and its background jobs.
    pub export: export_dialog::ExportDialog,
    /// Where the last window screenshot went, or why it failed.
    screenshot_status: Option<String>,
    screenshot_requested: bool,
    screenshot_job: Option<std::sync::mpsc::Receiver<Arc<egui::ColorImage>>>,
}

/// Reports the time to the first painted map frame and closes the window: used by
/// the start-up benchmark (`--report-startup`).
pub struct StartupProbe {
    frames: u32,
}

pub use crate::workspace::default_layout;

impl AllianceMapApp {
    /// Builds the app around loaded data and a layout.
    pub fn new(data: MapData, layout: Layout, report_startup: bool) -> Self {
        let mut geometries = BTreeMap::new();
        let geometry = geometry_for(&data, &mut geometries, layout.disputed);
        let scene = Arc::new(Scene::build(SceneInputs::from_layout(&layout), geometry, &data.atlas));
        let saved = layout.clone();
        Self {
            date_bar: date_bar::DateBar::new(&data.atlas, layout.date),
            layers_panel: layers_panel::LayersPanel::default(),
            fonts: crate::export::Fonts::new(Arc::clone(&data.font)),
            data,
            layout,
            history: History::default(),
            geometries,
            scene,
            map: MapView::default(),
            show_about: false,
            show_help: false,
            show_labels: true,
            playing_since: None,
            needs_initial_view: true,
            pending: Vec::new(),
            startup: report_startup.then_some(StartupProbe { frames: 0 }),
            arcs: (0, None, Vec::new()),
            emphasised: Vec::new(),
            saved,
            path: None,
            dialogs: Box::new(file_dialogs::NativeDialogs),
            recent: Vec::new(),
            prompt: None,
            load_problems: None,
            save_error: None,
            path_entry: None,
            allow_close: false,
            close_requested: false,
            synced_camera: None,
            title_sent: String::new(),
            export: Default::default(),
            screenshot_status: None,
            screenshot_requested: false,
            screenshot_job: None,
        }
    }

    /// Uses other file dialogs (tests answer them with paths).
    pub fn with_dialogs(mut self, dialogs: Box<dyn FileDialogs>) -> Self {
        self.dialogs = dialogs;
        self
    }

    /// Starts with these recent files (restored from eframe storage).
    pub fn with_recent(mut self, recent: Vec<PathBuf>) -> Self {
        self.recent = recent;
        self
    }

    /// Whether the app asked for the window to close (after the prompt, if any).
    pub fn wants_close(&self) -> bool {
        self.close_requested
    }

    /// Whether the unsaved-changes prompt is showing.
    pub fn is_prompting(&self) -> bool {
        self.prompt.is_some()
    }

    /// Points the camera at the layout's view.
    fn camera_from_layout(&mut self) {
        let view = self.layout.view;
        let projector = self.scene.geometry.projector;
        let centre_km =
            projector.plane_from_lonlat(crate::geometry::LonLat { lon_deg: view.centre_lon, lat_deg: view.centre_lat });
        self.map.camera = MapCamera {
            centre_km,
            zoom: (view.zoom as f32).clamp(*MapCamera::ZOOM_RANGE.start(), *MapCamera::ZOOM_RANGE.end()),
        };
        self.synced_camera = Some(self.map.camera);
    }

    /// Copies a camera the user moved into the layout's view.
    fn view_from_camera(&mut self) {
        if self.synced_camera == Some(self.map.camera) {
            return;
        }
        if let Some(centre) = self.scene.geometry.projector.lonlat_from_plane(self.map.camera.centre_km) {
            // Six decimals (about 0.1 m) keep saved files short and stable.
            let round = |x: f64| (x * 1e6).round() / 1e6;
            self.layout.view = crate::model::View {
                centre_lon: round(centre.lon_deg),
                centre_lat: round(centre.lat_deg),
                zoom: round(f64::from(self.map.camera.zoom)),
            };
        }
        self.synced_camera = Some(self.map.camera);
    }

    /// The scene on screen.
    pub fn scene(&self) -> &Scene {
        &self.scene
    }

    /// The layout being edited.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The commitment arcs drawn for the selected country.
    pub fn arcs(&self) -> &[CommitmentArc] {
        &self.arcs.2
    }

    /// The selected country's name, if any.
    pub fn selected_name(&self) -> Option<&str> {
        self.map.selected.and_then(|i| self.scene.geometry.countries.get(i)).map(|c| c.name.as_str())
    }

    /// Draws the whole window into `ui`; eframe and tests both call this.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        if self.needs_initial_view {
            self.camera_from_layout();
            install_font(ui.ctx(), &self.data.font);
            self.needs_initial_view = false;
            // Outlines at every zoom and the hit-test index are built lazily; build
            // them off the UI thread now so the first zoom or hover does not wait.
            let geometry = Arc::clone(&self.scene.geometry);
            std::thread::spawn(move || geometry.prepare_all());
        }
        let dropped: Option<PathBuf> = ui
            .ctx()
            .input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).find(|p| !p.as_os_str().is_empty()));
        if let Some(path) = dropped {
            self.pending.push(Command::File(FileAction::Open(Some(path))));
        }
        self.shortcuts(ui);
        self.advance_playback(ui.ctx());

        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menu_bar(ui));
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::bottom("date").show(ui, |ui| {
            self.date_bar.ui(ui, self.layout.date, self.playing_since.is_some(), &mut self.pending);
        });
        egui::Panel::left("layers").default_size(300.0).show(ui, |ui| {
            self.layers_panel.ui(
                ui,
                &self.scene,
                &self.layout,
                &self.data.iso,
                self.history_state(),
                &mut self.pending,
            );
        });
        if let Some(selected) = self.map.selected {
            egui::Panel::right("inspector").default_size(340.0).show(ui, |ui| {
                inspector::ui(ui, &self.scene, &self.data.iso, selected, &self.layout, &mut self.pending);
            });
        }
        self.update_arcs();
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let map_rect = ui.available_rect_before_wrap();
            let emphasised = legend::show(ui.ctx(), map_rect, &self.scene, &self.layout, &mut self.pending);
            self.emphasised.clone_from(&emphasised);
            let overlay = Overlay {
                emphasised,
                arcs: if self.layout.commitment_lines { self.arcs.2.clone() } else { Vec::new() },
                labels: self.show_labels,
                ..Overlay::default()
            };
            let (_, events) = self.map.ui(ui, &self.scene, overlay);
            if let Some(clicked) = events.clicked {
                self.pending.push(Command::Select(clicked));
            }
        });
        if self.show_about {
            let mut open = true;
            about::window(ui.ctx(), &mut open, &self.scene.geometry.source);
            if !open {
                self.pending.push(Command::ToggleAbout);
            }
        }
        if self.show_help {
            let mut open = true;
            help::window(ui.ctx(), &mut open);
            if !open {
                self.pending.push(Command::ToggleHelp);
            }
        }
        self.document_windows(ui.ctx());
        if self.export.ui(ui.ctx(), &self.scene, self.layout.view, &self.fonts) {
            self.pending.push(Command::ExportTo(PathBuf::new()));
        }
        self.export.poll(ui.ctx());
        self.save_screenshot(ui.ctx());
        for command in std::mem::take(&mut self.pending) {
            self.apply(command);
        }
        self.view_from_camera();
        let title = self.title();
        if title != self.title_sent {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    fn history_state(&self) -> (bool, bool) {
        (self.history.can_undo(), self.history.can_redo())
    }

    fn advance_playback(&mut self, ctx: &egui::Context) {
        let Some(since) = self.playing_since else {
            return;
        };
        const STEP_SECONDS: f64 = 0.7;
        let now = ctx.input(|i| i.time);
        if now - since >= STEP_SECONDS {
            let days = self.date_bar.change_days();
            match days.iter().find(|&&d| d > self.layout.date) {
                Some(&next) => {
                    self.pending.push(Command::SetDate(next));
                    self.playing_since = Some(now);
                }
                None => self.playing_since = None,
            }
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(STEP_SECONDS / 4.0));
    }

    fn shortcuts(&mut self, ui: &egui::Ui) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let mut commands = Vec::new();
        ui.input_mut(|i| {
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z))
                || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
            {
                commands.push(Command::Redo);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
                commands.push(Command::Undo);
            }
            if i.consume_key(Modifiers::NONE, Key::F1) {
                commands.push(Command::ToggleHelp);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S)) {
                commands.push(Command::SaveAs);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)) {
                commands.push(Command::Save);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
                commands.push(Command::File(FileAction::Open(None)));
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::N)) {
                commands.push(Command::File(FileAction::New));
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::C)) {
                commands.push(Command::CopyPicture);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::E)) {
                commands.push(Command::OpenExport);
            }
        });
        if !ui.ctx().egui_wants_keyboard_input() {
            ui.input(|i| {
                let typed = |c: &str| i.events.iter().any(|e| matches!(e, egui::Event::Text(t) if t == c));
                if i.key_pressed(Key::Escape) {
                    commands.push(Command::Select(None));
                }
                if typed("?") {
                    commands.push(Command::ToggleHelp);
                }
                if i.key_pressed(Key::OpenBracket) {
                    commands.push(Command::StepChange(-1));
                }
                if i.key_pressed(Key::CloseBracket) {
                    commands.push(Command::StepChange(1));
                }
                if i.key_pressed(Key::Space) {
                    commands.push(Command::TogglePlay);
                }
                if i.key_pressed(Key::M) && i.modifiers.is_none() {
                    let mode = match self.layout.mode {
                        OverlapMode::Patterns => OverlapMode::Count,
                        OverlapMode::Count => OverlapMode::Patterns,
                    };
                    commands.push(Command::SetMode(mode));
                }
                if i.key_pressed(Key::C) && i.modifiers.is_none() {
                    commands.push(Command::SetCommitmentLines(!self.layout.commitment_lines));
                }
                if i.key_pressed(Key::L) && i.modifiers.is_none() {
                    commands.push(Command::ToggleLabels);
                }
                let digits =
                    [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];
                for (n, key) in digits.iter().enumerate() {
                    if i.key_pressed(*key)
                        && i.modifiers.is_none()
                        && let Some(layer) = self.layout.layers.get(n)
                    {
                        commands.push(Command::SetLayerVisible(layer.org.clone(), !layer.visible));
                    }
                }
            });
        }
        self.pending.extend(commands);
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        ui.menu_button("File", |ui| {
            if ui.add(egui::Button::new("New").shortcut_text("Ctrl+N")).clicked() {
                self.pending.push(Command::File(FileAction::New));
            }
            if ui.add(egui::Button::new("Open…").shortcut_text("Ctrl+O")).clicked() {
                self.pending.push(Command::File(FileAction::Open(None)));
            }
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
            if ui.add(egui::Button::new("Save").shortcut_text("Ctrl+S")).clicked() {
                self.pending.push(Command::Save);
            }
            if ui.add(egui::Button::new("Save as…").shortcut_text("Ctrl+Shift+S")).clicked() {
                self.pending.push(Command::SaveAs);
            }
            ui.separator();
            if ui.add(egui::Button::new("Export picture…").shortcut_text("Ctrl+E")).clicked() {
                self.pending.push(Command::OpenExport);
            }
            if ui.add(egui::Button::new("Copy picture").shortcut_text("Ctrl+Shift+C")).clicked() {
                self.pending.push(Command::CopyPicture);
            }
            if ui.button("Screenshot of the window").clicked() {
                self.pending.push(Command::Screenshot);
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                self.pending.push(Command::File(FileAction::Close));
            }
        });
        ui.menu_button("Edit", |ui| {
            let (can_undo, can_redo) = self.history_state();
            if ui.add_enabled(can_undo, egui::Button::new("Undo").shortcut_text("Ctrl+Z")).clicked() {
                self.pending.push(Command::Undo);
            }
            if ui.add_enabled(can_redo, egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z")).clicked() {
                self.pending.push(Command::Redo);
            }
        });
        ui.menu_button("View", |ui| {
            if ui.button("Reset view (0 / double-click)").clicked() {
                self.pending.push(Command::ResetView);
            }
            let mut labels = self.show_labels;
            if ui.checkbox(&mut labels, "Country labels (L)").changed() {
                self.pending.push(Command::ToggleLabels);
            }
            let mut lines = self.layout.commitment_lines;
            if ui.checkbox(&mut lines, "Commitment lines (C)").changed() {
                self.pending.push(Command::SetCommitmentLines(lines));
            }
            ui.separator();
            ui.label("Memberships drawn as");
            for (mode, label) in
                [(OverlapMode::Patterns, "Patterns per organisation"), (OverlapMode::Count, "Overlap count")]
            {
                if ui.radio(self.layout.mode == mode, label).clicked() {
                    self.pending.push(Command::SetMode(mode));
                }
            }
            ui.separator();
            ui.label("Statuses shown");
            for status in Status::ALL {
                let mut shown = self.layout.statuses.contains(&status);
                if ui.checkbox(&mut shown, format!("Show {status}")).changed() {
                    self.pending.push(Command::SetStatusShown(status, shown));
                }
            }
            ui.separator();
            ui.label("Palette");
            for choice in PaletteChoice::ALL {
                if ui.radio(self.layout.palette == choice, choice.label()).clicked() {
                    self.pending.push(Command::SetPalette(choice));
                }
            }
            ui.separator();
            ui.label("Disputed territory");
            for rule in DisputedRule::ALL {
                if ui.radio(self.layout.disputed == rule, rule.label()).on_hover_text(rule.footer_text()).clicked() {
                    self.pending.push(Command::SetDisputedRule(rule));
                }
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button("Keyboard shortcuts (F1)").clicked() {
                self.pending.push(Command::ToggleHelp);
            }
            if ui.button("About alliance-map").clicked() {
                self.pending.push(Command::ToggleAbout);
            }
        });
    }

    fn status_bar(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let countries = &self.scene.geometry.countries;
            match self.map.hovered.and_then(|i| countries.get(i)) {
                Some(c) => ui.label(format!("Pointer: {} ({})", c.name, c.code)),
                None => ui.label("Pointer: -"),
            };
            ui.separator();
            match self.map.selected.and_then(|i| countries.get(i)) {
                Some(c) => ui.label(format!("Selected: {} ({})", c.name, c.code)),
                None => ui.label("Selected: none"),
            };
            ui.separator();
            ui.label(format!("Zoom {:.2}x", self.map.camera.zoom));
            ui.separator();
            ui.label(format!("Disputed areas: {}", self.layout.disputed.label()));
        });
    }

    /// Exports to `path`, or asks where when `path` is empty.
    fn export_to(&mut self, path: PathBuf) {
        let extension = self.export.format.extension();
        let path = if path.as_os_str().is_empty() {
            if let Some(reason) = self.dialogs.unavailable_reason() {
                self.path_entry = Some(PathEntry { purpose: PathPurpose::Export, text: String::new(), reason });
                return;
            }
            let start = self.path.as_deref().and_then(std::path::Path::parent).map(std::path::Path::to_path_buf);
            let stem = self
                .path
                .as_deref()
                .and_then(std::path::Path::file_stem)
                .map_or_else(|| "alliance-map".to_owned(), |s| s.to_string_lossy().into_owned());
            match self.dialogs.pick_export_path(start.as_deref(), &format!("{stem}.{extension}"), extension) {
                Some(path) => path,
                None => return,
            }
        } else {
            file_dialogs::with_extension(path, extension)
        };
        self.export.start_export(path, Arc::clone(&self.scene), self.layout.view, self.fonts.clone());
    }

    /// Asks eframe for a screenshot and saves it when it arrives.
    fn save_screenshot(&mut self, ctx: &egui::Context) {
        if std::mem::take(&mut self.screenshot_requested) {
            let (tx, rx) = std::sync::mpsc::channel();
            ctx.request_screenshot(move |image| {
                let _ = tx.send(image);
            });
            self.screenshot_job = Some(rx);
        }
        let image = self.screenshot_job.as_ref().and_then(|rx| rx.try_recv().ok());
        if self.screenshot_job.is_some() && image.is_none() {
            ctx.request_repaint();
        }
        if let Some(image) = image {
            self.screenshot_job = None;
            let folder = self
                .path
                .as_deref()
                .and_then(std::path::Path::parent)
                .map_or_else(|| PathBuf::from("."), std::path::Path::to_path_buf);
            let stamp = jiff::Timestamp::now().as_second();
            let path = folder.join(format!("alliance-map-window-{stamp}.png"));
            let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
            let result = crate::export::rgba_to_png(&rgba, image.size[0] as u32, image.size[1] as u32)
                .map_err(|e| e.to_string())
                .and_then(|bytes| crate::io::atomic::write_atomically(&path, &bytes).map_err(|e| e.to_string()));
            self.screenshot_status = Some(match result {
                Ok(()) => format!("Screenshot saved to {}", path.display()),
                Err(e) => format!("Screenshot failed: {e}"),
            });
        }
        if let Some(status) = self.screenshot_status.clone() {
            let mut open = true;
            egui::Window::new("Screenshot").open(&mut open).show(ctx, |ui| ui.label(status));
            if !open {
                self.screenshot_status = None;
            }
        }
    }

    /// Recomputes commitment arcs when the scene or the selection changed.
    fn update_arcs(&mut self) {
        if self.arcs.0 == self.scene.generation && self.arcs.1 == self.map.selected {
            return;
        }
        let mut arcs = Vec::new();
        if let Some(index) = self.map.selected {
            let code = self.scene.geometry.countries[index].code;
            for c in commitments_of(&self.scene.atlas, code, self.layout.date) {
                let dashed = match c.kind {
                    PledgeKind::Defense => false,
                    PledgeKind::Basing => true,
                    _ => continue,
                };
                let colour = self
                    .scene
                    .legend
                    .layers
                    .iter()
                    .find(|l| l.org == c.org)
                    .map_or(self.scene.palette.hypothetical, |l| l.colour);
                let mutual = self
                    .scene
                    .atlas
                    .find(&c.org)
                    .and_then(|o| o.pledges.iter().find(|p| p.article == c.article))
                    .is_some_and(|p| p.direction == crate::model::Direction::Mutual);
                for other in c.counterparties {
                    let Some(other) = self.scene.geometry.index_of(other) else {
                        continue;
                    };
                    let (from, to) = match c.side {
                        CommitmentSide::Gives => (index, other),
                        CommitmentSide::Receives => (other, index),
                    };
                    // A mutual pledge appears as gives and receives: draw it once.
                    if mutual && c.side == CommitmentSide::Receives {
                        continue;
                    }
                    let arc = CommitmentArc { from, to, colour, dashed, mutual };
                    // Several articles of one treaty bind the same pair: one line each.
                    if !arcs.contains(&arc) {
                        arcs.push(arc);
                    }
                }
            }
        }
        self.arcs = (self.scene.generation, self.map.selected, arcs);
    }

    /// Applies one command; also the entry point for tests.
    pub fn apply(&mut self, command: Command) {
        let before = self.layout.clone();
        let kind: Option<&'static str> = match command {
            Command::Select(index) => {
                self.map.selected = index;
                if let Some(country) = index.and_then(|i| self.scene.geometry.countries.get(i)) {
                    self.layers_panel.suggest_country(country.code);
                }
                None
            }
            Command::ResetView => {
                self.map.reset_view(&self.scene);
                None
            }
            Command::ToggleAbout => {
                self.show_about = !self.show_about;
                None
            }
            Command::ToggleHelp => {
                self.show_help = !self.show_help;
                None
            }
            Command::ToggleLabels => {
                self.show_labels = !self.show_labels;
                None
            }
            Command::TogglePlay => {
                self.playing_since = match self.playing_since {
                    Some(_) => None,
                    None => Some(f64::NEG_INFINITY),
                };
                None
            }
            Command::StepChange(direction) => {
                let days = self.date_bar.change_days();
                let target = if direction < 0 {
                    days.iter().rev().find(|&&d| d < self.layout.date)
                } else {
                    days.iter().find(|&&d| d > self.layout.date)
                };
                if let Some(&day) = target {
                    self.layout.date = day;
                }
                Some("date")
            }
            Command::SetDate(day) => {
                self.layout.date = day;
                Some("date")
            }
            Command::SetDisputedRule(rule) => {
                self.layout.disputed = rule;
                Some("disputed")
            }
            Command::SetLayerVisible(org, visible) => {
                if let Some(layer) = self.layout.layer_mut(&org) {
                    layer.visible = visible;
                }
                Some("layer")
            }
            Command::MoveLayer(org, delta) => {
                if let Some(from) = self.layout.layers.iter().position(|l| l.org == org) {
                    let to = (from as i64 + i64::from(delta)).clamp(0, self.layout.layers.len() as i64 - 1) as usize;
                    let layer = self.layout.layers.remove(from);
                    self.layout.layers.insert(to, layer);
                }
                Some("order")
            }
            Command::SetMemberHidden(org, code, hidden) => {
                if let Some(layer) = self.layout.layer_mut(&org) {
                    if hidden {
                        layer.hidden.insert(code);
                    } else {
                        layer.hidden.remove(&code);
                    }
                }
                Some("member")
            }
            Command::SetStatusShown(status, shown) => {
                if shown {
                    self.layout.statuses.insert(status);
                } else {
                    self.layout.statuses.remove(&status);
                }
                Some("statuses")
            }
            Command::SetMode(mode) => {
                self.layout.mode = mode;
                Some("mode")
            }
            Command::SetPalette(choice) => {
                self.layout.palette = choice;
                Some("palette")
            }
            Command::SetCommitmentLines(on) => {
                self.layout.commitment_lines = on;
                Some("lines")
            }
            Command::AddWhatIf(what_if) => {
                self.layout.what_ifs.push(what_if);
                Some("what-if")
            }
            Command::RemoveWhatIf(index) => {
                if index < self.layout.what_ifs.len() {
                    self.layout.what_ifs.remove(index);
                }
                Some("what-if")
            }
            Command::File(action) => {
                self.request(action);
                None
            }
            Command::OpenPath(path) => {
                self.open_path(&path);
                None
            }
            Command::Save => {
                self.save();
                None
            }
            Command::SaveAs => {
                self.save_as();
                None
            }
            Command::SaveTo(path) => {
                self.save_to(&path);
                None
            }
            Command::PromptAnswer(answer) => {
                self.answer_prompt(answer);
                None
            }
            Command::OpenExport => {
                let (title, subtitle) = (self.layout.title.clone(), self.layout.subtitle.clone());
                self.export.open_for(&title, &subtitle);
                None
            }
            Command::ExportTo(path) => {
                self.export_to(path);
                None
            }
            Command::CopyPicture => {
                let (title, subtitle) = (self.layout.title.clone(), self.layout.subtitle.clone());
                self.export.start_clipboard(
                    Arc::clone(&self.scene),
                    self.layout.view,
                    self.fonts.clone(),
                    &title,
                    &subtitle,
                );
                None
            }
            Command::Screenshot => {
                self.screenshot_requested = true;
                None
            }
            Command::Undo => {
                if let Some(previous) = self.history.undo(&self.layout) {
                    self.layout = previous;
                }
                None
            }
            Command::Redo => {
                if let Some(next) = self.history.redo(&self.layout) {
                    self.layout = next;
                }
                None
            }
        };
        if let Some(kind) = kind
            && self.layout != before
        {
            self.history.record(&before, kind);
        }
        if self.layout != before {
            self.layout_changed();
        }
    }

    /// Rebuilds what depends on the layout: only the scene, and the geometry only
    /// when the disputed-territory rule changed.
    fn layout_changed(&mut self) {
        let inputs = SceneInputs::from_layout(&self.layout);
        if inputs == self.scene.inputs {
            return;
        }
        let selected = self.map.selected.map(|i| self.scene.geometry.countries[i].code);
        let geometry = geometry_for(&self.data, &mut self.geometries, inputs.rule);
        self.scene = Arc::new(Scene::build(inputs, geometry, &self.data.atlas));
        self.map.selected = selected.and_then(|code| self.scene.geometry.index_of(code));
        self.date_bar.sync(self.layout.date);
    }
}

/// Makes the shipped font egui's first choice, keeping egui's own fonts as
/// fallbacks for symbols it lacks.
fn install_font(ctx: &egui::Context, font: &[u8]) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert("DejaVuSans".to_owned(), Arc::new(egui::FontData::from_owned(font.to_vec())));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().insert(0, "DejaVuSans".to_owned());
    }
    ctx.set_fonts(fonts);
}

fn geometry_for(
    data: &MapData,
    cache: &mut BTreeMap<DisputedRule, Arc<MapGeometry>>,
    rule: DisputedRule,
) -> Arc<MapGeometry> {
    cache
        .entry(rule)
        .or_insert_with(|| {
            Arc::new(MapGeometry::build(&data.shapes, rule, |code| data.iso.name(code).map(str::to_owned)))
        })
        .clone()
}

impl eframe::App for AllianceMapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // Closing with unsaved changes: cancel the close and ask first.
        if ui.ctx().input(|i| i.viewport().close_requested()) && !self.allow_close && self.is_dirty() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending.push(Command::File(FileAction::Close));
        }
        self.show(ui);
        if self.close_requested {
            self.close_requested = false;
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if let Some(probe) = &mut self.startup {
            // The first frame is laid out and handed to the GPU after `ui` returns;
            // the second call means the first frame has been painted.
            probe.frames += 1;
            if probe.frames == 2 {
                eprintln!("{}", crate::startup_report());
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ui.ctx().request_repaint();
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, document::RECENT_KEY, &self.recent);
    }
}

/// Opens the window and runs until it is closed. With `open`, the window starts on
/// that layout file (its problems, if any, are shown in the window).
pub fn run(data: MapData, layout: Layout, open: Option<PathBuf>, report_startup: bool) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("alliance-map")
            .with_inner_size([1240.0, 820.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native(
        "alliance-map",
        options,
        Box::new(move |cc| {
            let recent: Vec<PathBuf> =
                cc.storage.and_then(|s| eframe::get_value(s, document::RECENT_KEY)).unwrap_or_default();
            let mut app = AllianceMapApp::new(data, layout, report_startup).with_recent(recent);
            if let Some(path) = open {
                app.open_path(&path);
            }
            Ok(Box::new(app))
        }),
    )
}
