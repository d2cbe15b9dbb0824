//! What day it is. The default date of a new layout and of every command without
//! `--date` is "today (UTC)"; tests fix the day so their answers do not change at
//! midnight.

use crate::model::Date;

/// Where "today" comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Clock {
    /// The system clock, in UTC.
    #[default]
    System,
    /// Always this day (tests, reproducible runs).
    Fixed(Date),
}

impl Clock {
    /// Today's date in UTC, or the fixed day.
    pub fn today(self) -> Date {
        match self {
            Self::System => jiff::tz::TimeZone::UTC.to_datetime(jiff::Timestamp::now()).date(),
            Self::Fixed(day) => day,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_always_gives_its_day() {
        let day = Date::constant(2024, 2, 29);
        assert_eq!(Clock::Fixed(day).today(), day);
    }

    #[test]
    fn the_system_clock_gives_a_day_after_this_code_was_written() {
        assert!(Clock::System.today() >= Date::constant(2026, 1, 1));
    }
}
