//! How long a replaced secret stays valid: the five choices of the Generate New Secret dialog,
//! and the validation of a custom duration typed by the user.

use chrono::{DateTime, Duration, Utc};

/// The longest a previous secret may be retained.
pub const MAX_RETENTION_DAYS: u32 = 30;
pub const MAX_RETENTION_HOURS: u32 = MAX_RETENTION_DAYS * 24;

/// The option picked in the Retain Previous Secret group, before validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetentionChoice {
    OneDay,
    SevenDays,
    ThirtyDays,
    Custom,
    DoNotRetain,
}

/// The unit of a custom duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DurationUnit {
    #[default]
    Days,
    Hours,
}

impl DurationUnit {
    /// The largest custom amount in this unit: 30 days, or 720 hours.
    pub fn limit(self) -> u32 {
        match self {
            DurationUnit::Days => MAX_RETENTION_DAYS,
            DurationUnit::Hours => MAX_RETENTION_HOURS,
        }
    }
}

/// A validated retention: what `Application::rotate_secret` accepts. It remembers how it was
/// chosen (a preset or a custom amount in days or hours), so the activity log can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retention {
    OneDay,
    SevenDays,
    ThirtyDays,
    /// A custom duration between one hour and thirty days.
    Custom(CustomRetention),
    /// The old secret expires the moment the new one is created.
    DoNotRetain,
}

impl Retention {
    /// How long the old secret stays valid; `None` when it is not retained.
    pub fn duration(self) -> Option<Duration> {
        match self {
            Retention::OneDay => Some(Duration::days(1)),
            Retention::SevenDays => Some(Duration::days(7)),
            Retention::ThirtyDays => Some(Duration::days(30)),
            Retention::Custom(custom) => Some(custom.duration()),
            Retention::DoNotRetain => None,
        }
    }

    /// Until when the secret a rotation at `rotated_at` replaces stays valid as the previous
    /// secret; `None` when it stops working at once.
    pub fn previous_expires_at(self, rotated_at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.duration().map(|duration| rotated_at + duration)
    }
}

/// A custom retention the user typed, already validated: a positive whole number of days (at
/// most 30) or hours (at most 720).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CustomRetention {
    amount: u32,
    unit: DurationUnit,
}

impl CustomRetention {
    pub fn new(amount: u32, unit: DurationUnit) -> Result<Self, RetentionError> {
        match amount {
            0 => Err(RetentionError::Zero),
            amount if amount > unit.limit() => Err(RetentionError::TooLong),
            amount => Ok(Self { amount, unit }),
        }
    }

    pub fn amount(self) -> u32 {
        self.amount
    }

    pub fn unit(self) -> DurationUnit {
        self.unit
    }

    pub fn duration(self) -> Duration {
        match self.unit {
            DurationUnit::Days => Duration::days(i64::from(self.amount)),
            DurationUnit::Hours => Duration::hours(i64::from(self.amount)),
        }
    }
}

/// Why a custom duration cannot be used; the message tells the user what to type instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RetentionError {
    #[error("Enter how long to retain the previous secret.")]
    Empty,
    #[error("Enter a whole number using digits only (no sign, decimal point, exponent or spaces).")]
    NotAWholeNumber,
    #[error("The duration must be at least 1 hour.")]
    Zero,
    #[error("The previous secret can be retained for at most 30 days (720 hours).")]
    TooLong,
}

impl RetentionChoice {
    pub const ALL: [RetentionChoice; 5] = [
        RetentionChoice::OneDay,
        RetentionChoice::SevenDays,
        RetentionChoice::ThirtyDays,
        RetentionChoice::Custom,
        RetentionChoice::DoNotRetain,
    ];

    /// Resolves the choice; `custom_amount` and `unit` only matter for `Custom`.
    pub fn resolve(
        self,
        custom_amount: &str,
        unit: DurationUnit,
    ) -> Result<Retention, RetentionError> {
        match self {
            RetentionChoice::OneDay => Ok(Retention::OneDay),
            RetentionChoice::SevenDays => Ok(Retention::SevenDays),
            RetentionChoice::ThirtyDays => Ok(Retention::ThirtyDays),
            RetentionChoice::Custom => {
                parse_custom_duration(custom_amount, unit).map(Retention::Custom)
            }
            RetentionChoice::DoNotRetain => Ok(Retention::DoNotRetain),
        }
    }
}

