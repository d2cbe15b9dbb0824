//! File → Screenshot of the window: eframe reads the rendered pixels, and the
//! picture is saved beside the layout file (or in the working folder).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::super::jobs::Job;

/// A screenshot on its way, and what became of the last one.
#[derive(Default)]
pub struct Screenshot {
    job: Option<Job<Arc<egui::ColorImage>>>,
    /// Where the last screenshot went, or why it failed.
    status: Option<String>,
}

impl Screenshot {
    /// Asks eframe for the pixels of the next frame.
    pub fn request(&mut self, ctx: &egui::Context) {
        let (job, done) = Job::pending(ctx);
        ctx.request_screenshot(move |image| done.finish(image));
        self.job = Some(job);
    }

    /// Saves a screenshot that arrived, and shows where it went.
    pub fn ui(&mut self, ctx: &egui::Context, layout_file: Option<&Path>) {
        if let Some(image) = Job::take_finished(&mut self.job) {
            let folder = layout_file.and_then(Path::parent).map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            let stamp = jiff::Timestamp::now().as_second();
            let path = folder.join(format!("alliance-map-window-{stamp}.png"));
            let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
            let result = crate::export::rgba_to_png(&rgba, image.size[0] as u32, image.size[1] as u32)
                .map_err(|e| e.to_string())
                .and_then(|bytes| crate::io::atomic::write_atomically(&path, &bytes).map_err(|e| e.to_string()));
            self.status = Some(match result {
                Ok(()) => format!("Screenshot saved to {}", path.display()),
                Err(e) => format!("Screenshot failed: {e}"),
            });
        }
        if let Some(status) = self.status.clone() {
            let mut open = true;
            egui::Window::new("Screenshot").open(&mut open).show(ctx, |ui| ui.label(status));
            if !open {
                self.status = None;
            }
        }
    }
}
