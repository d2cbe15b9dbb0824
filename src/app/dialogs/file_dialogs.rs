//! Native file dialogs behind a trait, so tests can answer them with paths and the
//! window can say so, and offer a path field, when no dialog can open.

use std::path::{Path, PathBuf};

/// How the window asks for a file.
pub trait FileDialogs {
    /// Why no native dialog can open here, if it cannot (no desktop portal and no
    /// zenity); `None` when dialogs are available.
    fn unavailable_reason(&self) -> Option<String>;
    /// A layout to open; `None` when the user cancelled.
    fn pick_layout_to_open(&self, start_dir: Option<&Path>) -> Option<PathBuf>;
    /// An organisation file to add as a user layer; `None` when the user cancelled.
    fn pick_layer_to_add(&self) -> Option<PathBuf>;
    /// Where to save a layout; `None` when the user cancelled.
    fn pick_layout_to_save(&self, start_dir: Option<&Path>, file_name: &str) -> Option<PathBuf>;
    /// Where to save an exported picture; `None` when the user cancelled.
    fn pick_export_path(&self, start_dir: Option<&Path>, file_name: &str, extension: &str) -> Option<PathBuf>;
}

/// Native dialogs through rfd (the XDG desktop portal, or zenity as rfd's fallback).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn unavailable_reason(&self) -> Option<String> {
        if cfg!(not(target_os = "linux")) {
            return None;
        }
        let has_session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty());
        let has_zenity = std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
        if has_session_bus || has_zenity {
            None
        } else {
            Some("No file dialog can open here: there is no desktop portal (no D-Bus session) and no zenity.".into())
        }
    }

    fn pick_layout_to_open(&self, start_dir: Option<&Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title("Open layout").add_filter("alliance-map layout", &["ron"]);
        if let Some(dir) = start_dir {
            dialog = dialog.set_directory(dir);
        }
        dialog.pick_file()
    }

    fn pick_layer_to_add(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Add layer from file")
            .add_filter("alliance-map organisation file", &["ron"])
            .pick_file()
    }

    fn pick_layout_to_save(&self, start_dir: Option<&Path>, file_name: &str) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Save layout")
            .add_filter("alliance-map layout", &["ron"])
            .set_file_name(file_name);
        if let Some(dir) = start_dir {
            dialog = dialog.set_directory(dir);
        }
        dialog.save_file().map(|path| with_extension(path, "ron"))
    }

    fn pick_export_path(&self, start_dir: Option<&Path>, file_name: &str, extension: &str) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Export picture")
            .add_filter(extension.to_uppercase(), &[extension])
            .set_file_name(file_name);
        if let Some(dir) = start_dir {
            dialog = dialog.set_directory(dir);
        }
        dialog.save_file().map(|path| with_extension(path, extension))
    }
}

/// Adds the extension when the user typed a name without one.
pub fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case(extension)) {
        path
    } else {
        let mut name = path.into_os_string();
        name.push(".");
        name.push(extension);
        PathBuf::from(name)
    }
}

/// Dialogs answered by a test: each pick returns the next queued answer.
#[derive(Default)]
pub struct ScriptedDialogs {
    /// Answers, in order; an empty queue answers "cancelled".
    pub answers: std::sync::Mutex<std::collections::VecDeque<Option<PathBuf>>>,
    /// When set, dialogs are reported unavailable with this reason.
    pub unavailable: Option<String>,
}

impl ScriptedDialogs {
    fn next(&self) -> Option<PathBuf> {
        self.answers.lock().ok()?.pop_front().flatten()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn unavailable_reason(&self) -> Option<String> {
        self.unavailable.clone()
    }

    fn pick_layout_to_open(&self, _: Option<&Path>) -> Option<PathBuf> {
        self.next()
    }

    fn pick_layer_to_add(&self) -> Option<PathBuf> {
        self.next()
    }

    fn pick_layout_to_save(&self, _: Option<&Path>, _: &str) -> Option<PathBuf> {
        self.next()
    }

    fn pick_export_path(&self, _: Option<&Path>, _: &str, _: &str) -> Option<PathBuf> {
        self.next()
    }
}
