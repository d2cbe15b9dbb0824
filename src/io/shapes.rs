//! The compact country-shape format in `assets/countries-50m.amshp`.
//!
//! Natural Earth's shapes arrive as TopoJSON (about 0.75 MB for the whole world);
//! parsing JSON at every start would cost more than our whole start-up budget. The
//! asset builder (`scripts/build-assets`) therefore clips them to the Eurasian extent
//! once and writes this little-endian binary, which loads in about a millisecond:
//!
//! ```text
//! magic "AMSHAPES", u32 format version (1)
//! u32 length + UTF-8 text: where the shapes come from (printed in About and exports)
//! u32 feature count, then per feature:
//!   [u8; 3] code under UN resolutions, [u8; 3] code under de facto control,
//!   u32 length + UTF-8 name,
//!   u32 polygon count, per polygon: u32 ring count (exterior first, then holes),
//!     per ring: u32 point count, then (i32 lon, i32 lat) in millionths of a degree
//! u64 FNV-1a hash of every byte before it
//! ```
//!
//! Longitudes east of the antimeridian are stored past 180 (Chukotka at 185, not -175),
//! so the map is never cut there. Every count is checked against the bytes left before
//! anything is allocated, so a damaged file gives an error, never a huge allocation.

use std::path::Path;

use geo::{Coord, LineString, MultiPolygon, Polygon};

use super::assets::{AssetError, read_limited};
use crate::geometry::{ShapeFeature, ShapeSet};
use crate::model::CountryCode;

const MAGIC: &[u8; 8] = b"AMSHAPES";
const FORMAT_VERSION: u32 = 1;
const UNITS_PER_DEGREE: f64 = 1_000_000.0;

/// The file format, kept here with the rest of the file reading; the decoded
/// types live in `geometry`, which builds the map from them.
impl ShapeSet {
    /// Reads and checks the asset file.
    pub fn load(path: &Path) -> Result<Self, AssetError> {
        let bytes = read_limited(path, 64 << 20)?;
        Self::decode(&bytes).map_err(|message| AssetError::Corrupt { path: path.to_path_buf(), message })
    }

    /// Decodes the binary format; the error says what was expected at which byte.
    pub fn decode(bytes: &[u8]) -> Result<Self, String> {
        if bytes.len() < MAGIC.len() + 4 + 8 || &bytes[..MAGIC.len()] != MAGIC {
            return Err("not a country-shape file (expected it to start with AMSHAPES)".into());
        }
        let (body, hash_bytes) = bytes.split_at(bytes.len() - 8);
        let stored_hash = u64::from_le_bytes(hash_bytes.try_into().expect("split at 8"));
        if fnv1a(body) != stored_hash {
            return Err("checksum mismatch: the file is damaged or truncated \
                        (re-run scripts/build-assets or restore it from git)"
                .into());
        }
        let mut reader = Reader { bytes: body, at: MAGIC.len() };
        let version = reader.u32()?;
        if version != FORMAT_VERSION {
            return Err(format!("format version {version}, but this program reads version {FORMAT_VERSION}"));
        }
        let source = reader.string()?;
        let feature_count = reader.count(6 + 4 + 4)?;
        let mut features = Vec::with_capacity(feature_count);
        for _ in 0..feature_count {
            let code_un = reader.code()?;
            let code_de_facto = reader.code()?;
            let name = reader.string()?;
            let polygon_count = reader.count(4)?;
            let mut polygons = Vec::with_capacity(polygon_count);
            for _ in 0..polygon_count {
                let ring_count = reader.count(4)?;
                if ring_count == 0 {
                    return Err(reader.error("expected a polygon with at least one ring"));
                }
                let mut rings = Vec::with_capacity(ring_count);
                for _ in 0..ring_count {
                    let point_count = reader.count(8)?;
                    let mut points = Vec::with_capacity(point_count);
                    for _ in 0..point_count {
                        let lon = f64::from(reader.i32()?) / UNITS_PER_DEGREE;
                        let lat = f64::from(reader.i32()?) / UNITS_PER_DEGREE;
                        points.push(Coord { x: lon, y: lat });
                    }
                    rings.push(LineString(points));
                }
                let exterior = rings.remove(0);
                polygons.push(Polygon::new(exterior, rings));
            }
            features.push(ShapeFeature { code_un, code_de_facto, name, lonlat_deg: MultiPolygon(polygons) });
        }
        if reader.at != body.len() {
            return Err(reader.error("expected the end of the data"));
        }
        Ok(Self { source, features })
    }

