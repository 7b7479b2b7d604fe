//! Export and import on the state service. Exporting reads what is shown and writes nothing.
//! Importing previews the file against what is shown (tracked, so the preview follows other
//! tabs), then writes the confirmed rows in chunks: each chunk takes the cross-tab lock anew,
//! re-reads every record it will write and stops if one is no longer what the preview saw, so
//! another tab's change is never overwritten. Between chunks the browser gets a turn to paint
//! the progress. A failure part-way stops the import; what was written stays, consistent.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::browser::locks::{WriteLog, with_exclusive_lock};
use crate::browser::yield_to_browser::yield_to_browser;
use crate::domain::exchange::{
    ImportFile, ImportPlan, PlannedWrite, StoredState, WriteKind, export_file_name, export_json,
};
use crate::domain::{ActivityEvent, ActivityKind, Application, ClientId};
use crate::random;
use crate::storage::{BatchError, INDEX_KEY, client_id_of_key, record_key};

use super::AppState;

/// Records written per lock: few enough that a chunk takes a fraction of a second, many
/// enough that 10,000 applications need only ten index writes.
const IMPORT_CHUNK: usize = 1_000;

/// An export ready to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub file_name: String,
    pub contents: String,
    pub count: usize,
}

/// What an import did: the applications written, and why it stopped early if it did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    pub imported: HashSet<ClientId>,
    pub failure: Option<String>,
}

/// One chunk's writes that reached storage, and the reason it stopped, if it did.
struct ChunkResult {
    written: Vec<Application>,
    failure: Option<String>,
}

impl AppState {
    /// Every readable application as an export file; stored data that cannot be read is not in
    /// it (the storage alert offers it as its own download).
    pub fn export(&self, include_secrets: bool) -> Export {
        let now = self.current_time();
        self.applications.with_untracked(|applications| Export {
            file_name: export_file_name(now),
            contents: export_json(applications, include_secrets, now),
            count: applications.len(),
        })
    }

    /// The storage keys of the application records an export leaves out, as they cannot be
    /// read (tracked).
    pub fn unreadable_application_keys(&self) -> Vec<String> {
        self.problems.with(|problems| {
            problems
                .iter()
                .filter(|problem| client_id_of_key(&problem.key).is_some())
                .map(|problem| problem.key.clone())
                .collect()
        })
    }

    /// What importing `file` would do, against the applications shown now (tracked).
    pub fn plan_import(&self, file: &ImportFile) -> ImportPlan {
        let now = self.current_time();
        let unreadable: HashSet<ClientId> = self.problems.with(|problems| {
            problems
                .iter()
                .filter_map(|problem| client_id_of_key(&problem.key))
                .collect()
        });
        self.applications.with(|applications| {
            let shown: HashMap<&ClientId, &Application> = applications
                .iter()
                .map(|application| (&application.client_id, application))
                .collect();
            ImportPlan::new(
                file,
                |client_id| match shown.get(client_id) {
                    _ if unreadable.contains(client_id) => StoredState::Unreadable,
                    Some(application) => StoredState::Readable(application),
                    None => StoredState::Absent,
                },
                now,
            )
        })
    }

    /// Writes `writes` chunk by chunk; `progress` hears how many are written after each chunk.
    pub async fn import(
        self,
        writes: Vec<PlannedWrite>,
        progress: impl Fn(usize) + 'static,
    ) -> ImportReport {
        let mut report = ImportReport::default();
        for chunk in writes.chunks(IMPORT_CHUNK) {
            yield_to_browser().await;
            let chunk = chunk.to_vec();
            let locked =
                with_exclusive_lock(move |written| self.write_chunk(&chunk, written)).await;
            let result = locked.unwrap_or_else(|error| ChunkResult {
                written: Vec::new(),
                failure: Some(error.to_string()),
            });
            report.imported.extend(
                result
                    .written
                    .iter()
                    .map(|application| application.client_id.clone()),
            );
            self.show_all_stored(result.written);
            progress(report.imported.len());
            if result.failure.is_some() {
                report.failure = result.failure;
                break;
            }
        }
        report
    }

    /// Under the lock: checks the whole chunk against storage, writes it, then records an
    /// Activity event for every application it wrote.
    fn write_chunk(&self, chunk: &[PlannedWrite], written: &mut WriteLog) -> ChunkResult {
        let now = self.current_time();
        let result = self.write_records(chunk, now, written);
        let events = result
            .written
            .iter()
            .map(|application| ActivityEvent::of(application, now, ActivityKind::Imported))
            .collect();
        self.record_activity(written, events);
        result
    }

    fn write_records(
        &self,
        chunk: &[PlannedWrite],
        now: chrono::DateTime<chrono::Utc>,
        written: &mut WriteLog,
    ) -> ChunkResult {
        self.repository.with_value(|repository| {
            let stopped = |failure: String| ChunkResult {
                written: Vec::new(),
                failure: Some(failure),
            };
            let mut updates = Vec::new();
            let mut additions = Vec::new();
            for write in chunk {
                let name = write.imported.name.as_str();
                let stored = match repository.load(&write.imported.client_id) {
                    Ok(stored) => stored,
                    Err(problem) => {
                        return stopped(format!(
                            "The stored record of {name} became unreadable ({}), so it was left untouched and the import stopped.",
                            problem.problem
                        ));
                    }
                };
                if stored.as_ref().map(Application::revision) != write.expected_revision {
                    return stopped(format!(
                        "{name} was changed in another tab or window after the preview, so the import stopped before it."
                    ));
                }
                let application =
                    match write.to_application(stored.as_ref(), now, random::generate_secret) {
                        Ok(application) => application,
                        Err(error) => return stopped(error.to_string()),
                    };
                match (write.kind, write.expected_revision) {
                    (WriteKind::Add, _) | (_, None) => additions.push(application),
                    (_, Some(expected)) => updates.push((application, expected)),
                }
            }
            let mut result = ChunkResult {
                written: Vec::with_capacity(chunk.len()),
                failure: None,
            };
            for (application, expected) in updates {
                if let Err(error) = repository.save(&application, expected) {
                    result.failure = Some(error.to_string());
                    return result;
                }
                written.wrote(record_key(&application.client_id));
                result.written.push(application);
            }
            if additions.is_empty() {
                return result;
            }
            let added = repository.add_batch(&additions);
            // Also after a failure part-way: the index and some records may have been written.
            written.wrote(INDEX_KEY);
            for application in &additions {
                written.wrote(record_key(&application.client_id));
            }
            let added_count = match added {
                Ok(()) => additions.len(),
                Err(BatchError { added, error }) => {
                    result.failure = Some(error.to_string());
                    added
                }
            };
            additions.truncate(added_count);
            result.written.extend(additions);
            result
        })
    }

    /// Shows freshly written applications in place of the ones shown, appending new ones,
    /// in one update of the list however many there are.
    fn show_all_stored(&self, stored: Vec<Application>) {
        if stored.is_empty() {
            return;
        }
        self.change_shown(|applications| {
            let positions: HashMap<ClientId, usize> = applications
                .iter()
                .enumerate()
                .map(|(position, application)| (application.client_id.clone(), position))
                .collect();
            for application in stored {
                match positions.get(&application.client_id) {
                    Some(&position) => applications[position] = application,
                    None => applications.push(application),
                }
            }
        });
    }
}
