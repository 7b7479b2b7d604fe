//! Ordering by time through one shared sort. Every `sort_by_key` with an element type of its own
//! links its own copy of the standard library's stable sort (about 3.5 KB of wasm each); these
//! helpers sort `(instant, position)` pairs instead, one unstable sort that every caller shares,
//! and the position in the key keeps equal instants in their order, as a stable sort would.

use chrono::{DateTime, Utc};

/// `items` by `instant_of`, the earliest first; equal instants keep their order.
pub fn oldest_first<T>(items: Vec<T>, instant_of: impl Fn(&T) -> DateTime<Utc>) -> Vec<T> {
    let keys = sorted(items.iter().map(instant_of).zip(0..).collect());
    reorder(items, keys.iter().map(|&(_, position)| position))
}

/// `items` by `instant_of`, the latest first; equal instants keep their order.
pub fn newest_first<T>(items: Vec<T>, instant_of: impl Fn(&T) -> DateTime<Utc>) -> Vec<T> {
    // Ascending by instant, then by position counted down from the top, read backwards: the
    // latest first, and equal instants in ascending position.
    let from_top = (0..).map(|position: usize| usize::MAX - position);
    let keys = sorted(items.iter().map(instant_of).zip(from_top).collect());
    reorder(
        items,
        keys.iter()
            .rev()
            .map(|&(_, from_top)| usize::MAX - from_top),
    )
}

fn sorted(mut keys: Vec<(DateTime<Utc>, usize)>) -> Vec<(DateTime<Utc>, usize)> {
    keys.sort_unstable();
    keys
}

/// The items at `positions`, in that order (each position once).
fn reorder<T>(items: Vec<T>, positions: impl Iterator<Item = usize>) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    positions
        .filter_map(|position| slots.get_mut(position).and_then(Option::take))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(second: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, second).unwrap()
    }

    /// (instant, label) pairs with ties at 5 and 7 seconds, labels in input order.
    fn items() -> Vec<(DateTime<Utc>, char)> {
        vec![
            (at(7), 'a'),
            (at(5), 'b'),
            (at(9), 'c'),
            (at(5), 'd'),
            (at(7), 'e'),
            (at(1), 'f'),
            (at(5), 'g'),
        ]
    }

    fn labels(items: Vec<(DateTime<Utc>, char)>) -> String {
        items.into_iter().map(|(_, label)| label).collect()
    }

    #[test]
    fn oldest_first_orders_by_instant_and_keeps_ties_in_their_order() {
        assert_eq!(labels(oldest_first(items(), |item| item.0)), "fbdgaec");
    }

    #[test]
    fn newest_first_orders_by_instant_descending_and_keeps_ties_in_their_order() {
        assert_eq!(labels(newest_first(items(), |item| item.0)), "caebdgf");
    }

    #[test]
    fn both_orders_agree_with_the_standard_stable_sort() {
        let mut oldest = items();
        oldest.sort_by_key(|item| item.0);
        let mut newest = items();
        newest.sort_by_key(|item| std::cmp::Reverse(item.0));
        assert_eq!(oldest_first(items(), |item| item.0), oldest);
        assert_eq!(newest_first(items(), |item| item.0), newest);
        assert!(oldest_first(Vec::<(DateTime<Utc>, char)>::new(), |item| item.0).is_empty());
    }
}
