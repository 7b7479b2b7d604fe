//! The frame both rotation tables share: a section named by its heading, the table with its
//! column headers, what an empty table says, and "Show more" so a table of thousands of
//! applications renders a page of rows at a time.

use leptos::prelude::*;

/// Rows a table shows at first, and how many more each "Show more" adds.
pub const PAGE_SIZE: usize = 100;

#[component]
pub fn PagedTable(
    /// The table's name: its heading, and its accessible name.
    title: &'static str,
    /// The column headers, in order.
    columns: [&'static str; 3],
    /// What the table says when it has no rows.
    empty_text: &'static str,
    /// How many rows there are in all.
    #[prop(into)]
    total: Signal<usize>,
    /// How many rows are shown; the caller's rows read it.
    shown: RwSignal<usize>,
    /// The rows shown (`<tr>`s).
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{}-heading", title.to_lowercase().replace(' ', "-"));
    let show_more_described_by = heading_id.clone();
    let remaining = move || total.get().saturating_sub(shown.get());
    view! {
        <section class="rotation-table" aria-labelledby=heading_id.clone()>
            <div class="rotation-table__header">
                <h2 id=heading_id.clone()>{title}</h2>
                <span class="badge">{move || count_text(total.get())}</span>
            </div>
            <div class="rotation-table__scroll">
                <table class="table" aria-labelledby=heading_id.clone()>
                    <thead>
                        <tr>{columns.map(|column| view! { <th scope="col">{column}</th> })}</tr>
                    </thead>
                    <tbody>{children()}</tbody>
                </table>
            </div>
            <Show when=move || total.get() == 0>
                <p class="empty-state rotation-table__empty">{empty_text}</p>
            </Show>
            <Show when=move || { remaining() > 0 }>
                <button
                    type="button"
                    class="button list-more"
                    aria-describedby=show_more_described_by.clone()
                    on:click=move |_| shown.update(|shown| *shown += PAGE_SIZE)
                >
                    {move || format!("Show {} more", remaining().min(PAGE_SIZE))}
                </button>
            </Show>
        </section>
    }
}

fn count_text(count: usize) -> String {
    match count {
        1 => "1 application".to_owned(),
        count => format!("{count} applications"),
    }
}
