//! What the Secret Rotation page shows: the rotations still in progress (a previous secret not
//! yet expired), the secrets the policy says are due or overdue, and the secrets whose age is
//! unknown (PingOne does not say when a secret was made, so those are counted apart rather than
//! guessed due or not), all found in one pass over the applications so a page of 10,000 can be
//! recomputed every second; and where one application stands (`RotationStanding`), as its
//! Configuration tab says it.
//!
//! Entries name applications by position in the slice they were computed from, so a tick that
//! changes nothing produces an equal overview (and nothing re-renders), and building the rows
//! shown is left to the caller, for the page it shows.

use chrono::{DateTime, Utc};

use super::application::Application;
use super::by_time::oldest_first;
use super::rotation_policy::{RotationPolicy, RotationStatus};

/// An application whose previous secret is still valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RotationInProgress {
    pub position: usize,
    pub previous_expires_at: DateTime<Utc>,
}

/// An application whose current secret the policy says is due or overdue for rotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RotationDue {
    pub position: usize,
    pub secret_created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RotationOverview {
    /// Soonest expiry first.
    pub in_progress: Vec<RotationInProgress>,
    /// Oldest secret first: the most overdue, then the rest overdue, then the soonest due.
    pub due: Vec<RotationDue>,
    /// The positions of the applications whose current secret's age is unknown, in the slice's
    /// order: never due, whatever the policy, since their age would be a guess.
    pub age_unknown: Vec<usize>,
}

impl RotationOverview {
    /// The overview of `applications` under `policy` at `now`. Ties keep the slice's order.
    pub fn of(applications: &[Application], policy: RotationPolicy, now: DateTime<Utc>) -> Self {
        let mut overview = Self::default();
        for (position, application) in applications.iter().enumerate() {
            let (in_progress, due) = entries_of(application, position, policy, now);
            overview.in_progress.extend(in_progress);
            overview.due.extend(due);
            if application.secret_age_unknown() {
                overview.age_unknown.push(position);
            }
        }
        // Equal times keep the applications' order from tick to tick.
        overview.in_progress =
            oldest_first(overview.in_progress, |entry| entry.previous_expires_at);
        overview.due = oldest_first(overview.due, |entry| entry.secret_created_at);
        overview
    }

    /// Brings an overview of `applications` (under the same `policy` at the same `now`) up to
    /// date after the application at `position` alone was replaced in place: its entries are
    /// taken out and its new ones put where `of` would put them, without a pass over the rest.
    pub fn replace(
        &mut self,
        applications: &[Application],
        position: usize,
        policy: RotationPolicy,
        now: DateTime<Utc>,
    ) {
        self.in_progress.retain(|entry| entry.position != position);
        self.due.retain(|entry| entry.position != position);
        self.age_unknown.retain(|&unknown| unknown != position);
        let Some(application) = applications.get(position) else {
            return;
        };
        if application.secret_age_unknown() {
            let at = self.age_unknown.partition_point(|&other| other < position);
            self.age_unknown.insert(at, position);
        }
        let (in_progress, due) = entries_of(application, position, policy, now);
        // Ordered by time, then (as the stable sort leaves them) by position.
        if let Some(entry) = in_progress {
            let at = self.in_progress.partition_point(|other| {
                (other.previous_expires_at, other.position) < (entry.previous_expires_at, position)
            });
            self.in_progress.insert(at, entry);
        }
        if let Some(entry) = due {
            let at = self.due.partition_point(|other| {
                (other.secret_created_at, other.position) < (entry.secret_created_at, position)
            });
            self.due.insert(at, entry);
        }
    }

    /// How many rotations the administrator should start now (the navigation's count).
    pub fn due_count(&self) -> usize {
        self.due.len()
    }

    /// How many secrets are of unknown age, counted apart from those due.
    pub fn age_unknown_count(&self) -> usize {
        self.age_unknown.len()
    }

    /// The first instant after `now` at which the overview of `applications` may differ from
    /// the one at `now`, time alone passing: a previous secret expires or a secret becomes due.
    /// Until then a tick can keep the overview it has (`None`: time alone never changes it).
    pub fn next_change(
        applications: &[Application],
        policy: RotationPolicy,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        applications
            .iter()
            .filter_map(|application| Self::next_change_of(application, policy, now))
            .min()
    }

