//! The import preview: one row per application in the file, with its outcome and why, and
//! after an import, whether it was imported. Long files show a page of rows at a time.

use leptos::prelude::*;

use crate::domain::ClientId;
use crate::domain::exchange::ImportPlan;
use crate::state::ImportReport;

const ROWS_PER_PAGE: usize = 100;
const OUTCOMES: [&str; 5] = ["New", "Update", "Unchanged", "Conflict", "Invalid"];

#[component]
pub fn ImportPreviewTable(
    plan: Memo<Option<ImportPlan>>,
    report: RwSignal<Option<ImportReport>>,
) -> impl IntoView {
    let shown = RwSignal::new(ROWS_PER_PAGE);
    let total = move || plan.with(|plan| plan.as_ref().map_or(0, |plan| plan.rows.len()));
    let summary = move || {
        plan.with(|plan| {
            plan.as_ref().map(|plan| {
                let counts: Vec<String> = OUTCOMES
                    .iter()
                    .map(|label| (label, plan.count(label)))
                    .filter(|(_, count)| *count > 0)
                    .map(|(label, count)| format!("{count} {label}"))
                    .collect();
                format!(
                    "{} applications in the file: {}.",
                    plan.rows.len(),
                    counts.join(", ")
                )
            })
        })
    };
    let rows = move || {
        let limit = shown.get();
        plan.with(|plan| {
            report.with(|report| {
                plan.iter()
                    .flat_map(|plan| plan.rows.iter().enumerate().take(limit))
                    .map(|(position, row)| {
                        let name = if row.name.is_empty() {
                            format!("Entry {}", position + 1)
                        } else {
                            row.name.clone()
                        };
                        let details: Vec<String> = row
                            .outcome
                            .reason()
                            .into_iter()
                            .chain(row.notes.iter().map(|note| note.text().to_owned()))
                            .collect();
                        let result = report.as_ref().map(|report| {
                            let imported = report
                                .imported
                                .contains(&ClientId::new(row.client_id.clone()));
                            if imported { "Imported" } else { "Not imported" }
                        });
                        view! {
                            <tr class=format!("import__row import__row--{}", row.outcome.label().to_lowercase())>
                                <td>{name}</td>
                                <td><code>{row.client_id.clone()}</code></td>
                                <td><strong>{row.outcome.label()}</strong></td>
                                <td>{details.join(" ")}</td>
                                {result.map(|result| view! { <td>{result}</td> })}
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <Show when=move || plan.with(Option::is_some)>
            <p class="import__summary">{summary}</p>
            <div class="import__table-wrap" tabindex="0" role="group" aria-label="Import preview">
                <table class="import__table">
                    <caption class="visually-hidden">"What importing the file does to each application"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Application"</th>
                            <th scope="col">"Client ID"</th>
                            <th scope="col">"Outcome"</th>
                            <th scope="col">"Details"</th>
                            {move || report.with(Option::is_some).then(|| view! { <th scope="col">"Result"</th> })}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <Show when=move || { shown.get() < total() }>
                <button type="button" class="button button--small" on:click=move |_| shown.update(|shown| *shown += ROWS_PER_PAGE)>
                    {move || format!("Show more ({} of {} shown)", shown.get().min(total()), total())}
                </button>
            </Show>
        </Show>
    }
}
