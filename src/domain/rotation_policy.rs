//! The console-wide rotation policy: how old a client secret may get before it should be
//! replaced, and when an application counts as due or overdue for rotation.
//!
//! The warning window scales with the interval: 14 days ahead for long intervals, a tenth of
//! the interval for short ones (a 7-day policy warns 16.8 hours ahead, not after day 0).

use super::list_query::{RotationAlert, RotationRule};
use chrono::{DateTime, Duration, Utc};

/// The shortest and longest interval the policy accepts, in days.
pub const MIN_ROTATION_DAYS: u16 = 1;
pub const MAX_ROTATION_DAYS: u16 = 3650;
/// What a first visit starts with.
pub const DEFAULT_ROTATION_DAYS: u16 = 90;
/// The longest warning window: no policy warns more than two weeks ahead.
const LONGEST_WARNING: Duration = Duration::days(14);

/// How often secrets should be rotated, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RotationPolicy {
    NoPolicy,
    Every(RotationInterval),
}

impl Default for RotationPolicy {
    fn default() -> Self {
        RotationPolicy::Every(RotationInterval(DEFAULT_ROTATION_DAYS))
    }
}

/// A whole number of days between `MIN_ROTATION_DAYS` and `MAX_ROTATION_DAYS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RotationInterval(u16);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IntervalError {
    #[error("Enter the rotation interval in days.")]
    Empty,
    #[error("Enter a whole number of days, such as 90.")]
    NotWholeDays,
    #[error(
        "The rotation interval must be between {MIN_ROTATION_DAYS} and {MAX_ROTATION_DAYS} days."
    )]
    OutOfRange,
}

impl RotationInterval {
    pub fn days(days: u16) -> Result<Self, IntervalError> {
        if (MIN_ROTATION_DAYS..=MAX_ROTATION_DAYS).contains(&days) {
            Ok(Self(days))
        } else {
            Err(IntervalError::OutOfRange)
        }
    }

    /// Reads what a person typed: digits only (surrounding white space allowed), in range.
    pub fn parse(text: &str) -> Result<Self, IntervalError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(IntervalError::Empty);
        }
        if !text.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(IntervalError::NotWholeDays);
        }
        // Digits that overflow u16 are out of range, not malformed.
        text.parse::<u16>()
            .map_err(|_| IntervalError::OutOfRange)
            .and_then(Self::days)
    }

    pub fn in_days(self) -> u16 {
        self.0
    }

    pub fn duration(self) -> Duration {
        Duration::days(i64::from(self.0))
    }

    /// How long before the interval is reached a secret counts as due: 14 days, or a tenth of
    /// the interval when that is shorter.
    pub fn warning_window(self) -> Duration {
        (self.duration() / 10).min(LONGEST_WARNING)
    }
}

/// Where a current secret stands against the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RotationStatus {
    /// More than the warning window remains.
    NotDue { due_in: Duration },
    /// Less than the warning window remains before the secret reaches the interval's age.
    Due { due_in: Duration },
    /// The secret has reached the interval's age (exactly at it counts).
    Overdue { overdue_by: Duration },
}

impl RotationStatus {
    /// Whether the administrator should act: due or overdue.
    pub fn needs_rotation(self) -> bool {
        !matches!(self, RotationStatus::NotDue { .. })
    }
}

impl RotationPolicy {
    /// The status of a secret created at `created_at`; `None` without a policy.
    pub fn status(self, created_at: DateTime<Utc>, now: DateTime<Utc>) -> Option<RotationStatus> {
        let RotationPolicy::Every(interval) = self else {
            return None;
        };
        // The interval less the secret's age: one subtraction of instants and one of
        // durations, neither of which can overflow (an instant plus a duration can, for an
        // instant near the end of chrono's range). It runs for every application on each tick.
        let remaining = interval.duration() - (now - created_at);
        Some(if remaining <= Duration::zero() {
            RotationStatus::Overdue {
                overdue_by: -remaining,
            }
        } else if remaining < interval.warning_window() {
            RotationStatus::Due { due_in: remaining }
        } else {
            RotationStatus::NotDue { due_in: remaining }
        })
    }
}

