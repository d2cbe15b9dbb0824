//! The eframe window: the only module that knows egui, eframe and rfd.
//!
//! The window holds a [`Workspace`] (data, layout, history, scene) and lays out
//! what a person sees: the map (`map/`), the panels around it (`panels/`), the
//! windows that come and go (`dialogs/`) and the menu bar (`menus.rs`). Widgets
//! never change state while drawing: they push [`Command`]s, applied after the
//! frame. Layout changes are [`Edit`]s for the workspace; everything else a person
//! can ask for is an [`Action`] from one table (`actions.rs`) that also feeds the
//! menus, the key handling and the help.

pub mod actions;
mod dialogs;
mod jobs;
mod map;
mod menus;
mod panels;
pub mod preferences;
mod style;

use std::path::PathBuf;
use std::sync::Arc;

pub use actions::{Action, Shortcut};
pub use dialogs::document::{FileAction, PathEntry, PathPurpose, PromptAnswer};
pub use dialogs::file_dialogs::{self, FileDialogs};
pub use dialogs::help;
pub use map::{Camera, MapView};

use crate::export::{BriefingText, Fonts};
use crate::model::{CountryCode, Layout, OverlapMode, View};
use crate::scene::{Framing, Scene, SelectionDetail};
use crate::workspace::{Changed, Clock, Edit, MapData, Workspace};

/// Something the user asked for, applied after the frame is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Change the layout (undoable).
    Edit(Edit),
    /// Run an action from the table (menus, keys, buttons).
    Action(Action),
    /// Select a country or clear the selection.
    Select(Option<CountryCode>),
    /// New, open or close, asking first when there are unsaved changes.
    File(FileAction),
    /// Open this file now (from a typed path; the prompt has been answered).
    OpenPath(PathBuf),
    /// Save to this file (from a typed path).
    SaveTo(PathBuf),
    /// Export the picture (in the background).
    ExportTo(ExportTarget),
    /// An answer to the unsaved-changes prompt.
    PromptAnswer(PromptAnswer),
    /// Check this organisation file and copy it into the user's layers.
    AddLayerFrom(PathBuf),
    /// Export the animation (in the background).
    ExportAnimationTo(ExportTarget),
}

/// Where an export goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportTarget {
    /// Ask with a file dialog (or a typed path where none can open).
    Ask,
    /// This file; the format's extension is added when missing.
    File(PathBuf),
}

/// The window: the workspace and the state of what is on screen.
pub struct AllianceMapApp {
    workspace: Workspace,
    /// The export font, parsed once for every export, preview and copy.
    fonts: Fonts,
    /// The map widget (hover, selection).
    pub map: MapView,
    layers_panel: panels::layers::LayersPanel,
    date_bar: panels::date_bar::DateBar,
    show_about: bool,
    show_help: bool,
    show_labels: bool,
    playing_since: Option<f64>,
    first_frame_done: bool,
    /// Whether the background build of every level of detail has been started.
    geometry_prepared: bool,
    pending: Vec<Command>,
    startup: Option<StartupProbe>,
    /// Countries emphasised last frame (a hovered legend combination).
    pub emphasised: Vec<CountryCode>,
    dialogs: Box<dyn FileDialogs>,
    recent: Vec<PathBuf>,
    /// The file action waiting on the unsaved-changes prompt.
    prompt: Option<FileAction>,
    load_problems: Option<(PathBuf, Vec<crate::io::Problem>)>,
    /// What the user-layer window says (problems at start, or an added layer).
    layer_report: Option<dialogs::user_layers::LayerReport>,
    /// Where *Add layer from file…* copies files; `None` in tests unless set.
    user_layers: Option<PathBuf>,
    /// Where the last picture was exported (a preference).
    export_folder: Option<PathBuf>,
    save_error: Option<String>,
    path_entry: Option<PathEntry>,
    /// Set once the user agreed to close (saved or discarded).
    allow_close: bool,
    /// Set when the app wants the window closed.
    close_requested: bool,
    title_sent: String,
    /// The egui context of the last frame, for background jobs to wake.
    ctx: egui::Context,
    /// The export window and its background jobs.
    pub export: dialogs::export::ExportDialog,
    /// The animation export window.
    pub animation: dialogs::animation::AnimationDialog,
    screenshot: dialogs::screenshot::Screenshot,
}

