//! Import Applications: choose a file, review what importing it would do to each application,
//! then confirm. Nothing is written before Confirm; a file refused as a whole says why, and
//! until a file brings something to import, there is nothing to acknowledge or confirm.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::file_reading::{chosen_file, file_size, read_text};
use crate::domain::exchange::{ImportFile, ImportPlan, check_file_size, parse_import_file};
use crate::state::{ImportReport, use_app_state};

use crate::components::exchange::import_preview_table::ImportPreviewTable;
use crate::components::shared::confirm_dialog::ConfirmDialog;

/// How far the writing has got: written so far, and in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Progress {
    written: usize,
    total: usize,
}

#[component]
pub fn ImportDialog(on_closed: Callback<()>) -> impl IntoView {
    let state = use_app_state();
    let file = RwSignal::new(None::<ImportFile>);
    let file_error = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let replace_conflicts = RwSignal::new(false);
    let progress = RwSignal::new(None::<Progress>);
    let report = RwSignal::new(None::<ImportReport>);
    // How many files were chosen: a new one is a new thing to acknowledge.
    let files_chosen = RwSignal::new(0_usize);
    let plan =
        Memo::new(move |_| file.with(|file| file.as_ref().map(|file| state.plan_import(file))));
    // The preview the user has seen: a different one, from another tab's change, asks again.
    let seen_plan = RwSignal::new(None::<ImportPlan>);
    let outside_change = Signal::derive(move || {
        plan.with(|plan| seen_plan.with(|seen| plan != seen)).then(|| {
            "Applications changed in another tab or window: the preview was updated. Review it and confirm again.".to_owned()
        })
    });

    let choose = move |event: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&event);
        files_chosen.update(|count| *count += 1);
        file.set(None);
        seen_plan.set(None);
        report.set(None);
        progress.set(None);
        file_error.set(None);
        let Some(chosen) = chosen_file(&input) else {
            return;
        };
        if let Err(error) = check_file_size(file_size(&chosen)) {
            file_error.set(Some(error.to_string()));
            return;
        }
        reading.set(true);
        spawn_local(async move {
            let parsed = read_text(&chosen)
                .await
                .map_err(|error| error.to_string())
                .and_then(|text| {
                    parse_import_file(&text, state.now().get_untracked())
                        .map_err(|error| error.to_string())
                });
            reading.set(false);
            match parsed {
                Ok(parsed) => {
                    file.set(Some(parsed));
                    seen_plan.set(plan.get_untracked());
                }
                Err(message) => file_error.set(Some(message)),
            }
        });
    };

    let action = Action::new_local(move |_: &()| {
        let writes = plan.with_untracked(|plan| {
            plan.as_ref()
                .map(|plan| plan.writes(replace_conflicts.get_untracked()))
                .unwrap_or_default()
        });
        let total = writes.len();
        async move {
            progress.set(Some(Progress { written: 0, total }));
            let outcome = state
                .import(writes, move |written| {
                    progress.set(Some(Progress { written, total }));
                })
                .await;
            let imported = outcome.imported.len();
            let failure = outcome.failure.clone();
            report.set(Some(outcome));
            // What this import wrote is no news: the preview now shows it as the new baseline.
            seen_plan.set(plan.get_untracked());
            match failure {
                None => {
                    state.announce(format!("Imported {imported} applications."));
                    Ok(())
                }
                Some(reason) => Err(format!(
                    "The import stopped after {imported} of {total} applications: {reason} Everything stored is intact; the Result column shows what was imported."
                )),
            }
        }
    });
    let ready = Signal::derive(move || {
        !reading.get()
            && plan.with(|plan| {
                plan.as_ref()
                    .is_some_and(|plan| plan.has_writes(replace_conflicts.get()))
            })
    });
    let has_conflicts =
        move || plan.with(|plan| plan.as_ref().is_some_and(|plan| plan.count("Conflict") > 0));
    // Before a file, after a refused one, or for a file that would change nothing, the
    // acknowledgement and Confirm are hidden (exchange.css); once an import ran they stay.
    let nothing_to_import = move || {
        reading.get()
            || (plan.with(|plan| plan.as_ref().is_none_or(|plan| !plan.has_writes(true)))
                && progress.with(Option::is_none))
    };

    view! {
        <ConfirmDialog title="Import Applications" action ready outside_change on_closed subject=files_chosen>
            <p class:import--nothing-to-import=nothing_to_import>"Choose a file made by Export. Nothing is written until you confirm."</p>
            <div class="field">
                <label class="field__label" for="import-file">"File"</label>
                <input id="import-file" class="import__file" type="file" accept=".json,application/json" on:change=choose />
            </div>
            {move || reading.get().then(|| view! { <p>"Reading the file…"</p> })}
            {move || file_error.get().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
            <ImportPreviewTable plan report />
            <Show when=has_conflicts>
                <label class="checkbox">
                    <input type="checkbox" prop:checked=replace_conflicts on:change=move |event| replace_conflicts.set(event_target_checked(&event)) />
                    "Replace conflicting applications with the file's version"
                </label>
            </Show>
            {move || progress.get().map(|Progress { written, total }| view! {
                <p class="import__progress" aria-live="polite">
                    <progress max=total value=written aria-label="Import progress"></progress>
                    {format!(" Imported {written} of {total} applications.")}
                </p>
            })}
        </ConfirmDialog>
    }
}
