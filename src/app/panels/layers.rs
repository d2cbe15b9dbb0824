//! The left panel: layers (visibility, order, members), the legend with the
//! overlap combinations, and the what-if changes.

use egui::{Sense, Stroke, Ui, vec2};

use super::super::Command;
use super::super::actions::Action;
use super::super::style::color32;
use crate::io::iso_table::IsoTable;
use crate::model::{CountryCode, Date, Layout, Status, WhatIf};
use crate::scene::{LegendLayer, Rgba8, Scene};
use crate::workspace::Edit;

/// The panel's own state: search text and the what-if form.
#[derive(Default)]
pub struct LayersPanel {
    search: String,
    what_if: WhatIfForm,
}

struct WhatIfForm {
    country: Option<CountryCode>,
    org: String,
    status: Status,
    from: String,
    error: Option<String>,
}

impl Default for WhatIfForm {
    fn default() -> Self {
        Self { country: None, org: String::new(), status: Status::Member, from: String::new(), error: None }
    }
}

/// A small swatch: the layer's colour with its hatch angle.
pub fn swatch(ui: &mut Ui, scene: &Scene, colour: Rgba8, angle_deg: f32, visible: bool) {
    let (rect, _) = ui.allocate_exact_size(vec2(22.0, 14.0), Sense::hover());
    let painter = ui.painter_at(rect);
    // A hidden layer's swatch is faded, so the list shows at a glance what is drawn.
    let strength = if visible { 1.0 } else { 0.35 };
    painter.rect_filled(rect, 2.0, color32(scene.palette.swatch_tint(colour)).gamma_multiply(strength));
    let colour = color32(colour).gamma_multiply(strength);
    let (sin, cos) = angle_deg.to_radians().sin_cos();
    let direction = vec2(cos, -sin);
    let normal = vec2(sin, cos);
    for k in -4..=4 {
        let centre = rect.center() + normal * (k as f32 * 5.0);
        painter.line_segment([centre - direction * 30.0, centre + direction * 30.0], Stroke::new(1.6, colour));
    }
    painter.rect_stroke(rect, 2.0, Stroke::new(1.0, colour), egui::StrokeKind::Inside);
}