/// Reports the time to the first map frame painted where a person sees it, and
/// closes the window: a breakdown for the start-up benchmark (`--report-startup`).
pub struct StartupProbe;

impl AllianceMapApp {
    /// The window on loaded data and a layout, with the system clock.
    pub fn new(data: MapData, layout: Layout, report_startup: bool) -> Self {
        Self::with_workspace(Workspace::with_layout(data, layout, Clock::System), report_startup)
    }

    /// The window on a workspace.
    pub fn with_workspace(workspace: Workspace, report_startup: bool) -> Self {
        let date_bar =
            panels::date_bar::DateBar::new(workspace.change_days(), workspace.clock(), workspace.layout().date);
        let layer_report = dialogs::user_layers::LayerReport::at_start(&workspace.data().problems);
        Self {
            fonts: Fonts::new(Arc::clone(&workspace.data().font)),
            workspace,
            map: MapView::default(),
            layers_panel: panels::layers::LayersPanel::default(),
            date_bar,
            show_about: false,
            show_help: false,
            show_labels: true,
            playing_since: None,
            first_frame_done: false,
            geometry_prepared: false,
            pending: Vec::new(),
            startup: report_startup.then_some(StartupProbe),
            emphasised: Vec::new(),
            dialogs: Box::new(file_dialogs::NativeDialogs),
            recent: Vec::new(),
            prompt: None,
            load_problems: None,
            layer_report,
            user_layers: None,
            export_folder: None,
            save_error: None,
            path_entry: None,
            allow_close: false,
            close_requested: false,
            title_sent: String::new(),
            ctx: egui::Context::default(),
            export: Default::default(),
            animation: Default::default(),
            screenshot: Default::default(),
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

    /// Where *Add layer from file…* copies organisation files.
    pub fn with_user_layers_dir(mut self, folder: Option<PathBuf>) -> Self {
        self.user_layers = folder;
        self
    }

    /// The preferences as they stand: what `save` writes to eframe's storage.
    pub fn preferences(&self) -> preferences::Preferences {
        preferences::Preferences {
            show_labels: self.show_labels,
            palette: self.layout().palette,
            theme: self.ctx.options(|o| o.theme_preference),
            export_folder: self.export_folder.clone(),
            export_size: (self.export.width, self.export.height),
        }
    }

    /// Applies remembered preferences (at start, or the defaults on reset). The
    /// palette is not applied here: it belongs to the layout, and `run` starts the
    /// first layout with it.
    pub fn apply_preferences(&mut self, preferences: &preferences::Preferences) {
        self.show_labels = preferences.show_labels;
        self.ctx.set_theme(preferences.theme);
        self.export_folder.clone_from(&preferences.export_folder);
        self.export.set_size(preferences.export_size.0, preferences.export_size.1);
    }

    /// What the user-layer window says, if it is open.
    pub fn layer_report(&self) -> Option<&dialogs::user_layers::LayerReport> {
        self.layer_report.as_ref()
    }

    /// Whether the app asked for the window to close (after the prompt, if any).
    pub fn wants_close(&self) -> bool {
        self.close_requested
    }

    /// Whether the unsaved-changes prompt is showing.
    pub fn is_prompting(&self) -> bool {
        self.prompt.is_some()
    }

    /// The document core: data, layout, history, scene.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The scene on screen.
    pub fn scene(&self) -> &Arc<Scene> {
        self.workspace.scene()
    }

    /// The layout being edited.
    pub fn layout(&self) -> &Layout {
        self.workspace.layout()
    }

    /// How the map is framed in a screen rectangle: the same transform the
    /// exporters use, from the layout's view.
    pub fn framing(&self, rect: egui::Rect) -> Framing {
        map::framing(self.scene(), &self.layout().view, rect)
    }

    /// What the inspector and the commitment lines show for the selection.
    pub fn selection(&mut self) -> Option<Arc<SelectionDetail>> {
        let code = self.map.selected?;
        self.workspace.scene().geometry.index_of(code)?;
        Some(self.workspace.selection(code))
    }

    /// The selected country's name, if any.
    pub fn selected_name(&self) -> Option<&str> {
        let geometry = &self.scene().geometry;
        self.map.selected.and_then(|code| geometry.index_of(code)).map(|i| geometry.countries[i].name.as_str())
    }

    /// Whether an action can run now (menus grey out the others).
    pub fn enabled(&self, action: Action) -> bool {
        let document = self.workspace.document();
        match action {
            Action::Undo => document.can_undo(),
            Action::Redo => document.can_redo(),
            Action::PreviousChange => self.workspace.next_change(false).is_some(),
            Action::NextChange => self.workspace.next_change(true).is_some(),
            Action::CopyPicture => !self.export.busy(),
            Action::ClearSelection => self.map.selected.is_some(),
            _ => true,
        }
    }

    /// Draws the whole window into `ui`; eframe and tests both call this.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.ctx = ui.ctx().clone();
        if !self.first_frame_done {
            self.first_frame_done = true;
            style::install_font(ui.ctx(), &self.workspace.data().font);
        }
        if !self.geometry_prepared {
            // Outlines at every zoom and the hit-test index are built lazily;
            // build them off the UI thread so the first zoom or hover does not
            // wait, but only once the first frame a person sees is painted: on
            // two cores they would take one from the software rasteriser. Until
            // then frames follow each other without waiting for input.
            if self.map.first_seen_frame_painted(ui.ctx()) {
                self.geometry_prepared = true;
                let geometry = Arc::clone(&self.scene().geometry);
                let _ = std::thread::Builder::new().name("prepare-shapes".into()).spawn(move || geometry.prepare_all());
            } else {
                ui.ctx().request_repaint();
            }
        }
        self.take_dropped_files(ui.ctx());
        self.take_shortcuts(ui.ctx());
        self.advance_playback(ui.ctx());

        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menu_bar(ui));
        });
        egui::Panel::bottom("status").show(ui, |ui| panels::status_bar::ui(ui, self));
        egui::Panel::bottom("date").show(ui, |ui| {
            let steps = [self.enabled(Action::PreviousChange), self.enabled(Action::NextChange)];
            let enabled = move |action| match action {
                Action::PreviousChange => steps[0],
                Action::NextChange => steps[1],
                _ => true,
            };
            let (date, playing, clock) = (self.layout().date, self.playing_since.is_some(), self.workspace.clock());
            let mut commands = Vec::new();
            let scene = Arc::clone(self.scene());
            let warning = scene.freshness_warning.as_deref();
            let compare_with = self.layout().compare_with;
            self.date_bar.ui(ui, date, warning, compare_with, playing, enabled, clock, &mut commands);
            self.pending.extend(commands);
        });
        egui::Panel::left("layers").default_size(LAYERS_PANEL_WIDTH).show(ui, |ui| {
            let (undo, redo) = (self.enabled(Action::Undo), self.enabled(Action::Redo));
            let scene = Arc::clone(self.scene());
            let iso = &self.workspace.data().iso;
            self.layers_panel.ui(ui, &scene, self.workspace.layout(), iso, (undo, redo), &mut self.pending);
        });
        let selection = self.selection();
        if let Some(detail) = &selection {
            egui::Panel::right("inspector").default_size(340.0).show(ui, |ui| {
                let iso = &self.workspace.data().iso;
                panels::inspector::ui(
                    ui,
                    self.workspace.scene(),
                    iso,
                    detail,
                    self.workspace.layout(),
                    &mut self.pending,
                );
            });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let map_rect = ui.available_rect_before_wrap();
            let scene = Arc::clone(self.scene());
            self.emphasised = panels::legend::show(ui.ctx(), map_rect, &scene, &mut self.pending);
            let arcs = match &selection {
                Some(detail) if self.layout().commitment_lines => detail.arcs.as_slice(),
                _ => &[],
            };
            let font = &self.workspace.data().font;
            let overlay = map::Overlay {
                font: Some(font),
                emphasised: &self.emphasised,
                arcs,
                labels: self.show_labels,
                ..Default::default()
            };
            let view = self.workspace.layout().view;
            let (_, events) = self.map.ui(ui, &scene, &view, overlay);
            if let Some(clicked) = events.clicked {
                self.pending.push(Command::Select(clicked));
            }
            if let Some(view) = events.moved_to {
                self.pending.push(Command::Edit(Edit::SetView(view)));
            }
            // Load the 1:10m shapes in the background once the view is halfway (in
            // scale) to where they are drawn, so that they are ready when it gets
            // there; the frame that needs them never waits.
            if events.px_per_km >= PREFETCH_DETAIL_SHARE * crate::geometry::DETAIL_FROM_PX_PER_KM {
                self.workspace.prefetch_detail();
            }
            if self.workspace.detail_loading() {
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
            }
        });
        self.windows(ui.ctx());
        for command in std::mem::take(&mut self.pending) {
            self.apply(command);
        }
        let title = self.title();
        if title != self.title_sent {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    /// The windows that come and go: About, help, the document's prompts, export,
    /// screenshots. Background jobs are collected here, once per frame.
    fn windows(&mut self, ctx: &egui::Context) {
        if self.show_about {
            let mut open = true;
            dialogs::about::window(ctx, &mut open, &self.scene().geometry.source);
            if !open {
                self.pending.push(Command::Action(Action::ToggleAbout));
            }
        }
        if self.show_help {
            let mut open = true;
            help::window(ctx, &mut open);
            if !open {
                self.pending.push(Command::Action(Action::ToggleHelp));
            }
        }
        self.document_windows(ctx);
        self.layer_report_window(ctx);
        self.export.poll(ctx);
        self.sync_export_highlight();
        let scene = Arc::clone(self.scene());
        if self.export.ui(ctx, &scene, self.layout().view, &self.fonts) {
            self.pending.push(Command::ExportTo(ExportTarget::Ask));
        }
        self.screenshot.ui(ctx, self.workspace.document().path());
        let data = Arc::clone(self.workspace.data());
        let generation = self.scene().generation;
        if let Some(dialogs::animation::AnimationRequest::Export) =
            self.animation.ui(ctx, self.workspace.layout(), &data.atlas, &data.iso, generation)
        {
            self.pending.push(Command::ExportAnimationTo(ExportTarget::Ask));
        }
    }

    /// Starts the animation export to `target` (asking where, unless given).
    fn export_animation_to(&mut self, target: ExportTarget) {
        let extension = self.animation.extension();
        let path = match target {
            ExportTarget::File(path) => path,
            ExportTarget::Ask => match self.ask_export_path(extension) {
                Some(path) => path,
                None => return,
            },
        };
        self.export_folder = path.parent().map(std::path::Path::to_path_buf);
        let geometry = self.workspace.geometry(self.layout().disputed);
        let data = Arc::clone(self.workspace.data());
        let layout = self.workspace.layout().clone();
        self.animation.start(&self.ctx, path, &layout, &data, geometry, self.fonts.clone());
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Option<PathBuf> = ctx
            .input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).find(|p| !p.as_os_str().is_empty()));
        if let Some(path) = dropped {
            self.pending.push(Command::File(FileAction::Open(Some(path))));
        }
    }

    /// The action table's shortcuts, and the digits that toggle layers 1 to 9.
    fn take_shortcuts(&mut self, ctx: &egui::Context) {
        self.pending.extend(actions::pressed(ctx).into_iter().map(Command::Action));
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        use egui::Key;
        let digits =
            [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];
        let pressed: Vec<usize> =
            ctx.input(|i| (0..digits.len()).filter(|&n| i.modifiers.is_none() && i.key_pressed(digits[n])).collect());
        for n in pressed {
            if let Some(layer) = self.layout().layers.get(n) {
                let edit = Edit::SetLayerVisible { org: layer.org.clone(), visible: !layer.visible };
                self.pending.push(Command::Edit(edit));
            }
        }
    }

    fn advance_playback(&mut self, ctx: &egui::Context) {
        let Some(since) = self.playing_since else {
            return;
        };
        const STEP_SECONDS: f64 = 0.7;
        let now = ctx.input(|i| i.time);
        if now - since >= STEP_SECONDS {
            match self.workspace.next_change(true) {
                Some(next) => {
                    self.pending.push(Command::Edit(Edit::SetDate(next)));
                    self.playing_since = Some(now);
                }
                None => self.playing_since = None,
            }
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(STEP_SECONDS / 4.0));
    }

    /// Applies one command; also the entry point for tests.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Edit(edit) => {
                let changed = self.workspace.apply(edit);
                self.after(changed);
            }
            Command::Action(action) => self.run(action),
            Command::Select(code) => {
                let changed = self.workspace.apply(Edit::SetSelected(code));
                self.after(changed);
                if let Some(code) = code {
                    self.layers_panel.suggest_country(code);
                }
            }
            Command::File(action) => self.request(action),
            Command::OpenPath(path) => self.open_path(&path),
            Command::AddLayerFrom(path) => self.add_layer_from(&path),
            Command::ExportAnimationTo(target) => self.export_animation_to(target),
            Command::SaveTo(path) => {
                self.save_to(&path);
            }
            Command::ExportTo(target) => self.export_to(target),
            Command::PromptAnswer(answer) => self.answer_prompt(answer),
        }
    }

    /// Runs an action, if it can run now.
    fn run(&mut self, action: Action) {
        if !self.enabled(action) {
            return;
        }
        let layout = self.workspace.layout();
        let edit = match action {
            Action::ResetView => Some(Edit::SetView(View::EURASIA)),
            Action::ToggleCommitmentLines => Some(Edit::SetCommitmentLines(!layout.commitment_lines)),
            Action::ToggleOverlapMode => Some(Edit::SetMode(match layout.mode {
                OverlapMode::Patterns => OverlapMode::Count,
                OverlapMode::Count => OverlapMode::Patterns,
            })),
            Action::PreviousChange => self.workspace.next_change(false).map(Edit::SetDate),
            Action::NextChange => self.workspace.next_change(true).map(Edit::SetDate),
            _ => None,
        };
        if let Some(edit) = edit {
            let changed = self.workspace.apply(edit);
            self.after(changed);
            return;
        }
        match action {
            Action::NewLayout => self.request(FileAction::New),
            Action::OpenLayout => self.request(FileAction::Open(None)),
            Action::ExportAnimation => {
                let date = self.layout().date;
                self.animation.open_for(date);
            }
            Action::ResetPreferences => {
                self.apply_preferences(&preferences::Preferences::default());
                self.ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(DEFAULT_WINDOW_SIZE.into()));
            }
            Action::AddLayer => {
                if self.dialog_can_open(dialogs::document::PathPurpose::AddLayer, String::new())
                    && let Some(path) = self.dialogs.pick_layer_to_add()
                {
                    self.add_layer_from(&path);
                }
            }
            Action::SaveLayout => {
                self.save();
            }
            Action::SaveLayoutAs => {
                self.save_as();
            }
            Action::ExportPicture => {
                let layout = self.workspace.layout();
                let (title, subtitle) = (layout.title.clone(), layout.subtitle.clone());
                self.export.open_for(&title, &subtitle);
            }
            Action::CopyPicture => {
                let layout = self.workspace.layout();
                let text = BriefingText { title: layout.title.clone(), subtitle: layout.subtitle.clone() };
                let (scene, view) = (Arc::clone(self.scene()), self.layout().view);
                self.sync_export_highlight();
                self.export.start_clipboard(&self.ctx, scene, view, self.fonts.clone(), text);
            }
            Action::Screenshot => self.screenshot.request(&self.ctx),
            Action::Quit => self.request(FileAction::Close),
            Action::Undo => {
                let changed = self.workspace.undo();
                self.after(changed);
            }
            Action::Redo => {
                let changed = self.workspace.redo();
                self.after(changed);
            }
            Action::ToggleLabels => self.show_labels = !self.show_labels,
            Action::TogglePlay => {
                self.playing_since = match self.playing_since {
                    Some(_) => None,
                    None => Some(f64::NEG_INFINITY),
                };
            }
            Action::ClearSelection => {
                let changed = self.workspace.apply(Edit::SetSelected(None));
                self.after(changed);
            }
            Action::ToggleHelp => self.show_help = !self.show_help,
            Action::ToggleAbout => self.show_about = !self.show_about,
            Action::ResetView
            | Action::ToggleCommitmentLines
            | Action::ToggleOverlapMode
            | Action::PreviousChange
            | Action::NextChange => {}
        }
    }

    /// Keeps the window's own state in step with a changed layout.
    fn after(&mut self, changed: Changed) {
        self.map.selected = self.workspace.layout().selected;
        if changed.date {
            self.date_bar.sync(self.workspace.layout().date);
        }
    }

    /// Gives the export window the layout's selection as it stands, for pictures
    /// that highlight it.
    fn sync_export_highlight(&mut self) {
        let lines = self.layout().commitment_lines;
        self.export.highlighted = self.selection().map(|detail| (detail, lines));
    }

    /// Exports to a file, asking where first for [`ExportTarget::Ask`].
    fn export_to(&mut self, target: ExportTarget) {
        let extension = self.export.format.extension();
        let path = match target {
            ExportTarget::File(path) => file_dialogs::with_extension(path, extension),
            ExportTarget::Ask => match self.ask_export_path(extension) {
                Some(path) => path,
                None => return,
            },
        };
        self.export_folder = path.parent().map(std::path::Path::to_path_buf);
        let (scene, view) = (Arc::clone(self.scene()), self.layout().view);
        self.sync_export_highlight();
        if self.export.needs_detail(&scene, &view, &self.fonts) {
            // The export job waits for these; the window goes on meanwhile.
            self.workspace.prefetch_detail();
        }
        self.export.start_export(&self.ctx, path, scene, view, self.fonts.clone());
    }
}

