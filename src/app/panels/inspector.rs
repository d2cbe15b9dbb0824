//! The inspector: everything the selected country holds, gives and receives on the
//! layout's date, with sources. It shows the scene's [`SelectionDetail`], the same
//! analysis as `alliance-map inspect`, computed once per scene and selection.

use egui::Ui;

use super::super::Command;
use super::super::actions::Action;
use crate::analysis::CommitmentSide;
use crate::io::iso_table::IsoTable;
use crate::model::{CountryCode, Layout};
use crate::scene::{Scene, SelectionDetail};
use crate::workspace::Edit;

/// Draws the inspector for the selected country.
pub fn ui(
    ui: &mut Ui,
    scene: &Scene,
    iso: &IsoTable,
    detail: &SelectionDetail,
    layout: &Layout,
    commands: &mut Vec<Command>,
) {
    let Some(country) = scene.geometry.index_of(detail.code).map(|index| &scene.geometry.countries[index]) else {
        return;
    };
    let day = scene.inputs.date;
    let name = |code: CountryCode| iso.name(code).unwrap_or(code.as_str()).to_owned();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(format!("{} ({})", country.name, country.code));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let close = format!("Close ({})", Action::ClearSelection.shortcut_text());
                if ui.small_button("✖").on_hover_text(close).clicked() {
                    commands.push(Command::Select(None));
                }
            });
        });
        ui.label(format!("As of {day}"));
        if !country.disputed_parts.is_empty() {
            ui.weak(format!(
                "Drawn with {} (disputed) under the rule \"{}\"",
                country.disputed_parts.join(", "),
                scene.inputs.rule.label()
            ));
        }
        let mut lines = layout.commitment_lines;
        if ui.checkbox(&mut lines, "Commitment lines on the map").changed() {
            commands.push(Command::Edit(Edit::SetCommitmentLines(lines)));
        }

        ui.separator();
        ui.strong("Statuses");
        for held in &detail.statuses {
            let period = &held.period;
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&held.org).strong());
                ui.label(period.status.as_str());
                if let Some(framework) = period
                    .framework
                    .as_deref()
                    .map(|id| scene.atlas.find(&held.org).and_then(|o| o.framework(id)).map_or(id, |f| f.name.as_str()))
                {
                    ui.label(format!("({framework})"));
                }
                if period.hypothetical {
                    ui.label(egui::RichText::new("hypothetical").italics().color(ui.visuals().warn_fg_color));
                }
                let until = period.end.map_or(String::new(), |end| format!(" until {end}"));
                ui.weak(format!("since {}{until}", period.start));
            });
            match &period.source.url {
                Some(url) => {
                    ui.hyperlink_to(format!("Source: {}", period.source.title), url);
                }
                None => {
                    ui.weak(format!("Source: {}", period.source.title));
                }
            }
            if let Some(note) = &period.note {
                ui.weak(note);
            }
            ui.add_space(3.0);
        }
        if detail.statuses.is_empty() {
            ui.weak("No status in any organisation on this date.");
        }

        let commitments = &detail.commitments;
        for (title, side, word) in [
            ("Pledges it gives", CommitmentSide::Gives, "to"),
            ("Pledges it receives", CommitmentSide::Receives, "from"),
        ] {
            ui.separator();
            ui.strong(title);
            let mine: Vec<_> = commitments.iter().filter(|c| c.side == side).collect();
            if mine.is_empty() {
                ui.weak("none");
            }
            for c in mine {
                let parties: Vec<String> = c.counterparties.iter().map(|&p| name(p)).collect();
                ui.collapsing(
                    format!("{} art. {} ({}) {word} {}", c.org, c.article, c.kind.as_str(), parties.len()),
                    |ui| {
                        ui.label(&c.summary);
                        ui.weak(parties.join(", "));
                    },
                );
            }
        }

        ui.separator();
        ui.strong("Tensions");
        if detail.tensions.is_empty() {
            ui.weak("none found");
        }
        for t in &detail.tensions {
            let parties: Vec<String> = t.left_out.iter().map(|&p| name(p)).collect();
            ui.label(format!("• {}: {}", t.explanation, parties.join(", ")));
        }
    });
}
