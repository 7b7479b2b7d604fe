//! The application repository: one record per application plus an index, over any `RecordStore`.
//!
//! One rotation writes one small record whatever the number of applications; only adding or
//! deleting an application rewrites the index. Damage is contained: a record that cannot be read is never
//! written or deleted by this code, it is reported with its raw text so the user can keep a
//! copy, and every other application stays usable. Writes are compare-and-set on the record's
//! revision, so a writer holding stale data is refused instead of overwriting newer data.

use std::collections::HashSet;

use crate::domain::{Application, ClientId};

use super::activity::ActivityLog;
use super::record::{self, RecordProblem};
use super::settings::SettingsRepository;
use super::{RecordStore, WriteError};

/// Every key this app owns starts with this; the `v1` names the key layout, not the record schema.
pub const KEY_PREFIX: &str = "client-secret-console.v1.";
pub const INDEX_KEY: &str = "client-secret-console.v1.index";
const RECORD_PREFIX: &str = "client-secret-console.v1.app.";

pub fn record_key(client_id: &ClientId) -> String {
    format!("{RECORD_PREFIX}{client_id}")
}

/// The application a storage key belongs to, if it is one of our records.
pub fn client_id_of_key(key: &str) -> Option<ClientId> {
    key.strip_prefix(RECORD_PREFIX).map(ClientId::new)
}

/// A stored item that could not be used, with its raw text when there is any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageProblem {
    pub key: String,
    pub raw: Option<String>,
    pub problem: RecordProblem,
}

impl StorageProblem {
    /// Whether this is part of the activity log rather than an application or the index.
    pub fn concerns_activity(&self) -> bool {
        matches!(self.problem, RecordProblem::Activity(_))
    }
}

/// Everything readable, and a report of everything that was not.
#[derive(Debug, Default)]
pub struct LoadedApplications {
    /// In index order, then any records the index does not list.
    pub applications: Vec<Application>,
    pub problems: Vec<StorageProblem>,
    /// Nothing of ours is stored at all: a first visit.
    pub is_empty: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error(transparent)]
    Store(#[from] WriteError),
    #[error("This application was changed elsewhere (another tab or window) since it was loaded.")]
    Conflict { stored: Box<Option<Application>> },
    #[error("The stored data for this application is unreadable, so it was left untouched: {0}.")]
    Unreadable(RecordProblem),
    #[error(
        "The stored list of applications is unreadable, so it was left untouched and applications cannot be added or deleted."
    )]
    IndexUnreadable,
}

/// How far a batch got: the first `added` applications are stored and listed, the rest not.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{error}")]
pub struct BatchError {
    pub added: usize,
    pub error: SaveError,
}

pub struct ApplicationRepository {
    store: Box<dyn RecordStore>,
}

impl ApplicationRepository {
    pub fn new(store: Box<dyn RecordStore>) -> Self {
        Self { store }
    }

