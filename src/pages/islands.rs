//! The interactive islands: the only parts of a page the browser app hydrates. Everything else is static HTML.
//!
//! Islands compile for both targets: natively they render their first HTML (wrapped in `<leptos-island>` with
//! their props), in the browser they attach to that HTML.

use leptos::prelude::*;

/// The search box in every page's header (and large on the home page).
///
/// Without JavaScript it is a plain form that goes to `/tim-kiem/?q=…`. Once hydrated it marks itself
/// `data-ready`, which the search page and the end-to-end tests use to know the app is alive.
#[island]
pub fn SearchBox(
    /// The query to show, e.g. on a search results page.
    query: String,
    /// Large variant for the home page.
    large: bool,
) -> impl IntoView {
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let class = if large { "search search-large" } else { "search" };
    view! {
        <form class=class action="/tim-kiem/" method="get" role="search" data-ready=move || ready.get().then_some("1")>
            <label class="sr" for="q">"Tìm thủ tục"</label>
            <input
                id="q"
                name="q"
                type="search"
                value=query
                placeholder="Tìm thủ tục: khai sinh, hộ chiếu, sổ đỏ…"
                autocomplete="off"
                enterkeyhint="search"
            />
            <button type="submit">"Tìm"</button>
        </form>
    }
}
