//! The plan of an animation: which days become frames, what each frame's caption
//! says, and how long each is held. Shared by `alliance-map animate` and the
//! window's *Export animation…*, so both make the same frames.

use crate::analysis::{Atlas, change_days_between};
use crate::model::{CountryCode, Date, Layout};

use super::{ShownLayer, change_caption, drawn_changes};

/// How frames step through time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FrameStep {
    /// One frame per day on which something drawn changes.
    #[default]
    Change,
    /// One frame per 1 January.
    Year,
    /// One frame per first of the month.
    Month,
}

impl FrameStep {
    /// Frames a second when none is asked for: changes are held long enough to read.
    pub fn default_fps(self) -> f32 {
        match self {
            Self::Change => 0.5,
            Self::Year | Self::Month => 4.0,
        }
    }
}

/// The most frames one animation may have: beyond this, a coarser step is wanted.
pub const MAX_FRAMES: usize = 1000;
/// The earliest day worth animating: before NATO's founding year nothing is drawn.
pub const EARLIEST: Date = Date::constant(1949, 1, 1);

/// Why an animation cannot be planned. `Usage` errors are the request's fault
/// (exit status 2); `TooManyFrames` asks for a coarser request (1).
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum PlanError {
    /// A range, or frames a second, that makes no sense.
    #[error("{0}")]
    Usage(String),
    /// More frames than an animation may have.
    #[error("{0} frames or more from {1} to {2}; at most {MAX_FRAMES}: choose a shorter range or a coarser step")]
    TooManyFrames(usize, Date, Date),
}

/// The frames to make.
#[derive(Clone, Debug, PartialEq)]
pub struct AnimationPlan {
    /// The day of each frame.
    pub days: Vec<Date>,
    /// Each frame's caption: "2004-03-29: … join NATO", or just the day.
    pub captions: Vec<String>,
    /// How long each frame is shown, in hundredths of a second (the last three times as long).
    pub delays_cs: Vec<u16>,
}

/// Plans the frames of `layout` from `from` to `to`, checking the request first.
pub fn plan_animation(
    layout: &Layout,
    atlas: &Atlas,
    name_of: impl Fn(CountryCode) -> String,
    (from, to): (Date, Date),
    step: FrameStep,
    fps: Option<f32>,
) -> Result<AnimationPlan, PlanError> {
    if from > to {
        return Err(PlanError::Usage(format!("the first day {from} is after the last day {to}")));
    }
    if from < EARLIEST {
        return Err(PlanError::Usage(format!("the first day {from} is before {EARLIEST}; the data starts in 1949")));
    }
    let fps = fps.unwrap_or(step.default_fps());
    if !(0.1..=50.0).contains(&fps) {
        return Err(PlanError::Usage(format!("{fps} frames a second is out of range; expected 0.1 to 50")));
    }
    let shown: Vec<ShownLayer<'_>> =
        layout.layers.iter().filter(|l| l.visible).filter_map(|l| atlas.find(&l.org).map(|org| (org, l))).collect();
    let mut days = vec![from];
    match step {
        FrameStep::Change => days.extend(
            change_days_between(shown.iter().map(|(org, _)| *org), from, to)
                .into_iter()
                .filter(|&day| !drawn_changes(&shown, &layout.statuses, day).is_empty()),
        ),
        FrameStep::Year | FrameStep::Month => {
            let yearly = step == FrameStep::Year;
            let mut day = Date::new(from.year(), if yearly { 1 } else { from.month() }, 1).unwrap_or(from);
            let span = if yearly { jiff::Span::new().years(1) } else { jiff::Span::new().months(1) };
            while let Ok(next) = day.checked_add(span) {
                if next > to || days.len() > MAX_FRAMES {
                    break;
                }
                days.push(next);
                day = next;
            }
        }
    }
    if days.len() > MAX_FRAMES {
        return Err(PlanError::TooManyFrames(days.len(), from, to));
    }
    let captions = days
        .iter()
        .map(|&day| change_caption(&shown, &layout.statuses, day, &name_of).unwrap_or_else(|| day.to_string()))
        .collect();
    let delay = (100.0 / fps).round().clamp(2.0, 65535.0) as u16;
    let delays_cs =
        (0..days.len()).map(|i| if i + 1 == days.len() { delay.saturating_mul(3) } else { delay }).collect();
    Ok(AnimationPlan { days, captions, delays_cs })
}
