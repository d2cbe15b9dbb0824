//! The command line: the same binary opens the window or answers scripted
//! questions. Output formats documented in the README are a public interface:
//! scripts parse them, so they change only with a version note.
//!
//! One file per command (`query`, `inspect`, `check`, `export`); this one holds
//! the argument definitions, [`run`] and what the commands share. Never imports
//! egui or eframe; `main` starts the window through `app::run`.

mod animate;
mod check;
mod diff;
mod export;
mod inspect;
mod query;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand, ValueEnum};

use crate::analysis::Atlas;
use crate::io::iso_table::IsoTable;
use crate::io::user_paths::user_layers_dir;
use crate::io::{DataDir, Problem};
use crate::model::{CountryCode, Date};
use crate::workspace::{Clock, add_user_layers, load_data_atlas};

/// Eurasia with the memberships of the SCO, the CSTO, NATO and the EAEU as map layers.
///
/// With no command, opens the map window.
#[derive(Debug, Parser)]
#[command(name = "alliance-map", version, about, long_about = None)]
pub struct Cli {
    /// A layout file to open in the window.
    #[arg(value_name = "LAYOUT.ron")]
    pub layout: Option<PathBuf>,

    /// Folder holding `assets/` and `maps/` to use instead of the data built into
    /// the binary (also $ALLIANCE_MAP_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Print the time to the first painted frame and close the window (for benchmarks).
    #[arg(long, hide = true)]
    pub report_startup: bool,

