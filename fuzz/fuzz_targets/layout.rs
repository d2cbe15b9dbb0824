//! Fuzzes the layout loader: any bytes, as a user's file, must give a layout or a
//! list of located problems, never a panic, a hang or unbounded memory.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use alliance_map::io::DataDir;
use alliance_map::io::ron_text::text_from_bytes;
use alliance_map::workspace::{MapData, parse_layout};
use libfuzzer_sys::fuzz_target;

fn data() -> &'static MapData {
    static DATA: OnceLock<MapData> = OnceLock::new();
    DATA.get_or_init(|| MapData::load(&DataDir::resolve(None)).expect("the built-in data loads"))
}

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.ron");
    if let Ok(text) = text_from_bytes(path, bytes.to_vec()) {
        let _ = parse_layout(path, &text, &data().atlas, &data().iso);
    }
});
