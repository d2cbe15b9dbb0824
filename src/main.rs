//! The `alliance-map` binary: parses arguments and hands over to the library.

use std::process::ExitCode;

use alliance_map::app::{self, LoadedData};
use alliance_map::cli::{self, Cli, Command};
use alliance_map::io::iso_table::IsoTable;
use alliance_map::io::shapes::ShapeSet;
use alliance_map::io::{AssetError, DataDir};
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

fn load(data_dir: &DataDir) -> Result<LoadedData, AssetError> {
    Ok(LoadedData {
        shapes: ShapeSet::load(&data_dir.shapes_path())?,
        iso: IsoTable::load(&data_dir.iso_table_path())?,
    })
}

fn open_window(data_dir: &DataDir, report_startup: bool) -> ExitCode {
    let data = match load(data_dir) {
        Ok(data) => data,
        Err(error) => {
            eprintln!("alliance-map: {error}");
            return ExitCode::FAILURE;
        }
    };
    match app::run(data, report_startup) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("alliance-map: cannot open the window: {error}");
            ExitCode::FAILURE
        }
    }
}
