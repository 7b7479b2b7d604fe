//! The polite live region that confirms what an action did, and the message that shows it.
//!
//! The live region (role="status") stays in the page for good, so a screen reader announces
//! every message put in it. The message itself is there to be read, not to stay: it leaves
//! after `SHOWN_FOR` (not while the pointer or the focus is on it), when Dismiss is pressed, or
//! when the administrator goes to another page, where it would speak of what is no longer in
//! view. It floats only where the page has no control (layout.css), so it never hides one.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::state::use_app_state;

/// Long enough to read two lines twice; hovering or focusing the message keeps it.
const SHOWN_FOR: Duration = Duration::from_secs(10);

#[component]
pub fn StatusRegion() -> impl IntoView {
    let announcement = use_app_state().announcement();
    let shown = RwSignal::new(None::<String>);
    // Each countdown has a number; one that finds a newer number when it ends was superseded
    // (held, restarted or dismissed) and does nothing. Not `clearTimeout`: the ids Playwright's
    // fake clock hands out do not fit the i32 web-sys returns, so clearing one would miss it.
    let countdown = StoredValue::new(0_u64);
    let (hovered, focused) = (StoredValue::new(false), StoredValue::new(false));
    // Set between an announcement and the end of its task: an action that announces and goes
    // to another page (Add Application, Delete Application) is speaking of the page it opens.
    let just_announced = StoredValue::new(false);

    let stop = move || countdown.update_value(|number| *number += 1);
    let dismiss = move || {
        stop();
        shown.set(None);
    };
    let count_down = move || {
        stop();
        let held = hovered.get_value() || focused.get_value();
        if !held && shown.with_untracked(Option::is_some) {
            let number = countdown.get_value();
            let leave = move || {
                if countdown.try_get_value() == Some(number) {
                    let _ = shown.try_set(None);
                }
            };
            set_timeout(leave, SHOWN_FOR);
        }
    };
    let hold = move |place: StoredValue<bool>, held: bool| {
        place.set_value(held);
        count_down();
    };

    Effect::new(move || {
        let text = announcement
            .with(|announcement| (announcement.sequence > 0).then(|| announcement.text.clone()));
        if let Some(text) = text {
            shown.set(Some(text));
            just_announced.set_value(true);
            set_timeout(
                move || {
                    just_announced.try_update_value(|just| *just = false);
                },
                Duration::ZERO,
            );
            count_down();
        }
    });
    let location = use_location();
    Effect::new(move |previous_page: Option<String>| {
        let page = location.pathname.with(|path| page_of(path).to_owned());
        if previous_page.is_some_and(|previous| previous != page) && !just_announced.get_value() {
            dismiss();
        }
        page
    });

    let is_shown = move || shown.with(Option::is_some);
    view! {
        <div
            class="status"
            class:status--shown=is_shown
            on:mouseenter=move |_| hold(hovered, true)
            on:mouseleave=move |_| hold(hovered, false)
            on:focusin=move |_| hold(focused, true)
            on:focusout=move |_| hold(focused, false)
        >
            <div class="status__message" role="status">
                {move || shown.get().map(|text| view! { <p>{text}</p> })}
            </div>
            <Show when=is_shown>
                <button type="button" class="status__dismiss" aria-label="Dismiss" on:click=move |_| dismiss()>
                    "×"
                </button>
            </Show>
        </div>
    }
}

/// The page a path shows, for telling when the administrator went elsewhere: the tabs of one
/// application's details are one page (`…/applications/<id>/<tab>`).
fn page_of(path: &str) -> &str {
    let path = path.trim_end_matches('/');
    match path.rsplit_once('/') {
        Some((application, _tab)) if application.rsplit('/').nth(1) == Some("applications") => {
            application
        }
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::page_of;

    #[test]
    fn the_tabs_of_one_application_are_one_page() {
        assert_eq!(page_of("/applications/abc/overview"), "/applications/abc");
        assert_eq!(
            page_of("/applications/abc/configuration"),
            "/applications/abc"
        );
        assert_eq!(
            page_of("/console/applications/abc/activity"),
            "/console/applications/abc"
        );
    }

    #[test]
    fn other_paths_are_pages_of_their_own() {
        assert_eq!(page_of("/applications"), "/applications");
        assert_eq!(page_of("/applications/"), "/applications");
        assert_eq!(page_of("/applications/abc"), "/applications/abc");
        assert_eq!(page_of("/rotation"), "/rotation");
        assert_eq!(page_of("/activity"), "/activity");
    }
}