/// The list's view of the policy: due and overdue secrets get a badge, the rest none.
impl RotationRule for RotationPolicy {
    fn alert(&self, secret_created_at: DateTime<Utc>, now: DateTime<Utc>) -> Option<RotationAlert> {
        match self.status(secret_created_at, now)? {
            RotationStatus::Due { .. } => Some(RotationAlert::Due),
            RotationStatus::Overdue { .. } => Some(RotationAlert::Overdue),
            RotationStatus::NotDue { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_list_badges_due_and_overdue_secrets_only() {
        let policy = RotationPolicy::Every(RotationInterval::days(90).unwrap());
        let rule: &dyn RotationRule = &policy;
        assert_eq!(rule.alert(created(), created() + Duration::days(10)), None);
        assert_eq!(
            rule.alert(created(), created() + Duration::days(85)),
            Some(RotationAlert::Due)
        );
        assert_eq!(
            rule.alert(created(), created() + Duration::days(90)),
            Some(RotationAlert::Overdue)
        );
        assert_eq!(
            RotationPolicy::NoPolicy.alert(created(), created() + Duration::days(900)),
            None
        );
    }

    fn created() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
    }

    fn every(days: u16) -> RotationPolicy {
        RotationPolicy::Every(RotationInterval::days(days).unwrap())
    }

    #[test]
    fn a_secret_exactly_the_intervals_age_is_overdue_by_nothing() {
        let now = created() + Duration::days(90);
        assert_eq!(
            every(90).status(created(), now),
            Some(RotationStatus::Overdue {
                overdue_by: Duration::zero()
            })
        );
    }

    #[test]
    fn a_secret_older_than_the_interval_is_overdue_by_the_difference() {
        let now = created() + Duration::days(100) + Duration::hours(3);
        assert_eq!(
            every(90).status(created(), now),
            Some(RotationStatus::Overdue {
                overdue_by: Duration::days(10) + Duration::hours(3)
            })
        );
    }

    #[test]
    fn one_millisecond_before_the_interval_the_secret_is_due_not_overdue() {
        let now = created() + Duration::days(90) - Duration::milliseconds(1);
        assert_eq!(
            every(90).status(created(), now),
            Some(RotationStatus::Due {
                due_in: Duration::milliseconds(1)
            })
        );
    }

    #[test]
    fn long_intervals_warn_fourteen_days_ahead() {
        // A tenth of 365 days is 36.5 days: 14 days is shorter, so it applies.
        let policy = every(365);
        let fourteen_days_left = created() + Duration::days(365 - 14);
        assert_eq!(
            policy.status(created(), fourteen_days_left),
            Some(RotationStatus::NotDue {
                due_in: Duration::days(14)
            })
        );
        let just_under = fourteen_days_left + Duration::milliseconds(1);
        assert!(matches!(
            policy.status(created(), just_under),
            Some(RotationStatus::Due { .. })
        ));
    }

    #[test]
    fn short_intervals_warn_a_tenth_of_the_interval_ahead() {
        // A tenth of 30 days is 3 days, shorter than 14 days.
        let policy = every(30);
        let three_days_left = created() + Duration::days(27);
        assert!(matches!(
            policy.status(created(), three_days_left),
            Some(RotationStatus::NotDue { .. })
        ));
        assert!(matches!(
            policy.status(created(), three_days_left + Duration::milliseconds(1)),
            Some(RotationStatus::Due { .. })
        ));
        assert!(matches!(
            policy.status(created(), created() + Duration::days(20)),
            Some(RotationStatus::NotDue { .. })
        ));
    }

    #[test]
    fn the_two_windows_meet_at_a_140_day_interval() {
        assert_eq!(
            RotationInterval::days(140).unwrap().warning_window(),
            Duration::days(14)
        );
        assert_eq!(
            RotationInterval::days(139).unwrap().warning_window(),
            Duration::hours(333) + Duration::minutes(36)
        );
        assert_eq!(
            RotationInterval::days(1).unwrap().warning_window(),
            Duration::minutes(144)
        );
    }

    #[test]
    fn without_a_policy_nothing_is_ever_due() {
        let ancient = created() + Duration::days(10_000);
        assert_eq!(RotationPolicy::NoPolicy.status(created(), ancient), None);
    }

    #[test]
    fn a_secret_stored_with_the_last_instant_chrono_knows_is_not_due_and_does_not_panic() {
        // `created_at + interval` would overflow here; the status is computed from the age.
        let status = every(90).status(DateTime::<Utc>::MAX_UTC, created());
        assert!(matches!(status, Some(RotationStatus::NotDue { .. })));
        let status = every(90).status(DateTime::<Utc>::MIN_UTC, created());
        assert!(matches!(status, Some(RotationStatus::Overdue { .. })));
    }

    #[test]
    fn the_default_policy_is_ninety_days() {
        assert_eq!(RotationPolicy::default(), every(90));
    }

    #[test]
    fn intervals_are_whole_days_from_1_to_3650() {
        assert_eq!(
            RotationInterval::parse(" 90 ").map(RotationInterval::in_days),
            Ok(90)
        );
        assert_eq!(
            RotationInterval::parse("1").map(RotationInterval::in_days),
            Ok(1)
        );
        assert_eq!(
            RotationInterval::parse("3650").map(RotationInterval::in_days),
            Ok(3650)
        );
        assert_eq!(RotationInterval::parse(""), Err(IntervalError::Empty));
        assert_eq!(RotationInterval::parse("   "), Err(IntervalError::Empty));
        for malformed in ["-1", "1.5", "1e3", "+5", "90 days", "٩٠"] {
            assert_eq!(
                RotationInterval::parse(malformed),
                Err(IntervalError::NotWholeDays),
                "{malformed}"
            );
        }
        for out_of_range in ["0", "3651", "65536", "99999999999999999999"] {
            assert_eq!(
                RotationInterval::parse(out_of_range),
                Err(IntervalError::OutOfRange),
                "{out_of_range}"
            );
        }
    }
}