impl eframe::App for AllianceMapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // The selection belongs to the layout (open, undo and redo change it too).
        self.map.selected = self.workspace.layout().selected;
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
        if !self.map.is_seen(ui.ctx()) {
            paint_nothing(ui.ctx());
        }
        if self.startup.is_some() {
            // A frame is laid out here and painted after `ui` returns: a call in a
            // later frame means the first frame a person sees has been painted.
            if self.map.first_seen_frame_painted(ui.ctx()) {
                eprintln!("{}", crate::startup_report());
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ui.ctx().request_repaint();
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, dialogs::document::RECENT_KEY, &self.recent);
        eframe::set_value(storage, preferences::KEY, &self.preferences());
    }
}

/// Empties what this frame would paint. eframe paints its first frame on X11 before
/// the window is on screen, so no one sees it (see [`first_seen_frame`]); the
/// frame is still laid out, which sets up the fonts and starts painting the map's
/// picture, but painting its panels and text would only delay the first frame a
/// person sees (by about 50 ms under a software renderer, measured from outside).
fn paint_nothing(ctx: &egui::Context) {
    let layers: Vec<egui::LayerId> = ctx.memory(|memory| memory.layer_ids().collect());
    ctx.graphics_mut(|graphics| {
        for layer in layers {
            if let Some(list) = graphics.get_mut(layer) {
                for index in 0..list.next_idx().0 {
                    list.reset_shape(egui::layers::ShapeIdx(index));
                }
            }
        }
    });
}

