//! Alerts about storage: data that could not be read (kept untouched, downloadable) and
//! storage the browser refuses (changes will not be saved).

use leptos::prelude::*;

use crate::browser::download::download_text_file;
use crate::state::use_app_state;
use crate::storage::{RecordProblem, SETTINGS_KEY, StorageProblem};

#[component]
pub fn StorageAlerts() -> impl IntoView {
    let state = use_app_state();
    let problems = state.problems();
    let download_failure = RwSignal::new(None::<String>);
    let download = move |_| {
        let result = problems.with_untracked(|problems| {
            download_text_file(
                "client-secret-console-unreadable-data.json",
                &unreadable_data_json(problems),
            )
        });
        download_failure.set(result.err().map(|error| error.to_string()));
    };
    view! {
        {move || state.storage_warning().get().map(|warning| view! { <div class="alert" role="alert">{warning}</div> })}
        <Show when=move || problems.with(|problems| !problems.is_empty())>
            <div class="alert" role="alert">
                <p>
                    <strong>{move || problems.with(|problems| summary(problems))}</strong>
                    " The stored data was left exactly as it was; nothing will overwrite it. The other applications work normally."
                </p>
                <ul class="alert__details">
                    {move || problems.get().into_iter().map(|problem| view! { <li><code>{problem.key}</code>": "{problem.problem.to_string()}</li> }).collect_view()}
                </ul>
                <button type="button" class="button button--small" on:click=download>"Download unreadable data"</button>
                {move || download_failure.get().map(|message| view! { <p>{message}</p> })}
            </div>
        </Show>
    }
}

/// Names how many applications are affected, and the index and the settings separately: they
/// are not applications.
fn summary(problems: &[StorageProblem]) -> String {
    let index_unreadable = problems
        .iter()
        .any(|problem| matches!(problem.problem, RecordProblem::UnreadableIndex(_)));
    let settings_unreadable = problems.iter().any(|problem| problem.key == SETTINGS_KEY);
    let affected =
        problems.len() - usize::from(index_unreadable) - usize::from(settings_unreadable);
    let applications = match affected {
        0 => None,
        1 => Some("1 stored application could not be read or is not listed.".to_owned()),
        count => Some(format!(
            "{count} stored applications could not be read or are not listed."
        )),
    };
    let index = index_unreadable.then_some(
        "The stored list of applications (index) is unreadable: every record was still loaded, but adding applications is paused so the index is not overwritten.",
    );
    let settings = settings_unreadable.then_some(
        "The stored console settings (token endpoint, rotation policy) are unreadable: the defaults apply, and changing the settings is paused so they are not overwritten.",
    );
    applications
        .into_iter()
        .chain(index.map(str::to_owned))
        .chain(settings.map(str::to_owned))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The raw text of every unreadable item, keyed by its storage key, as pretty JSON.
fn unreadable_data_json(problems: &[StorageProblem]) -> String {
    #[derive(serde::Serialize)]
    struct Unreadable<'a> {
        problem: String,
        raw: Option<&'a str>,
    }
    // Inserted one by one: collecting into a BTreeMap links a stable sort just for this.
    let mut entries = std::collections::BTreeMap::new();
    for problem in problems {
        let details = Unreadable {
            problem: problem.problem.to_string(),
            raw: problem.raw.as_deref(),
        };
        entries.insert(problem.key.as_str(), details);
    }
    serde_json::to_string_pretty(&entries).unwrap_or_default()
}
