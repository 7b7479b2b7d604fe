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
            notice.set(Some(describe_change(
                earlier.as_ref(),
                current.as_ref(),
                now,
            )));
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

fn describe_change(
    earlier: Option<&Application>,
    current: Option<&Application>,
    now: DateTime<Utc>,
) -> String {
    let (Some(earlier), Some(current)) = (earlier, current) else {
        return "This application was removed or became unreadable in another tab or window."
            .into();
    };
    let secret = |app: &Application| app.client_secret().ok().map(|secret| secret.value.clone());
    let previous = |app: &Application| {
        app.previous_secret(now)
            .map(|previous| previous.value.clone())
    };
    let what = if secret(earlier) != secret(current) {
        "a new client secret was generated"
    } else if previous(earlier).is_some() && previous(current).is_none() {
        "the previous client secret was revoked"
    } else {
        "its settings changed"
    };
    format!(
        "While this dialog was open, {what} in another tab or window. Review the current state and confirm again."
    )
}
