//! What the Applications list shows: the search text, the Type and Status filters and the sort
//! order, read from and written to the address (`?q=&type=&status=&sort=`) so a reload, Back
//! or a shared link shows the same list; and each entry's status, asked of the applications.
//!
//! An address is typed or pasted by people, so anything unknown in it is ignored (the default
//! applies), never an error. Sorting is done once per change of the applications or the order,
//! comparing names once per change of the applications (`NameOrder`), so another sort compares
//! numbers only; filtering walks that order without allocating.

use chrono::{DateTime, Utc};

use super::application::{Application, ApplicationType};

/// The query parameters, as they appear in the address.
pub const SEARCH_PARAM: &str = "q";
pub const TYPE_PARAM: &str = "type";
pub const STATUS_PARAM: &str = "status";
pub const SORT_PARAM: &str = "sort";

/// The Status filter's choices (besides All statuses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusFilter {
    RotationInProgress,
    /// Due or overdue: every secret the administrator should rotate (the Rotation Due table's
    /// rows and the navigation's count).
    RotationDue,
    /// Overdue only: the secret has reached the policy's interval.
    RotationOverdue,
    NoClientSecret,
    Disabled,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 5] = [
        StatusFilter::RotationInProgress,
        StatusFilter::RotationDue,
        StatusFilter::RotationOverdue,
        StatusFilter::NoClientSecret,
        StatusFilter::Disabled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::RotationInProgress => "Rotation in progress",
            StatusFilter::RotationDue => "Rotation due",
            StatusFilter::RotationOverdue => "Rotation overdue",
            StatusFilter::NoClientSecret => "No client secret",
            StatusFilter::Disabled => "Disabled",
        }
    }

    pub fn param(self) -> &'static str {
        match self {
            StatusFilter::RotationInProgress => "rotation-in-progress",
            StatusFilter::RotationDue => "rotation-due",
            StatusFilter::RotationOverdue => "rotation-overdue",
            StatusFilter::NoClientSecret => "no-client-secret",
            StatusFilter::Disabled => "disabled",
        }
    }

    pub fn from_param(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|filter| filter.param() == text)
    }
}

/// The Sort select's orders; `Name` is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortOrder {
    #[default]
    Name,
    NewestFirst,
    OldestSecretFirst,
    PreviousSecretExpiringFirst,
}

impl SortOrder {
    pub const ALL: [SortOrder; 4] = [
        SortOrder::Name,
        SortOrder::NewestFirst,
        SortOrder::OldestSecretFirst,
        SortOrder::PreviousSecretExpiringFirst,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Name => "Name",
            SortOrder::NewestFirst => "Newest first",
            SortOrder::OldestSecretFirst => "Oldest secret first",
            SortOrder::PreviousSecretExpiringFirst => "Previous secret expiring first",
        }
    }

    pub fn param(self) -> &'static str {
        match self {
            SortOrder::Name => "name",
            SortOrder::NewestFirst => "newest",
            SortOrder::OldestSecretFirst => "oldest-secret",
            SortOrder::PreviousSecretExpiringFirst => "previous-expiring",
        }
    }

    pub fn from_param(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|order| order.param() == text)
    }
}

impl ApplicationType {
    /// The type's name in the address, for the Type filter.
    pub fn param(self) -> &'static str {
        match self {
            ApplicationType::OidcWebApp => "oidc-web-app",
            ApplicationType::Native => "native",
            ApplicationType::SinglePage => "single-page",
            ApplicationType::Worker => "worker",
            ApplicationType::Saml => "saml",
            ApplicationType::WsFederation => "ws-federation",
            ApplicationType::Service => "service",
            ApplicationType::Custom => "custom",
        }
    }

    pub fn from_param(text: &str) -> Option<Self> {
        Self::EVERY.into_iter().find(|kind| kind.param() == text)
    }
}

/// Search text, filters and sort: everything that decides which applications the list shows
/// and in what order. The default shows every application by name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListQuery {
    pub search: String,
    pub type_filter: Option<ApplicationType>,
    pub status_filter: Option<StatusFilter>,
    pub sort: SortOrder,
}

