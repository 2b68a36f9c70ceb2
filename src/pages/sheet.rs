//! Printed sheets of QR tiles — a field's poster (rendered at build time) and the counter sheet an officer
//! composes in the browser (the [`SheetBuilder`] island) — and the parts posters share with them.
//!
//! Compiled for both targets: the builder renders the same [`TileSheet`] into static HTML that the island
//! draws in the browser, so the two look and print alike.

use crate::content::Centre;
use crate::qr::{Qr, centre_page_url};
use leptos::prelude::*;

/// QR tiles per A4 sheet: 2 columns × 6 rows, each code 38 mm wide (≥ 2.5 cm for the code itself).
pub const TILES_PER_SHEET: usize = 12;

/// The longest name a tile shows in full; longer names end with "…" (the code opens the full page).
pub const TILE_NAME_MAX: usize = 150;

/// A QR code drawn as inline SVG, white quiet zone included; `class` sizes it.
#[component]
pub fn QrSvg(
    /// What the code encodes.
    url: String,
    /// CSS class that gives the printed size.
    class: &'static str,
) -> impl IntoView {
    let qr = Qr::encode(&url);
    let (size, d) = qr.as_ref().map(|q| (q.size_with_quiet(), q.svg_path())).unwrap_or((1, String::new()));
    let view_box = format!("0 0 {size} {size}");
    view! {
        // `data-url`: what a poster page redraws for another centre (pages/for_centre.rs).
        <svg class=class viewBox=view_box shape-rendering="crispEdges" role="img" aria-label=format!("Mã QR: {url}") data-url=url.clone()>
            <rect width=size.to_string() height=size.to_string() fill="#fff"/>
            <path fill="#000" d=d/>
        </svg>
    }
}

/// The centre's name, address, phone and opening hours, at the top of every printed sheet.
#[component]
pub fn CentreHeader(centre: Centre) -> impl IntoView {
    let contact: Vec<String> = [
        centre.address.clone(),
        if centre.phone.is_empty() { String::new() } else { format!("Điện thoại: {}", centre.phone) },
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    view! {
        <header class="centre">
            <p class="centre-name">{centre.name}</p>
            <p>{contact.join(" · ")}</p>
            {(!centre.hours.is_empty()).then(|| view! { <p>"Giờ làm việc: " {centre.hours.clone()}</p> })}
        </header>
    }
}

/// One procedure on a sheet: its name and code, and where the QR code goes.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TileItem {
    /// The procedure code.
    pub code: String,
    /// Its name, shortened to [`TILE_NAME_MAX`] characters.
    pub name: String,
}

