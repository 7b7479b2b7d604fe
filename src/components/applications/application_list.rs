//! The list of applications as the address's query says (search, Type, Status, Sort), rendered
//! a page at a time so ten thousand applications never become ten thousand DOM rows.
//!
//! The name order is checked once per change of the applications (sorted again only when a name
//! moved), the sorted order computed once per change of the sort (from numbers and the name
//! order); a filter or search change only walks it. Time re-filters only when a time-dependent
//! status changed somewhere. The frame that shows a change builds the rows one window holds; the
//! rest of the page is built once that frame is painted, out of view.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::after_paint::when_idle_after_next_paint;
use crate::browser::keep_in_place::keep_in_place_across_next_frame;
use crate::browser::viewport::items_filling_the_window;
use crate::domain::{
    ApplicationType, ClientId, EntryStatus, ListQuery, NameOrder, RotationAlert, SearchText,
    TimeDependentTally,
};
use crate::state::use_app_state;

use crate::components::applications::list_address::{ListQueryState, query_string};
use crate::components::applications::no_matches::NoMatches;
use crate::components::details::details_panel::{Tab, application_path};
use crate::components::shared::site_base::use_site_base;
use crate::components::shared::time_text::{local_date_time, machine_time};

const PAGE_SIZE: usize = 50;
/// The least height of a row in CSS pixels: 4.25rem in applications.css, at a root font a little
/// smaller than the default 16px.
const ROW_LEAST_HEIGHT_PX: f64 = 56.0;

