//! The date control: a slider from 1949 to today with year ticks, an exact-day
//! field, steps to the previous and next change, and play.

use egui::{Align2, FontId, Key, Sense, Stroke, Ui, vec2};

use super::super::Command;
use super::super::actions::Action;
use crate::model::Date;
use crate::workspace::{Clock, Edit};

/// The date control's own state: the text being typed.
pub struct DateBar {
    text: String,
    error: Option<String>,
    /// The compare-with field's text.
    compare_text: String,
    first: Date,
    last: Date,
}

impl DateBar {
    /// A date bar from 1949 (NATO's founding year) to today, or the last change in the
    /// data if that is later.
    pub fn new(change_days: &[Date], clock: Clock, date: Date) -> Self {
        let today = clock.today();
        let last = change_days.last().copied().map_or(today, |d| d.max(today));
        Self {
            text: date.to_string(),
            error: None,
            compare_text: String::new(),
            first: Date::constant(1949, 1, 1),
            last,
        }
    }

    /// "Compare with [day]": a box that turns compare mode on (five years before the
    /// shown day, to start with) and a field for the other day.
    fn compare_controls(&mut self, ui: &mut Ui, date: Date, compare_with: Option<Date>, commands: &mut Vec<Command>) {
        let mut on = compare_with.is_some();
        if ui
            .checkbox(&mut on, "Compare with")
            .on_hover_text("Mark who joined, left or changed role between that day and the shown day")
            .changed()
        {
            let since = on.then(|| Date::new(date.year() - 5, 1, 1).unwrap_or(date));
            commands.push(Command::Edit(Edit::SetCompareWith(since)));
        }
        let Some(since) = compare_with else {
            self.compare_text.clear();
            return;
        };
        if self.compare_text.is_empty() {
            self.compare_text = since.to_string();
        }
        let field =
            ui.add(egui::TextEdit::singleline(&mut self.compare_text).desired_width(90.0).hint_text("YYYY-MM-DD"));
        field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Compare with date"));
        let submitted = field.lost_focus() || (field.has_focus() && ui.input(|i| i.key_pressed(Key::Enter)));
        if submitted && self.compare_text != since.to_string() {
            match self.compare_text.trim().parse::<Date>() {
                Ok(day) => {
                    self.error = None;
                    commands.push(Command::Edit(Edit::SetCompareWith(Some(day))));
                }
                Err(_) => self.error = Some(format!("{:?} is not a day; expected YYYY-MM-DD", self.compare_text)),
            }
        }
    }

    /// Shows `date` in the field after it changed elsewhere (slider, undo, play).
    pub fn sync(&mut self, date: Date) {
        self.text = date.to_string();
        self.error = None;
    }

    fn days_from_first(&self, date: Date) -> i32 {
        self.first.until(date).map_or(0, |span| span.get_days())
    }

    fn date_at(&self, days: i32) -> Date {
        self.first.checked_add(jiff::Span::new().days(i64::from(days))).unwrap_or(self.first)
    }

    /// Draws the bar; changes become commands. `freshness_warning` is the scene's
    /// quiet note that the date is later than the data was last checked.
    #[allow(clippy::too_many_arguments, reason = "each is one thing the bar shows")]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        date: Date,
        freshness_warning: Option<&str>,
        compare_with: Option<Date>,
        playing: bool,
        enabled: impl Fn(Action) -> bool,
        clock: Clock,
        commands: &mut Vec<Command>,
    ) {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let hint = |action: Action, what: &str| format!("{what} ({})", action.shortcut_text());
            if ui
                .add_enabled(enabled(Action::PreviousChange), egui::Button::new("◀ Previous change"))
                .on_hover_text(hint(Action::PreviousChange, "Go to the previous accession, exit or suspension"))
                .clicked()
            {
                commands.push(Command::Action(Action::PreviousChange));
            }
            let play_label = if playing { "❚❚ Pause" } else { "▶ Play" };
            if ui.button(play_label).on_hover_text(hint(Action::TogglePlay, "Step through every change")).clicked() {
                commands.push(Command::Action(Action::TogglePlay));
            }
            if ui
                .add_enabled(enabled(Action::NextChange), egui::Button::new("Next change ▶"))
                .on_hover_text(hint(Action::NextChange, "Go to the next accession, exit or suspension"))
                .clicked()
            {
                commands.push(Command::Action(Action::NextChange));
            }
            ui.separator();
            let label = ui.label("Date");
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.text).desired_width(90.0).hint_text("YYYY-MM-DD"))
                .labelled_by(label.id);
            let submitted = field.lost_focus() || (field.has_focus() && ui.input(|i| i.key_pressed(Key::Enter)));
            if submitted && self.text != date.to_string() {
                match self.text.trim().parse::<Date>() {
                    Ok(day) => {
                        self.error = None;
                        commands.push(Command::Edit(Edit::SetDate(day)));
                    }
                    Err(_) => self.error = Some(format!("{:?} is not a day; expected YYYY-MM-DD", self.text)),
                }
            }
            if ui.button("Today").clicked() {
                commands.push(Command::Edit(Edit::SetDate(clock.today())));
            }
            ui.separator();
            self.compare_controls(ui, date, compare_with, commands);
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            } else if let Some(warning) = freshness_warning {
                ui.weak(format!("⚠ {warning}"));
            }
        });

        // The slider with year ticks under it.
        let total = self.days_from_first(self.last).max(1);
        let mut value = self.days_from_first(date).clamp(0, total);
        ui.spacing_mut().slider_width = (ui.available_width() - 24.0).max(100.0);
        let slider = ui.add(egui::Slider::new(&mut value, 0..=total).show_value(false).text(""));
        slider.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, "Date slider"));
        if slider.changed() {
            commands.push(Command::Edit(Edit::SetDate(self.date_at(value))));
        }
        let rail = slider.rect;
        let (ticks, painter) = ui.allocate_painter(vec2(rail.width(), 16.0), Sense::hover());
        let stroke = Stroke::new(1.0, ui.visuals().weak_text_color());
        let handle_radius = rail.height() / 2.5;
        let x_of = |day: Date| {
            let t = self.days_from_first(day) as f32 / total as f32;
            rail.left() + handle_radius + t * (rail.width() - 2.0 * handle_radius)
        };
        for year in (1950..=self.last.year()).step_by(5) {
            let x = x_of(Date::constant(year, 1, 1));
            let long = year % 10 == 0;
            painter.line_segment(
                [egui::pos2(x, ticks.rect.top()), egui::pos2(x, ticks.rect.top() + if long { 5.0 } else { 3.0 })],
                stroke,
            );
            if long {
                painter.text(
                    egui::pos2(x, ticks.rect.top() + 5.0),
                    Align2::CENTER_TOP,
                    year.to_string(),
                    FontId::proportional(10.0),
                    ui.visuals().weak_text_color(),
                );
            }
        }
    }
}