impl LayersPanel {
    /// Draws the panel.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        scene: &Scene,
        layout: &Layout,
        iso: &IsoTable,
        (can_undo, can_redo): (bool, bool),
        commands: &mut Vec<Command>,
    ) {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Layers");
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.add_enabled(can_redo, egui::Button::new("Redo")).clicked() {
                        commands.push(Command::Action(Action::Redo));
                    }
                    if ui.add_enabled(can_undo, egui::Button::new("Undo")).clicked() {
                        commands.push(Command::Action(Action::Undo));
                    }
                });
            });
            ui.add(egui::TextEdit::singleline(&mut self.search).hint_text("Search countries (name or ISO code)"));
            let needle = self.search.trim().to_lowercase();
            ui.add_space(4.0);
            let count = scene.legend.layers.len();
            let layers: Vec<(usize, &LegendLayer)> = scene.legend.layers.iter().enumerate().collect();
            for (position, layer) in layers.iter().filter(|(_, l)| l.primary) {
                self.layer_row(ui, scene, layout, iso, layer, *position, count, &needle, commands);
            }
            let extras: Vec<_> = layers.iter().filter(|(_, l)| !l.primary).collect();
            egui::CollapsingHeader::new(format!("Extra layers ({})", extras.len())).id_salt("extra-layers").show(
                ui,
                |ui| {
                    for (position, layer) in extras {
                        self.layer_row(ui, scene, layout, iso, layer, *position, count, &needle, commands);
                    }
                },
            );

            ui.add_space(8.0);
            ui.separator();
            ui.heading("What-ifs");
            self.what_ifs(ui, scene, layout, iso, commands);
        });
    }

    #[expect(clippy::too_many_arguments, reason = "one row needs the whole panel's context")]
    fn layer_row(
        &mut self,
        ui: &mut Ui,
        scene: &Scene,
        layout: &Layout,
        iso: &IsoTable,
        layer: &LegendLayer,
        position: usize,
        count: usize,
        needle: &str,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal(|ui| {
            let mut visible = layer.visible;
            if ui
                .checkbox(&mut visible, layer.org.as_str())
                .on_hover_text(format!("{}\nShow or hide this layer ({})", layer.name, position + 1))
                .changed()
            {
                commands.push(Command::Edit(Edit::SetLayerVisible { org: layer.org.clone(), visible }));
            }
            swatch(ui, scene, layer.colour, layer.angle_deg, layer.visible);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add_enabled(position + 1 < count, egui::Button::new("▼").small())
                    .on_hover_text(format!("Move {} down", layer.org))
                    .clicked()
                {
                    commands.push(Command::Edit(Edit::MoveLayer { org: layer.org.clone(), by: 1 }));
                }
                if ui
                    .add_enabled(position > 0, egui::Button::new("▲").small())
                    .on_hover_text(format!("Move {} up", layer.org))
                    .clicked()
                {
                    commands.push(Command::Edit(Edit::MoveLayer { org: layer.org.clone(), by: -1 }));
                }
            });
        });
        ui.weak(&layer.caption);
        let Some(org) = scene.atlas.find(&layer.org) else {
            return;
        };
        let settings = layout.layer(&layer.org);
        if !org.frameworks.is_empty() {
            frameworks(ui, org, settings, scene.inputs.date, commands);
        }
        let hidden = settings.map(|l| l.hidden.clone()).unwrap_or_default();
        let matches = |code: CountryCode| {
            needle.is_empty()
                || code.as_str().to_lowercase().contains(needle)
                || iso.name(code).is_some_and(|n| n.to_lowercase().contains(needle))
        };
        // Only the count is needed every frame; the rows' text only while open.
        let day = scene.inputs.date;
        let shown: Vec<&crate::model::CountryRecord> = org
            .countries
            .iter()
            .filter(|record| record.periods.iter().any(|p| p.contains(day)) && matches(record.iso3))
            .collect();
        let header = egui::CollapsingHeader::new(format!("{} countries ({})", layer.org, shown.len()))
            .id_salt(("layer-members", &layer.org))
            .open((!needle.is_empty() && !shown.is_empty()).then_some(true));
        header.show(ui, |ui| {
            for record in shown {
                // Every role held, strongest first: "applicant, partner".
                let roles = record.roles_on(day);
                let names: Vec<&str> = roles.iter().map(|p| p.status.as_str()).collect();
                let code = record.iso3;
                let mut on = !hidden.contains(&code);
                let name = iso.name(code).unwrap_or("?");
                let mark = if roles.iter().any(|p| p.hypothetical) { ", hypothetical" } else { "" };
                if ui
                    .checkbox(&mut on, format!("{code} {name} ({}{mark})", names.join(", ")))
                    .on_hover_text("Untick to hide this country from the layer")
                    .changed()
                {
                    commands.push(Command::Edit(Edit::SetMemberHidden {
                        org: layer.org.clone(),
                        iso3: code,
                        hidden: !on,
                    }));
                }
            }
        });
        ui.add_space(2.0);
    }

    fn what_ifs(&mut self, ui: &mut Ui, scene: &Scene, layout: &Layout, iso: &IsoTable, commands: &mut Vec<Command>) {
        if layout.what_ifs.is_empty() {
            ui.weak("No hypothetical changes. The sourced data is never changed: what-ifs live in the layout.");
        }
        for (index, what_if) in layout.what_ifs.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui.small_button("✖").on_hover_text("Remove this what-if").clicked() {
                    commands.push(Command::Edit(Edit::RemoveWhatIf(index)));
                }
                ui.label(format!("Hypothetical: {}", what_if.describe()));
            });
        }
        ui.add_space(4.0);
        let form = &mut self.what_if;
        if form.from.is_empty() {
            form.from = scene.inputs.date.to_string();
        }
        if form.org.is_empty()
            && let Some(first) = scene.legend.layers.first()
        {
            form.org = first.org.clone();
        }
        egui::Grid::new("what-if-form").num_columns(1).show(ui, |ui| {
            let selected_text =
                form.country.map_or("Choose…".to_owned(), |c| format!("{c} {}", iso.name(c).unwrap_or("")));
            egui::ComboBox::new("what-if-country", "Country").selected_text(selected_text).width(180.0).show_ui(
                ui,
                |ui| {
                    for country in &scene.geometry.countries {
                        ui.selectable_value(
                            &mut form.country,
                            Some(country.code),
                            format!("{} {}", country.code, country.name),
                        );
                    }
                },
            );
            ui.end_row();
            egui::ComboBox::new("what-if-org", "Organisation").selected_text(form.org.clone()).show_ui(ui, |ui| {
                for layer in &scene.legend.layers {
                    ui.selectable_value(&mut form.org, layer.org.clone(), layer.org.as_str());
                }
            });
            ui.end_row();
            egui::ComboBox::new("what-if-status", "Status").selected_text(form.status.as_str()).show_ui(ui, |ui| {
                for status in Status::ALL {
                    ui.selectable_value(&mut form.status, status, status.as_str());
                }
            });
            ui.end_row();
            ui.horizontal(|ui| {
                let from_label = ui.label("From");
                ui.add(egui::TextEdit::singleline(&mut form.from).desired_width(90.0)).labelled_by(from_label.id);
            });
            ui.end_row();
        });
        ui.horizontal(|ui| {
            let parsed = form.from.trim().parse::<Date>();
            let ready = form.country.is_some() && parsed.is_ok();
            if ui.add_enabled(ready, egui::Button::new("Add what-if")).clicked()
                && let (Some(iso3), Ok(from)) = (form.country, parsed.clone())
            {
                commands.push(Command::Edit(Edit::AddWhatIf(WhatIf::Add {
                    org: form.org.clone(),
                    iso3,
                    status: form.status,
                    from,
                })));
            }
            if ui
                .add_enabled(ready, egui::Button::new("Remove membership"))
                .on_hover_text("Hypothetically end the country's status in the organisation from this day")
                .clicked()
                && let (Some(iso3), Ok(from)) = (form.country, parsed.clone())
            {
                commands.push(Command::Edit(Edit::AddWhatIf(WhatIf::Remove { org: form.org.clone(), iso3, from })));
            }
            form.error = parsed.err().map(|_| "From: expected YYYY-MM-DD".to_owned());
            if let Some(error) = &form.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
        });
    }

    /// Sets the what-if form's country (from a map selection).
    pub fn suggest_country(&mut self, code: CountryCode) {
        self.what_if.country = Some(code);
    }
}

/// One checkbox per framework of a layer (NATO's Partnership for Peace,
/// Mediterranean Dialogue, ...), with how many countries hold a role through it
/// on the shown day: unticking hides those roles from the map and the legend.
fn frameworks(
    ui: &mut Ui,
    org: &crate::model::Organisation,
    settings: Option<&crate::model::LayerSettings>,
    day: Date,
    commands: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new(format!("{} frameworks", org.short_name))
        .id_salt(("layer-frameworks", &org.short_name))
        .show(ui, |ui| {
            for framework in &org.frameworks {
                let holders = org
                    .countries
                    .iter()
                    .filter(|record| {
                        record.roles_on(day).iter().any(|p| p.framework.as_deref() == Some(framework.id.as_str()))
                    })
                    .count();
                let mut on = settings.is_none_or(|l| !l.hidden_frameworks.contains(&framework.id));
                if ui
                    .checkbox(&mut on, format!("{} ({holders})", framework.name))
                    .on_hover_text(format!("Untick to hide roles held through the {}", framework.name))
                    .changed()
                {
                    commands.push(Command::Edit(Edit::SetFrameworkHidden {
                        org: org.short_name.clone(),
                        framework: framework.id.clone(),
                        hidden: !on,
                    }));
                }
            }
        });
}
