//! Input and output at the edges: reading the built-in and shipped assets, the
//! user's own layer files, and the RON files
//! people write. Every error names the file, the line and column where it can,
//! and what was expected; nothing here panics on bad bytes.

pub mod assets;
pub mod atomic;
pub mod iso_table;
pub mod layouts;
pub mod organisations;
pub mod problems;
pub mod ron_spans;
pub mod ron_text;
pub mod ron_tokens;
pub mod shapes;
pub mod shipped;
pub mod user_paths;

pub use assets::{AssetError, DataDir};
pub use problems::{Problem, Problems};
