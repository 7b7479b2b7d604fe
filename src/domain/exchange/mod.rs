//! Export and import of applications as one versioned JSON file: backups, moving to another
//! browser, and onboarding many applications at once.
//!
//! The file's shape (`format`) is readable and documented in the README, unlike the compact
//! stored records; it changes only with a new `version`. Reading a file (`validate`) checks every
//! field by the same rules the UI applies, and `plan` decides, against what is stored, what an
//! import would do to each application, before anything is written.

mod format;
mod plan;
mod validate;

pub use format::{FORMAT_NAME, FORMAT_VERSION, export_file_name, export_json};
pub use plan::{
    ConflictKind, ImportPlan, Note, Outcome, PlannedRow, PlannedWrite, StoredState, WriteKind,
};
pub use validate::{
    FileEntry, ImportFile, ImportFileError, ImportedApplication, ImportedSecrets, MAX_FILE_BYTES,
    check_file_size, parse_import_file,
};

#[cfg(test)]
mod tests;
