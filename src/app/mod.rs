//! The eframe window. The only module that knows egui, eframe and (later) rfd.
//!
//! Panels and widgets emit [`Command`]s; the app applies them after the frame, so
//! state never changes under a half-drawn UI and menus, shortcuts and tests share
//! one list of actions.

mod about;
mod map_painter;
mod map_view;

use std::sync::Arc;

pub use map_view::{MapCamera, MapView, ScreenFromPlane};

use crate::geometry::MapGeometry;
use crate::io::iso_table::IsoTable;
use crate::io::shapes::ShapeSet;
use crate::model::DisputedRule;
use crate::scene::{Palette, Scene, SceneInputs};

/// Everything the window needs that is read from disk before it opens. Loading
/// happens before the window so a broken asset is a clear error and an exit code,
/// not a window that shows nothing.
pub struct LoadedData {
    /// Country shapes.
    pub shapes: ShapeSet,
    /// Country names and known codes.
    pub iso: IsoTable,
}

/// An action the user asked for, applied after the frame is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select a country (index into the scene's countries) or clear the selection.
    Select(Option<usize>),
    /// Put the camera back on Eurasia.
    ResetView,
    /// Draw disputed areas under another rule.
    SetDisputedRule(DisputedRule),
    /// Show or hide the About window.
    ToggleAbout,
}

/// The application: data, the current scene and the widgets' state.
pub struct AllianceMapApp {
    data: LoadedData,
    palette: Palette,
    scene: Scene,
    /// The map widget (camera, hover, selection).
    pub map: MapView,
    show_about: bool,
    needs_initial_view: bool,
    pending: Vec<Command>,
    /// When the process started, to report the time to the first painted map.
    startup: Option<StartupProbe>,
}

/// Reports the time to the first painted map frame and closes the window: used by
/// the start-up benchmark (`--report-startup`).
pub struct StartupProbe {
    frames: u32,
}

impl AllianceMapApp {
    /// Builds the app around loaded data.
    pub fn new(data: LoadedData, report_startup: bool) -> Self {
        let palette = Palette::default();
        let inputs = SceneInputs {
            rule: DisputedRule::default(),
        };
        let scene = build_scene(&data, inputs, &palette);
        Self {
            data,
            palette,
            scene,
            map: MapView::default(),
            show_about: false,
            needs_initial_view: true,
            pending: Vec::new(),
            startup: report_startup.then_some(StartupProbe { frames: 0 }),
        }
    }

    /// The scene on screen.
    pub fn scene(&self) -> &Scene {
        &self.scene
    }

    /// The selected country's name, if any.
    pub fn selected_name(&self) -> Option<&str> {
        self.map
            .selected
            .and_then(|i| self.scene.geometry.countries.get(i))
            .map(|c| c.name.as_str())
    }

    /// Draws the whole window into `ui`; eframe and tests both call this.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        if self.needs_initial_view {
            self.map.reset_view(&self.scene);
            self.needs_initial_view = false;
        }
        self.shortcuts(ui);

        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menu_bar(ui));
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let (_, events) = self.map.ui(ui, &self.scene);
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
        for command in std::mem::take(&mut self.pending) {
            self.apply(command);
        }
    }

    fn shortcuts(&mut self, ui: &egui::Ui) {
        if ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.pending.push(Command::Select(None));
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        ui.menu_button("View", |ui| {
            if ui.button("Reset view (0 / double-click)").clicked() {
                self.pending.push(Command::ResetView);
            }
            ui.separator();
            ui.label("Disputed territory");
            for rule in DisputedRule::ALL {
                if ui
                    .radio(self.scene.inputs.rule == rule, rule.label())
                    .on_hover_text(rule.footer_text())
                    .clicked()
                {
                    self.pending.push(Command::SetDisputedRule(rule));
                }
            }
        });
        ui.menu_button("Help", |ui| {
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
            ui.label(format!(
                "Disputed areas: {}",
                self.scene.inputs.rule.label()
            ));
        });
    }

    /// Applies one command; also the entry point for tests.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(index) => self.map.selected = index,
            Command::ResetView => self.map.reset_view(&self.scene),
            Command::ToggleAbout => self.show_about = !self.show_about,
            Command::SetDisputedRule(rule) => {
                let selected = self
                    .map
                    .selected
                    .map(|i| self.scene.geometry.countries[i].code);
                let mut inputs = self.scene.inputs.clone();
                inputs.rule = rule;
                if inputs != self.scene.inputs {
                    self.scene = build_scene(&self.data, inputs, &self.palette);
                    self.map.selected =
                        selected.and_then(|code| self.scene.geometry.index_of(code));
                }
            }
        }
    }
}

fn build_scene(data: &LoadedData, inputs: SceneInputs, palette: &Palette) -> Scene {
    let geometry = MapGeometry::build(&data.shapes, inputs.rule, |code| {
        data.iso.name(code).map(str::to_owned)
    });
    Scene::build(inputs, Arc::new(geometry), palette)
}

impl eframe::App for AllianceMapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
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
}

/// Opens the window and runs until it is closed.
pub fn run(data: LoadedData, report_startup: bool) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("alliance-map")
            .with_inner_size([1200.0, 800.0])
            .with_min_inner_size([480.0, 320.0]),
        ..Default::default()
    };
    eframe::run_native(
        "alliance-map",
        options,
        Box::new(move |_cc| Ok(Box::new(AllianceMapApp::new(data, report_startup)))),
    )
}