/// Rows built in the frame that shows a change: as many as the window can show. The rest of the
/// page follows once that frame is painted, so a sort, a filter or a keystroke pays for one
/// screen of rows, not for a whole page.
fn first_screen_rows() -> usize {
    items_filling_the_window(ROW_LEAST_HEIGHT_PX, PAGE_SIZE)
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Row {
    client_id: ClientId,
    name: String,
    kind: ApplicationType,
    status: EntryStatus,
}

#[component]
pub fn ApplicationList(
    list_query: ListQueryState,
    #[prop(into)] selected: Signal<Option<ClientId>>,
) -> impl IntoView {
    let query = list_query.query();
    let state = use_app_state();
    let now = state.now();
    let policy = state.rotation_policy();
    let shown = RwSignal::new(PAGE_SIZE);
    let sort = Memo::new(move |_| query.with(|query| query.sort));
    let by_name = Memo::new(move |previous: Option<&NameOrder>| {
        state
            .applications()
            .with(|applications| NameOrder::after_change(previous, applications))
    });
    let sorted = Memo::new(move |_| {
        state
            .applications()
            .with(|applications| by_name.with(|by_name| by_name.sorted(applications, sort.get())))
    });
    let tally = Memo::new(move |_| {
        if !query.with(ListQuery::depends_on_time) {
            return TimeDependentTally::default();
        }
        state.applications().with(|applications| {
            TimeDependentTally::at(applications, now.get(), Some(&policy.get()))
        })
    });
    // Built when the browser is idle after the list's first paint, so the first keystroke does
    // not wait for it; then again on the first search after each change of the applications.
    let search_text = Memo::new(move |_| {
        state
            .applications()
            .with(|applications| SearchText::of(applications))
    });
    when_idle_after_next_paint(move || {
        search_text.try_with_untracked(|_| ());
    });
    // Positions of the matching applications, in order; rows are built only for the page shown.
    let matches = Memo::new(move |_| {
        tally.track();
        let now = now.get_untracked();
        let policy = policy.get();
        query.with(|query| {
            let matching = |search_text: Option<&SearchText>| {
                state.applications().with(|applications| {
                    sorted.with(|sorted| {
                        query.matching_positions(
                            applications,
                            sorted,
                            search_text,
                            now,
                            Some(&policy),
                        )
                    })
                })
            };
            if query.searches() {
                search_text.with(|search_text| matching(Some(search_text)))
            } else {
                matching(None)
            }
        })
    });
    // The query whose whole page may be built: until its first frame is painted, only the first
    // screen of rows is. A change of the applications keeps the page as it is.
    let painted_query = RwSignal::new(None::<ListQuery>);
    // A new query starts from the first page, and from its first screen.
    Effect::new(move || {
        let current = query.get();
        shown.set(PAGE_SIZE);
        when_idle_after_next_paint(move || {
            painted_query.try_set(Some(current.clone()));
        });
    });
    let rows_built = move || {
        let painted =
            query.with(|query| painted_query.with(|painted| painted.as_ref() == Some(query)));
        if painted {
            shown.get()
        } else {
            shown.get().min(first_screen_rows())
        }
    };
    let visible = move || {
        let now = now.get();
        let policy = policy.get();
        let rows_built = rows_built();
        state.applications().with(|applications| {
            matches.with(|positions| {
                positions
                    .iter()
                    .take(rows_built)
                    .filter_map(|&position| applications.get(position))
                    .map(|app| Row {
                        client_id: app.client_id.clone(),
                        name: app.name().as_str().to_owned(),
                        kind: app.kind,
                        status: EntryStatus::of(app, now, Some(&policy)),
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let count_text = move || {
        let found = matches.with(Vec::len);
        let total = state.applications().with(Vec::len);
        count_line(
            found,
            found.min(shown.get()),
            total,
            query.with(ListQuery::narrows),
        )
    };
    // From the query shown, not the address, which is written after the paint.
    let suffix = Memo::new(move |_| query.with(query_string));

    view! {
        <p class="list-count" aria-live="polite">{count_text}</p>
        <Show
            when=move || matches.with(|rows| !rows.is_empty())
            fallback=move || view! { <NoMatches list_query /> }
        >
            <ul class="app-list">
                <For each=visible key=Row::clone let:row>
                    <ApplicationEntry row selected suffix />
                </For>
            </ul>
        </Show>
        <Show when=move || { matches.with(Vec::len) > shown.get() }>
            <button type="button" class="button list-more" on:click=move |_| shown.update(|shown| *shown += PAGE_SIZE)>
                {move || format!("Show {} more", (matches.with(Vec::len) - shown.get()).min(PAGE_SIZE))}
            </button>
        </Show>
    }
}

/// "12 of 10,000 applications match", "Showing 50 of 10,000 applications", "11 applications".
fn count_line(found: usize, showing: usize, total: usize, narrowed: bool) -> String {
    let noun = if total == 1 {
        "application"
    } else {
        "applications"
    };
    let (found_text, total_text) = (grouped(found), grouped(total));
    match (narrowed, showing == found) {
        (false, true) => format!("{total_text} {noun}"),
        (false, false) => format!("Showing {} of {total_text} {noun}", grouped(showing)),
        (true, true) => format!("{found_text} of {total_text} {noun} match"),
        (true, false) => format!(
            "Showing {} of {found_text} matching {noun}",
            grouped(showing)
        ),
    }
}

/// 10000 as "10,000": the count line is read at a glance.
fn grouped(count: usize) -> String {
    let digits = count.to_string();
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

#[component]
fn ApplicationEntry(
    row: Row,
    selected: Signal<Option<ClientId>>,
    suffix: Memo<String>,
) -> impl IntoView {
    let is_selected = {
        let client_id = row.client_id.clone();
        move || selected.with(|selected| selected.as_ref() == Some(&client_id))
    };
    let path = use_site_base().href(&application_path(&row.client_id, Tab::Overview));
    let status = row.status;
    view! {
        <li>
            <a
                class="app-row"
                class:app-row--selected=is_selected.clone()
                href=move || format!("{path}{}", suffix.get())
                // Opening keeps the list where it is: the router scrolls to the top otherwise,
                // and the list narrowing beside the panel would move the entry.
                data-noscroll=""
                on:click=move |event| {
                    if let Some(entry) = event.current_target().and_then(|target| target.dyn_into::<web_sys::Element>().ok()) {
                        keep_in_place_across_next_frame(entry);
                    }
                }
                data-client-id=row.client_id.to_string()
                aria-current=move || is_selected().then_some("page")
            >
                <span class="app-row__name"><bdi>{row.name}</bdi></span>
                <span class="badge">{row.kind.label()}</span>
                <span class="app-row__id" translate="no">{row.client_id.to_string()}</span>
                <span class="app-row__status">
                    {status.disabled.then(|| view! { <span class="badge badge--muted">"Disabled"</span> })}
                    {status.rotation.map(|alert| match alert {
                        RotationAlert::Due => view! { <span class="badge badge--warning">"Rotation due"</span> },
                        RotationAlert::Overdue => view! { <span class="badge badge--danger">"Rotation overdue"</span> },
                    })}
                    {status.rotation_in_progress_until.map(|until| view! {
                        <span class="app-row__rotation">
                            <span class="badge badge--info">"Rotation in progress"</span>
                            <span>"Previous secret expires " <time datetime=machine_time(until)>{local_date_time(until)}</time></span>
                        </span>
                    })}
                </span>
            </a>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(10_000), "10,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn the_count_line_says_what_is_shown() {
        assert_eq!(count_line(11, 11, 11, false), "11 applications");
        assert_eq!(
            count_line(10_000, 50, 10_000, false),
            "Showing 50 of 10,000 applications"
        );
        assert_eq!(
            count_line(12, 12, 10_000, true),
            "12 of 10,000 applications match"
        );
        assert_eq!(
            count_line(120, 50, 10_000, true),
            "Showing 50 of 120 matching applications"
        );
        assert_eq!(count_line(1, 1, 1, false), "1 application");
    }
}
