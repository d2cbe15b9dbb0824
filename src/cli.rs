//! The command line: the same binary opens the window or answers scripted
//! questions. Output formats documented in the README are a public interface:
//! scripts parse them, so they change only with a version note.
//!
//! Never imports egui or eframe; `main` starts the window through `app::run`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::analysis::{Atlas, CommitmentSide, commitments_of, tensions_of};
use crate::io::iso_table::IsoTable;
use crate::io::layouts::parse_layout;
use crate::io::organisations::{load_atlas, organisation_files, parse_organisation};
use crate::io::ron_text::{first_identifier, read_text};
use crate::io::{DataDir, Problem};
use crate::model::{CountryCode, Date};

/// Eurasia with the memberships of the SCO, the CSTO, NATO and the EAEU as map layers.
///
/// With no command, opens the map window.
#[derive(Debug, Parser)]
#[command(name = "alliance-map", version, about, long_about = None)]
pub struct Cli {
    /// A layout file to open in the window.
    #[arg(value_name = "LAYOUT.ron")]
    pub layout: Option<PathBuf>,

    /// Folder holding `assets/` and `maps/` (default: the source checkout, or
    /// $ALLIANCE_MAP_DIR).
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
        /// The file to write: .png or .svg.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Width in pixels.
        #[arg(long, default_value_t = 1920)]
        width: u32,
        /// Height in pixels.
        #[arg(long, default_value_t = 1080)]
        height: u32,
        /// Draw the map as of this day instead of the layout's date.
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// Title instead of the layout's.
        #[arg(long)]
        title: Option<String>,
        /// Subtitle instead of the layout's.
        #[arg(long)]
        subtitle: Option<String>,
    },
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

/// Today's date in UTC: the default for `--date`.
pub fn today() -> Date {
    jiff::tz::TimeZone::UTC.to_datetime(jiff::Timestamp::now()).date()
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
pub fn run(command: Command, data_dir: &DataDir) -> ExitCode {
    let mut out = String::new();
    let result = match command {
        Command::Query { date, org, format } => {
            query(data_dir, date.unwrap_or_else(today), org.as_deref(), format, &mut out)
        }
        Command::Inspect { iso3, date, format } => {
            inspect(data_dir, iso3, date.unwrap_or_else(today), format, &mut out)
        }
        Command::Check { files } => check(data_dir, &files, &mut out),
        Command::Export { layout, out: file, width, height, date, title, subtitle } => {
            export(data_dir, ExportRequest { layout, file, width, height, date, title, subtitle }, &mut out)
        }
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{}", failure.message);
            ExitCode::from(failure.status)
        }
    }
}

fn load(data_dir: &DataDir) -> Result<(Atlas, IsoTable), Failure> {
    let iso = IsoTable::load(&data_dir.iso_table_path())
        .map_err(|e| Failure { message: format!("alliance-map: {e}"), status: 1 })?;
    let atlas = load_atlas(&data_dir.maps_dir(), &iso).map_err(|p| Failure::problems(&p.0))?;
    Ok((atlas, iso))
}

fn query(data_dir: &DataDir, day: Date, org: Option<&str>, format: Format, out: &mut String) -> Result<(), Failure> {
    let (atlas, iso) = load(data_dir)?;
    if let Some(name) = org
        && atlas.find(name).is_none()
    {
        let known: Vec<&str> = atlas.organisations.iter().map(|o| o.short_name.as_str()).collect();
        return Err(Failure {
            message: format!("alliance-map: no organisation {name:?}; expected one of: {}", known.join(", ")),
            status: 2,
        });
    }
    let rows: Vec<_> = atlas
        .statuses_on(day)
        .into_iter()
        .filter(|row| org.is_none_or(|name| row.org.eq_ignore_ascii_case(name)))
        .collect();
    match format {
        Format::Tsv => {
            out.push_str("org\tiso3\tstatus\n");
            for row in &rows {
                let _ = writeln!(out, "{}\t{}\t{}", row.org, row.iso3, row.status);
            }
        }
        Format::Json => {
            let json: Vec<_> = rows
                .iter()
                .map(|row| {
                    let since =
                        atlas.find(&row.org).and_then(|o| o.period_on(row.iso3, day)).map(|p| p.start.to_string());
                    serde_json::json!({
                        "org": row.org,
                        "iso3": row.iso3,
                        "name": iso.name(row.iso3),
                        "status": row.status,
                        "since": since,
                    })
                })
                .collect();
            let _ = writeln!(out, "{}", serde_json::to_string_pretty(&json).unwrap_or_default());
        }
        Format::Table => {
            let _ = writeln!(out, "As of {day}: {} statuses", rows.len());
            let _ = writeln!(out, "{:<14} {:<5} {:<32} {:<10} since", "org", "iso3", "country", "status");
            for row in &rows {
                let since = atlas
                    .find(&row.org)
                    .and_then(|o| o.period_on(row.iso3, day))
                    .map(|p| p.start.to_string())
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{:<14} {:<5} {:<32} {:<10} {since}",
                    row.org,
                    row.iso3.as_str(),
                    iso.name(row.iso3).unwrap_or("?"),
                    row.status.as_str()
                );
            }
        }
    }
    Ok(())
}

