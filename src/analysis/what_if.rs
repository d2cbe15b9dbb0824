use super::Atlas;
use crate::model::{CountryRecord, Period, Source, WhatIf};

/// The atlas with what-if changes applied on top, in order. Added periods are
/// marked `hypothetical` so every view can say so; the sourced atlas is untouched
/// (what-ifs live in the layout, never in `maps/`).
///
/// An addition from day D ends whatever period the country held from D on and
/// starts the hypothetical status; a removal ends the status held on D. What-ifs
/// naming an organisation the atlas does not have are skipped (layout checks
/// report them).
pub fn apply_what_ifs(atlas: &Atlas, what_ifs: &[WhatIf]) -> Atlas {
    let mut out = atlas.clone();
    for what_if in what_ifs {
        let Some(org) = out.organisations.iter_mut().find(|o| o.short_name == what_if.org()) else {
            continue;
        };
        let iso3 = what_if.iso3();
        let index = match org.countries.iter().position(|r| r.iso3 == iso3) {
            Some(index) => index,
            None => {
                org.countries.push(CountryRecord { iso3, periods: Vec::new() });
                org.countries.len() - 1
            }
        };
        let record = &mut org.countries[index];
        let from = match what_if {
            WhatIf::Add { from, .. } | WhatIf::Remove { from, .. } => *from,
        };
        // Cut history at `from`: periods after it go, the one spanning it ends there.
        record.periods.retain(|p| p.start < from);
        for period in &mut record.periods {
            if period.end.is_none_or(|end| end > from) {
                period.end = Some(from);
            }
        }
        if let WhatIf::Add { status, .. } = what_if {
            record.periods.push(Period {
                status: *status,
                start: from,
                end: None,
                framework: None,
                source: Source { title: format!("What-if: {}", what_if.describe()), url: None },
                note: None,
                hypothetical: true,
            });
        }
    }
    out
}

/// Whether a what-if changes anything on `day` (it applies from its `from` day).
pub fn what_if_applies_on(what_if: &WhatIf, day: crate::model::Date) -> bool {
    match what_if {
        WhatIf::Add { from, .. } | WhatIf::Remove { from, .. } => *from <= day,
    }
}
