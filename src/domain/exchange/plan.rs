//! What an import would do to each application, decided against what is stored before anything
//! is written: the preview the administrator confirms, and the writes that follow from it.
//!
//! Revisions tell who changed what. The file's revision newer than the stored one is an update,
//! provided the stored application is one the file's version descends from (same creation, and
//! no secret the file has not seen); equal revisions with equal facts are unchanged; anything
//! else means both sides changed since a common revision, or the stored one is newer: a
//! conflict, which is skipped unless the administrator chooses to replace it.
//!
//! An entry edited by hand after export keeps its revision, so revisions cannot tell its edit
//! from a change in a console: its fingerprint (what it said when exported) does. If the stored
//! application is still what was exported, only the file changed: an update; otherwise both did.

use chrono::{DateTime, Utc};

use super::format::still_as_exported;
use super::validate::{FileEntry, ImportFile, ImportedApplication, ImportedSecrets};
use crate::domain::{Application, ClientId, ClientSecret, SecretValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// The stored application has a revision at least as new as the file's, with other facts.
    StoredNewer,
    /// The file's is newer, but the stored one changed in a way the file's does not include.
    BothChanged,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    New,
    Update,
    Unchanged,
    Conflict(ConflictKind),
    Invalid(String),
}

impl Outcome {
    /// The word the preview shows (SPEC.md, "Export and import").
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::New => "New",
            Outcome::Update => "Update",
            Outcome::Unchanged => "Unchanged",
            Outcome::Conflict(_) => "Conflict",
            Outcome::Invalid(_) => "Invalid",
        }
    }

    /// Why, for the outcomes that need one.
    pub fn reason(&self) -> Option<String> {
        match self {
            Outcome::Conflict(ConflictKind::StoredNewer) => Some(
                "The stored application is at least as new as the file's and differs from it."
                    .into(),
            ),
            Outcome::Conflict(ConflictKind::BothChanged) => Some(
                "Both the stored application and the file's changed since a common revision."
                    .into(),
            ),
            Outcome::Invalid(reason) => Some(reason.clone()),
            _ => None,
        }
    }
}

/// Something the administrator should know about an entry that will be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    /// The file has no secret for it and nothing is stored: a fresh one is generated.
    NewSecretGenerated,
    /// The file has no secret for it: the stored secrets stay.
    StoredSecretsKept,
    /// The file's previous secret had expired, so it is not imported.
    ExpiredPreviousDropped,
}

impl Note {
    pub fn text(self) -> &'static str {
        match self {
            Note::NewSecretGenerated => "A new client secret will be generated.",
            Note::StoredSecretsKept => "The stored client secrets are kept.",
            Note::ExpiredPreviousDropped => "Its expired previous secret is dropped.",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteKind {
    Add,
    Update,
    /// A conflict the administrator chose to overwrite with the file's version.
    Replace,
}

/// One write an import would make, with what it expects to find stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedWrite {
    pub imported: ImportedApplication,
    pub kind: WriteKind,
    /// The stored revision the preview was made against; `None` for an application not stored.
    pub expected_revision: Option<u64>,
}

impl PlannedWrite {
    /// The application to store, given what is stored now (already checked against
    /// `expected_revision`). `generate` supplies a secret only when neither side has one.
    pub fn to_application<E>(
        &self,
        stored: Option<&Application>,
        now: DateTime<Utc>,
        generate: impl FnOnce() -> Result<SecretValue, E>,
    ) -> Result<Application, E> {
        let imported = &self.imported;
        let (current, previous) = match &imported.secrets {
            ImportedSecrets::Included { current, previous } => {
                (Some(current.clone()), previous.clone())
            }
            ImportedSecrets::NotApplicable => (None, None),
            ImportedSecrets::Absent => {
                match stored.and_then(|stored| stored.client_secret().ok()) {
                    Some(kept) => (
                        Some(kept.clone()),
                        stored.and_then(|stored| stored.previous_secret(now).cloned()),
                    ),
                    None => (
                        Some(ClientSecret {
                            value: generate()?,
                            created_at: Some(now),
                        }),
                        None,
                    ),
                }
            }
        };
        let revision = match (self.kind, stored) {
            // Revisions only grow, so every tab's compare-and-set sees the replacement.
            (WriteKind::Replace, Some(stored)) => stored.revision().max(imported.revision) + 1,
            // An entry edited by hand may carry the stored revision: the update still moves on.
            (WriteKind::Update, Some(stored)) => imported.revision.max(stored.revision() + 1),
            _ => imported.revision,
        };
        Ok(Application::restore(
            imported.client_id.clone(),
            imported.name.clone(),
            imported.kind,
            imported.enabled,
            imported.auth_method,
            imported.created_at,
            revision,
            current,
            previous,
        ))
    }
}

/// One row of the preview: an entry of the file and what importing it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRow {
    pub client_id: String,
    pub name: String,
    pub outcome: Outcome,
    pub notes: Vec<Note>,
    /// What Confirm writes for this row (for a conflict, only if replacing was chosen).
    pub write: Option<PlannedWrite>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan {
    pub rows: Vec<PlannedRow>,
}

/// What is stored under a client ID, as the preview sees it.
pub enum StoredState<'a> {
    Absent,
    Readable(&'a Application),
    /// A record that cannot be read: never overwritten by an import.
    Unreadable,
}

impl ImportPlan {
    /// Decides every entry's outcome against `stored`, at `now`.
    pub fn new<'a>(
        file: &ImportFile,
        stored: impl Fn(&ClientId) -> StoredState<'a>,
        now: DateTime<Utc>,
    ) -> Self {
        let rows = file
            .entries
            .iter()
            .map(|entry| match entry {
                FileEntry::Valid(imported) => plan_row(imported, stored(&imported.client_id), now),
                FileEntry::Invalid {
                    client_id,
                    name,
                    reason,
                } => PlannedRow {
                    client_id: client_id.clone().unwrap_or_default(),
                    name: name.clone().unwrap_or_default(),
                    outcome: Outcome::Invalid(reason.clone()),
                    notes: Vec::new(),
                    write: None,
                },
            })
            .collect();
        Self { rows }
    }