    /// Encodes the set in the binary format (used by the asset builder and tests).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        put_string(&mut out, &self.source);
        put_len(&mut out, self.features.len());
        for feature in &self.features {
            out.extend_from_slice(&feature.code_un.to_bytes());
            out.extend_from_slice(&feature.code_de_facto.to_bytes());
            put_string(&mut out, &feature.name);
            put_len(&mut out, feature.lonlat_deg.0.len());
            for polygon in &feature.lonlat_deg.0 {
                put_len(&mut out, 1 + polygon.interiors().len());
                for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                    put_len(&mut out, ring.0.len());
                    for point in &ring.0 {
                        for degrees in [point.x, point.y] {
                            let units = (degrees * UNITS_PER_DEGREE).round() as i32;
                            out.extend_from_slice(&units.to_le_bytes());
                        }
                    }
                }
            }
        }
        let hash = fnv1a(&out);
        out.extend_from_slice(&hash.to_le_bytes());
        out
    }
}

fn put_len(out: &mut Vec<u8>, len: usize) {
    let len = u32::try_from(len).expect("asset counts fit in u32");
    out.extend_from_slice(&len.to_le_bytes());
}

fn put_string(out: &mut Vec<u8>, text: &str) {
    put_len(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

/// FNV-1a, 64 bit: a few lines that catch truncation and bit rot; not a security hash.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, expected: &str) -> String {
        format!("at byte {}: {expected}", self.at)
    }

    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self.at.checked_add(n).filter(|&end| end <= self.bytes.len());
        let Some(end) = end else {
            return Err(self.error(&format!("expected {n} more bytes, found the end of the data")));
        };
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("took 4")))
    }

    fn i32(&mut self) -> Result<i32, String> {
        Ok(i32::from_le_bytes(self.take(4)?.try_into().expect("took 4")))
    }

    /// A count of items that each take at least `min_item_bytes`, refused when the
    /// bytes left could not hold that many: this bounds every allocation by the file size.
    fn count(&mut self, min_item_bytes: usize) -> Result<usize, String> {
        let count = self.u32()? as usize;
        let left = self.bytes.len() - self.at;
        if count.saturating_mul(min_item_bytes) > left {
            return Err(self.error(&format!("a count of {count} items, but only {left} bytes are left")));
        }
        Ok(count)
    }

    fn string(&mut self) -> Result<String, String> {
        let len = self.count(1)?;
        let at = self.at;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| format!("at byte {at}: expected UTF-8 text"))
    }

    fn code(&mut self) -> Result<CountryCode, String> {
        let at = self.at;
        let bytes: [u8; 3] = self.take(3)?.try_into().expect("took 3");
        CountryCode::from_bytes(bytes).map_err(|e| format!("at byte {at}: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    fn sample() -> ShapeSet {
        let square = polygon![(x: 10.0, y: 50.0), (x: 11.0, y: 50.0), (x: 11.0, y: 51.0), (x: 10.0, y: 50.0)];
        ShapeSet {
            source: "test".into(),
            features: vec![ShapeFeature {
                code_un: "UKR".parse().unwrap(),
                code_de_facto: "RUS".parse().unwrap(),
                name: "Crimea".into(),
                lonlat_deg: MultiPolygon(vec![square]),
            }],
        }
    }

    #[test]
    fn a_shape_set_survives_encode_and_decode() {
        let set = sample();
        assert_eq!(ShapeSet::decode(&set.encode()).unwrap(), set);
    }

    #[test]
    fn a_flipped_byte_is_reported_as_damage() {
        let mut bytes = sample().encode();
        bytes[20] ^= 0x40;
        let error = ShapeSet::decode(&bytes).unwrap_err();
        assert!(error.contains("checksum mismatch"), "{error}");
    }

    #[test]
    fn a_truncated_file_is_reported_not_panicked_on() {
        let bytes = sample().encode();
        for len in 0..bytes.len() {
            assert!(ShapeSet::decode(&bytes[..len]).is_err());
        }
    }

    #[test]
    fn a_huge_count_with_a_valid_checksum_is_refused_without_allocating() {
        let mut body = Vec::new();
        body.extend_from_slice(MAGIC);
        body.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        put_string(&mut body, "x");
        body.extend_from_slice(&u32::MAX.to_le_bytes());
        let hash = fnv1a(&body);
        body.extend_from_slice(&hash.to_le_bytes());
        let error = ShapeSet::decode(&body).unwrap_err();
        assert!(error.contains("items, but only"), "{error}");
    }
}