impl ListQuery {
    /// Reads the query from the address's parameters (`param` looks one up by name); unknown
    /// or malformed values are ignored.
    pub fn from_params<'a>(param: impl Fn(&str) -> Option<&'a str>) -> Self {
        Self {
            search: param(SEARCH_PARAM).unwrap_or_default().to_owned(),
            type_filter: param(TYPE_PARAM).and_then(ApplicationType::from_param),
            status_filter: param(STATUS_PARAM).and_then(StatusFilter::from_param),
            sort: param(SORT_PARAM)
                .and_then(SortOrder::from_param)
                .unwrap_or_default(),
        }
    }

    /// The parameters that say this query, in a fixed order; defaults are left out so the
    /// plain list has a plain address.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if !self.search.is_empty() {
            params.push((SEARCH_PARAM, self.search.clone()));
        }
        if let Some(kind) = self.type_filter {
            params.push((TYPE_PARAM, kind.param().to_owned()));
        }
        if let Some(status) = self.status_filter {
            params.push((STATUS_PARAM, status.param().to_owned()));
        }
        if self.sort != SortOrder::default() {
            params.push((SORT_PARAM, self.sort.param().to_owned()));
        }
        params
    }

    /// Whether the search or a filter narrows the list (the sort alone does not).
    pub fn narrows(&self) -> bool {
        self.searches() || self.type_filter.is_some() || self.status_filter.is_some()
    }

    /// Whether what the list shows can change with time alone (rotations end, secrets age).
    pub fn depends_on_time(&self) -> bool {
        matches!(
            self.status_filter,
            Some(
                StatusFilter::RotationInProgress
                    | StatusFilter::RotationDue
                    | StatusFilter::RotationOverdue
            )
        ) || self.sort == SortOrder::PreviousSecretExpiringFirst
    }

    /// Whether the search narrows the list.
    pub fn searches(&self) -> bool {
        !self.search.trim().is_empty()
    }

    /// Whether `application` passes both filters at `now`.
    fn passes_filters(
        &self,
        application: &Application,
        now: DateTime<Utc>,
        policy: Option<&dyn RotationRule>,
    ) -> bool {
        self.type_filter.is_none_or(|kind| application.kind == kind)
            && self
                .status_filter
                .is_none_or(|status| EntryStatus::of(application, now, policy).has(status))
    }

    /// The positions in `sorted` (positions into `applications`, already in this query's
    /// order, see [`NameOrder::sorted`]) of the applications that match, in order. The search
    /// looks in `search_text` when given (built from the same `applications`), else in each
    /// application.
    pub fn matching_positions(
        &self,
        applications: &[Application],
        sorted: &[usize],
        search_text: Option<&SearchText>,
        now: DateTime<Utc>,
        policy: Option<&dyn RotationRule>,
    ) -> Vec<usize> {
        // The plain list (any order but the one time rearranges) is the sorted order itself.
        if !self.narrows() && self.sort != SortOrder::PreviousSecretExpiringFirst {
            return sorted.to_vec();
        }
        let search = self.search.trim().to_lowercase();
        let hits = search_text
            .filter(|_| !search.is_empty())
            .map(|text| text.hits(applications, &search));
        let found = |position: usize, app: &Application| match &hits {
            Some(hits) => hits.get(position).copied().unwrap_or(false),
            None => app.matches_search(&search),
        };
        let (in_progress, rest): (Vec<usize>, Vec<usize>) = sorted
            .iter()
            .copied()
            .filter(|&position| {
                applications.get(position).is_some_and(|app| {
                    found(position, app) && self.passes_filters(app, now, policy)
                })
            })
            .partition(|&position| {
                self.sort != SortOrder::PreviousSecretExpiringFirst
                    || applications
                        .get(position)
                        .is_some_and(|app| app.previous_secret(now).is_some())
            });
        // Expiring first: a previous secret that expired since the sort is gone, so its
        // application moves after those whose rotation is still in progress.
        let mut positions = in_progress;
        positions.extend(rest);
        positions
    }
}

/// Where a current secret stands against the rotation policy, as the list says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RotationAlert {
    Due,
    Overdue,
}

/// The rotation policy as the list needs it: whether a current secret created at
/// `secret_created_at` is due or overdue at `now` (`None` when neither).
pub trait RotationRule {
    fn alert(&self, secret_created_at: DateTime<Utc>, now: DateTime<Utc>) -> Option<RotationAlert>;
}

/// What a list entry says about an application besides its name and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EntryStatus {
    pub disabled: bool,
    pub has_client_secret: bool,
    /// When the previous secret of a rotation in progress expires.
    pub rotation_in_progress_until: Option<DateTime<Utc>>,
    pub rotation: Option<RotationAlert>,
}

