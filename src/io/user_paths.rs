//! The user's own folders: where their extra layers live and where the window
//! keeps its settings. The rule is the one eframe's storage follows
//! (`$XDG_DATA_HOME/alliance-map`, else `~/.local/share/alliance-map` on Linux), so
//! that settings and user layers sit side by side; a test in `tests/` checks the two
//! agree.

use std::path::PathBuf;

/// The application id: the folder name and eframe's storage key.
pub const APP_ID: &str = "alliance-map";

/// The user's data folder for alliance-map, if the platform has one.
pub fn user_data_dir() -> Option<PathBuf> {
    if cfg!(target_os = "macos") {
        return std::env::home_dir().map(|home| home.join("Library").join("Application Support").join(APP_ID));
    }
    if cfg!(windows) {
        return std::env::var_os("APPDATA").map(|dir| PathBuf::from(dir).join(APP_ID).join("data"));
    }
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .or_else(|| std::env::home_dir().map(|home| home.join(".local").join("share")))
        .map(|dir| dir.join(APP_ID))
}

/// Where the user's own organisation files live: loaded after the shipped ones.
pub fn user_layers_dir() -> Option<PathBuf> {
    user_data_dir().map(|dir| dir.join("maps"))
}

/// The file in which the window keeps its settings and recent files (eframe's
/// storage writes `app.ron` in the data folder).
pub fn settings_file() -> Option<PathBuf> {
    user_data_dir().map(|dir| dir.join("app.ron"))
}