    /// When time alone may next change what `application` contributes after `now`.
    pub fn next_change_of(
        application: &Application,
        policy: RotationPolicy,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let expiry = application
            .previous_secret(now)
            .map(|previous| previous.expires_at);
        // A secret not yet due becomes due once less than the warning window remains (see
        // `RotationPolicy::status`); an instant beyond chrono's range is never.
        let created_at = application
            .client_secret()
            .ok()
            .and_then(|secret| secret.created_at);
        let becomes_due = match (policy, created_at) {
            (RotationPolicy::Every(interval), Some(created_at))
                if !policy
                    .status(created_at, now)
                    .is_some_and(|status| status.needs_rotation()) =>
            {
                created_at.checked_add_signed(interval.duration() - interval.warning_window())
            }
            _ => None,
        };
        expiry.into_iter().chain(becomes_due).min()
    }
}

/// Where one application's client secret stands on rotation at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RotationStanding {
    /// Against the policy: due, overdue, or when it will be; `None` without a policy or when
    /// the secret's age is unknown.
    pub status: Option<RotationStatus>,
    /// Whether nobody knows when the current secret was made (PingOne does not say).
    pub age_unknown: bool,
    /// When the previous secret of a rotation in progress expires.
    pub in_progress_until: Option<DateTime<Utc>>,
}

impl RotationStanding {
    /// `None` for an application without a client secret: it has nothing to rotate.
    pub fn of(
        application: &Application,
        policy: RotationPolicy,
        now: DateTime<Utc>,
    ) -> Option<Self> {
        application.client_secret().ok()?;
        Some(Self {
            status: application.rotation_status(policy, now),
            age_unknown: application.secret_age_unknown(),
            in_progress_until: application
                .previous_secret(now)
                .map(|previous| previous.expires_at),
        })
    }
}

