//! Where the open application's client secret stands on rotation, on its Configuration tab:
//! overdue by how long, due in how long, a rotation in progress until when, within the policy
//! (and when the next rotation is due), no policy at all, or an age nobody knows. The list's
//! badges say the same in a word; here the administrator who opened the application reads it
//! in full. The standing is the domain's (`RotationStanding`), following the clock.

use leptos::prelude::*;

use crate::domain::{Application, RotationPolicy, RotationStanding, RotationStatus};
use crate::state::use_app_state;

use crate::components::shared::site_base::use_site_base;
use crate::components::shared::time_text::{
    duration_in_words, local_date_time, machine_time, time_remaining,
};

/// Which sentence the status is; the durations and times in it follow the clock on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sentence {
    Overdue,
    Due,
    WithinPolicy,
    NoPolicy,
    /// Under a policy, but nobody knows when the secret was made.
    AgeUnknown,
}

#[component]
pub fn ApplicationRotationStatus(application: Memo<Application>) -> impl IntoView {
    let state = use_app_state();
    let now = state.now();
    let policy = state.rotation_policy();
    let standing = Memo::new(move |_| {
        let (policy, now) = (policy.get(), now.get());
        application.with(|app| RotationStanding::of(app, policy, now))
    });
    let sentence = Memo::new(move |_| {
        standing.get().map(|standing| match standing.status {
            Some(RotationStatus::Overdue { .. }) => Sentence::Overdue,
            Some(RotationStatus::Due { .. }) => Sentence::Due,
            Some(RotationStatus::NotDue { .. }) => Sentence::WithinPolicy,
            None if standing.age_unknown && policy.get() != RotationPolicy::NoPolicy => {
                Sentence::AgeUnknown
            }
            None => Sentence::NoPolicy,
        })
    });
    let in_progress_until = Memo::new(move |_| {
        standing
            .get()
            .and_then(|standing| standing.in_progress_until)
    });
    // How long overdue, or until due, in words.
    let how_long = move || {
        standing
            .get()
            .and_then(|standing| standing.status)
            .map_or_else(String::new, |status| match status {
                RotationStatus::Overdue { overdue_by } => duration_in_words(overdue_by),
                RotationStatus::Due { due_in } | RotationStatus::NotDue { due_in } => {
                    duration_in_words(due_in)
                }
            })
    };
    let every = move || match policy.get() {
        RotationPolicy::Every(interval) => every_days(interval.in_days()),
        RotationPolicy::NoPolicy => String::new(),
    };
    let rotation_page = use_site_base().href("/rotation");
    let in_progress = move || {
        in_progress_until.get().map(|until| {
            view! {
                <p class="rotation-status__line">
                    <strong>"Rotation in progress until "<time datetime=machine_time(until)>{local_date_time(until)}</time></strong>
                    " (" {move || time_remaining(now.get(), until)} "): the previous secret is still accepted."
                </p>
            }
        })
    };
    let against_policy = move |sentence: Sentence| match sentence {
        Sentence::Overdue => view! {
            <strong>"Rotation overdue by " {how_long} "."</strong>
            " The rotation policy asks for a new client secret " {every} "."
        }
        .into_any(),
        Sentence::Due => view! {
            <strong>"Rotation due in " {how_long} "."</strong>
            " The rotation policy asks for a new client secret " {every} "."
        }
        .into_any(),
        Sentence::WithinPolicy => view! {
            <strong>"Within the rotation policy"</strong>
            ": next rotation due in " {how_long} " (a new client secret " {every} ")."
        }
        .into_any(),
        Sentence::NoPolicy => view! {
            <strong>"No rotation policy"</strong>
            ": this client secret is never due for rotation. "
            <a href=rotation_page.clone()>"Set a rotation policy"</a>
            " on Secret Rotation."
        }
        .into_any(),
        Sentence::AgeUnknown => view! {
            <strong>"Age unknown"</strong>
            ": when this client secret was made is not known, so it is never counted due. "
            "The rotation policy asks for a new client secret " {every} "."
        }
        .into_any(),
    };
    move || {
        sentence.get().map(|sentence| {
            let tone = match sentence {
                Sentence::Overdue => "notice rotation-status notice--error",
                Sentence::Due => "notice rotation-status notice--warning",
                Sentence::WithinPolicy | Sentence::NoPolicy | Sentence::AgeUnknown => {
                    "notice rotation-status"
                }
            };
            view! {
                <div class=tone>
                    {in_progress}
                    <p class="rotation-status__line">{against_policy(sentence)}</p>
                </div>
            }
        })
    }
}

/// "every day", "every 90 days".
fn every_days(days: u16) -> String {
    match days {
        1 => "every day".to_owned(),
        days => format!("every {days} days"),
    }
}