impl EntryStatus {
    /// Applications without a secret, or whose secret's age is unknown, are never due.
    pub fn of(
        application: &Application,
        now: DateTime<Utc>,
        policy: Option<&dyn RotationRule>,
    ) -> Self {
        let secret = application.client_secret().ok();
        Self {
            disabled: !application.enabled(),
            has_client_secret: secret.is_some(),
            rotation_in_progress_until: application
                .previous_secret(now)
                .map(|previous| previous.expires_at),
            rotation: secret
                .and_then(|secret| secret.created_at)
                .zip(policy)
                .and_then(|(created_at, policy)| policy.alert(created_at, now)),
        }
    }

    pub fn has(self, filter: StatusFilter) -> bool {
        match filter {
            StatusFilter::RotationInProgress => self.rotation_in_progress_until.is_some(),
            StatusFilter::RotationDue => self.rotation.is_some(),
            StatusFilter::RotationOverdue => self.rotation == Some(RotationAlert::Overdue),
            StatusFilter::NoClientSecret => !self.has_client_secret,
            StatusFilter::Disabled => self.disabled,
        }
    }
}

/// How many applications are in each time-dependent state at `now`. Time only moves these
/// states forward (a rotation ends, a secret becomes due, then overdue), so every change of
/// one changes this tally: the list re-filters when the tally changes, not on every tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimeDependentTally {
    pub rotations_in_progress: usize,
    pub due: usize,
    pub overdue: usize,
}

impl TimeDependentTally {
    pub fn at(
        applications: &[Application],
        now: DateTime<Utc>,
        policy: Option<&dyn RotationRule>,
    ) -> Self {
        applications
            .iter()
            .map(|app| EntryStatus::of(app, now, policy))
            .fold(Self::default(), |mut tally, status| {
                tally.rotations_in_progress +=
                    usize::from(status.rotation_in_progress_until.is_some());
                tally.due += usize::from(status.rotation == Some(RotationAlert::Due));
                tally.overdue += usize::from(status.rotation == Some(RotationAlert::Overdue));
                tally
            })
    }
}

/// The applications by name (case-folded), then client ID: the list's default order, and the
/// tie-break of every other order. Computed once per change of the applications, so choosing
/// another sort compares numbers only, never names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameOrder {
    positions: Vec<usize>,
}

impl NameOrder {
    pub fn of(applications: &[Application]) -> Self {
        let mut keyed: Vec<(&str, &str, usize)> = applications
            .iter()
            .enumerate()
            .map(|(position, app)| (app.name().folded(), app.client_id.as_str(), position))
            .collect();
        keyed.sort_unstable();
        Self {
            positions: keyed.into_iter().map(|(_, _, position)| position).collect(),
        }
    }

    /// The order of `applications` after a change, from the order before it: most changes
    /// (a rotation, a revoke, Enabled) move no name, and checking that the old order still
    /// holds is one comparison per application instead of a sort of every name.
    pub fn after_change(previous: Option<&Self>, applications: &[Application]) -> Self {
        match previous {
            Some(previous) if previous.still_orders(applications) => previous.clone(),
            _ => Self::of(applications),
        }
    }

    /// Whether this order is still the name order of `applications`: one position for each,
    /// and every neighbour pair in order.
    fn still_orders(&self, applications: &[Application]) -> bool {
        let key = |position: usize| {
            applications
                .get(position)
                .map(|app| (app.name().folded(), app.client_id.as_str()))
        };
        self.positions.len() == applications.len()
            && self.positions.windows(2).all(|pair| match pair {
                [before, after] => match (key(*before), key(*after)) {
                    (Some(before), Some(after)) => before < after,
                    _ => false,
                },
                _ => true,
            })
    }

