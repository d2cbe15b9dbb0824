//! `query`: every country holding a status in an organisation on a day, as a
//! table, TSV or JSON.

use std::fmt::Write as _;

use super::{Failure, Format, load_atlas_and_names};
use crate::io::DataDir;
use crate::model::Date;

/// Lists the statuses held on `day`, optionally in one organisation only.
pub(super) fn query(
    data_dir: &DataDir,
    day: Date,
    org: Option<&str>,
    format: Format,
    out: &mut String,
) -> Result<(), Failure> {
    let (atlas, iso) = load_atlas_and_names(data_dir)?;
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
