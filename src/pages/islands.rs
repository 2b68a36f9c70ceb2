//! The interactive islands: the only parts of a page the browser app hydrates. Everything else is static HTML.
//!
//! Islands compile for both targets: natively they render their first HTML (wrapped in `<leptos-island>` with
//! their props), in the browser they attach to that HTML.

use leptos::prelude::*;

/// The search box in every page's header (and large on the home page), with its live results.
///
/// Without JavaScript it is a plain form that goes to `/tim-kiem/?q=…`. Once hydrated it marks itself
/// `data-ready`, which the search page and the end-to-end tests use to know the app is alive, and shows results
/// as you type in the panel below it (`crate::search::ui` fills the panel; there is one reactive value only).
///
/// Like every island here it takes no props: props travel as JSON, and decoding them would put serde_json
/// (~15 KB brotli with float formatting) into the browser app. The home page's large variant is a CSS class on
/// a wrapper (`.home-search`); `?q=` on the search page is read by `search::ui::start`.
#[island]
pub fn SearchBox() -> impl IntoView {
    let ready = RwSignal::new(false);
    Effect::new(move |_| {
        ready.set(true);
        #[cfg(feature = "hydrate")]
        crate::search::ui::start();
    });
    let on_input = move |_: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        crate::search::ui::refresh();
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        #[cfg(feature = "hydrate")]
        if crate::search::ui::key(&ev.key()) {
            ev.prevent_default();
        }
        let _ = ev;
    };
    let on_filter = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        crate::search::ui::filter_changed(&ev);
        let _ = ev;
    };
    view! {
        <div class="sr-wrap">
            <form class="search" action="/tim-kiem/" method="get" role="search" data-ready=move || ready.get().then_some("1")>
                <label class="sr" for="q">"Tìm thủ tục"</label>
                <input
                    id="q"
                    name="q"
                    type="search"
                    placeholder="Tìm thủ tục: khai sinh, hộ chiếu, sổ đỏ…"
                    autocomplete="off"
                    enterkeyhint="search"
                    aria-controls="sr-list"
                    on:input=on_input
                    on:keydown=on_key
                />
                <button type="submit">"Tìm"</button>
            </form>
            <div class="sr-panel" id="sr-panel" hidden>
                <div class="sr-filters" role="group" aria-label="Lọc kết quả" on:change=on_filter>
                    <label><input type="checkbox" name="lv" value="1"/>" Cấp xã"</label>
                    <label><input type="checkbox" name="lv" value="2"/>" Cấp tỉnh"</label>
                    <label><input type="checkbox" name="lv" value="4"/>" Cấp bộ"</label>
                    <label><input type="checkbox" name="on" value="1"/>" Nộp trực tuyến"</label>
                    <label class="sr" for="sr-field">"Lĩnh vực"</label>
                    <select id="sr-field" name="lf"></select>
                </div>
                <p class="sr-count" id="sr-count" role="status" aria-live="polite"></p>
                <div class="sr-none" id="sr-none"></div>
                <ul class="sr-list" id="sr-list" aria-label="Kết quả tìm kiếm"></ul>
            </div>
        </div>
    }
}
