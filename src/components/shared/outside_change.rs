//! Noticing that another tab changed the application a dialog is about, and saying what changed.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::{Application, ClientId};
use crate::state::use_app_state;

/// The application as the dialog's user has seen it, and a notice once another tab changed it.
#[derive(Clone, Copy)]
pub struct SeenApplication {
    /// The revision the user is acting on; commands are refused if storage has moved past it.
    pub revision: Signal<u64>,
    pub notice: Signal<Option<String>>,
}

pub fn use_seen_application(client_id: ClientId) -> SeenApplication {
    let state = use_app_state();
    let live = Memo::new(move |_| state.application(&client_id));
    let seen = RwSignal::new(live.get_untracked());
    let notice = RwSignal::new(None::<String>);
    Effect::new(move || {
        let current = live.get();
        let earlier = seen.get_untracked();
        if current.as_ref().map(Application::revision)
            != earlier.as_ref().map(Application::revision)
        {
            let now = state.now().get_untracked();
            let change = OutsideChange::between(earlier.as_ref(), current.as_ref(), now);
            notice.set(Some(review_notice(change)));
            seen.set(current);
        }
    });
    SeenApplication {
        revision: Signal::derive(move || {
            seen.with(|seen| seen.as_ref().map_or(0, Application::revision))
        }),
        notice: notice.into(),
    }
}

/// What another tab or window did to the application a dialog is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutsideChange {
    Removed,
    NewSecret,
    PreviousRevoked,
    Settings,
}

impl OutsideChange {
    /// The change between the application as seen (`earlier`) and as stored now (`current`).
    pub fn between(
        earlier: Option<&Application>,
        current: Option<&Application>,
        now: DateTime<Utc>,
    ) -> Self {
        let (Some(earlier), Some(current)) = (earlier, current) else {
            return Self::Removed;
        };
        let secret =
            |app: &Application| app.client_secret().ok().map(|secret| secret.value.clone());
        let previous = |app: &Application| {
            app.previous_secret(now)
                .map(|previous| previous.value.clone())
        };
        if secret(earlier) != secret(current) {
            Self::NewSecret
        } else if previous(earlier).is_some() && previous(current).is_none() {
            Self::PreviousRevoked
        } else {
            Self::Settings
        }
    }

    /// Whether the change can alter what a secret is (current, previous or not valid).
    pub fn affects_secrets(self) -> bool {
        self != Self::Settings
    }

    /// The sentence saying what happened, for a dialog that was open meanwhile.
    pub fn while_open(self) -> String {
        let what = match self {
            Self::Removed => {
                return "This application was removed or became unreadable in another tab or window."
                    .into();
            }
            Self::NewSecret => "a new client secret was generated",
            Self::PreviousRevoked => "the previous client secret was revoked",
            Self::Settings => "its settings changed",
        };
        format!("While this dialog was open, {what} in another tab or window.")
    }
}

fn review_notice(change: OutsideChange) -> String {
    match change {
        OutsideChange::Removed => change.while_open(),
        _ => format!(
            "{} Review the current state and confirm again.",
            change.while_open()
        ),
    }
}
