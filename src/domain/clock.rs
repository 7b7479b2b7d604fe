//! The one seam through which the app learns the time, so tests and the UI control it.

use std::cell::Cell;

use chrono::{DateTime, Utc};

/// Where "now" comes from.
pub trait Clock {
    fn now(&self) -> DateTime<Utc>;
}

/// The real time: `Date.now()` in the browser (chrono's `wasmbind`), the system clock on the host.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to, for tests.
#[derive(Debug)]
pub struct FixedClock(Cell<DateTime<Utc>>);

impl FixedClock {
    pub fn at(instant: DateTime<Utc>) -> Self {
        Self(Cell::new(instant))
    }

    pub fn advance(&self, by: chrono::Duration) {
        self.0.set(self.0.get() + by);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0.get()
    }
}
