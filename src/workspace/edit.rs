//! Changes to a layout, as values. The window's controls, its shortcuts and tests
//! all describe what they want as an [`Edit`]; [`apply`] is the one function that
//! changes a layout, and it says what it changed.

use crate::model::{CountryCode, Date, DisputedRule, Layout, OverlapMode, PaletteChoice, Status, View, WhatIf};

use super::history::UndoGroup;

/// One change to a layout. Every edit is undoable.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Show the map as of a day.
    SetDate(Date),
    /// Compare with a second day (compare mode), or stop comparing.
    SetCompareWith(Option<Date>),
    /// Look somewhere else (pan and zoom).
    SetView(View),
    /// Draw disputed areas under another rule.
    SetDisputedRule(DisputedRule),
    /// Show or hide a layer.
    SetLayerVisible {
        /// Organisation short name.
        org: String,
        /// Shown or not.
        visible: bool,
    },
    /// Move a layer up (negative) or down (positive) the list, clamped to its ends.
    MoveLayer {
        /// Organisation short name.
        org: String,
        /// Places to move.
        by: i32,
    },
    /// Hide a country from a layer, or show it again.
    SetMemberHidden {
        /// Organisation short name.
        org: String,
        /// The country.
        iso3: CountryCode,
        /// Hidden or not.
        hidden: bool,
    },
    /// Hide the roles held through one framework of a layer, or show them again.
    SetFrameworkHidden {
        /// Organisation short name.
        org: String,
        /// Framework id from the organisation file.
        framework: String,
        /// Hidden or not.
        hidden: bool,
    },
    /// Draw a status or not.
    SetStatusShown(Status, bool),
    /// Patterns or overlap counts.
    SetMode(OverlapMode),
    /// Another palette.
    SetPalette(PaletteChoice),
    /// Commitment lines on or off.
    SetCommitmentLines(bool),
    /// Select a country, or clear the selection: part of the story a layout tells.
    SetSelected(Option<CountryCode>),
    /// Add a hypothetical change at the end of the list.
    AddWhatIf(WhatIf),
    /// Drop a hypothetical change by its position in the list.
    RemoveWhatIf(usize),
}

impl Edit {
    /// The undo step this edit belongs to.
    pub fn group(&self) -> UndoGroup {
        match self {
            Self::SetDate(_) => UndoGroup::Date,
            Self::SetCompareWith(_) => UndoGroup::Compare,
            Self::SetView(_) => UndoGroup::View,
            Self::SetDisputedRule(_) => UndoGroup::Disputed,
            Self::SetLayerVisible { .. } => UndoGroup::LayerVisibility,
            Self::MoveLayer { .. } => UndoGroup::LayerOrder,
            Self::SetMemberHidden { .. } | Self::SetFrameworkHidden { .. } => UndoGroup::Member,
            Self::SetStatusShown(..) => UndoGroup::Statuses,
            Self::SetMode(_) => UndoGroup::Mode,
            Self::SetPalette(_) => UndoGroup::Palette,
            Self::SetCommitmentLines(_) => UndoGroup::CommitmentLines,
            Self::SetSelected(_) => UndoGroup::Selection,
            Self::AddWhatIf(_) | Self::RemoveWhatIf(_) => UndoGroup::WhatIf,
        }
    }

    /// Whether applying this edit to `layout` would change it: an edit that changes
    /// nothing records no undo step and leaves the file clean.
    pub fn changes(&self, layout: &Layout) -> bool {
        match self {
            Self::SetDate(day) => layout.date != *day,
            Self::SetCompareWith(day) => layout.compare_with != *day,
            Self::SetView(view) => layout.view != *view,
            Self::SetDisputedRule(rule) => layout.disputed != *rule,
            // A layer the layout does not list yet counts as hidden, with nothing hidden in it.
            Self::SetLayerVisible { org, visible } => layout.layer(org).map_or(*visible, |l| l.visible != *visible),
            Self::MoveLayer { org, by } => layout
                .layers
                .iter()
                .position(|l| l.org == *org)
                .is_some_and(|from| moved_index(from, *by, layout.layers.len()) != from),
            Self::SetMemberHidden { org, iso3, hidden } => {
                layout.layer(org).map_or(*hidden, |l| l.hidden.contains(iso3) != *hidden)
            }
            Self::SetFrameworkHidden { org, framework, hidden } => {
                layout.layer(org).map_or(*hidden, |l| l.hidden_frameworks.contains(framework) != *hidden)
            }
            Self::SetStatusShown(status, shown) => layout.statuses.contains(status) != *shown,
            Self::SetMode(mode) => layout.mode != *mode,
            Self::SetPalette(choice) => layout.palette != *choice,
            Self::SetCommitmentLines(on) => layout.commitment_lines != *on,
            Self::SetSelected(code) => layout.selected != *code,
            Self::AddWhatIf(_) => true,
            Self::RemoveWhatIf(index) => *index < layout.what_ifs.len(),
        }
    }
}