    /// What to do; without one, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every country holding a status in an organisation on a date.
    Query {
        /// The day, YYYY-MM-DD (default: today, UTC).
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// Only this organisation (short name, any case: nato, SCO, ...).
        #[arg(long, value_name = "NAME")]
        org: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// A country's memberships, the pledges it gives and receives, and tensions among them.
    Inspect {
        /// ISO 3166-1 alpha-3 code, e.g. KAZ.
        #[arg(value_parser = parse_code)]
        iso3: CountryCode,
        /// The day, YYYY-MM-DD (default: today, UTC).
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// Output format (table is readable text).
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Export a briefing picture (PNG or SVG, by the file's extension); no display needed.
    Export {
        /// The layout to draw (default: all four organisations, today).
        #[arg(value_name = "LAYOUT.ron")]
        layout: Option<PathBuf>,
        /// The file to write: .png, .svg or .pdf.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Width in pixels [default: 1920]. For PDF, the picture's proportions with
        /// --height (default: the page inside its margins).
        #[arg(long)]
        width: Option<u32>,
        /// Height in pixels [default: 1080].
        #[arg(long)]
        height: Option<u32>,
        /// PDF only: the paper.
        #[arg(long, value_enum, value_name = "PAPER")]
        page: Option<export::PaperArg>,
        /// PDF only: print the page portrait (default landscape).
        #[arg(long)]
        portrait: bool,
        /// PDF only: the white margin on every side, in millimetres [default: 10].
        #[arg(long, value_name = "MM", value_parser = clap::value_parser!(u16).range(0..=50))]
        margin_mm: Option<u16>,
        /// Draw the map as of this day instead of the layout's date.
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// Mark who joined, left or changed role since this day (compare mode).
        #[arg(long, value_parser = parse_date, value_name = "DAY")]
        compare_with: Option<Date>,
        /// Title instead of the layout's.
        #[arg(long)]
        title: Option<String>,
        /// Subtitle instead of the layout's.
        #[arg(long)]
        subtitle: Option<String>,
    },
    /// The map through time: an animated GIF, an animated PNG or a folder of PNG frames.
    Animate {
        /// The layout to draw (default: all four organisations).
        #[arg(value_name = "LAYOUT.ron")]
        layout: Option<PathBuf>,
        /// The first day, YYYY-MM-DD (1949 or later).
        #[arg(long, value_parser = parse_date)]
        from: Date,
        /// The last day, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        to: Date,
        /// One frame per change of a shown layer, or per year or month.
        #[arg(long, value_enum, default_value_t = animate::Step::Change)]
        step: animate::Step,
        /// Frames a second (default: 0.5 for changes, so each can be read; 4 otherwise).
        #[arg(long)]
        fps: Option<f32>,
        /// Width in pixels.
        #[arg(long, default_value_t = 1280)]
        width: u32,
        /// Height in pixels.
        #[arg(long, default_value_t = 720)]
        height: u32,
        /// FILE.gif, FILE.png (animated PNG) or a folder ending in / for numbered frames.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Every change of role between two days: who joined, left or changed status.
    Diff {
        /// The day compared from, YYYY-MM-DD (its roles are the starting point).
        #[arg(long, value_parser = parse_date)]
        from: Date,
        /// The day compared to, YYYY-MM-DD (changes up to and including it).
        #[arg(long, value_parser = parse_date)]
        to: Date,
        /// Only this organisation (short name, any case).
        #[arg(long, value_name = "NAME")]
        org: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Print every folder and file the program reads and writes.
    Paths,
    /// Print a shell completion script: `alliance-map completions bash > /etc/bash_completion.d/alliance-map`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), made from these same definitions.
    #[command(hide = true)]
    Man,
    /// Check organisation and layout files (or folders of them): every problem, as FILE:LINE:COL: message.
    Check {
        /// Files or folders to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// Output formats of `query` and `inspect`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// Tab-separated values with a header line, for scripts.
    Tsv,
    /// JSON, for scripts.
    Json,
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>().map_err(|e| format!("expected a date YYYY-MM-DD: {e}"))
}

fn parse_code(text: &str) -> Result<CountryCode, String> {
    text.to_ascii_uppercase().parse().map_err(|e| format!("{e}"))
}

/// A command's failure: printed to stderr by `run`, with the exit status it implies.
struct Failure {
    message: String,
    status: u8,
}

impl Failure {
    fn problems(problems: &[Problem]) -> Self {
        let mut message = String::new();
        for p in problems {
            let _ = writeln!(message, "{p}");
        }
        Self { message: message.trim_end().to_owned(), status: 1 }
    }
}

/// Runs a scripted command, printing to stdout and stderr; returns the exit status.
/// `clock` gives the day for commands without `--date` (tests fix it).
pub fn run(command: Command, data_dir: &DataDir, clock: Clock) -> ExitCode {
    let mut out = String::new();
    let result = match command {
        Command::Query { date, org, format } => {
            query::query(data_dir, date.unwrap_or_else(|| clock.today()), org.as_deref(), format, &mut out)
        }
        Command::Inspect { iso3, date, format } => {
            inspect::inspect(data_dir, iso3, date.unwrap_or_else(|| clock.today()), format, &mut out)
        }
        Command::Check { files } => check::check(data_dir, &files, &mut out),
        Command::Animate { layout, from, to, step, fps, width, height, out: file } => animate::animate(
            data_dir,
            animate::AnimateRequest { layout, from, to, step, fps, width, height, out: file },
            clock,
            &mut out,
        ),
        Command::Diff { from, to, org, format } => diff::diff(data_dir, from, to, org.as_deref(), format, &mut out),
        Command::Paths => {
            paths(data_dir, &mut out);
            Ok(())
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut <Cli as clap::CommandFactory>::command(), "alliance-map", &mut script);
            out.push_str(&String::from_utf8_lossy(&script));
            Ok(())
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
                .render(&mut page)
                .map(|()| out.push_str(&String::from_utf8_lossy(&page)))
                .map_err(|e| Failure { message: format!("alliance-map: {e}"), status: 1 })
        }
        Command::Export {
            layout,
            out: file,
            width,
            height,
            page,
            portrait,
            margin_mm,
            date,
            compare_with,
            title,
            subtitle,
        } => export::export(
            data_dir,
            export::ExportRequest {
                layout,
                file,
                width,
                height,
                page: export::PageRequest { paper: page, portrait, margin_mm },
                date,
                compare_with,
                title,
                subtitle,
            },
            clock,
            &mut out,
        ),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    match result {
        Ok(()) if INCOMPLETE.load(Ordering::Relaxed) => ExitCode::FAILURE,
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{}", failure.message);
            ExitCode::from(failure.status)
        }
    }
}

/// The ISO table and the organisations (shipped, then the user's own layers),
/// without country shapes or the font: `query` and `inspect` need no more, and
/// answer faster for it. Problems with user layers are printed and remembered.
fn load_atlas_and_names(data_dir: &DataDir) -> Result<(Atlas, IsoTable), Failure> {
    let iso = load_iso_table(data_dir)?;
    let mut atlas = load_data_atlas(data_dir, &iso).map_err(|p| Failure::problems(&p.0))?;
    if let Some(folder) = user_layers_dir().filter(|folder| folder.is_dir()) {
        report_user_layer_problems(&add_user_layers(&mut atlas, &folder, &iso));
    }
    Ok((atlas, iso))
}

/// `paths`: where the data comes from and where the user's files live, one
/// `name<TAB>path` line each, so that scripts can read it.
fn paths(data_dir: &DataDir, out: &mut String) {
    let none = || "(none on this platform)".to_owned();
    let shown = |path: Option<std::path::PathBuf>| path.map_or_else(none, |p| p.display().to_string());
    let _ = writeln!(out, "data\t{}", data_dir.describe());
    let _ = writeln!(out, "user-layers\t{}", shown(user_layers_dir()));
    let settings = shown(crate::io::user_paths::settings_file());
    let _ = writeln!(out, "settings\t{settings}");
    let _ = writeln!(out, "recent-files\t{settings}");
}

/// A usage error unless `org` (when given) names an organisation of `atlas`.
fn check_org_name(atlas: &Atlas, org: Option<&str>) -> Result<(), Failure> {
    match org {
        Some(name) if atlas.find(name).is_none() => {
            let known: Vec<&str> = atlas.organisations.iter().map(|o| o.short_name.as_str()).collect();
            Err(Failure {
                message: format!("alliance-map: no organisation {name:?}; expected one of: {}", known.join(", ")),
                status: 2,
            })
        }
        _ => Ok(()),
    }
}

/// Set once a user layer was left out for its problems: the answer may be
/// incomplete, so the command exits with status 1 although it printed one.
static INCOMPLETE: AtomicBool = AtomicBool::new(false);

/// Prints each problem with a user layer on stderr and marks the answer incomplete.
fn report_user_layer_problems(problems: &[Problem]) {
    for problem in problems {
        eprintln!("{problem}");
    }
    if !problems.is_empty() {
        eprintln!("alliance-map: {} problem(s) in your own layers; those files were left out", problems.len());
        INCOMPLETE.store(true, Ordering::Relaxed);
    }
}

/// The ISO 3166-1 table: country names and the codes `check` accepts.
fn load_iso_table(data_dir: &DataDir) -> Result<IsoTable, Failure> {
    data_dir.iso_table().map_err(|e| Failure { message: format!("alliance-map: {e}"), status: 1 })
}
