//! `inspect`: one country's memberships, the pledges it gives and receives, and
//! the tensions among them on a day.

use std::fmt::Write as _;

use super::{Failure, Format, load_atlas_and_names};
use crate::analysis::{Atlas, CommitmentSide, commitments_of, tensions_of};
use crate::io::DataDir;
use crate::model::{CountryCode, Date};

/// Describes `country` as of `day`.
pub(super) fn inspect(
    data_dir: &DataDir,
    country: CountryCode,
    day: Date,
    format: Format,
    out: &mut String,
) -> Result<(), Failure> {
    let (atlas, iso) = load_atlas_and_names(data_dir)?;
    let Some(name) = iso.name(country) else {
        return Err(Failure { message: format!("alliance-map: unknown ISO 3166-1 alpha-3 code {country}"), status: 2 });
    };
    if let Some(warning) = Atlas::freshness_warning(&atlas.organisations, day) {
        eprintln!("alliance-map: warning: {day} is {warning}");
    }
    // Every role held, strongest first within each organisation.
    let memberships: Vec<_> = atlas
        .organisations
        .iter()
        .flat_map(|org| org.roles_on(country, day).into_iter().map(move |period| (org, period)))
        .collect();
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
                "framework": p.framework,
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
        let via = p
            .framework
            .as_deref()
            .map_or(String::new(), |id| format!(" ({})", org.framework(id).map_or(id, |f| f.name.as_str())));
        let _ = writeln!(out, "  {:<14} {:<10} since {}{until}{via}", org.short_name, p.status.as_str(), p.start);
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
