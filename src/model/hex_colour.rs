//! A colour a person chose for a layer, as written in a layout file.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A colour written `"#rrggbb"` in a layout. Parsed once, when the layout is read,
/// instead of on every scene build. The text is kept as written, so a layout
/// saves back exactly as it was read and a bad value is quoted back verbatim by
/// `analysis::check_layout`, which rejects it: a layout that passed its check
/// holds only colours whose [`rgb`](Self::rgb) is `Some`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HexColour {
    written: String,
    rgb: Option<[u8; 3]>,
}

impl HexColour {
    /// Reads `text`; what is not `#rrggbb` is kept with no colour, for the check to report.
    pub fn new(text: impl Into<String>) -> Self {
        let written = text.into();
        let rgb = parse_hex_rgb(&written);
        Self { written, rgb }
    }

    /// The colour `[red, green, blue]`, written in lower case.
    pub fn from_rgb([red, green, blue]: [u8; 3]) -> Self {
        Self { written: format!("#{red:02x}{green:02x}{blue:02x}"), rgb: Some([red, green, blue]) }
    }

    /// Red, green and blue, or `None` when the text is not `#rrggbb`.
    pub fn rgb(&self) -> Option<[u8; 3]> {
        self.rgb
    }

    /// The text as written in the file.
    pub fn as_str(&self) -> &str {
        &self.written
    }
}

/// Parses `#rrggbb` (either case) into red, green and blue.
fn parse_hex_rgb(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// Written as the plain string, so the layout format is that of a `String`.
impl Serialize for HexColour {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.written)
    }
}

/// Any string is accepted here; whether it is a colour is the layout check's
/// problem to report, with its line and column, beside every other problem.
impl<'de> Deserialize<'de> for HexColour {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

#[cfg(test)]
mod tests {
    use serde::de::value::{Error, StrDeserializer};

    use super::*;

    fn read(text: &str) -> HexColour {
        HexColour::deserialize(StrDeserializer::<Error>::new(text)).unwrap()
    }

    #[test]
    fn a_hex_colour_is_parsed_once_when_read_in_either_case() {
        assert_eq!(read("#00Ff7f").rgb(), Some([0, 255, 127]));
        assert_eq!(read("#00Ff7f").as_str(), "#00Ff7f");
    }

    #[test]
    fn text_that_is_not_a_colour_is_kept_as_written_without_a_colour() {
        for text in ["blue", "#12345", "#1234567", "#12345g", "123456", "#ééé"] {
            let colour = read(text);
            assert_eq!(colour.rgb(), None, "{text}");
            assert_eq!(colour.as_str(), text);
        }
    }

    #[test]
    fn a_colour_from_bytes_is_written_as_lower_case_hex() {
        let colour = HexColour::from_rgb([10, 171, 255]);
        assert_eq!(colour.as_str(), "#0aabff");
        assert_eq!(read(colour.as_str()), colour);
    }
}
