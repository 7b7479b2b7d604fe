//! The details panel of one application: its name, the Overview, Configuration and Activity
//! tabs (a route each), and closing (button or Escape) with focus back on its list entry.
//! Opening, closing and switching tabs keep the page's scroll position: the list stays where
//! the administrator left it, and on a wide screen the panel is sticky beside it.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};
use wasm_bindgen::JsCast;

use crate::browser::keep_in_place::keep_in_place_across_next_frame;
use crate::domain::{Application, ClientId};
use crate::state::{AppState, use_app_state};
use crate::storage::{RecordProblem, record_key};

use crate::components::activity::activity_tab::ActivityTab;
use crate::components::applications::list_address::use_list_suffix;
use crate::components::details::configuration_tab::ConfigurationTab;
use crate::components::details::overview_tab::OverviewTab;
use crate::components::shared::site_base::use_site_base;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Configuration,
    Activity,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Overview, Tab::Configuration, Tab::Activity];

    fn from_segment(segment: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|tab| tab.segment() == segment)
    }

    fn segment(self) -> &'static str {
        match self {
            Tab::Overview => "overview",
            Tab::Configuration => "configuration",
            Tab::Activity => "activity",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Configuration => "Configuration",
            Tab::Activity => "Activity",
        }
    }

    /// The tab `steps` places after this one, wrapping around (arrow keys in the tablist).
    fn neighbour(self, steps: isize) -> Tab {
        let count = Tab::ALL.len() as isize;
        let position = Tab::ALL.iter().position(|&tab| tab == self).unwrap_or(0) as isize;
        Tab::ALL[(position + steps).rem_euclid(count) as usize]
    }
}

pub fn application_path(client_id: &ClientId, tab: Tab) -> String {
    format!("/applications/{client_id}/{}", tab.segment())
}

#[component]
pub fn DetailsPanel() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let client_id = Memo::new(move |_| {
        ClientId::new(params.with(|params| params.get("id").unwrap_or_default()))
    });
    let tab = Memo::new(move |_| {
        params.with(|params| Tab::from_segment(&params.get("tab").unwrap_or_default()))
    });
    let tab_known = Memo::new(move |_| tab.with(Option::is_some));
    let exists = Memo::new(move |_| {
        let client_id = client_id.get();
        state
            .applications()
            .with(|applications| applications.iter().any(|app| app.client_id == client_id))
    });
    let navigate = use_navigate();
    // The list keeps its search, filters and sort when the panel closes.
    let list_suffix = use_list_suffix();
    let close = move || {
        let client_id = client_id.get_untracked();
        // The list widens as the panel leaves: the entry stays where it is on screen.
        if let Some(entry) = list_entry(&client_id) {
            keep_in_place_across_next_frame(entry);
        }
        navigate(
            &format!("/applications{}", list_suffix.get_untracked()),
            keep_scroll_position(),
        );
        request_animation_frame(move || focus_list_entry(&client_id));
    };
    let close_button = Callback::new(move |()| close());
    // On the window, not the panel: after a click on the panel's text focus is on the page
    // itself, and after a click on an entry it is on that entry; Escape closes the panel there
    // too. A dialog's Escape is its own, and so is a field's outside the panel (the search).
    let close_on_escape = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" && !event.default_prevented() && escape_closes_panel(&event) {
            event.prevent_default();
            close_button.run(());
        }
    });
    on_cleanup(move || close_on_escape.remove());

    view! {
        <section class="panel" aria-labelledby="panel-title">
            // Why no application can be shown arrives as an error value, rendered in one place.
            <ErrorBoundary fallback=move |errors| view! { <Unavailable errors on_close=close_button /> }>
                {move || match (exists.get(), tab_known.get()) {
                    // Keyed by application: another application mounts a fresh panel.
                    (true, true) => Ok(view! {
                        <For each=move || [client_id.get()] key=ClientId::clone let:client_id>
                            <PanelContent client_id tab on_close=close_button />
                        </For>
                    }),
                    _ => Err(unavailable_reason(state, &client_id.get())),
                }}
            </ErrorBoundary>
        </section>
    }
}

/// Why the panel at this address shows no application.
#[derive(Debug, Clone, thiserror::Error)]
enum PanelError {
    #[error(
        "No application has this address. It may have been removed, or the address is mistyped."
    )]
    NotFound,
    #[error("This application was deleted, here or in another tab or window.")]
    Deleted,
    #[error(
        "This application's stored data is unreadable, so it is not shown: {0}. It was left untouched, and the alert above offers a copy to download."
    )]
    Unreadable(RecordProblem),
}

fn unavailable_reason(state: AppState, client_id: &ClientId) -> PanelError {
    if state.was_deleted(client_id) {
        return PanelError::Deleted;
    }
    let key = record_key(client_id);
    state.problems().with(|problems| {
        problems
            .iter()
            .find(|problem| problem.key == key)
            .map_or(PanelError::NotFound, |problem| {
                PanelError::Unreadable(problem.problem.clone())
            })
    })
}