    /// Positions into `applications` (the ones this order was computed from) in `order`.
    /// Applications a key does not apply to go last (for Oldest secret first: those without a
    /// secret or whose secret's age is unknown); ties keep the name order.
    pub fn sorted(&self, applications: &[Application], order: SortOrder) -> Vec<usize> {
        if order == SortOrder::Name {
            return self.positions.clone();
        }
        /// An instant sort key: `None` (the key does not apply) sorts after every instant.
        fn instant(at: Option<DateTime<Utc>>) -> (bool, i64) {
            at.map_or((true, 0), |at| (false, at.timestamp_micros()))
        }
        let primary = |app: &Application| match order {
            SortOrder::Name => instant(None),
            SortOrder::NewestFirst => (false, -app.created_at.timestamp_micros()),
            SortOrder::OldestSecretFirst => instant(
                app.client_secret()
                    .ok()
                    .and_then(|secret| secret.created_at),
            ),
            SortOrder::PreviousSecretExpiringFirst => instant(
                app.stored_previous_secret()
                    .map(|previous| previous.expires_at),
            ),
        };
        // The rank in the name order is unique, so the keys are distinct and an unstable sort
        // gives the one order there is.
        let mut keyed: Vec<((bool, i64), usize, usize)> = self
            .positions
            .iter()
            .enumerate()
            .filter_map(|(rank, &position)| {
                applications
                    .get(position)
                    .map(|app| (primary(app), rank, position))
            })
            .collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, _, position)| position).collect()
    }
}

/// Every application's folded name and ASCII-folded client ID in one text, built once per
/// change of the applications, so a keystroke is one scan of one text instead of 20,000 scans
/// of small ones. It answers what [`Application::matches_search`] answers, application by
/// application.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchText {
    /// `name\0id\0` per application, in position order.
    text: String,
    /// Where each application's part of `text` ends, by position.
    ends: Vec<usize>,
}

/// Between the parts of `SearchText`: a query without it cannot match across two of them.
const SEPARATOR: char = '\0';

impl SearchText {
    pub fn of(applications: &[Application]) -> Self {
        let mut text = String::with_capacity(applications.len() * 64);
        let mut ends = Vec::with_capacity(applications.len());
        for app in applications {
            text.push_str(app.name().folded());
            text.push(SEPARATOR);
            text.push_str(&app.client_id.as_str().to_ascii_lowercase());
            text.push(SEPARATOR);
            ends.push(text.len());
        }
        Self { text, ends }
    }

    /// By position, whether each of `applications` (the ones this text was built from) matches
    /// `lowercase_query`.
    pub fn hits(&self, applications: &[Application], lowercase_query: &str) -> Vec<bool> {
        if lowercase_query.is_empty()
            || lowercase_query.contains(SEPARATOR)
            || self.ends.len() != applications.len()
        {
            return applications
                .iter()
                .map(|app| app.matches_search(lowercase_query))
                .collect();
        }
        let mut hits = vec![false; self.ends.len()];
        let mut from = 0;
        while let Some(found) = self
            .text
            .get(from..)
            .and_then(|rest| rest.find(lowercase_query))
        {
            let position = self.ends.partition_point(|&end| end <= from + found);
            let (Some(hit), Some(&end)) = (hits.get_mut(position), self.ends.get(position)) else {
                break;
            };
            *hit = true;
            // One match is enough: go on with the next application.
            from = end;
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::convert::Infallible;

    use chrono::{Duration, TimeZone};

    use super::*;
    use crate::domain::{
        ApplicationName, ClientId, CustomRetention, DurationUnit, Retention, SecretValue,
    };

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    }

    fn app(name: &str, kind: ApplicationType, created_days_ago: i64) -> Application {
        Application::create(
            ClientId::new(name.to_lowercase().replace(' ', "-")),
            ApplicationName::parse(name).unwrap(),
            kind,
            now() - Duration::days(created_days_ago),
            || Ok::<_, Infallible>(SecretValue::new(format!("{name}-first"))),
        )
        .unwrap()
    }

    /// Rotates `application` `days_ago` days ago, keeping the old secret for `retained_days`.
    fn rotated(mut application: Application, days_ago: i64, retained_days: u32) -> Application {
        let at = now() - Duration::days(days_ago);
        let secret = SecretValue::new(format!("{}-rotated-{days_ago}", application.client_id));
        application
            .rotate_secret(
                secret,
                Retention::Custom(CustomRetention::new(retained_days, DurationUnit::Days).unwrap()),
                at,
            )
            .unwrap();
        application
    }

    fn query_of(pairs: &[(&str, &str)]) -> ListQuery {
        let map: HashMap<&str, &str> = pairs.iter().copied().collect();
        ListQuery::from_params(|name| map.get(name).copied())
    }

    fn names(applications: &[Application], positions: &[usize]) -> Vec<String> {
        positions
            .iter()
            .map(|&position| applications[position].name().as_str().to_owned())
            .collect()
    }

    fn shown(
        applications: &[Application],
        query: &ListQuery,
        policy: Option<&dyn RotationRule>,
    ) -> Vec<String> {
        let sorted = NameOrder::of(applications).sorted(applications, query.sort);
        names(
            applications,
            &query.matching_positions(
                applications,
                &sorted,
                Some(&SearchText::of(applications)),
                now(),
                policy,
            ),
        )
    }

    /// A policy that calls a secret due after 60 days and overdue after 90.
    struct NinetyDays;

    impl RotationRule for NinetyDays {
        fn alert(&self, created: DateTime<Utc>, now: DateTime<Utc>) -> Option<RotationAlert> {
            let age = now - created;
            if age >= Duration::days(90) {
                Some(RotationAlert::Overdue)
            } else if age >= Duration::days(60) {
                Some(RotationAlert::Due)
            } else {
                None
            }
        }
    }

    fn sample() -> Vec<Application> {
        let mut disabled = app("Delta Worker", ApplicationType::Worker, 30);
        disabled.set_enabled(false, now()).unwrap();
        vec![
            app("charlie portal", ApplicationType::OidcWebApp, 100),
            rotated(app("Alpha Mobile", ApplicationType::Native, 50), 1, 7),
            app("Bravo Widget", ApplicationType::SinglePage, 10),
            disabled,
            app("Echo SAML", ApplicationType::Saml, 5),
            rotated(app("Foxtrot Web", ApplicationType::OidcWebApp, 70), 2, 3),
        ]
    }

    #[test]
    fn a_query_survives_being_written_to_the_address_and_read_back() {
        let query = ListQuery {
            search: "portal & co?".to_owned(),
            type_filter: Some(ApplicationType::WsFederation),
            status_filter: Some(StatusFilter::RotationDue),
            sort: SortOrder::PreviousSecretExpiringFirst,
        };
        let params = query.to_params();
        let read = ListQuery::from_params(|name| {
            params
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.as_str())
        });
        assert_eq!(read, query);
    }

