//! `diff`: every change of role between two days, as a table, TSV or JSON.

use std::fmt::Write as _;

use super::{Failure, Format, load_atlas_and_names};
use crate::analysis::{RoleChange, role_changes};
use crate::io::DataDir;
use crate::model::{Date, Status};

/// "member", or "none" where the country held no role.
fn role(status: Option<Status>) -> &'static str {
    status.map_or("none", Status::as_str)
}

/// Lists the changes after `from` up to and including `to`, optionally in one
/// organisation only.
pub(super) fn diff(
    data_dir: &DataDir,
    from: Date,
    to: Date,
    org: Option<&str>,
    format: Format,
    out: &mut String,
) -> Result<(), Failure> {
    if from > to {
        return Err(Failure { message: format!("alliance-map: --from {from} is after --to {to}"), status: 2 });
    }
    let (atlas, iso) = load_atlas_and_names(data_dir)?;
    super::check_org_name(&atlas, org)?;
    let mut changes: Vec<RoleChange> = atlas
        .organisations
        .iter()
        .filter(|o| org.is_none_or(|name| o.short_name.eq_ignore_ascii_case(name)))
        .flat_map(|o| role_changes(o, from, to))
        .collect();
    changes.sort();
    match format {
        Format::Tsv => {
            out.push_str("org\tiso3\tfrom\tto\tday\n");
            for c in &changes {
                let _ = writeln!(out, "{}\t{}\t{}\t{}\t{}", c.org, c.iso3, role(c.from), role(c.to), c.day);
            }
        }
        Format::Json => {
            let json: Vec<_> = changes
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "org": c.org,
                        "iso3": c.iso3,
                        "name": iso.name(c.iso3),
                        "from": role(c.from),
                        "to": role(c.to),
                        "day": c.day.to_string(),
                    })
                })
                .collect();
            let _ = writeln!(out, "{}", serde_json::to_string_pretty(&json).unwrap_or_default());
        }
        Format::Table => {
            let _ = writeln!(out, "From {from} to {to}: {} changes of role", changes.len());
            let _ = writeln!(out, "{:<14} {:<5} {:<32} {:<10} {:<10} day", "org", "iso3", "country", "from", "to");
            for c in &changes {
                let _ = writeln!(
                    out,
                    "{:<14} {:<5} {:<32} {:<10} {:<10} {}",
                    c.org,
                    c.iso3.as_str(),
                    iso.name(c.iso3).unwrap_or("?"),
                    role(c.from),
                    role(c.to),
                    c.day
                );
            }
        }
    }
    Ok(())
}
