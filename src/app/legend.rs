//! The legend, floating over the map's top-left corner as on a printed map: layer
//! swatches with counts, the status key, hypothetical changes, and the
//! combinations of organisations present, which highlight their countries on hover.

use egui::{Color32, Pos2, Rect, Sense, Stroke, Ui, vec2};

use super::Command;
use super::layers_panel::swatch;
use super::map_painter::color32;
use crate::model::{Layout, OverlapMode};
use crate::scene::Scene;

/// Shows the legend at the top-left of `map_rect`; returns the countries of a
/// hovered combination.
pub fn show(
    ctx: &egui::Context,
    map_rect: Rect,
    scene: &Scene,
    layout: &Layout,
    commands: &mut Vec<Command>,
) -> Vec<usize> {
    let mut emphasised = Vec::new();
    egui::Area::new(egui::Id::unique("legend"))
        .pivot(egui::Align2::LEFT_BOTTOM)
        .fixed_pos(map_rect.left_bottom() + vec2(10.0, -10.0))
        .order(egui::Order::Middle)
        .constrain_to(map_rect)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(330.0);
                egui::CollapsingHeader::new("Legend").id_salt("legend-header").default_open(true).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        for (mode, label) in
                            [(OverlapMode::Patterns, "Patterns"), (OverlapMode::Count, "Overlap count")]
                        {
                            if ui.selectable_label(layout.mode == mode, label).clicked() {
                                commands.push(Command::SetMode(mode));
                            }
                        }
                    });
                    egui::ScrollArea::vertical().max_height((map_rect.height() * 0.4).max(120.0)).show(ui, |ui| {
                        contents(ui, scene, &mut emphasised);
                    });
                });
            });
        });
    emphasised
}

/// The legend: layers, statuses, combinations (hover highlights their countries).
fn contents(ui: &mut Ui, scene: &Scene, emphasised: &mut Vec<usize>) {
    match scene.inputs.mode {
        OverlapMode::Patterns => {
            for layer in scene.legend.layers.iter().filter(|l| l.visible) {
                ui.horizontal(|ui| {
                    swatch(ui, layer.colour, layer.angle_deg, true);
                    ui.label(format!("{}: {}", layer.org, layer.caption));
                });
            }
            ui.horizontal_wrapped(|ui| {
                ui.weak("Bold hatch: member · fine hatch: observer, partner, applicant · dashed: suspended");
            });
        }
        OverlapMode::Count => {
            for n in 1..=4 {
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(vec2(22.0, 14.0), Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, color32(scene.palette.count_colour(n)));
                    ui.label(if n == 4 {
                        "4 or more organisations".to_owned()
                    } else {
                        format!("{n} organisation{}", if n == 1 { "" } else { "s" })
                    });
                });
            }
        }
    }
    if !scene.legend.hypothetical.is_empty() {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(22.0, 14.0), Sense::hover());
            dashed_rect(ui, rect, color32(scene.palette.hypothetical));
            ui.label(format!("Hypothetical ({})", scene.legend.hypothetical.len()));
        });
    }
    ui.add_space(4.0);
    ui.strong("Combinations on the map");
    if scene.legend.combinations.is_empty() {
        ui.weak("none");
    }
    for combination in &scene.legend.combinations {
        let names: Vec<&str> = combination
            .countries
            .iter()
            .filter_map(|&c| scene.geometry.index_of(c).map(|i| scene.geometry.countries[i].name.as_str()))
            .collect();
        // Long lists (NATO's 31) are cut to keep the legend small; hover shows all.
        const SHOWN: usize = 6;
        let listed = if names.len() > SHOWN {
            format!("{} and {} more", names[..SHOWN].join(", "), names.len() - SHOWN)
        } else {
            names.join(", ")
        };
        let response = ui
            .add(
                egui::Label::new(format!("{} ({}): {listed}", combination.label(), combination.countries.len()))
                    .wrap()
                    .sense(Sense::hover()),
            )
            .on_hover_text(names.join(", "));
        if response.hovered() {
            ui.painter().rect_stroke(
                response.rect.expand(1.0),
                2.0,
                Stroke::new(1.0, ui.visuals().strong_text_color()),
                egui::StrokeKind::Outside,
            );
            *emphasised = combination.countries.iter().filter_map(|&code| scene.geometry.index_of(code)).collect();
        }
    }
}

fn dashed_rect(ui: &Ui, rect: Rect, colour: Color32) {
    let corners = [rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom(), rect.left_top()];
    let points: Vec<Pos2> = corners.to_vec();
    ui.painter().extend(egui::Shape::dashed_line(&points, Stroke::new(1.5, colour), 4.0, 3.0));
}
