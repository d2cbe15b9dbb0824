//! Every action a person can take from a menu or the keyboard, in one table: its
//! label, its shortcuts and (through the app) whether it can run now. The menus,
//! the key handling and the help overlay all read this table, so a shortcut is
//! written once and the help can never miss one.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A key press that runs an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// A key with modifiers (`Ctrl+S`) or a function key: works even while a
    /// text field has the keyboard.
    Chord(KeyboardShortcut),
    /// A bare key (`M`, `[`): only while no text field has the keyboard, so typing
    /// a date never toggles a layer.
    Bare(Key),
    /// A typed character that has no key of its own on every layout (`?`).
    Typed(&'static str),
}

impl Shortcut {
    const fn command(key: Key) -> Self {
        Self::Chord(KeyboardShortcut::new(Modifiers::COMMAND, key))
    }

    const fn command_shift(key: Key) -> Self {
        Self::Chord(KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key))
    }

    /// How the shortcut is written in menus and the help: "Ctrl+Shift+S", "F1", "?".
    pub fn text(self) -> String {
        match self {
            // Written out rather than with egui's platform symbols, so the help reads
            // the same on every system and in tests.
            Self::Chord(chord) => {
                let mut text = String::new();
                if chord.modifiers.command || chord.modifiers.ctrl {
                    text.push_str("Ctrl+");
                }
                if chord.modifiers.shift {
                    text.push_str("Shift+");
                }
                if chord.modifiers.alt {
                    text.push_str("Alt+");
                }
                text.push_str(chord.logical_key.name());
                text
            }
            Self::Bare(key) => key.symbol_or_name().to_owned(),
            Self::Typed(text) => text.to_owned(),
        }
    }

    /// How many modifiers it needs: chords with more are tried first, so Ctrl+Shift+S
    /// is not taken for Ctrl+S.
    fn modifier_count(self) -> u32 {
        match self {
            Self::Chord(chord) => {
                let m = chord.modifiers;
                u32::from(m.command || m.ctrl) + u32::from(m.shift) + u32::from(m.alt)
            }
            Self::Bare(_) | Self::Typed(_) => 0,
        }
    }
}

/// What a person can ask the window to do (besides editing the layout through
/// its controls).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Start a new layout (asks about unsaved changes first).
    NewLayout,
    /// Open a layout file.
    OpenLayout,
    /// Save to the layout's file, or ask where.
    SaveLayout,
    /// Ask where, then save.
    SaveLayoutAs,
    /// Check an organisation file and copy it into the user's layers.
    AddLayer,
    /// Open the export window.
    ExportPicture,
    /// Open the animation export window.
    ExportAnimation,
    /// Copy the briefing picture to the clipboard.
    CopyPicture,
    /// Save a screenshot of the window.
    Screenshot,
    /// Close the window (asks about unsaved changes first).
    Quit,
    /// Undo the last change to the layout.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Put the map back on Eurasia.
    ResetView,
    /// Country labels on or off.
    ToggleLabels,
    /// Commitment lines on or off.
    ToggleCommitmentLines,
    /// Patterns or overlap counts.
    ToggleOverlapMode,
    /// The previous day on which anything changes.
    PreviousChange,
    /// The next day on which anything changes.
    NextChange,
    /// Play or pause through the changes.
    TogglePlay,
    /// Clear the selection.
    ClearSelection,
    /// The keyboard help.
    ToggleHelp,
    /// About alliance-map.
    ToggleAbout,
    /// Forget window size, labels, palette, theme and export choices.
    ResetPreferences,
}

impl Action {
    /// Every action, in the order the help lists them.
    pub const ALL: [Self; 23] = [
        Self::NewLayout,
        Self::OpenLayout,
        Self::SaveLayout,
        Self::SaveLayoutAs,
        Self::AddLayer,
        Self::ExportPicture,
        Self::ExportAnimation,
        Self::CopyPicture,
        Self::Screenshot,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::ResetView,
        Self::ToggleLabels,
        Self::ToggleCommitmentLines,
        Self::ToggleOverlapMode,
        Self::PreviousChange,
        Self::NextChange,
        Self::TogglePlay,
        Self::ClearSelection,
        Self::ToggleHelp,
        Self::ToggleAbout,
        Self::ResetPreferences,
    ];

