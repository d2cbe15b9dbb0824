//! Animations: frames of the same briefing picture on successive days, encoded
//! as an animated GIF, an animated PNG, or numbered PNG files for video editors.

use std::path::{Path, PathBuf};

use super::ExportError;

/// What kind of animation file to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnimationFormat {
    /// An animated GIF (plays everywhere; 256 colours per frame).
    Gif,
    /// An animated PNG (full colour).
    Apng,
    /// A folder of `frame-0001.png`, ... for video editors.
    Frames,
}

impl AnimationFormat {
    /// The format for an output path: `.gif`, `.png`, or a folder (ends in `/` or exists as one).
    pub fn from_path(path: &Path) -> Option<Self> {
        let text = path.to_string_lossy();
        if text.ends_with('/') || path.is_dir() {
            return Some(Self::Frames);
        }
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "gif" => Some(Self::Gif),
            "png" | "apng" => Some(Self::Apng),
            _ => None,
        }
    }
}

fn encode_error(message: impl std::fmt::Display) -> ExportError {
    ExportError::Encode(message.to_string())
}

/// Quantises one RGBA frame to a GIF frame (NeuQuant at a fast setting). Done on
/// the worker threads, so both cores share the slow part.
pub fn gif_frame(mut rgba: Vec<u8>, width: u16, height: u16, delay_cs: u16) -> gif::Frame<'static> {
    let mut frame = gif::Frame::from_rgba_speed(width, height, &mut rgba, 10);
    frame.delay = delay_cs;
    frame
}

/// Writes quantised frames as a looping GIF.
pub fn encode_gif(frames: &[gif::Frame<'static>], width: u16, height: u16) -> Result<Vec<u8>, ExportError> {
    let mut bytes = Vec::new();
    {
        let mut encoder = gif::Encoder::new(&mut bytes, width, height, &[]).map_err(encode_error)?;
        encoder.set_repeat(gif::Repeat::Infinite).map_err(encode_error)?;
        for frame in frames {
            encoder.write_frame(frame).map_err(encode_error)?;
        }
    }
    Ok(bytes)
}

/// Writes RGBA frames as a looping animated PNG; `delays_cs` in hundredths of a second.
pub fn encode_apng(frames: &[Vec<u8>], width: u32, height: u32, delays_cs: &[u16]) -> Result<Vec<u8>, ExportError> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        encoder.set_animated(frames.len() as u32, 0).map_err(encode_error)?;
        let mut writer = encoder.write_header().map_err(encode_error)?;
        for (frame, delay) in frames.iter().zip(delays_cs) {
            writer.set_frame_delay(*delay, 100).map_err(encode_error)?;
            writer.write_image_data(frame).map_err(encode_error)?;
        }
        writer.finish().map_err(encode_error)?;
    }
    Ok(bytes)
}

/// The file of frame `index` (from 0) in a frames folder: `frame-0001.png`, ...
pub fn frame_path(folder: &Path, index: usize) -> PathBuf {
    folder.join(format!("frame-{:04}.png", index + 1))
}