    #[test]
    fn every_type_status_and_sort_round_trips_through_its_address_name() {
        for kind in ApplicationType::ALL {
            assert_eq!(ApplicationType::from_param(kind.param()), Some(kind));
        }
        for status in StatusFilter::ALL {
            assert_eq!(StatusFilter::from_param(status.param()), Some(status));
        }
        for order in SortOrder::ALL {
            assert_eq!(SortOrder::from_param(order.param()), Some(order));
        }
    }

    #[test]
    fn the_default_query_writes_no_parameters() {
        assert!(ListQuery::default().to_params().is_empty());
        assert_eq!(query_of(&[]), ListQuery::default());
    }

    #[test]
    fn unknown_values_in_the_address_are_ignored_and_the_rest_still_applies() {
        let query = query_of(&[
            ("q", "bank"),
            ("type", "mainframe"),
            ("status", "<script>"),
            ("sort", "random"),
            ("colour", "red"),
        ]);
        assert_eq!(
            query,
            ListQuery {
                search: "bank".to_owned(),
                ..ListQuery::default()
            }
        );
        assert_eq!(
            query_of(&[("type", "NATIVE")]).type_filter,
            None,
            "values are exact"
        );
    }

    #[test]
    fn the_plain_list_shows_every_application_by_name_ignoring_case() {
        let applications = sample();
        assert_eq!(
            shown(&applications, &ListQuery::default(), None),
            [
                "Alpha Mobile",
                "Bravo Widget",
                "charlie portal",
                "Delta Worker",
                "Echo SAML",
                "Foxtrot Web"
            ]
        );
    }

    #[test]
    fn the_type_filter_keeps_only_that_type() {
        let applications = sample();
        let query = query_of(&[("type", "oidc-web-app")]);
        assert_eq!(
            shown(&applications, &query, None),
            ["charlie portal", "Foxtrot Web"]
        );
    }

    #[test]
    fn rotation_in_progress_keeps_applications_with_an_unexpired_previous_secret() {
        let applications = sample();
        let query = query_of(&[("status", "rotation-in-progress")]);
        assert_eq!(
            shown(&applications, &query, None),
            ["Alpha Mobile", "Foxtrot Web"]
        );
        let later = now() + Duration::days(2);
        let sorted = NameOrder::of(&applications).sorted(&applications, query.sort);
        assert_eq!(
            names(
                &applications,
                &query.matching_positions(&applications, &sorted, None, later, None)
            ),
            ["Alpha Mobile"],
            "Foxtrot Web's previous secret expired a day after that"
        );
    }