    /// The menu label, which is also what the help says the action does.
    pub fn label(self) -> &'static str {
        match self {
            Self::NewLayout => "New",
            Self::OpenLayout => "Open…",
            Self::SaveLayout => "Save",
            Self::SaveLayoutAs => "Save as…",
            Self::AddLayer => "Add layer from file…",
            Self::ExportPicture => "Export picture…",
            Self::ExportAnimation => "Export animation…",
            Self::CopyPicture => "Copy picture",
            Self::Screenshot => "Screenshot of the window",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::ResetView => "Reset view to Eurasia",
            Self::ToggleLabels => "Country labels",
            Self::ToggleCommitmentLines => "Commitment lines",
            Self::ToggleOverlapMode => "Switch between patterns and overlap counts",
            Self::PreviousChange => "Previous change",
            Self::NextChange => "Next change",
            Self::TogglePlay => "Play or pause through the changes",
            Self::ClearSelection => "Clear the selection",
            Self::ToggleHelp => "Show the keyboard shortcuts",
            Self::ToggleAbout => "About alliance-map",
            Self::ResetPreferences => "Reset preferences",
        }
    }

    /// The keys that run it; the first is the one menus show.
    pub fn shortcuts(self) -> &'static [Shortcut] {
        const NEW: &[Shortcut] = &[Shortcut::command(Key::N)];
        const OPEN: &[Shortcut] = &[Shortcut::command(Key::O)];
        const SAVE: &[Shortcut] = &[Shortcut::command(Key::S)];
        const SAVE_AS: &[Shortcut] = &[Shortcut::command_shift(Key::S)];
        const EXPORT: &[Shortcut] = &[Shortcut::command(Key::E)];
        const COPY: &[Shortcut] = &[Shortcut::command_shift(Key::C)];
        const QUIT: &[Shortcut] = &[Shortcut::command(Key::Q)];
        const UNDO: &[Shortcut] = &[Shortcut::command(Key::Z)];
        const REDO: &[Shortcut] = &[Shortcut::command_shift(Key::Z), Shortcut::command(Key::Y)];
        const RESET: &[Shortcut] = &[Shortcut::Bare(Key::Num0)];
        const LABELS: &[Shortcut] = &[Shortcut::Bare(Key::L)];
        const LINES: &[Shortcut] = &[Shortcut::Bare(Key::C)];
        const MODE: &[Shortcut] = &[Shortcut::Bare(Key::M)];
        const PREVIOUS: &[Shortcut] = &[Shortcut::Bare(Key::OpenBracket)];
        const NEXT: &[Shortcut] = &[Shortcut::Bare(Key::CloseBracket)];
        const PLAY: &[Shortcut] = &[Shortcut::Bare(Key::Space)];
        const CLEAR: &[Shortcut] = &[Shortcut::Bare(Key::Escape)];
        const HELP: &[Shortcut] =
            &[Shortcut::Chord(KeyboardShortcut::new(Modifiers::NONE, Key::F1)), Shortcut::Typed("?")];
        match self {
            Self::NewLayout => NEW,
            Self::OpenLayout => OPEN,
            Self::SaveLayout => SAVE,
            Self::SaveLayoutAs => SAVE_AS,
            Self::ExportPicture => EXPORT,
            Self::CopyPicture => COPY,
            Self::Quit => QUIT,
            Self::Undo => UNDO,
            Self::Redo => REDO,
            Self::ResetView => RESET,
            Self::ToggleLabels => LABELS,
            Self::ToggleCommitmentLines => LINES,
            Self::ToggleOverlapMode => MODE,
            Self::PreviousChange => PREVIOUS,
            Self::NextChange => NEXT,
            Self::TogglePlay => PLAY,
            Self::ClearSelection => CLEAR,
            Self::ToggleHelp => HELP,
            Self::Screenshot | Self::ToggleAbout | Self::AddLayer | Self::ResetPreferences | Self::ExportAnimation => {
                &[]
            }
        }
    }

    /// The shortcuts joined for the help: "Ctrl+Shift+Z or Ctrl+Y".
    pub fn shortcut_text(self) -> String {
        self.shortcuts().iter().map(|s| s.text()).collect::<Vec<_>>().join(" or ")
    }

    /// The first shortcut, for a menu entry.
    pub fn menu_shortcut(self) -> Option<String> {
        self.shortcuts().first().map(|s| s.text())
    }
}

/// The actions whose shortcuts were pressed this frame, in table order. Chords are
/// taken out of the input so egui's widgets do not see them too; bare keys only
/// count while no text field has the keyboard.
pub fn pressed(ctx: &egui::Context) -> Vec<Action> {
    /// Every (action, shortcut) pair, most modifiers first: built once, read every frame.
    static BY_MODIFIERS: std::sync::LazyLock<Vec<(Action, Shortcut)>> = std::sync::LazyLock::new(|| {
        let mut table: Vec<(Action, Shortcut)> =
            Action::ALL.iter().flat_map(|&action| action.shortcuts().iter().map(move |&s| (action, s))).collect();
        table.sort_by_key(|(_, shortcut)| std::cmp::Reverse(shortcut.modifier_count()));
        table
    });
    let keyboard_free = !ctx.egui_wants_keyboard_input();
    let mut pressed = Vec::new();
    ctx.input_mut(|input| {
        for &(action, shortcut) in BY_MODIFIERS.iter() {
            let hit = match shortcut {
                Shortcut::Chord(chord) => input.consume_shortcut(&chord),
                Shortcut::Bare(key) => keyboard_free && input.modifiers.is_none() && input.key_pressed(key),
                Shortcut::Typed(text) => {
                    keyboard_free && input.events.iter().any(|e| matches!(e, egui::Event::Text(t) if t == text))
                }
            };
            if hit && !pressed.contains(&action) {
                pressed.push(action);
            }
        }
    });
    pressed.sort_by_key(|action| Action::ALL.iter().position(|a| a == action));
    pressed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_written_as_people_read_them() {
        assert_eq!(Action::SaveLayoutAs.shortcut_text(), "Ctrl+Shift+S");
        assert_eq!(Action::Redo.shortcut_text(), "Ctrl+Shift+Z or Ctrl+Y");
        assert_eq!(Action::ToggleHelp.shortcut_text(), "F1 or ?");
        assert_eq!(Action::PreviousChange.shortcut_text(), "[");
    }

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let all: Vec<String> = Action::ALL.iter().flat_map(|a| a.shortcuts().iter().map(|s| s.text())).collect();
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), all.len(), "{all:?}");
    }
}