/// What an edit (or undo, redo, open) changed, so the caller rebuilds only that.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    /// Anything in the layout (the file is now dirty, or clean again).
    pub layout: bool,
    /// Something the scene is built from: the picture must be rebuilt.
    pub scene: bool,
    /// Where the map looks.
    pub view: bool,
    /// The day shown (the date field follows it).
    pub date: bool,
}

impl Changed {
    /// Nothing changed.
    pub const NOTHING: Self = Self { layout: false, scene: false, view: false, date: false };

    /// Everything may have changed (a new layout).
    pub const EVERYTHING: Self = Self { layout: true, scene: true, view: true, date: true };

    /// What changes between two layouts.
    pub fn between(before: &Layout, after: &Layout) -> Self {
        if before == after {
            return Self::NOTHING;
        }
        Self {
            layout: true,
            scene: crate::scene::SceneInputs::from_layout(before) != crate::scene::SceneInputs::from_layout(after),
            view: before.view != after.view,
            date: before.date != after.date,
        }
    }
}

/// Where a layer at `from` lands when moved `by` places in a list of `len`.
fn moved_index(from: usize, by: i32, len: usize) -> usize {
    (from as i64 + i64::from(by)).clamp(0, len.saturating_sub(1) as i64) as usize
}

/// Applies `edit` to `layout` and says what changed. The one place a layout is edited.
pub fn apply(layout: &mut Layout, edit: Edit) -> Changed {
    if !edit.changes(layout) {
        return Changed::NOTHING;
    }
    let mut changed = Changed { layout: true, scene: true, view: false, date: false };
    match edit {
        Edit::SetDate(day) => {
            layout.date = day;
            changed.date = true;
        }
        Edit::SetCompareWith(day) => layout.compare_with = day,
        Edit::SetView(view) => {
            layout.view = view;
            changed = Changed { layout: true, scene: false, view: true, date: false };
        }
        Edit::SetDisputedRule(rule) => layout.disputed = rule,
        Edit::SetLayerVisible { org, visible } => layout.layer_entry(&org).visible = visible,
        Edit::MoveLayer { org, by } => {
            if let Some(from) = layout.layers.iter().position(|l| l.org == org) {
                let to = moved_index(from, by, layout.layers.len());
                let layer = layout.layers.remove(from);
                layout.layers.insert(to, layer);
            }
        }
        Edit::SetMemberHidden { org, iso3, hidden } => {
            let layer = layout.layer_entry(&org);
            if hidden {
                layer.hidden.insert(iso3);
            } else {
                layer.hidden.remove(&iso3);
            }
        }
        Edit::SetFrameworkHidden { org, framework, hidden } => {
            let layer = layout.layer_entry(&org);
            if hidden {
                layer.hidden_frameworks.insert(framework);
            } else {
                layer.hidden_frameworks.remove(&framework);
            }
        }
        Edit::SetStatusShown(status, shown) => {
            if shown {
                layout.statuses.insert(status);
            } else {
                layout.statuses.remove(&status);
            }
        }
        Edit::SetMode(mode) => layout.mode = mode,
        Edit::SetPalette(choice) => layout.palette = choice,
        Edit::SetCommitmentLines(on) => {
            layout.commitment_lines = on;
            // Lines are drawn for the selection, not part of the scene's inputs.
            changed.scene = false;
        }
        Edit::SetSelected(code) => {
            layout.selected = code;
            changed.scene = false;
        }
        Edit::AddWhatIf(what_if) => layout.what_ifs.push(what_if),
        Edit::RemoveWhatIf(index) => {
            layout.what_ifs.remove(index);
        }
    }
    changed
}
