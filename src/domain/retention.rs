//! How long a replaced secret stays valid: the five choices of the Generate New Secret dialog,
//! and the validation of a custom duration typed by the user.

use chrono::Duration;

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

/// A validated retention: what `Application::rotate_secret` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retention {
    /// Keep the old secret valid for this long (between one hour and thirty days).
    RetainFor(Duration),
    /// The old secret expires the moment the new one is created.
    DoNotRetain,
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
            RetentionChoice::OneDay => Ok(Retention::RetainFor(Duration::days(1))),
            RetentionChoice::SevenDays => Ok(Retention::RetainFor(Duration::days(7))),
            RetentionChoice::ThirtyDays => Ok(Retention::RetainFor(Duration::days(30))),
            RetentionChoice::Custom => {
                parse_custom_duration(custom_amount, unit).map(Retention::RetainFor)
            }
            RetentionChoice::DoNotRetain => Ok(Retention::DoNotRetain),
        }
    }
}

/// Accepts only plain ASCII digits: anything a browser's number field might still hand over
/// ("1e3", "-2", "1.5", " 7") is refused rather than guessed at.
fn parse_custom_duration(text: &str, unit: DurationUnit) -> Result<Duration, RetentionError> {
    if text.is_empty() {
        return Err(RetentionError::Empty);
    }
    if !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(RetentionError::NotAWholeNumber);
    }
    let significant = text.trim_start_matches('0');
    if significant.is_empty() {
        return Err(RetentionError::Zero);
    }
    // More digits than the limit has cannot be within it; this also keeps the parse from overflowing.
    let amount: u32 = match significant.parse() {
        Ok(amount) if significant.len() <= 4 => amount,
        _ => return Err(RetentionError::TooLong),
    };
    let (limit, duration) = match unit {
        DurationUnit::Days => (MAX_RETENTION_DAYS, Duration::days(i64::from(amount))),
        DurationUnit::Hours => (MAX_RETENTION_HOURS, Duration::hours(i64::from(amount))),
    };
    if amount > limit {
        return Err(RetentionError::TooLong);
    }
    Ok(duration)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn custom(text: &str, unit: DurationUnit) -> Result<Retention, RetentionError> {
        RetentionChoice::Custom.resolve(text, unit)
    }

    #[test]
    fn fixed_choices_have_their_documented_durations() {
        let resolve = |choice: RetentionChoice| choice.resolve("", DurationUnit::Days);
        assert_eq!(
            resolve(RetentionChoice::OneDay),
            Ok(Retention::RetainFor(Duration::hours(24)))
        );
        assert_eq!(
            resolve(RetentionChoice::SevenDays),
            Ok(Retention::RetainFor(Duration::days(7)))
        );
        assert_eq!(
            resolve(RetentionChoice::ThirtyDays),
            Ok(Retention::RetainFor(Duration::days(30)))
        );
        assert_eq!(
            resolve(RetentionChoice::DoNotRetain),
            Ok(Retention::DoNotRetain)
        );
    }

    #[test]
    fn custom_thirty_days_and_720_hours_are_the_maximum_accepted() {
        assert_eq!(
            custom("30", DurationUnit::Days),
            Ok(Retention::RetainFor(Duration::days(30)))
        );
        assert_eq!(
            custom("720", DurationUnit::Hours),
            Ok(Retention::RetainFor(Duration::days(30)))
        );
        assert_eq!(
            custom("14", DurationUnit::Days),
            Ok(Retention::RetainFor(Duration::days(14)))
        );
        assert_eq!(
            custom("1", DurationUnit::Hours),
            Ok(Retention::RetainFor(Duration::hours(1)))
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
            custom("0007", DurationUnit::Days),
            Ok(Retention::RetainFor(Duration::days(7)))
        );
    }
}
