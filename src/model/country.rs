use std::fmt;
use std::str::FromStr;

/// An ISO 3166-1 alpha-3 code such as `RUS`, or one of the user-assigned `X..`
/// codes we give to shapes that have none (see `assets/README.md`).
///
/// Stored as three ASCII capitals so it is `Copy`, orders alphabetically and costs
/// no allocation in hot paths (hit-testing, scene building).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 3]);

/// Why a text is not a well-formed alpha-3 code. Whether the code is *assigned*
/// is a separate question, answered against the ISO table in `assets/`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected an ISO 3166-1 alpha-3 code (three capital letters A-Z), found {0:?}")]
pub struct CountryCodeError(pub String);

impl CountryCode {
    /// Builds a code from three bytes, if they are ASCII capitals.
    pub fn from_bytes(bytes: [u8; 3]) -> Result<Self, CountryCodeError> {
        if bytes.iter().all(u8::is_ascii_uppercase) {
            Ok(Self(bytes))
        } else {
            Err(CountryCodeError(String::from_utf8_lossy(&bytes).into_owned()))
        }
    }

    /// The code as text, e.g. `"FIN"`.
    pub fn as_str(&self) -> &str {
        // Only ASCII capitals are ever stored (see `from_bytes`).
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// The three bytes, for compact binary formats.
    pub fn to_bytes(self) -> [u8; 3] {
        self.0
    }
}

impl FromStr for CountryCode {
    type Err = CountryCodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match <[u8; 3]>::try_from(text.as_bytes()) {
            Ok(bytes) => Self::from_bytes(bytes),
            Err(_) => Err(CountryCodeError(text.to_owned())),
        }
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CountryCode({})", self.as_str())
    }
}

impl serde::Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for CountryCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_round_trips_through_text() {
        let code: CountryCode = "FIN".parse().unwrap();
        assert_eq!(code.as_str(), "FIN");
        assert_eq!(code.to_string(), "FIN");
    }

    #[test]
    fn lowercase_short_and_long_codes_are_rejected() {
        for bad in ["fin", "FI", "FINL", "F1N", ""] {
            assert!(bad.parse::<CountryCode>().is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn codes_order_alphabetically() {
        let a: CountryCode = "ARM".parse().unwrap();
        let b: CountryCode = "AZE".parse().unwrap();
        assert!(a < b);
    }
}