    /// The activity log, kept in the same store.
    pub fn activity(&self) -> ActivityLog<'_> {
        ActivityLog::new(self.store.as_ref())
    }

    /// The console-wide settings, kept in the same store.
    pub fn settings(&self) -> SettingsRepository<'_> {
        SettingsRepository {
            store: self.store.as_ref(),
        }
    }

    /// The PingOne connection's remembered settings, kept in the same store.
    pub fn remembered_connection(&self) -> super::RememberedConnection {
        super::remembered_connection(self.store.as_ref())
    }

    pub fn remember_connection(
        &self,
        connection: &crate::domain::Connection,
    ) -> Result<(), super::WriteError> {
        super::remember_connection(self.store.as_ref(), connection)
    }

    /// When this console generated `application_id`'s secret, as remembered in this store.
    pub fn generated_secret(&self, application_id: &str) -> Option<super::GeneratedSecret> {
        super::generated_secrets::generated_secret(self.store.as_ref(), application_id)
    }

    /// Remembers when this console generated `application_id`'s secret (never the secret).
    pub fn remember_generated_secret(
        &self,
        application_id: &str,
        generated: &super::GeneratedSecret,
    ) -> Result<(), super::RememberError> {
        super::generated_secrets::remember_generated_secret(
            self.store.as_ref(),
            application_id,
            generated,
        )
    }

    pub fn load_all(&self) -> LoadedApplications {
        let mut loaded = LoadedApplications::default();
        let keys = match self.store.keys() {
            Ok(keys) => keys,
            Err(error) => {
                loaded.problems.push(StorageProblem {
                    key: KEY_PREFIX.into(),
                    raw: None,
                    problem: RecordProblem::WrongShape(error.to_string()),
                });
                return loaded;
            }
        };
        let stored_ids: HashSet<&str> = keys
            .iter()
            .filter_map(|key| key.strip_prefix(RECORD_PREFIX))
            .collect();
        let index = self.read_index();
        loaded.is_empty = stored_ids.is_empty() && matches!(index, Ok(None));
        let listed = match index {
            Ok(listed) => listed.unwrap_or_default(),
            Err(problem) => {
                loaded.problems.push(problem);
                Vec::new()
            }
        };
        let listed_set: HashSet<&str> = listed.iter().map(ClientId::as_str).collect();
        let index_readable = loaded.problems.is_empty();
        let mut unlisted: Vec<ClientId> = stored_ids
            .iter()
            .filter(|id| !listed_set.contains(*id))
            .map(|id| ClientId::new(*id))
            .collect();
        unlisted.sort_unstable();
        for client_id in listed.iter().chain(&unlisted) {
            match self.load(client_id) {
                Ok(Some(application)) => {
                    if index_readable && !listed_set.contains(client_id.as_str()) {
                        let key = record_key(client_id);
                        let raw = self.store.get(&key).ok().flatten();
                        loaded.problems.push(StorageProblem {
                            key,
                            raw,
                            problem: RecordProblem::NotInIndex,
                        });
                    }
                    loaded.applications.push(application);
                }
                Ok(None) => loaded.problems.push(StorageProblem {
                    key: record_key(client_id),
                    raw: None,
                    problem: RecordProblem::MissingRecord,
                }),
                Err(problem) => loaded.problems.push(problem),
            }
        }
        loaded
    }

    /// The application stored under `client_id`, if any.
    pub fn load(&self, client_id: &ClientId) -> Result<Option<Application>, StorageProblem> {
        let key = record_key(client_id);
        let raw = self.store.get(&key).map_err(|error| StorageProblem {
            key: key.clone(),
            raw: None,
            problem: RecordProblem::WrongShape(error.to_string()),
        })?;
        let Some(raw) = raw else { return Ok(None) };
        record::decode(client_id, &raw)
            .map(Some)
            .map_err(|problem| StorageProblem {
                key,
                raw: Some(raw),
                problem,
            })
    }

    /// Writes `application` if the stored record still has `expected_revision`.
    pub fn save(&self, application: &Application, expected_revision: u64) -> Result<(), SaveError> {
        let key = record_key(&application.client_id);
        let existing = self.expect_revision(&key, &application.client_id, expected_revision)?;
        self.store
            .set(&key, &record::encode(application, Some(&existing)))?;
        Ok(())
    }

    /// The stored text under `key`, if it decodes to a record at `expected_revision`; the
    /// compare half of compare-and-set.
    fn expect_revision(
        &self,
        key: &str,
        client_id: &ClientId,
        expected_revision: u64,
    ) -> Result<String, SaveError> {
        let Some(existing) = self.store.get(key)? else {
            return Err(SaveError::Conflict {
                stored: Box::new(None),
            });
        };
        let stored = record::decode(client_id, &existing).map_err(SaveError::Unreadable)?;
        if stored.revision() != expected_revision {
            return Err(SaveError::Conflict {
                stored: Box::new(Some(stored)),
            });
        }
        Ok(existing)
    }

    /// Stores a new application and lists it in the index.
    pub fn add(&self, application: &Application) -> Result<(), SaveError> {
        let listed = self
            .read_index()
            .map_err(|_| SaveError::IndexUnreadable)?
            .unwrap_or_default();
        let key = record_key(&application.client_id);
        if self.store.get(&key)?.is_some() {
            return Err(SaveError::Conflict {
                stored: Box::new(None),
            });
        }
        self.store.set(&key, &record::encode(application, None))?;
        self.write_index(listed, std::slice::from_ref(&application.client_id))
    }

    /// Stores many new applications with one index write, for an import. The index is written
    /// first, listing them all, so a record never exists unlisted; if a record then cannot be
    /// written (a full storage), the index is rewritten without the ones that were not, which
    /// always fits because it shrinks. Nothing is written if any of them is already stored.
    pub fn add_batch(&self, applications: &[Application]) -> Result<(), BatchError> {
        let refuse = |error: SaveError| BatchError { added: 0, error };
        let listed = self
            .read_index()
            .map_err(|_| refuse(SaveError::IndexUnreadable))?
            .unwrap_or_default();
        for application in applications {
            if self
                .store
                .get(&record_key(&application.client_id))
                .map_err(|error| refuse(error.into()))?
                .is_some()
            {
                return Err(refuse(SaveError::Conflict {
                    stored: Box::new(None),
                }));
            }
        }
        let ids: Vec<ClientId> = applications
            .iter()
            .map(|application| application.client_id.clone())
            .collect();
        self.write_index(listed.clone(), &ids).map_err(refuse)?;
        for (added, application) in applications.iter().enumerate() {
            let key = record_key(&application.client_id);
            if let Err(error) = self.store.set(&key, &record::encode(application, None)) {
                // The repair's own failure leaves the index naming missing records, which
                // loading reports; the write's error is the one to tell.
                let _ = self.write_index(listed, &ids[..added]);
                return Err(BatchError {
                    added,
                    error: error.into(),
                });
            }
        }
        Ok(())
    }

    /// Writes the index as `listed` plus `added`, plus any stored record the index had lost,
    /// so every rewrite also repairs it.
    fn write_index(&self, mut listed: Vec<ClientId>, added: &[ClientId]) -> Result<(), SaveError> {
        listed.extend_from_slice(added);
        let listed_set: HashSet<ClientId> = listed.iter().cloned().collect();
        let mut unlisted: Vec<ClientId> = self
            .store
            .keys()?
            .iter()
            .filter_map(|key| key.strip_prefix(RECORD_PREFIX))
            .map(ClientId::new)
            .filter(|id| !listed_set.contains(id))
            .collect();
        unlisted.sort_unstable();
        listed.extend(unlisted);
        let index = serde_json::to_string(&listed)
            .map_err(|error| WriteError::Refused(error.to_string()))?;
        self.store.set(INDEX_KEY, &index)?;
        Ok(())
    }

    /// Deletes the application if the stored record still has `expected_revision`: its record,
    /// then its index entry. In that order a failure between the two writes leaves an index
    /// entry without a record, which `load_all` reports (`MissingRecord`) and never shows as an
    /// application; the other order would leave a record the index does not list, which loads
    /// as an application again. An unreadable record or index is refused, never deleted.
    pub fn delete(&self, client_id: &ClientId, expected_revision: u64) -> Result<(), SaveError> {
        let listed = self
            .read_index()
            .map_err(|_| SaveError::IndexUnreadable)?
            .unwrap_or_default();
        let key = record_key(client_id);
        self.expect_revision(&key, client_id, expected_revision)?;
        self.store.remove(&key)?;
        if listed.contains(client_id) {
            let remaining: Vec<&ClientId> = listed.iter().filter(|id| *id != client_id).collect();
            let index = serde_json::to_string(&remaining)
                .map_err(|error| WriteError::Refused(error.to_string()))?;
            self.store.set(INDEX_KEY, &index)?;
        }
        Ok(())
    }

    fn read_index(&self) -> Result<Option<Vec<ClientId>>, StorageProblem> {
        let problem = |raw: Option<String>, detail: String| StorageProblem {
            key: INDEX_KEY.into(),
            raw,
            problem: RecordProblem::UnreadableIndex(detail),
        };
        let Some(raw) = self
            .store
            .get(INDEX_KEY)
            .map_err(|error| problem(None, error.to_string()))?
        else {
            return Ok(None);
        };
        match serde_json::from_str(&raw) {
            Ok(listed) => Ok(Some(listed)),
            Err(error) => Err(problem(Some(raw), error.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ApplicationName, ApplicationType, Retention, SecretValue};
    use crate::storage::InMemoryStore;
    use chrono::{TimeZone, Utc};
    use std::convert::Infallible;
    use std::rc::Rc;

    fn repository() -> (ApplicationRepository, Rc<InMemoryStore>) {
        let store = Rc::new(InMemoryStore::new());
        (ApplicationRepository::new(Box::new(store.clone())), store)
    }

    fn app(id: &str, name: &str) -> Application {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap();
        Application::create(
            ClientId::new(id),
            ApplicationName::parse(name).unwrap(),
            ApplicationType::Worker,
            now,
            || Ok::<_, Infallible>(SecretValue::new(format!("{id}-secret"))),
        )
        .unwrap()
    }

    #[test]
    fn an_empty_store_is_a_first_visit() {
        let (repository, _) = repository();
        let loaded = repository.load_all();
        assert!(loaded.is_empty && loaded.applications.is_empty() && loaded.problems.is_empty());
    }

    #[test]
    fn added_applications_load_back_in_order() {
        let (repository, _) = repository();
        repository.add(&app("b", "Second")).unwrap();
        repository.add(&app("a", "First")).unwrap();
        let loaded = repository.load_all();
        let names: Vec<&str> = loaded
            .applications
            .iter()
            .map(|app| app.name().as_str())
            .collect();
        assert_eq!(names, ["Second", "First"]);
        assert!(loaded.problems.is_empty() && !loaded.is_empty);
    }

    #[test]
    fn saving_writes_only_that_applications_record() {
        let (repository, store) = repository();
        repository.add(&app("a", "A")).unwrap();
        repository.add(&app("b", "B")).unwrap();
        let index_before = store.get(INDEX_KEY).unwrap();
        let other_before = store.get(&record_key(&ClientId::new("b"))).unwrap();
        let mut changed = repository.load(&ClientId::new("a")).unwrap().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        changed
            .rotate_secret(SecretValue::new("new".into()), Retention::OneDay, now)
            .unwrap();
        repository.save(&changed, 1).unwrap();
        assert_eq!(store.get(INDEX_KEY).unwrap(), index_before);
        assert_eq!(
            store.get(&record_key(&ClientId::new("b"))).unwrap(),
            other_before
        );
        assert_eq!(repository.load(&ClientId::new("a")).unwrap(), Some(changed));
    }

    #[test]
    fn a_save_based_on_a_stale_revision_is_refused() {
        let (repository, _) = repository();
        repository.add(&app("a", "A")).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let mut first = repository.load(&ClientId::new("a")).unwrap().unwrap();
        let mut second = first.clone();
        first
            .rotate_secret(SecretValue::new("one".into()), Retention::DoNotRetain, now)
            .unwrap();
        second
            .rotate_secret(SecretValue::new("two".into()), Retention::DoNotRetain, now)
            .unwrap();
        repository.save(&first, 1).unwrap();
        assert!(matches!(
            repository.save(&second, 1),
            Err(SaveError::Conflict { .. })
        ));
        let stored = repository.load(&ClientId::new("a")).unwrap().unwrap();
        assert_eq!(
            stored.client_secret().unwrap().value,
            SecretValue::new("one".into())
        );
    }

    /// Applications "a" and "b", with b's record damaged; returns b's key too.
    fn repository_with_b_broken() -> (ApplicationRepository, Rc<InMemoryStore>, String) {
        let (repository, store) = repository();
        repository.add(&app("a", "A")).unwrap();
        repository.add(&app("b", "B")).unwrap();
        let key = record_key(&ClientId::new("b"));
        store.insert_raw(&key, "{broken");
        (repository, store, key)
    }

    #[test]
    fn an_unreadable_record_is_reported_kept_and_never_overwritten() {
        let (repository, store, key) = repository_with_b_broken();
        let loaded = repository.load_all();
        assert_eq!(loaded.applications.len(), 1);
        assert_eq!(loaded.problems.len(), 1);
        assert_eq!(loaded.problems[0].raw.as_deref(), Some("{broken"));
        assert!(matches!(
            loaded.problems[0].problem,
            RecordProblem::InvalidJson(_)
        ));
        let mut replacement = app("b", "B");
        replacement
            .rotate_secret(
                SecretValue::new("x".into()),
                Retention::DoNotRetain,
                Utc::now(),
            )
            .unwrap();
        assert!(matches!(
            repository.save(&replacement, 1),
            Err(SaveError::Unreadable(_))
        ));
        assert!(matches!(
            repository.add(&app("b", "B")),
            Err(SaveError::Conflict { .. })
        ));
        assert_eq!(store.get(&key).unwrap().as_deref(), Some("{broken"));
    }

    #[test]
    fn an_unreadable_index_is_kept_and_the_records_still_load() {
        let (repository, store) = repository();
        repository.add(&app("a", "A")).unwrap();
        store.insert_raw(INDEX_KEY, "[\"a\"");
        let loaded = repository.load_all();
        assert_eq!(loaded.applications.len(), 1);
        assert!(matches!(
            loaded.problems[0].problem,
            RecordProblem::UnreadableIndex(_)
        ));
        assert_eq!(
            repository.add(&app("c", "C")),
            Err(SaveError::IndexUnreadable)
        );
        assert_eq!(store.get(INDEX_KEY).unwrap().as_deref(), Some("[\"a\""));
    }

    #[test]
    fn index_entries_without_records_and_records_without_entries_are_reported() {
        let (repository, store) = repository();
        repository.add(&app("a", "A")).unwrap();
        store.insert_raw(INDEX_KEY, "[\"a\",\"ghost\"]");
        store.insert_raw(
            &record_key(&ClientId::new("stray")),
            &store
                .get(&record_key(&ClientId::new("a")))
                .unwrap()
                .unwrap(),
        );
        let loaded = repository.load_all();
        assert_eq!(
            loaded.applications.len(),
            2,
            "the stray record is still usable"
        );
        let problems: Vec<&RecordProblem> = loaded
            .problems
            .iter()
            .map(|problem| &problem.problem)
            .collect();
        assert_eq!(
            problems,
            [&RecordProblem::MissingRecord, &RecordProblem::NotInIndex]
        );
    }

    #[test]
    fn adding_relists_records_the_index_had_lost() {
        let (repository, store) = repository();
        repository.add(&app("a", "A")).unwrap();
        store.insert_raw(
            &record_key(&ClientId::new("stray")),
            &store
                .get(&record_key(&ClientId::new("a")))
                .unwrap()
                .unwrap(),
        );
        repository.add(&app("b", "B")).unwrap();
        assert!(repository.load_all().problems.is_empty());
    }

    /// A store that fills up: writes succeed until `room` of them have been made.
    struct FillsUp {
        store: Rc<InMemoryStore>,
        room: std::cell::Cell<usize>,
    }

    impl RecordStore for FillsUp {
        fn get(&self, key: &str) -> Result<Option<String>, WriteError> {
            self.store.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
            // Shrinking the index always fits, as it does in a full localStorage.
            let shrinks = self
                .store
                .get(key)?
                .is_some_and(|old| old.len() > value.len());
            if self.room.get() == 0 && !shrinks {
                return Err(WriteError::QuotaExceeded);
            }
            self.room.set(self.room.get().saturating_sub(1));
            self.store.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), WriteError> {
            self.store.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, WriteError> {
            self.store.keys()
        }
    }

    #[test]
    fn a_batch_is_listed_with_one_index_write_and_loads_back_in_order() {
        let (repository, store) = repository();
        repository.add(&app("a", "A")).unwrap();
        let batch = [app("b", "B"), app("c", "C"), app("d", "D")];
        repository.add_batch(&batch).unwrap();
        let loaded = repository.load_all();
        let ids: Vec<&str> = loaded
            .applications
            .iter()
            .map(|app| app.client_id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b", "c", "d"]);
        assert!(loaded.problems.is_empty());
        assert_eq!(
            store.get(INDEX_KEY).unwrap().as_deref(),
            Some("[\"a\",\"b\",\"c\",\"d\"]")
        );
    }

    #[test]
    fn a_batch_that_fills_the_storage_part_way_leaves_index_and_records_agreeing() {
        let store = Rc::new(InMemoryStore::new());
        let repository = ApplicationRepository::new(Box::new(FillsUp {
            store: store.clone(),
            // The index, then two of the four records.
            room: std::cell::Cell::new(3),
        }));
        let batch = [app("a", "A"), app("b", "B"), app("c", "C"), app("d", "D")];
        let error = repository.add_batch(&batch).unwrap_err();
        assert_eq!(
            error,
            BatchError {
                added: 2,
                error: SaveError::Store(WriteError::QuotaExceeded)
            }
        );
        let loaded = repository.load_all();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let ids: Vec<&str> = loaded
            .applications
            .iter()
            .map(|app| app.client_id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn a_batch_with_an_already_stored_application_writes_nothing() {
        let (repository, store) = repository();
        repository.add(&app("b", "B")).unwrap();
        store.insert_raw(&record_key(&ClientId::new("x")), "{broken");
        let before = store.get(INDEX_KEY).unwrap();
        for clash in ["b", "x"] {
            let error = repository
                .add_batch(&[app("a", "A"), app(clash, "Clash")])
                .unwrap_err();
            assert_eq!(error.added, 0);
            assert!(matches!(error.error, SaveError::Conflict { .. }));
        }
        assert_eq!(store.get(INDEX_KEY).unwrap(), before);
        assert_eq!(store.get(&record_key(&ClientId::new("a"))).unwrap(), None);
        assert_eq!(
            store
                .get(&record_key(&ClientId::new("x")))
                .unwrap()
                .as_deref(),
            Some("{broken")
        );
    }

    #[test]
    fn deleting_removes_the_record_and_its_index_entry_only() {
        let (repository, store) = repository();
        for (id, name) in [("a", "A"), ("b", "B"), ("c", "C")] {
            repository.add(&app(id, name)).unwrap();
        }
        let other_before = store.get(&record_key(&ClientId::new("c"))).unwrap();

        repository.delete(&ClientId::new("b"), 1).unwrap();

        assert_eq!(store.get(&record_key(&ClientId::new("b"))).unwrap(), None);
        assert_eq!(
            store.get(INDEX_KEY).unwrap().as_deref(),
            Some(r#"["a","c"]"#)
        );
        assert_eq!(
            store.get(&record_key(&ClientId::new("c"))).unwrap(),
            other_before
        );
        let loaded = repository.load_all();
        assert!(loaded.problems.is_empty() && !loaded.is_empty);
        assert_eq!(loaded.applications.len(), 2);
    }

    #[test]
    fn a_delete_based_on_a_stale_revision_is_refused_and_keeps_the_application() {
        let (repository, store) = repository();
        repository.add(&app("a", "A")).unwrap();
        let mut renamed = repository.load(&ClientId::new("a")).unwrap().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        renamed
            .rename(ApplicationName::parse("A2").unwrap(), now)
            .unwrap();
        repository.save(&renamed, 1).unwrap();
        let stored_before = store.get(&record_key(&ClientId::new("a"))).unwrap();

        assert!(matches!(
            repository.delete(&ClientId::new("a"), 1),
            Err(SaveError::Conflict { .. })
        ));
        assert_eq!(
            store.get(&record_key(&ClientId::new("a"))).unwrap(),
            stored_before
        );
        assert!(matches!(
            repository.delete(&ClientId::new("gone"), 1),
            Err(SaveError::Conflict { .. })
        ));
    }

    #[test]
    fn an_unreadable_record_or_index_is_never_deleted() {
        let (repository, store, key) = repository_with_b_broken();
        assert!(matches!(
            repository.delete(&ClientId::new("b"), 1),
            Err(SaveError::Unreadable(RecordProblem::InvalidJson(_)))
        ));
        assert_eq!(store.get(&key).unwrap().as_deref(), Some("{broken"));

        store.insert_raw(INDEX_KEY, "[\"a\"");
        assert_eq!(
            repository.delete(&ClientId::new("a"), 1),
            Err(SaveError::IndexUnreadable)
        );
        assert!(
            store
                .get(&record_key(&ClientId::new("a")))
                .unwrap()
                .is_some()
        );
        assert_eq!(store.get(INDEX_KEY).unwrap().as_deref(), Some("[\"a\""));
    }

    /// A store whose index writes fail: the record is removed, the index write is refused.
    struct IndexWritesFail(Rc<InMemoryStore>);

    impl RecordStore for IndexWritesFail {
        fn get(&self, key: &str) -> Result<Option<String>, WriteError> {
            self.0.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
            if key == INDEX_KEY {
                return Err(WriteError::QuotaExceeded);
            }
            self.0.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), WriteError> {
            self.0.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, WriteError> {
            self.0.keys()
        }
    }

    #[test]
    fn a_delete_interrupted_before_the_index_write_never_brings_the_application_back() {
        let (repository, store) = repository();
        repository.add(&app("a", "A")).unwrap();
        repository.add(&app("b", "B")).unwrap();
        let failing = ApplicationRepository::new(Box::new(IndexWritesFail(store.clone())));

        assert_eq!(
            failing.delete(&ClientId::new("b"), 1),
            Err(SaveError::Store(WriteError::QuotaExceeded))
        );

        let loaded = repository.load_all();
        let names: Vec<&str> = loaded
            .applications
            .iter()
            .map(|app| app.name().as_str())
            .collect();
        assert_eq!(names, ["A"], "the deleted application stays deleted");
        assert_eq!(loaded.problems.len(), 1);
        assert_eq!(loaded.problems[0].problem, RecordProblem::MissingRecord);
        assert_eq!(loaded.problems[0].key, record_key(&ClientId::new("b")));
    }

    #[test]
    fn a_refused_write_is_an_error_and_changes_nothing() {
        let repository = ApplicationRepository::new(Box::new(InMemoryStore::refusing_writes(
            WriteError::QuotaExceeded,
        )));
        assert_eq!(
            repository.add(&app("a", "A")),
            Err(SaveError::Store(WriteError::QuotaExceeded))
        );
        assert!(repository.load_all().is_empty);
    }
}
