//! Fuzzes the organisation loader that reads user layers (files from colleagues and
//! downloads, so untrusted): any bytes must give an organisation or a list of
//! located problems, never a panic, a hang or unbounded memory. A parsed
//! organisation is also queried, inspected and checked against the shipped ones,
//! as the program would.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use alliance_map::analysis::{Atlas, commitments_of, tensions_of};
use alliance_map::io::DataDir;
use alliance_map::io::ron_text::text_from_bytes;
use alliance_map::workspace::{MapData, parse_organisation};
use libfuzzer_sys::fuzz_target;

fn data() -> &'static MapData {
    static DATA: OnceLock<MapData> = OnceLock::new();
    DATA.get_or_init(|| MapData::load(&DataDir::resolve(None)).expect("the built-in data loads"))
}

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.ron");
    let Ok(text) = text_from_bytes(path, bytes.to_vec()) else { return };
    let Ok(org) = parse_organisation(path, &text, &data().iso) else { return };
    let days: Vec<_> = org.change_days();
    let mut atlas: Atlas = data().atlas.clone();
    atlas.organisations.push(org.clone());
    for day in days.iter().take(8) {
        let _ = org.statuses_on(*day);
        for record in org.countries.iter().take(4) {
            let _ = commitments_of(&atlas, record.iso3, *day);
            let _ = tensions_of(&atlas, record.iso3, *day);
        }
    }
});
