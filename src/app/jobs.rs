//! One way to run work off the UI thread: the map's picture, exports, the export
//! preview, copying a picture and window screenshots all start a [`Job`] and
//! collect its result once per frame. The worker wakes the UI when it finishes, so nobody polls on a timer.

use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// Work running elsewhere whose result the window collects.
pub struct Job<T> {
    result: Receiver<T>,
}

/// The sending half of a [`Job`]: whoever finishes the work calls [`Self::finish`].
pub struct JobDone<T> {
    result: Sender<T>,
    ctx: egui::Context,
}

impl<T> JobDone<T> {
    /// Hands over the result and wakes the UI to collect it.
    pub fn finish(self, value: T) {
        // The window may have dropped the job (a newer preview replaced it): fine.
        let _ = self.result.send(value);
        self.ctx.request_repaint();
    }
}

impl<T: Send + 'static> Job<T> {
    /// A job and the handle that finishes it, for work started by someone else
    /// (eframe's screenshot callback).
    pub fn pending(ctx: &egui::Context) -> (Self, JobDone<T>) {
        let (tx, rx) = channel();
        (Self { result: rx }, JobDone { result: tx, ctx: ctx.clone() })
    }

    /// Runs `work` on a new thread.
    pub fn spawn(ctx: &egui::Context, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (job, done) = Self::pending(ctx);
        std::thread::spawn(move || done.finish(work()));
        job
    }

    /// Waits for the result: for a frame that has nothing else to show.
    pub fn wait(slot: &mut Option<Self>) -> Option<T> {
        slot.take()?.result.recv().ok()
    }

    /// The result, once: a finished job leaves `slot` empty. A job whose worker
    /// died without a result is dropped too.
    pub fn take_finished(slot: &mut Option<Self>) -> Option<T> {
        let outcome = slot.as_ref()?.result.try_recv();
        match outcome {
            Ok(value) => {
                *slot = None;
                Some(value)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                *slot = None;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_job_gives_its_result_once() {
        let ctx = egui::Context::default();
        let mut slot = Some(Job::spawn(&ctx, || 6 * 7));
        let mut result = None;
        for _ in 0..1000 {
            result = Job::take_finished(&mut slot);
            if result.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert_eq!(result, Some(42));
        assert!(slot.is_none());
        assert_eq!(Job::take_finished(&mut slot), None);
    }

    #[test]
    fn a_job_whose_worker_gave_up_is_dropped() {
        let ctx = egui::Context::default();
        let (job, done) = Job::<u8>::pending(&ctx);
        drop(done);
        let mut slot = Some(job);
        assert_eq!(Job::take_finished(&mut slot), None);
        assert!(slot.is_none());
    }
}