fn inspect(
    data_dir: &DataDir,
    country: CountryCode,
    day: Date,
    format: Format,
    out: &mut String,
) -> Result<(), Failure> {
    let (atlas, iso) = load(data_dir)?;
    let Some(name) = iso.name(country) else {
        return Err(Failure { message: format!("alliance-map: unknown ISO 3166-1 alpha-3 code {country}"), status: 2 });
    };
    let memberships: Vec<_> =
        atlas.organisations.iter().filter_map(|org| org.period_on(country, day).map(|period| (org, period))).collect();
    let commitments = commitments_of(&atlas, country, day);
    let tensions = tensions_of(&atlas, country, day);

    if format == Format::Json {
        let json = serde_json::json!({
            "iso3": country,
            "name": name,
            "date": day.to_string(),
            "memberships": memberships.iter().map(|(org, p)| serde_json::json!({
                "org": org.short_name,
                "status": p.status,
                "since": p.start.to_string(),
                "until": p.end.map(|d| d.to_string()),
                "source": p.source.title,
                "url": p.source.url,
            })).collect::<Vec<_>>(),
            "commitments": commitments,
            "tensions": tensions,
        });
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&json).unwrap_or_default());
        return Ok(());
    }

    let tsv = format == Format::Tsv;
    if tsv {
        out.push_str("section\torg\tarticle\tkind\tstatus_or_side\tcounterparties\n");
        for (org, p) in &memberships {
            let _ = writeln!(out, "membership\t{}\t\t\t{}\t", org.short_name, p.status);
        }
        for c in &commitments {
            let side = match c.side {
                CommitmentSide::Gives => "gives",
                CommitmentSide::Receives => "receives",
            };
            let parties: Vec<&str> = c.counterparties.iter().map(CountryCode::as_str).collect();
            let _ = writeln!(
                out,
                "commitment\t{}\t{}\t{}\t{side}\t{}",
                c.org,
                c.article,
                c.kind.as_str(),
                parties.join(",")
            );
        }
        for t in &tensions {
            let parties: Vec<&str> = t.left_out.iter().map(CountryCode::as_str).collect();
            let _ = writeln!(
                out,
                "tension\t{}\t{}\tneutrality\t{} of {}\t{}",
                t.pledge_org,
                t.pledge_article,
                t.bloc_status,
                t.bloc,
                parties.join(",")
            );
        }
        return Ok(());
    }

    let _ = writeln!(out, "{name} ({country}) as of {day}\n");
    out.push_str("Memberships\n");
    if memberships.is_empty() {
        out.push_str("  none\n");
    }
    for (org, p) in &memberships {
        let until = p.end.map_or(String::new(), |end| format!(" until {end}"));
        let _ = writeln!(out, "  {:<14} {:<10} since {}{until}", org.short_name, p.status.as_str(), p.start);
        let _ = writeln!(
            out,
            "  {:<14} source: {}{}",
            "",
            p.source.title,
            p.source.url.as_deref().map_or(String::new(), |u| format!(" <{u}>"))
        );
    }
    for (title, side) in
        [("Pledges it gives", CommitmentSide::Gives), ("Pledges it receives", CommitmentSide::Receives)]
    {
        let _ = writeln!(out, "\n{title}");
        let mut any = false;
        for c in commitments.iter().filter(|c| c.side == side) {
            any = true;
            let parties: Vec<&str> = c.counterparties.iter().map(CountryCode::as_str).collect();
            let (word, count) = match side {
                CommitmentSide::Gives => ("to", parties.len()),
                CommitmentSide::Receives => ("from", parties.len()),
            };
            let _ = writeln!(
                out,
                "  {} art. {} ({}) {word} {count}: {}",
                c.org,
                c.article,
                c.kind.as_str(),
                parties.join(", ")
            );
            let _ = writeln!(out, "      {}", c.summary);
        }
        if !any {
            out.push_str("  none\n");
        }
    }
    out.push_str("\nTensions\n");
    if tensions.is_empty() {
        out.push_str("  none found\n");
    }
    for t in &tensions {
        let parties: Vec<&str> = t.left_out.iter().map(CountryCode::as_str).collect();
        let _ = writeln!(out, "  - {}: {}", t.explanation, parties.join(", "));
    }
    Ok(())
}

