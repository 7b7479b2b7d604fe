//! What happened to applications and to the console: the events of the activity log, and the
//! one rule that shows a previous secret's expiry at its expiry time without anything having
//! been written.
//!
//! An event names its subject (an application, by client ID and its name at the time, or the
//! console itself, for a change to a console-wide setting), when, and what. It
//! holds no `SecretValue` and no type that contains one, so no event can carry secret material
//! into storage, the log view or a download.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::application::{
    Application, ApplicationName, ApplicationType, AuthMethodChange, ClientId,
    TokenEndpointAuthMethod,
};
use super::by_time::newest_first;
use super::retention::Retention;
use super::rotation_policy::RotationPolicy;

/// One thing that happened to one application or to the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityEvent {
    pub at: DateTime<Utc>,
    pub subject: ActivitySubject,
    pub kind: ActivityKind,
    /// Who did it, when the console knows: the administrator signed on to a PingOne
    /// environment. `None` in this browser, which has one user.
    pub actor: Option<String>,
}

/// What an event happened to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivitySubject {
    Application {
        client_id: ClientId,
        /// The application's name when it happened (the new name, for a rename).
        name: ApplicationName,
    },
    /// The console itself: a change to a console-wide setting, such as the rotation policy.
    Console,
}

/// What happened. A new kind is a variant here, its text in the UI, and its code in
/// `storage::activity` (with the frozen fixture extended).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivityKind {
    Created {
        kind: ApplicationType,
    },
    Renamed {
        from: ApplicationName,
        to: ApplicationName,
    },
    Enabled,
    Disabled,
    AuthMethodChanged {
        from: TokenEndpointAuthMethod,
        to: TokenEndpointAuthMethod,
    },
    SecretGenerated {
        retention: Retention,
        /// An unexpired previous secret was replaced at once by this rotation.
        replaced_unexpired_previous: bool,
    },
    PreviousSecretRevoked,
    PreviousSecretExpired,
    Deleted,
    /// Written by an import (new, updated or replaced from a file).
    Imported,
    /// The console-wide rotation policy changed (a `Console` event).
    RotationPolicyChanged {
        from: RotationPolicy,
        to: RotationPolicy,
    },
    /// The administrator looked at a secret: revealed it on screen or copied it. The first
    /// question of an audit is who saw a secret, so looking is recorded as a change is.
    SecretAccessed {
        material: SecretMaterial,
        access: SecretAccess,
    },
    /// An export that included the client secrets of `applications` applications (a `Console`
    /// event: the file holds every readable application).
    ExportedWithSecrets {
        applications: u64,
    },
}

/// Secret material an administrator can look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretMaterial {
    /// The current client secret.
    ClientSecret,
    /// The previous client secret, while it is still accepted.
    PreviousClientSecret,
    /// The Token Request's command, which holds the secret or an assertion signed with it.
    TokenRequestCommand,
}

/// How secret material was looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretAccess {
    /// Shown on screen (Show).
    Revealed,
    /// Put on the clipboard (Copy).
    Copied,
}

impl ActivityKind {
    /// Whether events of this kind happen to the console rather than to one application.
    pub fn is_console_wide(&self) -> bool {
        matches!(
            self,
            ActivityKind::RotationPolicyChanged { .. } | ActivityKind::ExportedWithSecrets { .. }
        )
    }
}

impl ActivityEvent {
    /// An event about `application` as it is now (after the change, so a rename carries the
    /// new name).
    pub fn of(application: &Application, at: DateTime<Utc>, kind: ActivityKind) -> Self {
        Self {
            at,
            subject: ActivitySubject::Application {
                client_id: application.client_id.clone(),
                name: application.name().clone(),
            },
            kind,
            actor: None,
        }
    }