    #[test]
    fn no_client_secret_keeps_public_clients_and_non_oidc_applications() {
        let applications = sample();
        let query = query_of(&[("status", "no-client-secret")]);
        assert_eq!(
            shown(&applications, &query, None),
            ["Bravo Widget", "Echo SAML"]
        );
    }

    #[test]
    fn disabled_keeps_only_disabled_applications() {
        let applications = sample();
        let query = query_of(&[("status", "disabled")]);
        assert_eq!(shown(&applications, &query, None), ["Delta Worker"]);
    }

    #[test]
    fn rotation_due_keeps_due_and_overdue_secrets_and_nothing_without_a_policy() {
        let applications = sample();
        let query = query_of(&[("status", "rotation-due")]);
        assert!(shown(&applications, &query, None).is_empty());
        // charlie's secret is 100 days old (overdue); the others were created or rotated since.
        assert_eq!(
            shown(&applications, &query, Some(&NinetyDays)),
            ["charlie portal"]
        );
    }

    #[test]
    fn rotation_overdue_keeps_only_secrets_past_the_interval() {
        let mut applications = sample();
        applications.push(app("Echo Due", ApplicationType::OidcWebApp, 70));
        let query = query_of(&[("status", "rotation-overdue")]);
        assert!(shown(&applications, &query, None).is_empty());
        assert_eq!(
            shown(&applications, &query, Some(&NinetyDays)),
            ["charlie portal"]
        );
        let due = query_of(&[("status", "rotation-due")]);
        assert_eq!(
            shown(&applications, &due, Some(&NinetyDays)),
            ["charlie portal", "Echo Due"]
        );
    }

    #[test]
    fn applications_without_a_secret_are_never_due() {
        let old_spa = app("Old SPA", ApplicationType::SinglePage, 400);
        let status = EntryStatus::of(&old_spa, now(), Some(&NinetyDays));
        assert_eq!(status.rotation, None);
        assert!(!status.has(StatusFilter::RotationDue));
    }

    #[test]
    fn an_entry_says_when_the_previous_secret_of_a_rotation_in_progress_expires() {
        let application = rotated(app("Alpha Mobile", ApplicationType::Native, 50), 1, 7);
        let status = EntryStatus::of(&application, now(), None);
        assert_eq!(
            status.rotation_in_progress_until,
            Some(now() + Duration::days(6))
        );
        assert!(!status.disabled);
    }

    #[test]
    fn search_filters_and_sort_combine() {
        let applications = sample();
        let query = query_of(&[
            ("q", "O"),
            ("status", "rotation-in-progress"),
            ("sort", "newest"),
        ]);
        assert_eq!(
            shown(&applications, &query, None),
            ["Alpha Mobile", "Foxtrot Web"]
        );
    }

    #[test]
    fn newest_first_orders_by_creation_descending() {
        let applications = sample();
        let query = query_of(&[("sort", "newest")]);
        assert_eq!(
            shown(&applications, &query, None),
            [
                "Echo SAML",
                "Bravo Widget",
                "Delta Worker",
                "Alpha Mobile",
                "Foxtrot Web",
                "charlie portal"
            ]
        );
    }

    #[test]
    fn oldest_secret_first_puts_applications_without_a_secret_last() {
        let applications = sample();
        let query = query_of(&[("sort", "oldest-secret")]);
        assert_eq!(
            shown(&applications, &query, None),
            [
                "charlie portal",
                "Delta Worker",
                "Foxtrot Web",
                "Alpha Mobile",
                "Bravo Widget",
                "Echo SAML"
            ]
        );
    }

    #[test]
    fn previous_secret_expiring_first_puts_the_soonest_expiry_first_and_the_rest_by_name() {
        let applications = sample();
        let query = query_of(&[("sort", "previous-expiring")]);
        assert_eq!(
            shown(&applications, &query, None),
            [
                "Foxtrot Web",
                "Alpha Mobile",
                "Bravo Widget",
                "charlie portal",
                "Delta Worker",
                "Echo SAML"
            ]
        );
    }

    #[test]
    fn a_previous_secret_that_expired_since_the_sort_moves_its_application_after_those_in_progress()
    {
        let applications = sample();
        let query = query_of(&[("sort", "previous-expiring")]);
        let sorted = NameOrder::of(&applications).sorted(&applications, query.sort);
        let later = now() + Duration::days(2);
        let positions = query.matching_positions(&applications, &sorted, None, later, None);
        assert_eq!(
            names(&applications, &positions[..2]),
            ["Alpha Mobile", "Foxtrot Web"]
        );
    }

