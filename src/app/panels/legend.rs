//! The legend, floating over the map's bottom-left corner as on a printed map. It
//! lays out the scene's legend and footer: every word comes from the scene, so the
//! window says what an exported picture says. Combinations highlight their
//! countries on hover.

use egui::{Pos2, Rect, Sense, Stroke, Ui, vec2};

use super::super::Command;
use super::super::style::color32;
use super::layers::swatch;
use crate::model::{CountryCode, OverlapMode};
use crate::scene::{LegendKey, Scene};
use crate::workspace::Edit;

/// Names listed per combination before "and N more"; hover shows them all.
const NAMES_SHOWN: usize = 6;

/// Shows the legend at the bottom-left of `map_rect`; returns the countries of a
/// hovered combination.
pub fn show(ctx: &egui::Context, map_rect: Rect, scene: &Scene, commands: &mut Vec<Command>) -> Vec<CountryCode> {
    let mut emphasised = Vec::new();
    egui::Area::new(egui::Id::unique("legend"))
        .pivot(egui::Align2::LEFT_BOTTOM)
        .fixed_pos(map_rect.left_bottom() + vec2(10.0, -10.0))
        .order(egui::Order::Middle)
        .constrain_to(map_rect)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(330.0);
                egui::CollapsingHeader::new(&scene.legend.heading).id_salt("legend-header").default_open(true).show(
                    ui,
                    |ui| {
                        ui.horizontal(|ui| {
                            for (mode, label) in
                                [(OverlapMode::Patterns, "Patterns"), (OverlapMode::Count, "Overlap count")]
                            {
                                if ui.selectable_label(scene.inputs.mode == mode, label).clicked() {
                                    commands.push(Command::Edit(Edit::SetMode(mode)));
                                }
                            }
                        });
                        egui::ScrollArea::vertical().max_height((map_rect.height() * 0.4).max(120.0)).show(ui, |ui| {
                            contents(ui, scene, &mut emphasised);
                            footer(ui, scene);
                        });
                    },
                );
            });
        });
    emphasised
}

/// Layers with their captions, the key, hypothetical changes, combinations.
fn contents(ui: &mut Ui, scene: &Scene, emphasised: &mut Vec<CountryCode>) {
    let legend = &scene.legend;
    match &legend.key {
        LegendKey::Patterns { note } => {
            for layer in legend.layers.iter().filter(|l| l.visible) {
                ui.horizontal(|ui| {
                    swatch(ui, scene, layer.colour, layer.angle_deg, true);
                    ui.label(&layer.title).on_hover_text(&layer.caption);
                });
                ui.weak(&layer.caption);
            }
            ui.add(egui::Label::new(egui::RichText::new(note).weak().small()).wrap());
        }
        LegendKey::Count { swatches, note } => {
            for key in swatches {
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(vec2(22.0, 14.0), Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, color32(key.colour));
                    ui.label(&key.label);
                });
            }
            ui.add(egui::Label::new(egui::RichText::new(note).weak().small()).wrap());
        }
    }
    if !legend.hypothetical.is_empty() {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(22.0, 14.0), Sense::hover());
            dashed_rect(ui, scene, rect);
            ui.label(&legend.hypothetical_heading);
        });
        for line in &legend.hypothetical {
            ui.add(egui::Label::new(egui::RichText::new(line).small()).wrap());
        }
    }
    if let Some(comparison) = &legend.comparison {
        ui.add_space(4.0);
        ui.strong(&comparison.heading);
        for (kind, label) in &comparison.keys {
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(vec2(22.0, 14.0), Sense::hover());
                let (colour, pattern) = scene.palette.compare.line(*kind);
                let stroke = Stroke::new(scene.palette.compare.width_px * 0.8, color32(colour));
                let corners =
                    vec![rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom(), rect.left_top()];
                match pattern {
                    Some((on, off)) => {
                        ui.painter().extend(egui::Shape::dashed_line(&corners, stroke, on, off));
                    }
                    None => {
                        ui.painter().add(egui::Shape::line(corners, stroke));
                    }
                }
                ui.label(label);
            });
        }
        for line in &comparison.lines {
            ui.add(egui::Label::new(egui::RichText::new(line).small()).wrap());
        }
    }
    ui.add_space(4.0);
    ui.strong(&legend.combinations_heading);
    if legend.combinations.is_empty() {
        ui.weak("none");
    }
    for combination in &legend.combinations {
        let response = ui
            .add(egui::Label::new(combination.short_text(NAMES_SHOWN)).wrap().sense(Sense::hover()))
            .on_hover_text(combination.names.join(", "));
        if response.hovered() {
            ui.painter().rect_stroke(
                response.rect.expand(1.0),
                2.0,
                Stroke::new(1.0, ui.visuals().strong_text_color()),
                egui::StrokeKind::Outside,
            );
            emphasised.clone_from(&combination.countries);
        }
    }
}

/// The footer an export prints under the map: date and rule, hypothetical changes,
/// sources, attribution.
fn footer(ui: &mut Ui, scene: &Scene) {
    ui.separator();
    for line in &scene.footer {
        ui.add(egui::Label::new(egui::RichText::new(line).weak().small()).wrap());
    }
}

fn dashed_rect(ui: &Ui, scene: &Scene, rect: Rect) {
    let corners = [rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom(), rect.left_top()];
    let points: Vec<Pos2> = corners.to_vec();
    let dash = scene.palette.dash;
    let stroke = Stroke::new(dash.width_px, color32(scene.palette.hypothetical));
    ui.painter().extend(egui::Shape::dashed_line(&points, stroke, dash.on_px, dash.off_px));
}
