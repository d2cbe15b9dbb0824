//! The `alliance-map` binary: parses arguments and hands over to the library.

use std::process::ExitCode;

use alliance_map::app;
use alliance_map::cli::{self, Cli, Command};
use alliance_map::io::{DataDir, MapData};
use clap::Parser;

fn main() -> ExitCode {
    alliance_map::mark_process_start();
    let cli = Cli::parse();
    let data_dir = DataDir::resolve(cli.data_dir.as_deref());
    match cli.command {
        None | Some(Command::Window) => open_window(&data_dir, cli.report_startup),
        Some(command) => cli::run(command, &data_dir),
    }
}

fn open_window(data_dir: &DataDir, report_startup: bool) -> ExitCode {
    let data = match MapData::load(data_dir) {
        Ok(data) => data,
        Err(error) => {
            eprintln!("alliance-map: {error}");
            return ExitCode::FAILURE;
        }
    };
    let layout = app::default_layout(&data.atlas, cli::today());
    match app::run(data, layout, report_startup) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("alliance-map: cannot open the window: {error}");
            ExitCode::FAILURE
        }
    }
}