/// Where the map sits in a window of [`DEFAULT_WINDOW_SIZE`]: right of the layers
/// panel, between the menu bar and the date and status bars. Only the scale of
/// the first frame is taken from it, to prepare that frame's shapes.
const FIRST_MAP_RECT: egui::Rect = egui::Rect::from_min_max(
    egui::pos2(LAYERS_PANEL_WIDTH, 24.0),
    egui::pos2(DEFAULT_WINDOW_SIZE[0], DEFAULT_WINDOW_SIZE[1] - 96.0),
);

/// The layers panel's width on first start.
const LAYERS_PANEL_WIDTH: f32 = 300.0;

/// The window's size on first start and after *Reset preferences*.
const DEFAULT_WINDOW_SIZE: [f32; 2] = [1240.0, 820.0];

/// Why the window did not run.
#[derive(Debug)]
pub enum RunError {
    /// The data could not be loaded (the message names the file and what was wrong).
    Data(String),
    /// eframe could not open the window or its renderer.
    Window(eframe::Error),
}

/// The data could not be loaded: what the creator hands eframe, to be told apart
/// from eframe's own errors.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct LoadError(String);

/// What the window starts on: the data, the layout, and the overview shapes.
type Loaded = (MapData, Layout, Arc<crate::geometry::MapGeometry>);

