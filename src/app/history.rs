//! Undo and redo over layouts. A layout is small (a few kilobytes), so each step
//! keeps a whole copy: simple, and impossible to get out of step with the
//! commands that made it.

use std::time::{Duration, Instant};

use crate::model::Layout;

/// Past and undone layouts.
#[derive(Default)]
pub struct History {
    undo: Vec<Layout>,
    redo: Vec<Layout>,
    /// The kind and time of the last recorded change, so a slider drag or a play
    /// run becomes one undo step, not hundreds.
    last: Option<(&'static str, Instant)>,
}

/// Changes of one kind within this time merge into one undo step.
const COALESCE: Duration = Duration::from_millis(1500);

/// At most this many undo steps are kept.
const LIMIT: usize = 500;

impl History {
    /// Records `before`, the layout as it was before a change of kind `kind`.
    pub fn record(&mut self, before: &Layout, kind: &'static str) {
        let now = Instant::now();
        let merge = self
            .last
            .is_some_and(|(last_kind, at)| last_kind == kind && now.duration_since(at) < COALESCE && kind != "what-if");
        self.last = Some((kind, now));
        self.redo.clear();
        if merge {
            return;
        }
        self.undo.push(before.clone());
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
    }

    /// The layout to go back to, given the current one; `None` when there is nothing to undo.
    pub fn undo(&mut self, current: &Layout) -> Option<Layout> {
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        self.last = None;
        Some(previous)
    }

    /// The layout to go forward to again.
    pub fn redo(&mut self, current: &Layout) -> Option<Layout> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        self.last = None;
        Some(next)
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
