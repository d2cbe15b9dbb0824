//! The command line: the same binary opens the window or answers scripted questions.
//! Never imports egui or eframe (the window is started through [`crate::app::run`]
//! by `main`, which owns that decision).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Eurasia with the memberships of the SCO, the CSTO, NATO and the EAEU as map layers.
///
/// With no command, opens the map window.
#[derive(Debug, Parser)]
#[command(name = "alliance-map", version, about, long_about = None)]
pub struct Cli {
    /// Folder holding `assets/` and `maps/` (default: the source checkout; or set
    /// ALLIANCE_MAP_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Print the time to the first painted frame and close the window (for benchmarks).
    #[arg(long, hide = true)]
    pub report_startup: bool,

    /// What to do; without one, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The scripted commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the map window (the default when no command is given).
    Window,
}
