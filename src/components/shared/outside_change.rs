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
    SecretsRemoved,
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
        let (secret_then, secret_now) = (secret(earlier), secret(current));
        if secret_then.is_some() && secret_now.is_none() {
            Self::SecretsRemoved
        } else if secret_then != secret_now {
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
            Self::SecretsRemoved => "its client secrets were removed",
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        ApplicationName, ApplicationType, Retention, SecretValue, TokenEndpointAuthMethod,
    };
    use chrono::TimeZone;
    use std::convert::Infallible;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, hour, 0, 0).unwrap()
    }

    fn portal() -> Application {
        let name = ApplicationName::parse("Portal").unwrap();
        Application::create(
            ClientId::new("client-1"),
            name,
            ApplicationType::OidcWebApp,
            at(0),
            || Ok::<_, Infallible>(SecretValue::new("first".to_owned())),
        )
        .unwrap()
    }

    fn rotated(app: &Application, retention: Retention) -> Application {
        let mut app = app.clone();
        app.rotate_secret(SecretValue::new("second".to_owned()), retention, at(1))
            .unwrap();
        app
    }

    #[test]
    fn a_rotation_elsewhere_is_a_new_secret_and_affects_an_answer() {
        let earlier = portal();
        let change = OutsideChange::between(
            Some(&earlier),
            Some(&rotated(&earlier, Retention::DoNotRetain)),
            at(2),
        );
        assert_eq!(change, OutsideChange::NewSecret);
        assert!(change.affects_secrets());
    }

    #[test]
    fn a_revocation_elsewhere_is_told_apart_from_a_rotation() {
        let earlier = rotated(&portal(), Retention::ThirtyDays);
        let mut current = earlier.clone();
        current.revoke_previous_secret(at(2)).unwrap();
        assert_eq!(
            OutsideChange::between(Some(&earlier), Some(&current), at(3)),
            OutsideChange::PreviousRevoked
        );
    }

    #[test]
    fn switching_to_none_elsewhere_says_the_secrets_were_removed_not_generated() {
        let earlier = portal();
        let mut current = earlier.clone();
        current
            .change_auth_method::<crate::domain::EditError>(
                TokenEndpointAuthMethod::None,
                || unreachable!(),
                at(1),
            )
            .unwrap();
        let change = OutsideChange::between(Some(&earlier), Some(&current), at(2));
        assert_eq!(change, OutsideChange::SecretsRemoved);
        assert!(
            change
                .while_open()
                .contains("its client secrets were removed")
        );
    }

    #[test]
    fn a_rename_elsewhere_leaves_what_a_secret_is_unchanged() {
        let earlier = portal();
        let mut current = earlier.clone();
        current
            .rename(ApplicationName::parse("Portal EU").unwrap(), at(1))
            .unwrap();
        let change = OutsideChange::between(Some(&earlier), Some(&current), at(2));
        assert_eq!(change, OutsideChange::Settings);
        assert!(!change.affects_secrets());
    }

    #[test]
    fn a_removal_elsewhere_is_said_without_asking_to_confirm_again() {
        let change = OutsideChange::between(Some(&portal()), None, at(1));
        assert_eq!(change, OutsideChange::Removed);
        assert_eq!(review_notice(change), change.while_open());
    }
}
