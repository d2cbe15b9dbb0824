//! Undo and redo over layouts. A layout is small (a few kilobytes), so each step
//! keeps a whole copy: simple, and impossible to get out of step with the edits
//! that made it. A copy is taken only when a new step starts, never for an edit
//! that merges into the step before it (a slider drag, a pan).

use std::time::{Duration, Instant};

use crate::model::Layout;

/// What kind of change an undo step holds. Consecutive edits of one group within
/// [`COALESCE`] merge into one step, so a drag is one undo, not hundreds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UndoGroup {
    /// The day shown.
    Date,
    /// The day compared with.
    Compare,
    /// Where the map looks (pan and zoom).
    View,
    /// The disputed-territory rule.
    Disputed,
    /// A layer shown or hidden.
    LayerVisibility,
    /// The order of the layers.
    LayerOrder,
    /// A country or a framework hidden from a layer, or shown again.
    Member,
    /// Which statuses are drawn.
    Statuses,
    /// Patterns or counts.
    Mode,
    /// The palette.
    Palette,
    /// Commitment lines on or off.
    CommitmentLines,
    /// The selected country: clicks in a row are one step.
    Selection,
    /// A hypothetical change added or removed: each is its own step.
    WhatIf,
}

impl UndoGroup {
    /// Whether consecutive edits of this group merge into one step.
    pub fn coalesces(self) -> bool {
        self != Self::WhatIf
    }
}

/// Edits of one group within this time merge into one undo step.
pub const COALESCE: Duration = Duration::from_millis(1500);

/// At most this many undo steps are kept.
const LIMIT: usize = 500;

/// Past and undone layouts.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Layout>,
    redo: Vec<Layout>,
    /// The group and time of the last recorded edit.
    last: Option<(UndoGroup, Instant)>,
}

impl History {
    /// Whether an edit of `group` at `now` merges into the last step, so no copy of
    /// the layout before it is needed.
    pub fn merges(&self, group: UndoGroup, now: Instant) -> bool {
        group.coalesces()
            && self.last.is_some_and(|(last, at)| last == group && now.saturating_duration_since(at) < COALESCE)
    }

    /// Records an edit of `group` at `now`. `before` is the layout before it, or
    /// `None` when the edit merges into the last step ([`Self::merges`]).
    pub fn record(&mut self, group: UndoGroup, now: Instant, before: Option<Layout>) {
        self.last = Some((group, now));
        self.redo.clear();
        if let Some(before) = before {
            self.undo.push(before);
            if self.undo.len() > LIMIT {
                self.undo.remove(0);
            }
        }
    }

    /// The layout to go back to, given the current one; `None` when there is nothing to undo.
    pub fn undo(&mut self, current: &Layout) -> Option<Layout> {
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        self.last = None;
        Some(previous)
    }

    /// The layout to go forward to again; `None` when there is nothing to redo.
    pub fn redo(&mut self, current: &Layout) -> Option<Layout> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        self.last = None;
        Some(next)
    }

    /// Drops the last step when it holds `current`: a drag that came back to where
    /// it started would otherwise leave an undo that changes nothing. The step is
    /// also ended, so a drag that goes on starts a new one.
    pub fn forget_if_back_at(&mut self, current: &Layout) {
        if self.undo.last() == Some(current) {
            self.undo.pop();
            self.last = None;
        }
    }

    /// Ends the current step: the next edit starts a new one even if it is of the
    /// same group and comes at once. Saving calls this, so undo stops at the saved
    /// layout instead of jumping past it with a drag that began before the save.
    pub fn seal(&mut self) {
        self.last = None;
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