    /// How many rows have the outcome with this label.
    pub fn count(&self, label: &str) -> usize {
        self.rows
            .iter()
            .filter(|row| row.outcome.label() == label)
            .count()
    }

    /// The writes Confirm makes, in file order; conflicts only when `replace_conflicts`.
    pub fn writes(&self, replace_conflicts: bool) -> Vec<PlannedWrite> {
        self.confirmed(replace_conflicts).cloned().collect()
    }

    /// Whether Confirm would write anything.
    pub fn has_writes(&self, replace_conflicts: bool) -> bool {
        self.confirmed(replace_conflicts).next().is_some()
    }

    fn confirmed(&self, replace_conflicts: bool) -> impl Iterator<Item = &PlannedWrite> {
        self.rows
            .iter()
            .filter_map(|row| row.write.as_ref())
            .filter(move |write| replace_conflicts || write.kind != WriteKind::Replace)
    }
}

fn plan_row(imported: &ImportedApplication, stored: StoredState, now: DateTime<Utc>) -> PlannedRow {
    let mut row = PlannedRow {
        client_id: imported.client_id.to_string(),
        name: imported.name.as_str().to_owned(),
        outcome: Outcome::New,
        notes: Vec::new(),
        write: None,
    };
    let stored = match stored {
        StoredState::Unreadable => {
            row.outcome = Outcome::Invalid(
                "The stored record for this client ID is unreadable; it is kept as it is and never overwritten by an import.".into(),
            );
            return row;
        }
        StoredState::Absent => None,
        StoredState::Readable(application) => Some(application),
    };
    let (outcome, kind) = match stored {
        None => (Outcome::New, WriteKind::Add),
        Some(stored) => match decide(imported, stored, now) {
            Outcome::Update => (Outcome::Update, WriteKind::Update),
            Outcome::Conflict(conflict) => (Outcome::Conflict(conflict), WriteKind::Replace),
            other => {
                row.outcome = other;
                return row;
            }
        },
    };
    if imported.secrets == ImportedSecrets::Absent {
        let kept = stored.is_some_and(|stored| stored.client_secret().is_ok());
        row.notes.push(if kept {
            Note::StoredSecretsKept
        } else {
            Note::NewSecretGenerated
        });
    }
    if imported.dropped_expired_previous {
        row.notes.push(Note::ExpiredPreviousDropped);
    }
    row.outcome = outcome;
    row.write = Some(PlannedWrite {
        imported: imported.clone(),
        kind,
        expected_revision: stored.map(Application::revision),
    });
    row
}

fn decide(imported: &ImportedApplication, stored: &Application, now: DateTime<Utc>) -> Outcome {
    use std::cmp::Ordering;
    if let Some(exported) = &imported.edited_after_export {
        return if same_facts(imported, stored, now) {
            Outcome::Unchanged
        } else if still_as_exported(stored, exported, now) {
            Outcome::Update
        } else {
            Outcome::Conflict(ConflictKind::BothChanged)
        };
    }
    match imported.revision.cmp(&stored.revision()) {
        Ordering::Equal if same_facts(imported, stored, now) => Outcome::Unchanged,
        Ordering::Equal => Outcome::Conflict(ConflictKind::BothChanged),
        Ordering::Less => Outcome::Conflict(ConflictKind::StoredNewer),
        Ordering::Greater if descends_from(imported, stored) => Outcome::Update,
        Ordering::Greater => Outcome::Conflict(ConflictKind::BothChanged),
    }
}

/// Everything the file says about the application matches what is stored (secrets only when
/// the file has them).
fn same_facts(imported: &ImportedApplication, stored: &Application, now: DateTime<Utc>) -> bool {
    let secrets_match = match &imported.secrets {
        ImportedSecrets::Included { current, previous } => {
            stored.client_secret().ok() == Some(current)
                && stored.previous_secret(now) == previous.as_ref()
        }
        ImportedSecrets::Absent => stored.client_secret().is_ok(),
        ImportedSecrets::NotApplicable => stored.client_secret().is_err(),
    };
    imported.name == *stored.name()
        && imported.kind == stored.kind
        && imported.enabled == stored.enabled()
        && imported.auth_method == stored.auth_method()
        && imported.created_at == stored.created_at
        && secrets_match
}

/// Whether the file's version can have been made from the stored one by later changes: the
/// same application (creation time), and no stored secret newer than the file's, nor one as
/// old but different.
fn descends_from(imported: &ImportedApplication, stored: &Application) -> bool {
    let secrets_descend = match (&imported.secrets, stored.client_secret()) {
        (ImportedSecrets::Included { current, .. }, Ok(stored_current)) => {
            current.created_at > stored_current.created_at
                || (current.created_at == stored_current.created_at
                    && current.value == stored_current.value)
        }
        _ => true,
    };
    imported.created_at == stored.created_at && secrets_descend
}