    #[test]
    fn the_tally_changes_when_a_rotation_ends() {
        let applications = sample();
        let before = TimeDependentTally::at(&applications, now(), None);
        let after = TimeDependentTally::at(&applications, now() + Duration::days(2), None);
        assert_eq!(before.rotations_in_progress, 2);
        assert_eq!(after.rotations_in_progress, 1);
        assert_eq!(
            TimeDependentTally::at(&applications, now(), Some(&NinetyDays)).overdue,
            1
        );
    }

    #[test]
    fn only_rotation_filters_and_the_expiry_sort_depend_on_time() {
        assert!(query_of(&[("status", "rotation-in-progress")]).depends_on_time());
        assert!(query_of(&[("status", "rotation-due")]).depends_on_time());
        assert!(query_of(&[("status", "rotation-overdue")]).depends_on_time());
        assert!(query_of(&[("sort", "previous-expiring")]).depends_on_time());
        assert!(!query_of(&[("status", "disabled"), ("sort", "oldest-secret")]).depends_on_time());
    }

    #[test]
    fn narrows_is_true_for_search_or_filters_but_not_for_sort_alone() {
        assert!(!query_of(&[("sort", "newest")]).narrows());
        assert!(!query_of(&[("q", "   ")]).narrows());
        assert!(query_of(&[("q", "a")]).narrows());
        assert!(query_of(&[("status", "disabled")]).narrows());
    }

    #[test]
    fn the_search_text_finds_exactly_the_applications_that_match_one_by_one() {
        let mut applications = sample();
        applications.push(app("Ärzte Österreich", ApplicationType::Worker, 3));
        applications.push(Application::restore(
            ClientId::new("0BadC0de-UPPER"),
            ApplicationName::parse("Ledger").unwrap(),
            ApplicationType::Saml,
            true,
            crate::domain::TokenEndpointAuthMethod::None,
            now(),
            1,
            None,
            None,
        ));
        let text = SearchText::of(&applications);
        let queries = [
            "a",
            "k",
            "ärzte",
            "österreich",
            "0badc0de",
            "upper",
            "ledger0bad",
            "ger\u{0}0b",
            "\0",
            "portal",
            "mobile",
            "-",
            "zzz",
        ];
        for query in queries {
            let expected: Vec<bool> = applications
                .iter()
                .map(|app| app.matches_search(query))
                .collect();
            assert_eq!(text.hits(&applications, query), expected, "query {query:?}");
        }
    }

    #[test]
    fn the_name_order_after_a_change_is_the_name_order_of_the_applications_after_it() {
        let mut applications = sample();
        let before = NameOrder::of(&applications);
        // A rotation moves no name: the order before it still holds.
        applications[0] = rotated(applications[0].clone(), 0, 1);
        assert_eq!(
            NameOrder::after_change(Some(&before), &applications),
            NameOrder::of(&applications)
        );
        // A rename that moves a name, an added and a removed application each re-sort.
        applications[0]
            .rename(ApplicationName::parse("Aardvark").unwrap(), now())
            .unwrap();
        let renamed = NameOrder::after_change(Some(&before), &applications);
        assert_eq!(renamed, NameOrder::of(&applications));
        assert_ne!(renamed, before);
        applications.push(app("Zulu", ApplicationType::Saml, 1));
        assert_eq!(
            NameOrder::after_change(Some(&renamed), &applications),
            NameOrder::of(&applications)
        );
        let longer = NameOrder::of(&applications);
        applications.remove(0);
        assert_eq!(
            NameOrder::after_change(Some(&longer), &applications),
            NameOrder::of(&applications)
        );
        assert_eq!(
            NameOrder::after_change(None, &applications),
            NameOrder::of(&applications)
        );
    }

    #[test]
    fn the_plain_list_in_every_order_time_does_not_rearrange_is_the_sorted_order() {
        let applications = sample();
        for sort in [
            SortOrder::Name,
            SortOrder::NewestFirst,
            SortOrder::OldestSecretFirst,
        ] {
            let sorted = NameOrder::of(&applications).sorted(&applications, sort);
            let query = ListQuery {
                sort,
                ..ListQuery::default()
            };
            assert_eq!(
                query.matching_positions(&applications, &sorted, None, now(), Some(&NinetyDays)),
                sorted
            );
        }
    }
}