/// Shortens a name for a tile: whole words, then "…".
pub fn tile_name(name: &str) -> String {
    if name.chars().count() <= TILE_NAME_MAX {
        return name.to_string();
    }
    let cut: String = name.chars().take(TILE_NAME_MAX).collect();
    let cut = cut.rfind(' ').map(|i| &cut[..i]).unwrap_or(&cut);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Pages of QR tiles, [`TILES_PER_SHEET`] to a printed page, each page headed by the centre and `title`; the
/// codes open each page in the context of `slug`'s centre when one is given. A field's sheet (`field`) also
/// says where the centre receives that field's dossiers, when one of its desks names it.
#[component]
pub fn TileSheet(
    centre: Centre,
    base_url: String,
    title: String,
    items: Vec<TileItem>,
    #[prop(optional_no_strip)] slug: Option<String>,
    #[prop(optional_no_strip)] field: Option<String>,
) -> impl IntoView {
    let pages: Vec<Vec<TileItem>> = items.chunks(TILES_PER_SHEET).map(|c| c.to_vec()).collect();
    let total = pages.len();
    pages
        .into_iter()
        .enumerate()
        .map(|(n, page)| {
            let centre = centre.clone();
            let base_url = base_url.clone();
            let slug = slug.clone();
            // `data-field`: what a sheet redrawn for another centre fills with that centre's desk (for_centre.rs).
            let desk = field.clone().map(|f| {
                let words = centre.desk_words(&f).map(|w| format!("Nộp tại: {w}"));
                let hidden = words.is_none();
                view! { <p class="sheet-desk" data-field=f hidden=hidden>{words}</p> }
            });
            let title = if total > 1 { format!("{title} ({}/{total})", n + 1) } else { title.clone() };
            view! {
                <section class="sheet tiles-sheet">
                    <CentreHeader centre=centre/>
                    <h1 class="sheet-title">{title}</h1>
                    {desk}
                    <p class="sheet-hint">"Quét mã QR bằng điện thoại để xem giấy tờ cần mang, lệ phí, thời gian."</p>
                    <ul class="tiles">
                        {page.into_iter().map(|item| {
                            let url = centre_page_url(&base_url, &item.code, slug.as_deref());
                            let code = item.code.clone();
                            view! {
                                <li class="tile" data-code=code>
                                    <QrSvg url=url class="tile-qr"/>
                                    <div class="tile-text">
                                        <p class="tile-name">{item.name}</p>
                                        <p class="tile-code">"Mã " {item.code}</p>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view()
}

/// The counter sheet builder on `/in/`: the officer filters the list of procedures (the static `children`),
/// ticks some or a whole field, and gets printable sheets of QR tiles drawn right here in the browser.
///
/// The list is plain HTML from the builder; the island reads the ticked boxes (`input[data-code]`) from the
/// DOM rather than receiving 2,642 procedures as props, which keeps the page and the wasm small.
#[island]
pub fn SheetBuilder(
    /// The centre, for the sheets' header.
    centre: Centre,
    /// The site's public address, for the QR payloads.
    base_url: String,
    children: Children,
) -> impl IntoView {
    let picked = RwSignal::new(Vec::<TileItem>::new());
    let list = NodeRef::<leptos::html::Div>::new();

    // Re-reads the ticked boxes after any change in the list.
    let refresh = move || {
        #[cfg(feature = "hydrate")]
        if let Some(root) = list.get_untracked() {
            picked.set(dom::ticked(&root));
        }
    };
    let on_change = move |_ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        dom::apply_field_box(&_ev);
        refresh();
    };
    let on_filter = move |ev: leptos::ev::Event| {
        let _q = event_target_value(&ev);
        #[cfg(feature = "hydrate")]
        if let Some(root) = list.get_untracked() {
            dom::filter_rows(&root, &_q);
        }
    };
    let clear = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(root) = list.get_untracked() {
            dom::untick_all(&root);
        }
        refresh();
    };
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let count = move || picked.with(|p| p.len());
    view! {
        <div class="builder no-print" data-ready=move || ready.get().then_some("1")>
            <div class="builder-bar">
                <label for="loc">"Lọc thủ tục"</label>
                <input id="loc" type="search" placeholder="Gõ tên hoặc mã, ví dụ: khai sinh" autocomplete="off" on:input=on_filter/>
                <span class="picked-count" aria-live="polite">{move || format!("Đã chọn {} thủ tục", count())}</span>
                <button type="button" class="button" on:click=print disabled=move || count() == 0>"In tờ mã QR"</button>
                <button type="button" class="button-plain" on:click=clear disabled=move || count() == 0>"Bỏ chọn hết"</button>
            </div>
            <div class="picker" node_ref=list on:change=on_change>{children()}</div>
        </div>
        <div class="sheets" data-count=move || count().to_string()>
            {move || {
                let items = picked.get();
                if items.is_empty() {
                    view! { <p class="no-print sheets-empty">"Chưa chọn thủ tục nào. Đánh dấu các thủ tục ở trên, tờ mã QR hiện ra ở đây."</p> }.into_any()
                } else {
                    // The centre the page prints for, once loaded (pages/for_centre.rs), else the site's own.
                    #[cfg(feature = "hydrate")]
                    let (centre, slug) = match crate::pages::for_centre::current() {
                        Some(c) => (c.clone(), Some(c.slug)),
                        None => (centre.clone(), None),
                    };
                    #[cfg(not(feature = "hydrate"))]
                    let (centre, slug) = (centre.clone(), None::<String>);
                    view! { <TileSheet centre=centre base_url=base_url.clone() title="Quét mã để xem hướng dẫn thủ tục".into() items=items slug=slug/> }.into_any()
                }
            }}
        </div>
    }
}

/// Reading and changing the static list from the island (browser only).
#[cfg(feature = "hydrate")]
mod dom {
    use super::{TileItem, tile_name};
    use crate::text::fold;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlInputElement};

    fn all(root: &Element, selector: &str) -> Vec<Element> {
        let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
    }

    /// The ticked procedures, in list order, each once.
    pub fn ticked(root: &Element) -> Vec<TileItem> {
        let mut seen = std::collections::HashSet::new();
        all(root, "input[data-code]:checked")
            .into_iter()
            .filter_map(|el| {
                let code = el.get_attribute("data-code")?;
                let name = el.get_attribute("data-name").unwrap_or_default();
                seen.insert(code.clone()).then(|| TileItem { code, name: tile_name(&name) })
            })
            .collect()
    }

    /// A "whole field" box ticks or unticks every procedure of its field.
    pub fn apply_field_box(ev: &web_sys::Event) {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        if !input.has_attribute("data-all") {
            return;
        }
        let Some(group) = input.closest("details").ok().flatten() else { return };
        for el in all(&group, "input[data-code]") {
            if let Ok(box_) = el.dyn_into::<HtmlInputElement>() {
                box_.set_checked(input.checked());
            }
        }
    }

    /// Shows only rows whose folded name or code contains the folded query; opens fields with matches.
    pub fn filter_rows(root: &Element, q: &str) {
        let q = fold(q.trim()).to_lowercase();
        for group in all(root, "details") {
            let mut any = false;
            for row in all(&group, "li[data-k]") {
                let hit = q.is_empty() || row.get_attribute("data-k").is_some_and(|k| k.contains(&q));
                any |= hit;
                let _ = if hit { row.remove_attribute("hidden") } else { row.set_attribute("hidden", "") };
            }
            let _ = if any { group.remove_attribute("hidden") } else { group.set_attribute("hidden", "") };
            if !q.is_empty() && any {
                let _ = group.set_attribute("open", "");
            }
        }
    }

    /// Unticks every box.
    pub fn untick_all(root: &Element) {
        for el in all(root, "input[type=checkbox]") {
            if let Ok(box_) = el.dyn_into::<HtmlInputElement>() {
                box_.set_checked(false);
            }
        }
    }
}

/// The "In" button in a poster's toolbar: opens the print dialog (without JavaScript, Ctrl+P does the same).
#[island]
pub fn PrintButton() -> impl IntoView {
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! { <button type="button" class="button" on:click=print>"In áp phích"</button> }
}
