//! The `alliance-map` binary: parses arguments and hands over to the library.

use std::path::PathBuf;
use std::process::ExitCode;

use alliance_map::app;
use alliance_map::cli::{self, Cli};
use alliance_map::io::DataDir;
use alliance_map::io::user_paths::user_layers_dir;
use alliance_map::workspace::{Clock, MapData, default_layout};
use clap::Parser;

fn main() -> ExitCode {
    alliance_map::mark_process_start();
    alliance_map::tune_allocator();
    let cli = Cli::parse();
    let data_dir = DataDir::resolve(cli.data_dir.as_deref());
    match cli.command {
        None => {
            if let Some(path) = &cli.layout
                && !path.is_file()
            {
                eprintln!(
                    "alliance-map: {} is neither a layout file nor a command; expected a .ron layout or one of: query, inspect, check, export, paths, completions (see --help)",
                    path.display()
                );
                return ExitCode::from(2);
            }
            open_window(&data_dir, cli.layout, cli.report_startup, Clock::System)
        }
        Some(command) => cli::run(command, &data_dir, Clock::System),
    }
}

fn open_window(data_dir: &DataDir, layout_file: Option<PathBuf>, report_startup: bool, clock: Clock) -> ExitCode {
    // Loaded while eframe opens the window (see app::run).
    let data_dir = data_dir.clone();
    let load = move || {
        let data =
            MapData::load_with_user_layers(&data_dir, user_layers_dir().as_deref()).map_err(|e| e.to_string())?;
        let layout = default_layout(&data.atlas, clock.today());
        Ok((data, layout))
    };
    match app::run(load, layout_file, report_startup) {
        Ok(()) => ExitCode::SUCCESS,
        Err(app::RunError::Data(error)) => {
            eprintln!("alliance-map: {error}");
            ExitCode::FAILURE
        }
        Err(app::RunError::Window(error)) => {
            eprintln!("alliance-map: cannot open the window: {error}");
            ExitCode::FAILURE
        }
    }
}