#[component]
fn Unavailable(errors: ArcRwSignal<Errors>, on_close: Callback<()>) -> impl IntoView {
    let list_suffix = use_list_suffix();
    let back = use_site_base().href("/applications");
    let reasons = move || {
        errors.with(|errors| {
            errors
                .iter()
                .map(|(_, error)| error.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    view! {
        <div class="panel__header">
            <h2 id="panel-title" class="panel__title" tabindex="-1" data-focus-fallback>"Application not available"</h2>
            <CloseButton on_close />
        </div>
        <div class="panel__body">
            <p class="panel__message">{reasons}</p>
            <a href=move || format!("{back}{}", list_suffix.get()) class="button">"Back to Applications"</a>
        </div>
    }
}

#[component]
fn PanelContent(
    client_id: ClientId,
    tab: Memo<Option<Tab>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let state = use_app_state();
    let Some(initial) = state.application(&client_id) else {
        return ().into_any();
    };
    // Keeps the last known state for the moment between a removal and the panel noticing it.
    let application = Memo::new(move |previous: Option<&Application>| {
        state
            .application(&client_id)
            .or_else(|| previous.cloned())
            .unwrap_or_else(|| initial.clone())
    });
    // On narrow screens the panel replaces the list, hiding the entry that had focus.
    request_animation_frame(move || {
        if !focus_is_visible() {
            focus_element("#panel-title");
        }
    });
    let navigate = use_navigate();
    let site = use_site_base();
    let list_suffix = use_list_suffix();
    let on_tab_key = move |event: web_sys::KeyboardEvent| {
        let selected = tab.get_untracked().unwrap_or(Tab::Overview);
        let target = match event.key().as_str() {
            "ArrowRight" => selected.neighbour(1),
            "ArrowLeft" => selected.neighbour(-1),
            "Home" => Tab::Overview,
            "End" => Tab::Activity,
            _ => return,
        };
        event.prevent_default();
        let path = application.with_untracked(|app| application_path(&app.client_id, target));
        navigate(
            &format!("{path}{}", list_suffix.get_untracked()),
            keep_scroll_position(),
        );
        request_animation_frame(move || focus_element(&format!("#tab-{}", target.segment())));
    };

    view! {
        <div class="panel__header">
            <div>
                <h2 id="panel-title" class="panel__title" tabindex="-1" data-focus-fallback>
                    <bdi>{move || application.with(|app| app.name().as_str().to_owned())}</bdi>
                </h2>
                <p class="panel__subtitle">
                    <span class="badge">{move || application.with(|app| app.kind.label())}</span>
                    <code translate="no">{move || application.with(|app| app.client_id.to_string())}</code>
                </p>
            </div>
            <CloseButton on_close />
        </div>
        <div class="tabs" role="tablist" aria-label="Application details" on:keydown=on_tab_key>
            {Tab::ALL
                .into_iter()
                .map(|each| {
                    let selected = move || tab.get() == Some(each);
                    let href = application
                        .with_untracked(|app| site.href(&application_path(&app.client_id, each)));
                    view! {
                        <a
                            href=move || format!("{href}{}", list_suffix.get())
                            // The router's own link handling scrolls to the top otherwise.
                            data-noscroll=""
                            role="tab"
                            id=format!("tab-{}", each.segment())
                            class="tabs__tab"
                            aria-selected=move || selected().to_string()
                            aria-controls="tab-panel"
                            tabindex=move || if selected() { "0" } else { "-1" }
                        >
                            {each.label()}
                        </a>
                    }
                })
                .collect_view()}
        </div>
        <div
            class="panel__body"
            role="tabpanel"
            id="tab-panel"
            aria-labelledby=move || tab.get().map(|tab| format!("tab-{}", tab.segment()))
        >
            {move || match tab.get() {
                Some(Tab::Configuration) => view! { <ConfigurationTab application /> }.into_any(),
                Some(Tab::Activity) => view! { <ActivityTab application /> }.into_any(),
                _ => view! { <OverviewTab application /> }.into_any(),
            }}
        </div>
    }
    .into_any()
}

#[component]
fn CloseButton(on_close: Callback<()>) -> impl IntoView {
    view! {
        <button type="button" class="button button--icon" aria-label="Close details" on:click=move |_| on_close.run(())>
            <span aria-hidden="true">"✕"</span>
        </button>
    }
}

/// The router scrolls to the top after a navigation unless told otherwise; opening, closing
/// and switching tabs keep the page where the administrator was.
fn keep_scroll_position() -> NavigateOptions {
    NavigateOptions {
        scroll: false,
        ..NavigateOptions::default()
    }
}

/// Whether an Escape pressed on `event`'s target is meant for the panel: not while a dialog is
/// open, and not in a form field outside the panel (the search field clears itself on Escape).
fn escape_closes_panel(event: &web_sys::KeyboardEvent) -> bool {
    let dialog_open = document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some();
    let target = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok());
    let in_field_outside_panel = target.is_some_and(|element| {
        matches!(element.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
            && element.closest(".panel").ok().flatten().is_none()
    });
    !dialog_open && !in_field_outside_panel
}

/// Whether the focused element is something other than the page itself and is rendered.
fn focus_is_visible() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .filter(|element| element.tag_name() != "BODY")
        .is_some_and(|element| element.get_client_rects().length() > 0)
}

fn list_entry(client_id: &ClientId) -> Option<web_sys::Element> {
    document()
        .query_selector(&list_entry_selector(client_id))
        .ok()
        .flatten()
}

fn list_entry_selector(client_id: &ClientId) -> String {
    format!("[data-client-id=\"{client_id}\"]")
}

fn focus_list_entry(client_id: &ClientId) {
    focus_element(&list_entry_selector(client_id));
}

fn focus_element(selector: &str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
