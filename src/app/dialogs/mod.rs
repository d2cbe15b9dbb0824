//! Windows that come and go over the map: the document's prompts and problems,
//! the native file dialogs, export, help, About and screenshots.

pub mod about;
pub mod animation;
pub mod document;
pub mod export;
pub mod file_dialogs;
pub mod help;
pub mod screenshot;
pub mod user_layers;
