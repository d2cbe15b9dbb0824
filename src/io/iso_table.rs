//! The ISO 3166-1 table in `assets/iso3166-1.tsv`: which codes exist and the
//! English name the map shows for each.

use std::collections::BTreeMap;
use std::path::Path;

use super::assets::{AssetError, read_limited};
use crate::model::CountryCode;

/// Known country codes with their common English names.
#[derive(Clone, Debug, Default)]
pub struct IsoTable {
    names: BTreeMap<CountryCode, String>,
}

impl IsoTable {
    /// Reads the table; lines starting with `#` are comments.
    pub fn load(path: &Path) -> Result<Self, AssetError> {
        let bytes = read_limited(path, 1 << 20)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| AssetError::Corrupt { path: path.to_path_buf(), message: "expected UTF-8 text".into() })?;
        Self::parse(&text).map_err(|(line, message)| AssetError::Corrupt {
            path: path.to_path_buf(),
            message: format!("line {line}: {message}"),
        })
    }

    /// Parses the tab-separated text: `alpha3<TAB>numeric<TAB>name`.
    pub fn parse(text: &str) -> Result<Self, (usize, String)> {
        let mut names = BTreeMap::new();
        for (index, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(code), Some(_numeric), Some(name)) = (fields.next(), fields.next(), fields.next()) else {
                return Err((index + 1, "expected three tab-separated fields: alpha-3, numeric, name".into()));
            };
            let code: CountryCode = code.parse().map_err(|e| (index + 1, format!("{e}")))?;
            names.insert(code, name.to_owned());
        }
        if names.is_empty() {
            return Err((1, "expected at least one country".into()));
        }
        Ok(Self { names })
    }

    /// The English name of a code, if the code is known.
    pub fn name(&self, code: CountryCode) -> Option<&str> {
        self.names.get(&code).map(String::as_str)
    }

    /// Whether the code is assigned (or one of our documented user-assigned codes).
    pub fn contains(&self, code: CountryCode) -> bool {
        self.names.contains_key(&code)
    }

    /// How many codes the table knows.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the table is empty (never, for a table that loaded).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}