/// Accepts only plain ASCII digits: anything a browser's number field might still hand over
/// ("1e3", "-2", "1.5", " 7") is refused rather than guessed at.
fn parse_custom_duration(
    text: &str,
    unit: DurationUnit,
) -> Result<CustomRetention, RetentionError> {
    if text.is_empty() {
        return Err(RetentionError::Empty);
    }
    if !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(RetentionError::NotAWholeNumber);
    }
    let significant = text.trim_start_matches('0');
    // More digits than the limit has cannot be within it; this also keeps the parse from overflowing.
    let amount: u32 = match significant.parse() {
        Ok(amount) if significant.len() <= 4 => amount,
        _ if significant.is_empty() => 0,
        _ => return Err(RetentionError::TooLong),
    };
    CustomRetention::new(amount, unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn custom(text: &str, unit: DurationUnit) -> Result<Retention, RetentionError> {
        RetentionChoice::Custom.resolve(text, unit)
    }

    fn custom_duration(text: &str, unit: DurationUnit) -> Option<Duration> {
        custom(text, unit).ok().and_then(Retention::duration)
    }

    #[test]
    fn fixed_choices_have_their_documented_durations() {
        let resolve = |choice: RetentionChoice| choice.resolve("", DurationUnit::Days).unwrap();
        assert_eq!(
            resolve(RetentionChoice::OneDay).duration(),
            Some(Duration::hours(24))
        );
        assert_eq!(
            resolve(RetentionChoice::SevenDays).duration(),
            Some(Duration::days(7))
        );
        assert_eq!(
            resolve(RetentionChoice::ThirtyDays).duration(),
            Some(Duration::days(30))
        );
        assert_eq!(resolve(RetentionChoice::DoNotRetain).duration(), None);
    }

    #[test]
    fn the_previous_secret_expires_the_retention_after_the_rotation_or_at_once() {
        let rotated_at = DateTime::parse_from_rfc3339("2026-12-01T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let expiry = |choice: RetentionChoice, amount: &str, unit: DurationUnit| {
            choice
                .resolve(amount, unit)
                .unwrap()
                .previous_expires_at(rotated_at)
                .map(|expires_at| expires_at.to_rfc3339())
        };
        let days = DurationUnit::Days;
        assert_eq!(
            expiry(RetentionChoice::OneDay, "", days).as_deref(),
            Some("2026-12-02T09:00:00+00:00")
        );
        assert_eq!(
            expiry(RetentionChoice::Custom, "14", days).as_deref(),
            Some("2026-12-15T09:00:00+00:00")
        );
        assert_eq!(
            expiry(RetentionChoice::Custom, "36", DurationUnit::Hours).as_deref(),
            Some("2026-12-02T21:00:00+00:00")
        );
        assert_eq!(expiry(RetentionChoice::DoNotRetain, "", days), None);
    }

    #[test]
    fn each_unit_has_its_own_limit_of_thirty_days() {
        assert_eq!(DurationUnit::Days.limit(), 30);
        assert_eq!(DurationUnit::Hours.limit(), 720);
    }

    #[test]
    fn custom_thirty_days_and_720_hours_are_the_maximum_accepted() {
        assert_eq!(
            custom_duration("30", DurationUnit::Days),
            Some(Duration::days(30))
        );
        assert_eq!(
            custom_duration("720", DurationUnit::Hours),
            Some(Duration::days(30))
        );
        assert_eq!(
            custom_duration("14", DurationUnit::Days),
            Some(Duration::days(14))
        );
        assert_eq!(
            custom_duration("1", DurationUnit::Hours),
            Some(Duration::hours(1))
        );
    }

    #[test]
    fn a_custom_retention_remembers_its_amount_and_unit() {
        let Ok(Retention::Custom(custom)) = custom("0036", DurationUnit::Hours) else {
            panic!("36 hours is a valid custom retention");
        };
        assert_eq!((custom.amount(), custom.unit()), (36, DurationUnit::Hours));
        assert_ne!(
            RetentionChoice::Custom.resolve("7", DurationUnit::Days),
            Ok(Retention::SevenDays),
            "a custom 7 days is recorded as custom, though it lasts as long"
        );
    }

    #[test]
    fn custom_thirty_days_and_one_hour_is_rejected() {
        assert_eq!(
            custom("721", DurationUnit::Hours),
            Err(RetentionError::TooLong)
        );
        assert_eq!(
            custom("31", DurationUnit::Days),
            Err(RetentionError::TooLong)
        );
    }

    #[test]
    fn custom_text_that_is_not_plain_digits_is_rejected() {
        for text in [
            "-3", "+3", "1.5", "1e3", " 7", "7 ", "seven", "0x10", "7d", "٣",
        ] {
            assert_eq!(
                custom(text, DurationUnit::Days),
                Err(RetentionError::NotAWholeNumber),
                "{text:?}"
            );
        }
    }

    #[test]
    fn custom_empty_and_zero_are_rejected() {
        assert_eq!(custom("", DurationUnit::Days), Err(RetentionError::Empty));
        assert_eq!(custom("0", DurationUnit::Hours), Err(RetentionError::Zero));
        assert_eq!(custom("000", DurationUnit::Days), Err(RetentionError::Zero));
    }

    #[test]
    fn huge_custom_values_are_rejected_without_overflow() {
        for text in ["99999", "4294967296", "99999999999999999999999999999999"] {
            assert_eq!(
                custom(text, DurationUnit::Hours),
                Err(RetentionError::TooLong),
                "{text}"
            );
        }
        assert_eq!(
            custom_duration("0007", DurationUnit::Days),
            Some(Duration::days(7))
        );
    }
}