/// Opens the window and runs until it is closed. `load` reads the data and makes
/// the first layout; with `open`, the window starts on that layout file (its
/// problems, if any, are shown in the window).
pub fn run(
    load: impl FnOnce() -> Result<(MapData, Layout), String> + Send + 'static,
    open: Option<PathBuf>,
    report_startup: bool,
) -> Result<(), RunError> {
    // eframe takes about 100 ms to open the window and its renderer, on one core.
    // The other loads the data, builds the overview shapes and prepares what the
    // first map frame draws meanwhile, so none of it comes before the window.
    let loading = std::thread::Builder::new()
        .name("load".into())
        .spawn(move || -> Result<Loaded, String> {
            let (data, layout) = load()?;
            let geometry = Arc::new(crate::workspace::overview_geometry(&data, layout.disputed));
            let px_per_km =
                map::Camera::from_view(&geometry, &layout.view).framing(&geometry, FIRST_MAP_RECT).px_per_km;
            map::prepare_shapes(&geometry, px_per_km);
            Ok((data, layout, geometry))
        })
        .map_err(|error| RunError::Data(format!("cannot start loading the data: {error}")))?;
    // The creator takes the loading thread; if eframe fails before calling it, the
    // loading's own error (bad data) is still the one to report.
    let loading = Arc::new(std::sync::Mutex::new(Some(loading)));
    let join = |loading: &std::sync::Mutex<Option<std::thread::JoinHandle<Result<Loaded, String>>>>| {
        let handle = loading.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take()?;
        Some(handle.join().unwrap_or_else(|_| Err("loading the data failed unexpectedly".into())))
    };
    let creator_loading = Arc::clone(&loading);
    let mut viewport = egui::ViewportBuilder::default().with_app_id(crate::io::user_paths::APP_ID);
    // The same icon the desktop entry names (packaging/); a damaged file only
    // costs the icon.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../packaging/alliance-map-256.png")) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title("alliance-map")
            .with_inner_size(DEFAULT_WINDOW_SIZE)
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        crate::io::user_paths::APP_ID,
        options,
        Box::new(move |cc| {
            let loaded = join(&creator_loading).unwrap_or_else(|| Err("the data was not loaded".into()));
            let (data, layout, geometry) = loaded.map_err(LoadError)?;
            let recent: Vec<PathBuf> =
                cc.storage.and_then(|s| eframe::get_value(s, dialogs::document::RECENT_KEY)).unwrap_or_default();
            let preferences: preferences::Preferences =
                cc.storage.and_then(|s| eframe::get_value(s, preferences::KEY)).unwrap_or_default();
            let mut layout = layout;
            layout.palette = preferences.palette;
            let workspace = Workspace::with_layout_on(data, layout, Clock::System, Some(geometry));
            let mut app = AllianceMapApp::with_workspace(workspace, report_startup)
                .with_recent(recent)
                .with_user_layers_dir(crate::io::user_paths::user_layers_dir());
            app.ctx = cc.egui_ctx.clone();
            app.map.first_seen_frame = first_seen_frame(cc);
            app.apply_preferences(&preferences);
            if let Some(path) = open {
                app.open_path(&path);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => Ok(()),
        Err(eframe::Error::AppCreation(error)) => match error.downcast::<LoadError>() {
            Ok(error) => Err(RunError::Data(error.0)),
            Err(error) => Err(RunError::Window(eframe::Error::AppCreation(error))),
        },
        // eframe failed before the creator took the data: bad data is still the
        // error to report.
        Err(error) => match join(&loading) {
            Some(Err(data_error)) => Err(RunError::Data(data_error)),
            _ => Err(RunError::Window(error)),
        },
    }
}

/// The number of the first frame of `cc`'s window that is on screen. eframe paints
/// frame 0 with the window hidden and then shows it. An X11 window has no contents
/// until it is mapped, so that frame is lost and frame 1 is the first one seen
/// (measured under Xvfb: the screen shows the window after the second painting).
/// Elsewhere (Wayland shows a window with its first frame) it is frame 0.
fn first_seen_frame(cc: &eframe::CreationContext<'_>) -> u64 {
    use raw_window_handle::{HasWindowHandle, RawWindowHandle};
    match cc.window_handle().map(|handle| handle.as_raw()) {
        Ok(RawWindowHandle::Xlib(_) | RawWindowHandle::Xcb(_)) => 1,
        _ => 0,
    }
}

/// The share of [`crate::geometry::DETAIL_FROM_PX_PER_KM`] at which the window starts
/// loading the 1:10m shapes: half the scale, about two wheel notches before they
/// are drawn, and the building takes under a second.
const PREFETCH_DETAIL_SHARE: f32 = 0.5;
