//! The layout as a document: the layout being edited, the copy last opened or
//! saved (unsaved changes are the difference), its file and its undo history.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::edit::{Changed, Edit, apply};
use super::history::History;
use crate::model::Layout;

/// One layout being edited.
#[derive(Clone, Debug)]
pub struct Document {
    layout: Layout,
    saved: Layout,
    path: Option<PathBuf>,
    history: History,
}

impl Document {
    /// A document for `layout`, clean, from `path` (or never saved).
    pub fn new(layout: Layout, path: Option<PathBuf>) -> Self {
        Self { saved: layout.clone(), layout, path, history: History::default() }
    }

    /// The layout as it is now.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The file it was opened from or last saved to.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether the layout differs from its file.
    pub fn is_dirty(&self) -> bool {
        self.layout != self.saved
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Applies an edit at time `now` and records it for undo. The layout is copied
    /// only when the edit starts a new undo step.
    pub fn apply(&mut self, edit: Edit, now: Instant) -> Changed {
        if !edit.changes(&self.layout) {
            return Changed::NOTHING;
        }
        let group = edit.group();
        let merges = self.history.merges(group, now);
        let before = (!merges).then(|| self.layout.clone());
        let changed = apply(&mut self.layout, edit);
        self.history.record(group, now, before);
        if merges {
            self.history.forget_if_back_at(&self.layout);
        }
        changed
    }

    /// Goes back one undo step.
    pub fn undo(&mut self) -> Changed {
        match self.history.undo(&self.layout) {
            Some(previous) => self.replace_layout(previous),
            None => Changed::NOTHING,
        }
    }

    /// Goes forward one undone step.
    pub fn redo(&mut self) -> Changed {
        match self.history.redo(&self.layout) {
            Some(next) => self.replace_layout(next),
            None => Changed::NOTHING,
        }
    }

    fn replace_layout(&mut self, layout: Layout) -> Changed {
        let changed = Changed::between(&self.layout, &layout);
        self.layout = layout;
        changed
    }

    /// Marks the layout as saved to `path`. The saved layout becomes an undo
    /// boundary: an edit right after the save does not merge into the step before it.
    pub fn mark_saved(&mut self, path: &Path) {
        self.saved = self.layout.clone();
        self.path = Some(path.to_path_buf());
        self.history.seal();
    }
}
