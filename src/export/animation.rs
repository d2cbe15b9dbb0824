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

/// What an animation comes out as.
pub enum AnimationBytes {
    /// One file (GIF or animated PNG).
    File(Vec<u8>),
    /// PNG files, one per frame, in order.
    Frames(Vec<Vec<u8>>),
}

/// What to draw: one scene per frame and the plan's captions and delays.
pub struct AnimationJob<'a> {
    /// The scene of each frame, in order.
    pub scenes: &'a [std::sync::Arc<crate::scene::Scene>],
    /// The plan (captions and delays).
    pub plan: &'a crate::scene::animation::AnimationPlan,
    /// The title every frame carries.
    pub title: &'a str,
    /// Where the map looks.
    pub view: &'a crate::model::View,
    /// The shipped font.
    pub fonts: &'a super::Fonts,
    /// Frame size in pixels.
    pub size: (u32, u32),
    /// GIF, animated PNG or frames.
    pub format: AnimationFormat,
}

/// Draws every frame on both cores (GIF frames are quantised there too), calling
/// `progress` after each, and encodes the result. Stops early with an error when
/// `cancelled` is set.
pub fn render_animation(
    job: &AnimationJob<'_>,
    progress: &(dyn Fn() + Sync),
    cancelled: &std::sync::atomic::AtomicBool,
) -> Result<AnimationBytes, ExportError> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let (width, height) = job.size;
    super::check_size(width, height)?;
    let gif_side = |side: u32| {
        u16::try_from(side).map_err(|_| encode_error(format!("a GIF side is at most 65535 pixels, not {side}")))
    };
    let gif_size = match job.format {
        AnimationFormat::Gif => Some((gif_side(width)?, gif_side(height)?)),
        _ => None,
    };
    let count = job.scenes.len().min(job.plan.captions.len());
    let next = AtomicUsize::new(0);
    let draw = |index: usize| -> Result<Drawn, ExportError> {
        let text = super::BriefingText { title: job.title.to_owned(), subtitle: job.plan.captions[index].clone() };
        let picture =
            // History frames show the map, not one country's pledges: no highlight.
            super::Picture {
                scene: &job.scenes[index],
                text: &text,
                view: job.view,
                fonts: job.fonts,
                width,
                height,
                highlight: None,
            };
        let (_, rgba) = picture.rgba(1.0)?;
        Ok(match (gif_size, job.format) {
            (Some((w, h)), _) => Drawn::Gif(gif_frame(rgba, w, h, job.plan.delays_cs[index])),
            (None, AnimationFormat::Frames) => Drawn::Png(super::rgba_to_png(&rgba, width, height)?),
            (None, _) => Drawn::Rgba(rgba),
        })
    };
    let mut drawn: Vec<Option<Drawn>> = (0..count).map(|_| None).collect();
    let results: Vec<Result<Vec<(usize, Drawn)>, ExportError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        if cancelled.load(Ordering::Relaxed) {
                            return Err(ExportError::Cancelled);
                        }
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        if index >= count {
                            return Ok(done);
                        }
                        done.push((index, draw(index)?));
                        progress();
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|_| Err(ExportError::Render("a worker died".into()))))
            .collect()
    });
    for result in results {
        for (index, frame) in result? {
            drawn[index] = Some(frame);
        }
    }
    let drawn = drawn.into_iter().flatten();
    match job.format {
        AnimationFormat::Gif => {
            let frames: Vec<gif::Frame<'static>> =
                drawn.filter_map(|d| if let Drawn::Gif(f) = d { Some(f) } else { None }).collect();
            let (w, h) = gif_size.unwrap_or_default();
            Ok(AnimationBytes::File(encode_gif(&frames, w, h)?))
        }
        AnimationFormat::Apng => {
            let frames: Vec<Vec<u8>> =
                drawn.filter_map(|d| if let Drawn::Rgba(f) = d { Some(f) } else { None }).collect();
            Ok(AnimationBytes::File(encode_apng(&frames, width, height, &job.plan.delays_cs)?))
        }
        AnimationFormat::Frames => Ok(AnimationBytes::Frames(
            drawn.filter_map(|d| if let Drawn::Png(f) = d { Some(f) } else { None }).collect(),
        )),
    }
}

/// One frame as a worker leaves it.
enum Drawn {
    Gif(gif::Frame<'static>),
    Rgba(Vec<u8>),
    Png(Vec<u8>),
}

/// Writes the animation: one file atomically, or the frames into a folder.
pub fn write_animation(path: &Path, bytes: &AnimationBytes) -> Result<(), ExportError> {
    let write = |target: &Path, data: &[u8]| {
        crate::io::atomic::write_atomically(target, data)
            .map_err(|source| ExportError::Write { path: target.to_path_buf(), source })
    };
    match bytes {
        AnimationBytes::File(data) => write(path, data),
        AnimationBytes::Frames(frames) => {
            std::fs::create_dir_all(path).map_err(|source| ExportError::Write { path: path.to_path_buf(), source })?;
            frames.iter().enumerate().try_for_each(|(index, png)| write(&frame_path(path, index), png))
        }
    }
}
