//! `query`: every country holding a status in an organisation on a day, as a
//! table, TSV or JSON.

use std::fmt::Write as _;

use super::{Failure, Format, load_atlas_and_names};
use crate::analysis::Atlas;
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
    super::check_org_name(&atlas, org)?;
    let queried = atlas.organisations.iter().filter(|o| org.is_none_or(|name| o.short_name.eq_ignore_ascii_case(name)));
    if let Some(warning) = Atlas::freshness_warning(queried, day) {
        eprintln!("alliance-map: warning: {day} is {warning}");
    }
    // One row per organisation, country and role held: a partner that is also an
    // applicant has two.
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
            // One object per organisation and country: `status` is the strongest
            // role (what the map draws), `statuses` every role held.
            let mut json: Vec<serde_json::Value> = Vec::new();
            for row in &rows {
                let Some(org) = atlas.find(&row.org) else { continue };
                let roles = org.roles_on(row.iso3, day);
                if roles.first().is_none_or(|p| p.status != row.status) {
                    continue;
                }
                let statuses: Vec<_> = roles
                    .iter()
                    .map(|p| {
                        serde_json::json!({
                            "status": p.status,
                            "since": p.start.to_string(),
                            "until": p.end.map(|d| d.to_string()),
                            "framework": p.framework,
                        })
                    })
                    .collect();
                json.push(serde_json::json!({
                    "org": row.org,
                    "iso3": row.iso3,
                    "name": iso.name(row.iso3),
                    "status": row.status,
                    "since": roles[0].start.to_string(),
                    "statuses": statuses,
                }));
            }
            let _ = writeln!(out, "{}", serde_json::to_string_pretty(&json).unwrap_or_default());
        }
        Format::Table => {
            let _ = writeln!(out, "As of {day}: {} roles held", rows.len());
            let _ = writeln!(
                out,
                "{:<14} {:<5} {:<32} {:<10} {:<10} framework",
                "org", "iso3", "country", "status", "since"
            );
            for row in &rows {
                let org = atlas.find(&row.org);
                let period = org.and_then(|o| o.roles_on(row.iso3, day).into_iter().find(|p| p.status == row.status));
                let since = period.map(|p| p.start.to_string()).unwrap_or_default();
                let framework = period
                    .and_then(|p| p.framework.as_deref())
                    .map(|id| org.and_then(|o| o.framework(id)).map_or(id, |f| f.name.as_str()))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{:<14} {:<5} {:<32} {:<10} {since:<10} {framework}",
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
