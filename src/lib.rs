//! alliance-map: Eurasia with the memberships of the SCO, the CSTO, NATO and the
//! EAEU as map layers.
//!
//! ```text
//!   main.rs       parse arguments, then cli::run or app::run
//!     |
//!     +--> cli        the command line, one file per command   may use all below
//!     +--> app        the eframe window: the only egui, eframe,    may use all below
//!            |        rfd; cli and app never use each other
//!            v
//!        workspace    the document core, no egui: loaded data,     model analysis
//!                     layout, undo history, scene; joins io's      geometry io scene
//!                     parsing with analysis's checks
//!        export       a scene as SVG, PNG, PDF, and the window's   model io scene
//!                     map picture (of the shapes it is given)      geometry
//!        scene        what a picture shows, in plane coordinates,  model analysis
//!                     with palette colours                         geometry
//!        io           files in and out; problems at file:line:col  model geometry
//!        geometry     projection, country shapes, levels of       model
//!                     detail, hit-test index
//!        analysis     as-of snapshots, overlaps, pledges, checks   model
//!        model        plain data and invariants; no egui, no files (none)
//! ```
//!
//! Dependencies point down: each module uses only modules listed below it, and
//! the right-hand column says which it may use. Only `main.rs` uses `cli` and
//! `app`; no library module imports either. `tests/architecture.rs` holds the same
//! table as data and fails when the code departs from it.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod export;
pub mod geometry;
pub mod io;
pub mod model;
pub mod scene;
pub mod workspace;

use std::sync::OnceLock;
use std::time::Instant;

static PROCESS_START: OnceLock<Instant> = OnceLock::new();

/// Marks the start of the process; `main` calls it first thing so start-up
/// reports measure from there.
pub fn mark_process_start() {
    PROCESS_START.get_or_init(Instant::now);
}

/// Gives freed memory back promptly. glibc serves blocks above a threshold (128 KiB
/// at first) with `mmap` and returns them on free, but once such a block is freed
/// it raises the threshold to that block's size and keeps twice as much free at
/// the top of each heap. The window's map pictures are blocks of a few megabytes,
/// painted on other threads, so after the first one each thread's heap kept a
/// picture's worth or more. Fixing the threshold for trimming (which also fixes
/// the one for `mmap`) ends that: measured after start-up, a zoom and a hover, peak
/// resident memory 157 MiB against 164 MiB (`scripts/bench-startup`).
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes malloc's parameters; it is called at start-up,
    // before any other thread runs.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 1 << 20);
    }
}

/// One line with wall time since [`mark_process_start`], CPU time of the process and
/// its peak resident memory so far, read from `/proc` (Linux) where available.
pub fn startup_report() -> String {
    let wall_ms = PROCESS_START.get().map_or(f64::NAN, |start| start.elapsed().as_secs_f64() * 1e3);
    let cpu_ms = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            // Fields after the command name, which is in parentheses and may hold spaces.
            let rest = stat.rsplit_once(')')?.1;
            let fields: Vec<&str> = rest.split_whitespace().collect();
            let utime: f64 = fields.get(11)?.parse().ok()?;
            let stime: f64 = fields.get(12)?.parse().ok()?;
            // Linux reports in clock ticks of 1/100 s on every common configuration.
            Some((utime + stime) * 10.0)
        })
        .unwrap_or(f64::NAN);
    let peak_rss_mib = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kib / 1024.0)
        })
        .unwrap_or(f64::NAN);
    format!("first frame on screen painted: wall {wall_ms:.0} ms, cpu {cpu_ms:.0} ms, peak RSS {peak_rss_mib:.1} MiB")
}