    /// The change of the rotation policy from `from` to `to`, a console event; none when the
    /// policy stays the same.
    pub fn rotation_policy_changed(
        at: DateTime<Utc>,
        from: RotationPolicy,
        to: RotationPolicy,
    ) -> Option<Self> {
        (from != to).then_some(Self {
            at,
            subject: ActivitySubject::Console,
            kind: ActivityKind::RotationPolicyChanged { from, to },
            actor: None,
        })
    }

    /// An export that included the client secrets of `applications` applications, a console
    /// event.
    pub fn exported_with_secrets(at: DateTime<Utc>, applications: u64) -> Self {
        Self {
            at,
            subject: ActivitySubject::Console,
            kind: ActivityKind::ExportedWithSecrets { applications },
            actor: None,
        }
    }

    /// The application the event happened to; none for a console event.
    pub fn client_id(&self) -> Option<&ClientId> {
        match &self.subject {
            ActivitySubject::Application { client_id, .. } => Some(client_id),
            ActivitySubject::Console => None,
        }
    }

    /// Whether the event happened to the application `client_id` (never true of a console event).
    pub fn concerns(&self, client_id: &ClientId) -> bool {
        self.client_id() == Some(client_id)
    }

    pub fn auth_method_changed(
        application: &Application,
        at: DateTime<Utc>,
        change: AuthMethodChange,
    ) -> Self {
        let kind = ActivityKind::AuthMethodChanged {
            from: change.from,
            to: change.to,
        };
        Self::of(application, at, kind)
    }

    /// The expiry of `application`'s stored previous secret, if it has expired by `now`: the
    /// event a change at `now` records before its own, since the change drops that secret.
    pub fn expiry_before_change(application: &Application, now: DateTime<Utc>) -> Option<Self> {
        application
            .expired_previous_secret_at(now)
            .map(|expired_at| {
                Self::of(application, expired_at, ActivityKind::PreviousSecretExpired)
            })
    }
}

/// The expiries of previous secrets that no change has recorded yet: one for each application
/// that still stores a previous secret expired by `now`. The change that records such an expiry
/// also drops the secret, so each expiry is derived or recorded, never both for long.
pub fn pending_expiries(applications: &[Application], now: DateTime<Utc>) -> Vec<ActivityEvent> {
    applications
        .iter()
        .filter_map(|application| ActivityEvent::expiry_before_change(application, now))
        .collect()
}

/// The log as the user sees it, newest first: the `recorded` events (in the order they were
/// recorded) and the `pending` expiries, each expiry once even while another tab's record of it
/// and its application's change are still arriving.
pub fn merge_activity<'a>(
    recorded: impl DoubleEndedIterator<Item = &'a ActivityEvent> + Clone,
    pending: &'a [ActivityEvent],
) -> Vec<ActivityEvent> {
    let recorded_expiries: HashSet<(&ClientId, DateTime<Utc>)> = recorded
        .clone()
        .filter(|event| event.kind == ActivityKind::PreviousSecretExpired)
        .filter_map(|event| event.client_id().map(|client_id| (client_id, event.at)))
        .collect();
    let pending = pending.iter().filter(|expiry| {
        expiry
            .client_id()
            .is_none_or(|client_id| !recorded_expiries.contains(&(client_id, expiry.at)))
    });
    // Later recorded first, so events at the same instant keep their recorded order reversed.
    newest_first(recorded.rev().chain(pending).cloned().collect(), |event| {
        event.at
    })
}

