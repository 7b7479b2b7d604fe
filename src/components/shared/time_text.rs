//! Times as people read them: local date and time, and how long remains until an expiry
//! (rounded as a person would say it, so a fresh 7-day retention reads "in 7 days").

use chrono::{DateTime, Duration, Utc};
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::domain::RotationOutcome;

thread_local! {
    /// One formatter for the page: building one per call costs about as much as formatting.
    static LOCAL_FORMAT: Function = local_format(false);
    /// The same to the second, for the activity log.
    static LOCAL_FORMAT_SECONDS: Function = local_format(true);
}

/// "Nov 30, 2026, 02:05 PM UTC" in the reader's own language, time zone and clock convention,
/// by the browser's Intl (which also keeps chrono's formatting code out of the bundle).
pub fn local_date_time(instant: DateTime<Utc>) -> String {
    format_with(&LOCAL_FORMAT, instant)
}

/// "Nov 30, 2026, 02:05:09 PM UTC": as `local_date_time`, to the second, where the order of
/// events a second apart matters (the activity log).
pub fn local_date_time_to_the_second(instant: DateTime<Utc>) -> String {
    format_with(&LOCAL_FORMAT_SECONDS, instant)
}

fn format_with(format: &'static std::thread::LocalKey<Function>, instant: DateTime<Utc>) -> String {
    // Milliseconds since 1970 are exact in an f64 for any date a browser can show.
    let date = Date::new(&JsValue::from_f64(instant.timestamp_millis() as f64));
    format
        .with(|format| format.call1(&JsValue::UNDEFINED, &date))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| machine_time(instant))
}

/// `Intl.DateTimeFormat(undefined, options).format`, already bound to its formatter.
fn local_format(seconds: bool) -> Function {
    let options = Object::new();
    let second = seconds.then_some(("second", "2-digit"));
    for (field, value) in [
        ("year", "numeric"),
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("timeZoneName", "short"),
    ]
    .into_iter()
    .chain(second)
    {
        let _ = Reflect::set(
            &options,
            &JsValue::from_str(field),
            &JsValue::from_str(value),
        );
    }
    Intl::DateTimeFormat::new(&Array::new(), &options).format()
}

/// The machine-readable form for `<time datetime>`.
pub fn machine_time(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// "in 7 days", "in 6 days 23 hours", "in 59 minutes", "in 12 seconds": see `duration_in_words`.
pub fn time_remaining(now: DateTime<Utc>, until: DateTime<Utc>) -> String {
    format!("in {}", duration_in_words(until - now))
}

/// "7 days", "6 days 23 hours", "1 hour 1 minute", "59 minutes", "12 seconds": the two largest
/// units that matter, rounded to the nearest of the smaller one shown. A 7-day retention read a
/// second after it began is "7 days", not "6 days 23 hours"; an hour later it is "6 days 23
/// hours". Under an hour, minutes alone; under a minute, seconds (a negative duration reads as
/// 0 seconds).
pub fn duration_in_words(duration: Duration) -> String {
    const MINUTE: i64 = 60;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    let seconds = duration.num_seconds().max(0);
    let rounded = |unit: i64| (seconds + unit / 2) / unit;
    let unit =
        |count: i64, name: &str| format!("{count} {name}{}", if count == 1 { "" } else { "s" });
    let two_units = |large: i64, large_name: &str, small: i64, small_name: &str| {
        if small == 0 {
            unit(large, large_name)
        } else {
            format!("{} {}", unit(large, large_name), unit(small, small_name))
        }
    };
    // Each tier starts where rounding to its smaller unit reaches its larger one.
    if seconds >= DAY - HOUR / 2 {
        let hours = rounded(HOUR);
        two_units(hours / 24, "day", hours % 24, "hour")
    } else if seconds >= HOUR - MINUTE / 2 {
        let minutes = rounded(MINUTE);
        two_units(minutes / 60, "hour", minutes % 60, "minute")
    } else if seconds >= MINUTE {
        unit(rounded(MINUTE), "minute")
    } else {
        unit(seconds, "second")
    }
}

pub fn rotation_announcement(outcome: RotationOutcome) -> String {
    match outcome.previous_expires_at {
        Some(expires_at) => format!(
            "New client secret generated. The previous secret stays valid until {}.",
            local_date_time(expires_at)
        ),
        None => "New client secret generated. The previous secret is no longer valid.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn remaining_time_names_the_two_largest_units_rounded_to_the_smaller() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap();
        let cases = [
            (Duration::days(7), "in 7 days"),
            (
                Duration::days(6) + Duration::hours(23) + Duration::minutes(59),
                "in 7 days",
            ),
            (
                Duration::days(6) + Duration::hours(23) + Duration::minutes(20),
                "in 6 days 23 hours",
            ),
            (
                Duration::days(6) + Duration::hours(22) + Duration::minutes(31),
                "in 6 days 23 hours",
            ),
            (Duration::hours(23) + Duration::minutes(30), "in 1 day"),
            (
                Duration::hours(23) + Duration::minutes(29),
                "in 23 hours 29 minutes",
            ),
            (
                Duration::hours(1) + Duration::minutes(1),
                "in 1 hour 1 minute",
            ),
            (Duration::minutes(59) + Duration::seconds(30), "in 1 hour"),
            (
                Duration::minutes(59) + Duration::seconds(29),
                "in 59 minutes",
            ),
            (Duration::seconds(89), "in 1 minute"),
            (Duration::seconds(60), "in 1 minute"),
            (Duration::seconds(59), "in 59 seconds"),
            (Duration::seconds(1), "in 1 second"),
            (Duration::seconds(-5), "in 0 seconds"),
        ];
        for (offset, expected) in cases {
            assert_eq!(time_remaining(now, now + offset), expected, "{offset}");
        }
    }

    #[test]
    fn a_seven_day_retention_reads_seven_days_until_an_hour_has_passed() {
        let start = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let expires_at = start + Duration::days(7);
        let read_after = |elapsed: Duration| time_remaining(start + elapsed, expires_at);
        assert_eq!(read_after(Duration::seconds(3)), "in 7 days");
        assert_eq!(read_after(Duration::minutes(29)), "in 7 days");
        assert_eq!(read_after(Duration::minutes(31)), "in 6 days 23 hours");
        assert_eq!(read_after(Duration::days(6)), "in 1 day");
        assert_eq!(
            read_after(Duration::days(6) + Duration::hours(1)),
            "in 23 hours"
        );
    }

    #[test]
    fn machine_time_is_rfc_3339_utc() {
        let instant = Utc.with_ymd_and_hms(2026, 11, 30, 14, 5, 0).unwrap();
        assert_eq!(machine_time(instant), "2026-11-30T14:05:00Z");
    }
}