fn check(data_dir: &DataDir, paths: &[PathBuf], out: &mut String) -> Result<(), Failure> {
    let iso = IsoTable::load(&data_dir.iso_table_path())
        .map_err(|e| Failure { message: format!("alliance-map: {e}"), status: 1 })?;
    // Folders: their organisation files, and the layouts in their `layouts/`.
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            for dir in [path.clone(), path.join("layouts")] {
                if dir == path.join("layouts") && !dir.is_dir() {
                    continue;
                }
                match organisation_files(&dir) {
                    Ok(found) => files.extend(found),
                    Err(problem) => return Err(Failure::problems(&[problem])),
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    let mut problems = Vec::new();
    let mut organisations = Vec::new();
    let mut layouts = Vec::new();
    for file in &files {
        let text = match read_text(file) {
            Ok(text) => text,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        if first_identifier(&text) == Some("Layout") {
            layouts.push((file.as_path(), text));
        } else {
            match parse_organisation(file, &text, &iso) {
                Ok(org) => organisations.push((file.as_path(), org)),
                Err(found) => problems.extend(found),
            }
        }
    }
    let orgs: Vec<_> = organisations.iter().map(|(_, o)| o.clone()).collect();
    for (index, problem) in crate::analysis::check_atlas(&orgs) {
        problems.push(Problem::whole_file(organisations[index].0, problem.message));
    }
    if !layouts.is_empty() {
        // Layouts name organisations: check them against the program's own data.
        match load_atlas(&data_dir.maps_dir(), &iso) {
            Ok(atlas) => {
                for (file, text) in &layouts {
                    if let Err(found) = parse_layout(file, text, &atlas, &iso) {
                        problems.extend(found);
                    }
                }
            }
            Err(found) => problems.extend(found.0),
        }
    }
    if problems.is_empty() {
        let _ = writeln!(out, "{} file(s) checked, no problems", files.len());
        Ok(())
    } else {
        let failed: std::collections::BTreeSet<&Path> = problems.iter().map(|p| p.file.as_path()).collect();
        let mut failure = Failure::problems(&problems);
        let _ =
            write!(failure.message, "\n{} problem(s) in {} of {} file(s)", problems.len(), failed.len(), files.len());
        Err(failure)
    }
}

/// What `export` was asked for.
struct ExportRequest {
    layout: Option<PathBuf>,
    file: PathBuf,
    width: u32,
    height: u32,
    date: Option<Date>,
    title: Option<String>,
    subtitle: Option<String>,
}

fn export(data_dir: &DataDir, request: ExportRequest, out: &mut String) -> Result<(), Failure> {
    let usage = |message: String| Failure { message: format!("alliance-map: {message}"), status: 1 };
    let Some(format) = crate::export::Format::from_path(&request.file) else {
        return Err(usage(format!("{}: expected a file name ending in .png or .svg", request.file.display())));
    };
    crate::export::check_size(request.width, request.height).map_err(|e| usage(e.to_string()))?;
    let data = crate::workspace::MapData::load(data_dir).map_err(|e| usage(e.to_string()))?;
    let mut layout = match &request.layout {
        Some(path) => {
            crate::io::layouts::load_layout(path, &data.atlas, &data.iso).map_err(|p| Failure::problems(&p))?
        }
        None => crate::workspace::default_layout(&data.atlas, today()),
    };
    if let Some(date) = request.date {
        layout.date = date;
    }
    if let Some(title) = request.title {
        layout.title = title;
    }
    if let Some(subtitle) = request.subtitle {
        layout.subtitle = subtitle;
    }
    let geometry = crate::geometry::MapGeometry::build(&data.shapes, layout.disputed, |code| {
        data.iso.name(code).map(str::to_owned)
    });
    let scene = crate::scene::Scene::build(
        crate::scene::SceneInputs::from_layout(&layout),
        std::sync::Arc::new(geometry),
        &data.atlas,
    );
    let text = crate::export::BriefingText { title: layout.title.clone(), subtitle: layout.subtitle.clone() };
    let picture = crate::export::Picture {
        scene: &scene,
        text: &text,
        view: &layout.view,
        fonts: &crate::export::Fonts::new(std::sync::Arc::clone(&data.font)),
        width: request.width,
        height: request.height,
    };
    picture.write(&request.file, format).map_err(|e| usage(e.to_string()))?;
    let _ =
        writeln!(out, "wrote {} ({}x{}, as of {})", request.file.display(), request.width, request.height, layout.date);
    Ok(())
}