/// The events of the application `client_id` among `events`, in their order; console events
/// belong to no application, so they are never among them.
pub fn activity_of(events: &[ActivityEvent], client_id: &ClientId) -> Vec<ActivityEvent> {
    events
        .iter()
        .filter(|event| event.concerns(client_id))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::SecretValue;
    use chrono::{Duration, TimeZone};
    use std::convert::Infallible;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, hour, 0, 0).unwrap()
    }

    fn app(id: &str) -> Application {
        Application::create(
            ClientId::new(id),
            ApplicationName::parse(&format!("App {id}")).unwrap(),
            ApplicationType::OidcWebApp,
            at(0),
            || Ok::<_, Infallible>(SecretValue::new(format!("{id}-first"))),
        )
        .unwrap()
    }

    /// `app(id)` rotated at 01:00 with a one-day retention: its previous secret expires at 01:00
    /// the next day.
    fn mid_rotation(id: &str) -> Application {
        let mut application = app(id);
        application
            .rotate_secret(
                SecretValue::new(format!("{id}-second")),
                Retention::OneDay,
                at(1),
            )
            .unwrap();
        application
    }

    fn event(application: &Application, at: DateTime<Utc>, kind: ActivityKind) -> ActivityEvent {
        ActivityEvent::of(application, at, kind)
    }

    #[test]
    fn an_expired_previous_secret_shows_at_its_expiry_time_without_being_recorded() {
        let application = mid_rotation("a");
        let expiry = at(1) + Duration::days(1);

        let before_expiry = expiry - Duration::milliseconds(1);
        assert!(pending_expiries(std::slice::from_ref(&application), before_expiry).is_empty());
        let pending = pending_expiries(std::slice::from_ref(&application), expiry);
        let shown = merge_activity([].iter(), &pending);

        assert_eq!(
            shown,
            [event(
                &application,
                expiry,
                ActivityKind::PreviousSecretExpired
            )]
        );
    }

    #[test]
    fn an_expiry_already_recorded_is_not_shown_twice() {
        let application = mid_rotation("a");
        let expiry = at(1) + Duration::days(1);
        let recorded = [event(
            &application,
            expiry,
            ActivityKind::PreviousSecretExpired,
        )];

        let pending = pending_expiries(&[application], expiry + Duration::hours(3));
        let shown = merge_activity(recorded.iter(), &pending);

        assert_eq!(shown.len(), 1);
    }

    #[test]
    fn the_change_after_an_expiry_records_it_before_its_own_event_and_drops_the_secret() {
        let mut application = mid_rotation("a");
        let later = at(1) + Duration::days(2);
        let expiry = ActivityEvent::expiry_before_change(&application, later);
        assert_eq!(
            expiry.as_ref().map(|event| (event.at, &event.kind)),
            Some((
                at(1) + Duration::days(1),
                &ActivityKind::PreviousSecretExpired
            ))
        );

        application.set_enabled(false, later).unwrap();

        assert!(application.stored_previous_secret().is_none());
        assert_eq!(
            ActivityEvent::expiry_before_change(&application, later),
            None
        );
        let recorded = [
            expiry.unwrap(),
            event(&application, later, ActivityKind::Disabled),
        ];
        let shown = merge_activity(recorded.iter(), &pending_expiries(&[application], later));
        let kinds: Vec<&ActivityKind> = shown.iter().map(|event| &event.kind).collect();
        assert_eq!(
            kinds,
            [
                &ActivityKind::Disabled,
                &ActivityKind::PreviousSecretExpired
            ],
            "newest first, the expiry exactly once"
        );
    }

    #[test]
    fn an_unexpired_previous_secret_has_no_expiry_event() {
        let application = mid_rotation("a");
        assert_eq!(
            ActivityEvent::expiry_before_change(&application, at(2)),
            None
        );
    }

    #[test]
    fn merged_activity_is_newest_first_across_applications() {
        let a = app("a");
        let b = mid_rotation("b");
        let recorded = [
            event(&a, at(0), ActivityKind::Created { kind: a.kind }),
            event(&b, at(0), ActivityKind::Created { kind: b.kind }),
            event(
                &b,
                at(1),
                ActivityKind::SecretGenerated {
                    retention: Retention::OneDay,
                    replaced_unexpired_previous: false,
                },
            ),
            event(&a, at(3), ActivityKind::Disabled),
        ];
        let now = at(1) + Duration::days(3);

        let shown = merge_activity(recorded.iter(), &pending_expiries(&[a, b], now));

        let order: Vec<(DateTime<Utc>, &str)> = shown
            .iter()
            .map(|event| (event.at, event.client_id().unwrap().as_str()))
            .collect();
        assert_eq!(
            order,
            [
                (at(1) + Duration::days(1), "b"),
                (at(3), "a"),
                (at(1), "b"),
                (at(0), "b"),
                (at(0), "a"),
            ]
        );
    }

    #[test]
    fn an_event_carries_the_applications_name_at_the_time() {
        let mut application = app("a");
        let before = event(&application, at(0), ActivityKind::Enabled);
        let old_name = application
            .rename(ApplicationName::parse("Renamed").unwrap(), at(1))
            .unwrap();
        let renamed = event(
            &application,
            at(1),
            ActivityKind::Renamed {
                from: old_name,
                to: application.name().clone(),
            },
        );
        let name_of = |event: &ActivityEvent| match &event.subject {
            ActivitySubject::Application { name, .. } => name.as_str().to_owned(),
            ActivitySubject::Console => String::new(),
        };
        assert_eq!(name_of(&before), "App a");
        assert_eq!(name_of(&renamed), "Renamed");
    }

    fn every(days: u16) -> RotationPolicy {
        RotationPolicy::Every(crate::domain::RotationInterval::days(days).unwrap())
    }

    #[test]
    fn a_policy_change_is_a_console_event_and_the_same_policy_records_nothing() {
        assert_eq!(
            ActivityEvent::rotation_policy_changed(at(1), every(90), every(90)),
            None
        );
        let changed =
            ActivityEvent::rotation_policy_changed(at(1), every(90), RotationPolicy::NoPolicy)
                .unwrap();
        assert_eq!(changed.subject, ActivitySubject::Console);
        assert_eq!(changed.client_id(), None);
        assert_eq!(
            changed.kind,
            ActivityKind::RotationPolicyChanged {
                from: every(90),
                to: RotationPolicy::NoPolicy
            }
        );
    }

    #[test]
    fn looking_at_a_secret_concerns_its_application_and_an_export_the_console() {
        let a = app("a");
        let kinds = [
            (SecretMaterial::ClientSecret, SecretAccess::Revealed),
            (SecretMaterial::PreviousClientSecret, SecretAccess::Copied),
            (SecretMaterial::TokenRequestCommand, SecretAccess::Copied),
        ]
        .map(|(material, access)| ActivityKind::SecretAccessed { material, access });
        for kind in kinds {
            assert!(!kind.is_console_wide());
            let looked = event(&a, at(2), kind);
            assert!(looked.concerns(&a.client_id));
        }
        let exported = ActivityEvent::exported_with_secrets(at(3), 12);
        assert!(exported.kind.is_console_wide());
        assert_eq!(exported.subject, ActivitySubject::Console);
        assert!(!exported.concerns(&a.client_id));
        assert_eq!(
            exported.kind,
            ActivityKind::ExportedWithSecrets { applications: 12 }
        );
    }

    #[test]
    fn console_events_merge_in_time_order_and_never_belong_to_an_application() {
        let a = mid_rotation("a");
        let expiry = at(1) + Duration::days(1);
        let policy = ActivityEvent::rotation_policy_changed(at(2), every(90), every(30)).unwrap();
        let recorded = [
            event(&a, at(0), ActivityKind::Created { kind: a.kind }),
            policy.clone(),
            event(&a, at(3), ActivityKind::Disabled),
        ];
        let client_id = a.client_id.clone();

        let shown = merge_activity(recorded.iter(), &pending_expiries(&[a], expiry));

        assert_eq!(
            shown.iter().map(|event| event.at).collect::<Vec<_>>(),
            [expiry, at(3), at(2), at(0)]
        );
        assert_eq!(shown[2], policy, "the console-wide log shows it");
        let of_a = activity_of(&shown, &client_id);
        assert_eq!(of_a.len(), 3);
        assert!(
            of_a.iter()
                .all(|event| event.subject != ActivitySubject::Console)
        );
        assert!(activity_of(&shown, &ClientId::new("b")).is_empty());
    }
}
