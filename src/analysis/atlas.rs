use crate::model::{CountryCode, Date, LayerRank, Organisation, Status};

/// Every organisation the program knows, in the order layers are listed: the four
/// primary ones first, then the extras, each group by short name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Atlas {
    /// The organisations, in listing order.
    pub organisations: Vec<Organisation>,
}

/// One line of `query`: a country's status in one organisation on one day.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct StatusRow {
    /// Organisation short name.
    pub org: String,
    /// Country code.
    pub iso3: CountryCode,
    /// Its status.
    pub status: Status,
}

impl Atlas {
    /// Puts organisations into listing order.
    pub fn new(mut organisations: Vec<Organisation>) -> Self {
        organisations.sort_by(|a, b| {
            (a.layer, a.kind == crate::model::OrganisationKind::BilateralTreaty, &a.short_name).cmp(&(
                b.layer,
                b.kind == crate::model::OrganisationKind::BilateralTreaty,
                &b.short_name,
            ))
        });
        Self { organisations }
    }

    /// The organisation with this short name, compared without regard to case.
    pub fn find(&self, short_name: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.short_name.eq_ignore_ascii_case(short_name))
    }

    /// Every status held on `day` in every organisation, sorted by organisation
    /// short name and then by country code.
    pub fn statuses_on(&self, day: Date) -> Vec<StatusRow> {
        let mut rows: Vec<StatusRow> = self
            .organisations
            .iter()
            .flat_map(|org| {
                org.statuses_on(day).into_iter().map(|(iso3, status)| StatusRow {
                    org: org.short_name.clone(),
                    iso3,
                    status,
                })
            })
            .collect();
        rows.sort();
        rows
    }

    /// Every day on which any status in any organisation changes, sorted.
    pub fn change_days(&self) -> Vec<Date> {
        let mut days: Vec<Date> = self.organisations.iter().flat_map(Organisation::change_days).collect();
        days.sort();
        days.dedup();
        days
    }

    /// The day up to which the sources of all `shown` organisations were checked:
    /// the earliest of their `checked_to` days. `None` when none states one.
    pub fn checked_to<'a>(shown: impl IntoIterator<Item = &'a Organisation>) -> Option<Date> {
        shown.into_iter().filter_map(|org| org.checked_to).min()
    }

    /// The warning for a day after the data was last checked, if `day` is one:
    /// "after the data was last checked (2026-12-02): later changes may be missing".
    pub fn freshness_warning<'a>(shown: impl IntoIterator<Item = &'a Organisation>, day: Date) -> Option<String> {
        Self::stale_after(Self::checked_to(shown), day)
    }

    /// [`Self::freshness_warning`] for a `checked_to` day already found.
    pub fn stale_after(checked_to: Option<Date>, day: Date) -> Option<String> {
        let checked = checked_to?;
        (day > checked).then(|| format!("after the data was last checked ({checked}): later changes may be missing"))
    }

    /// Only the primary organisations count in the default view.
    pub fn primary(&self) -> impl Iterator<Item = &Organisation> {
        self.organisations.iter().filter(|o| o.layer == LayerRank::Primary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(name: &str, checked_to: &str) -> Organisation {
        let text = format!(
            "Organisation(short_name: \"{name}\", name: \"n\", kind: alliance, layer: extra, checked_to: \"{checked_to}\",
             founding: Document(title: \"t\", signed: \"2000-01-01\", source: Source(title: \"s\")), countries: [])"
        );
        let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        options.from_str(&text).unwrap()
    }

    #[test]
    fn the_data_is_as_fresh_as_its_stalest_shown_layer() {
        let (a, b) = (org("A", "2026-11-30"), org("B", "2026-06-01"));
        let day = |text: &str| -> Date { text.parse().unwrap() };
        assert_eq!(Atlas::checked_to([&a, &b]), Some(day("2026-06-01")));
        assert_eq!(Atlas::checked_to([&a]), Some(day("2026-11-30")));
        assert_eq!(Atlas::freshness_warning([&a, &b], day("2026-06-01")), None, "the day itself was checked");
        let warning = Atlas::freshness_warning([&a, &b], day("2026-06-02")).unwrap();
        assert_eq!(warning, "after the data was last checked (2026-06-01): later changes may be missing");
        assert_eq!(Atlas::freshness_warning([&a], day("2026-06-02")), None);
    }
}