/// What one application contributes: a rotation in progress, a rotation due, both or neither.
fn entries_of(
    application: &Application,
    position: usize,
    policy: RotationPolicy,
    now: DateTime<Utc>,
) -> (Option<RotationInProgress>, Option<RotationDue>) {
    let in_progress = application
        .previous_secret(now)
        .map(|previous| RotationInProgress {
            position,
            previous_expires_at: previous.expires_at,
        });
    let needs_rotation = application
        .rotation_status(policy, now)
        .is_some_and(|status| status.needs_rotation());
    let secret_created_at = application
        .client_secret()
        .ok()
        .and_then(|secret| secret.created_at);
    let due = match (needs_rotation, secret_created_at) {
        (true, Some(secret_created_at)) => Some(RotationDue {
            position,
            secret_created_at,
        }),
        _ => None,
    };
    (in_progress, due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        ApplicationName, ApplicationType, ClientId, CustomRetention, DurationUnit, Retention,
        RotationInterval, SecretValue,
    };
    use chrono::{Duration, TimeZone};
    use std::convert::Infallible;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap()
    }

    fn every(days: u16) -> RotationPolicy {
        RotationPolicy::Every(RotationInterval::days(days).unwrap())
    }

    /// An application of `kind` whose secret is `age` old.
    fn application(name: &str, kind: ApplicationType, age: Duration) -> Application {
        Application::create(
            ClientId::new(name.to_lowercase()),
            ApplicationName::parse(name).unwrap(),
            kind,
            now() - age,
            || Ok::<_, Infallible>(SecretValue::new(format!("{name} first"))),
        )
        .unwrap()
    }

    /// An OIDC web app rotated `ago` before now, the old secret retained for `retained`.
    fn rotated(name: &str, ago: Duration, retained: Duration) -> Application {
        let mut app = application(name, ApplicationType::OidcWebApp, Duration::days(400));
        app.rotate_secret(
            SecretValue::new(format!("{name} second")),
            Retention::Custom(
                CustomRetention::new(
                    u32::try_from(retained.num_hours()).unwrap(),
                    DurationUnit::Hours,
                )
                .unwrap(),
            ),
            now() - ago,
        )
        .unwrap();
        app
    }

    #[test]
    fn an_applications_standing_says_due_overdue_or_when_and_any_rotation_in_progress() {
        let overdue = application("Overdue", ApplicationType::Native, Duration::days(95));
        assert_eq!(
            RotationStanding::of(&overdue, every(90), now()),
            Some(RotationStanding {
                status: Some(RotationStatus::Overdue {
                    overdue_by: Duration::days(5)
                }),
                age_unknown: false,
                in_progress_until: None,
            })
        );
        let due = application("Due", ApplicationType::Worker, Duration::days(85));
        assert_eq!(
            RotationStanding::of(&due, every(90), now()).and_then(|standing| standing.status),
            Some(RotationStatus::Due {
                due_in: Duration::days(5)
            })
        );
        let rotating = rotated("Rotating", Duration::hours(1), Duration::days(7));
        assert_eq!(
            RotationStanding::of(&rotating, every(90), now()),
            Some(RotationStanding {
                status: Some(RotationStatus::NotDue {
                    due_in: Duration::days(90) - Duration::hours(1)
                }),
                age_unknown: false,
                in_progress_until: Some(now() - Duration::hours(1) + Duration::days(7)),
            })
        );
    }

    #[test]
    fn without_a_policy_the_standing_has_no_status_and_without_a_secret_there_is_none() {
        let ancient = application("Ancient", ApplicationType::Worker, Duration::days(3000));
        assert_eq!(
            RotationStanding::of(&ancient, RotationPolicy::NoPolicy, now()),
            Some(RotationStanding {
                status: None,
                age_unknown: false,
                in_progress_until: None,
            })
        );
        let saml = application("Saml", ApplicationType::Saml, Duration::days(900));
        assert_eq!(RotationStanding::of(&saml, every(90), now()), None);
    }

    #[test]
    fn rotations_in_progress_are_listed_soonest_expiry_first() {
        let applications = [
            rotated("Late", Duration::hours(1), Duration::days(30)),
            rotated("Soon", Duration::hours(1), Duration::hours(2)),
            rotated("Middle", Duration::hours(1), Duration::days(7)),
        ];
        let overview = RotationOverview::of(&applications, RotationPolicy::NoPolicy, now());
        let positions: Vec<usize> = overview.in_progress.iter().map(|e| e.position).collect();
        assert_eq!(positions, [1, 2, 0]);
        assert_eq!(
            overview.in_progress[0].previous_expires_at,
            now() + Duration::hours(1)
        );
    }

    #[test]
    fn a_rotation_leaves_the_overview_at_the_instant_its_previous_secret_expires() {
        let applications = [rotated("Soon", Duration::hours(1), Duration::hours(2))];
        let expiry = now() + Duration::hours(1);
        let before = RotationOverview::of(
            &applications,
            RotationPolicy::NoPolicy,
            expiry - Duration::milliseconds(1),
        );
        assert_eq!(before.in_progress.len(), 1);
        let at_expiry = RotationOverview::of(&applications, RotationPolicy::NoPolicy, expiry);
        assert!(at_expiry.in_progress.is_empty());
    }

    #[test]
    fn due_secrets_are_listed_overdue_first_then_soonest_due() {
        let applications = [
            application("Due", ApplicationType::Worker, Duration::days(85)),
            application("Fresh", ApplicationType::Worker, Duration::days(10)),
            application("Overdue", ApplicationType::Native, Duration::days(95)),
            application("Ancient", ApplicationType::OidcWebApp, Duration::days(300)),
        ];
        let overview = RotationOverview::of(&applications, every(90), now());
        let positions: Vec<usize> = overview.due.iter().map(|e| e.position).collect();
        assert_eq!(positions, [3, 2, 0]);
        assert_eq!(overview.due_count(), 3);
        assert_eq!(
            overview.due[0].secret_created_at,
            now() - Duration::days(300)
        );
    }

    #[test]
    fn applications_without_a_secret_are_never_due() {
        let applications = [
            application("Saml", ApplicationType::Saml, Duration::days(900)),
            application("Spa", ApplicationType::SinglePage, Duration::days(900)),
            application("WsFed", ApplicationType::WsFederation, Duration::days(900)),
        ];
        let overview = RotationOverview::of(&applications, every(1), now());
        assert_eq!(overview, RotationOverview::default());
    }

    #[test]
    fn without_a_policy_nothing_is_due_but_rotations_in_progress_remain() {
        let applications = [
            application("Ancient", ApplicationType::Worker, Duration::days(3000)),
            rotated("Rotating", Duration::hours(1), Duration::days(1)),
        ];
        let overview = RotationOverview::of(&applications, RotationPolicy::NoPolicy, now());
        assert!(overview.due.is_empty());
        assert_eq!(overview.in_progress.len(), 1);
    }

    #[test]
    fn a_shorter_interval_makes_more_secrets_due() {
        let applications = [
            application("Week", ApplicationType::Worker, Duration::days(7)),
            application("Month", ApplicationType::Worker, Duration::days(30)),
        ];
        assert_eq!(
            RotationOverview::of(&applications, every(90), now()).due_count(),
            0
        );
        assert_eq!(
            RotationOverview::of(&applications, every(7), now()).due_count(),
            2
        );
        assert_eq!(
            RotationOverview::of(&applications, every(3650), now()).due_count(),
            0
        );
    }

    #[test]
    fn replacing_one_application_gives_the_overview_a_full_pass_would() {
        let applications = vec![
            application("Overdue", ApplicationType::Native, Duration::days(95)),
            rotated("Rotating", Duration::hours(1), Duration::days(1)),
            application("Same age", ApplicationType::Worker, Duration::days(95)),
            rotated("Also rotating", Duration::hours(1), Duration::days(1)),
            application("Fresh", ApplicationType::Worker, Duration::days(10)),
            application("Saml", ApplicationType::Saml, Duration::days(900)),
        ];
        // Each step changes one application as a command would: rotate, revoke, age, tie.
        let steps = vec![
            (0, rotated("Overdue", Duration::zero(), Duration::days(1))),
            (
                1,
                application("Rotating", ApplicationType::OidcWebApp, Duration::days(400)),
            ),
            (
                4,
                application("Fresh", ApplicationType::Worker, Duration::days(95)),
            ),
            (
                3,
                rotated("Also rotating", Duration::hours(2), Duration::days(1)),
            ),
            (
                5,
                application("Saml", ApplicationType::Saml, Duration::days(1)),
            ),
        ];
        replaced_step_by_step(applications, steps, every(90));
    }

    #[test]
    fn a_tick_that_changes_no_status_gives_an_equal_overview() {
        let applications = [
            application("Overdue", ApplicationType::Native, Duration::days(95)),
            rotated("Rotating", Duration::hours(1), Duration::days(1)),
        ];
        assert_eq!(
            RotationOverview::of(&applications, every(90), now()),
            RotationOverview::of(&applications, every(90), now() + Duration::seconds(1)),
        );
    }

    #[test]
    fn the_overview_holds_until_its_next_change_and_changes_then() {
        let policy = every(90);
        // Expires in 1 hour; due in 2 days (90 - 9 days warning window = 81 days old); overdue;
        // no secret at all.
        let applications = [
            rotated("Soon", Duration::hours(1), Duration::hours(2)),
            application("Nearly due", ApplicationType::Worker, Duration::days(79)),
            application("Overdue", ApplicationType::Native, Duration::days(95)),
            application("Federated", ApplicationType::Saml, Duration::days(95)),
        ];
        let first = RotationOverview::next_change(&applications, policy, now());
        assert_eq!(first, Some(now() + Duration::hours(1)));
        let at_first = first.unwrap();
        let overview = RotationOverview::of(&applications, policy, now());
        let just_before = at_first - Duration::milliseconds(1);
        assert_eq!(
            RotationOverview::of(&applications, policy, just_before),
            overview
        );
        assert_ne!(
            RotationOverview::of(&applications, policy, at_first),
            overview
        );

        let second = RotationOverview::next_change(&applications, policy, at_first);
        let becomes_due = now() - Duration::days(79) + Duration::days(90 - 9);
        assert_eq!(second, Some(becomes_due));
        let after_expiry = RotationOverview::of(&applications, policy, at_first);
        assert_eq!(
            RotationOverview::of(
                &applications,
                policy,
                becomes_due - Duration::milliseconds(1)
            ),
            after_expiry
        );
        // Due once less than the window remains: just after that instant (the next change is
        // never later than the change, at worst that one instant early).
        let due = becomes_due + Duration::milliseconds(1);
        assert_ne!(
            RotationOverview::of(&applications, policy, due),
            after_expiry
        );
        // Then only the secret that replaced Soon's an hour ago is still to become due.
        assert_eq!(
            RotationOverview::next_change(&applications, policy, due),
            Some(now() - Duration::hours(1) + Duration::days(81))
        );
        // An overdue secret and an application without one never change with time.
        assert_eq!(
            RotationOverview::next_change(&applications[2..], policy, now()),
            None
        );
        assert_eq!(
            RotationOverview::next_change(&applications, RotationPolicy::NoPolicy, due),
            None
        );
    }

    #[test]
    fn a_secret_created_at_the_end_of_time_never_becomes_due_and_does_not_panic() {
        let mut far = application("Far", ApplicationType::Worker, Duration::zero());
        far = Application::restore(
            far.client_id.clone(),
            far.name().clone(),
            far.kind,
            far.enabled(),
            far.auth_method(),
            far.created_at,
            1,
            far.client_secret().ok().map(|secret| {
                let mut secret = secret.clone();
                secret.created_at = Some(DateTime::<Utc>::MAX_UTC);
                secret
            }),
            None,
        );
        assert_eq!(
            RotationOverview::next_change_of(&far, every(90), now()),
            None
        );
    }

    /// An application whose current secret's age is unknown (as PingOne shows it), with a
    /// previous secret that expires `previous_expires_in` from now, if any.
    fn age_unknown(name: &str, previous_expires_in: Option<Duration>) -> Application {
        match previous_expires_in {
            Some(expires_in) => rotated(name, Duration::zero(), expires_in),
            None => application(name, ApplicationType::Worker, Duration::days(400)),
        }
        .with_secret_age_unknown()
    }

    /// Replaces one application after another as `steps` say, as commands would, checking after
    /// each that `replace` gives the overview a full pass does; returns the last overview.
    fn replaced_step_by_step(
        mut applications: Vec<Application>,
        steps: Vec<(usize, Application)>,
        policy: RotationPolicy,
    ) -> RotationOverview {
        let mut overview = RotationOverview::of(&applications, policy, now());
        for (position, replacement) in steps {
            applications[position] = replacement;
            overview.replace(&applications, position, policy, now());
            assert_eq!(
                overview,
                RotationOverview::of(&applications, policy, now()),
                "after replacing position {position}"
            );
        }
        overview
    }

    #[test]
    fn secrets_of_unknown_age_are_counted_apart_and_never_due() {
        let applications = [
            age_unknown("Unknown", None),
            application("Overdue", ApplicationType::Native, Duration::days(95)),
            age_unknown("Also unknown", None),
            application("Saml", ApplicationType::Saml, Duration::days(900)),
        ];
        let overview = RotationOverview::of(&applications, every(1), now());
        let due: Vec<usize> = overview.due.iter().map(|entry| entry.position).collect();
        assert_eq!(due, [1]);
        assert_eq!(overview.due_count(), 1);
        assert_eq!(overview.age_unknown, [0, 2]);
        assert_eq!(overview.age_unknown_count(), 2);
    }

    #[test]
    fn secrets_of_unknown_age_are_counted_apart_without_a_policy_too() {
        let applications = [age_unknown("Unknown", None)];
        let overview = RotationOverview::of(&applications, RotationPolicy::NoPolicy, now());
        assert!(overview.due.is_empty());
        assert_eq!(overview.age_unknown, [0]);
    }

    #[test]
    fn a_secret_of_unknown_age_can_still_be_in_a_rotation_in_progress() {
        let applications = [age_unknown("Rotating", Some(Duration::hours(3)))];
        let overview = RotationOverview::of(&applications, every(90), now());
        assert_eq!(
            overview.in_progress,
            [RotationInProgress {
                position: 0,
                previous_expires_at: now() + Duration::hours(3),
            }]
        );
        assert_eq!(overview.age_unknown, [0]);
        assert_eq!(
            RotationOverview::next_change(&applications, every(90), now()),
            Some(now() + Duration::hours(3)),
            "only the expiry can change it: a secret of unknown age never becomes due"
        );
        assert_eq!(
            RotationOverview::next_change(&applications[..0], every(90), now()),
            None
        );
    }

    #[test]
    fn the_standing_of_a_secret_of_unknown_age_says_so_and_has_no_status() {
        let unknown = age_unknown("Unknown", Some(Duration::hours(3)));
        assert_eq!(
            RotationStanding::of(&unknown, every(1), now()),
            Some(RotationStanding {
                status: None,
                age_unknown: true,
                in_progress_until: Some(now() + Duration::hours(3)),
            })
        );
        assert_eq!(unknown.rotation_status(every(1), now()), None);
    }

    #[test]
    fn replacing_an_application_moves_it_in_and_out_of_the_unknown_ages() {
        let applications = vec![
            age_unknown("First", None),
            application("Known", ApplicationType::Worker, Duration::days(95)),
            age_unknown("Last", None),
        ];
        let steps = vec![
            (1, age_unknown("Known", None)),
            (0, rotated("First", Duration::zero(), Duration::days(1))),
            (0, age_unknown("First", Some(Duration::days(1)))),
        ];
        let overview = replaced_step_by_step(applications, steps, every(90));
        assert_eq!(overview.age_unknown, [0, 1, 2]);
    }
}
