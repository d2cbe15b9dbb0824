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

    /// Only the primary organisations count in the default view.
    pub fn primary(&self) -> impl Iterator<Item = &Organisation> {
        self.organisations.iter().filter(|o| o.layer == LayerRank::Primary)
    }
}
