//! The search box's live results in the browser (feature `hydrate`): results as you type (name, code, field,
//! level, fee, time), filters, keyboard navigation, `?q=` in the URL on `/tim-kiem/`, and a plain "Không tìm
//! thấy thủ tục phù hợp" with suggestions and browse links.
//!
//! To keep the wasm small it renders by writing the result list's HTML (escaped) into the static panel the
//! `SearchBox` island rendered, instead of one reactive view per row. It fetches `/search.txt` (where the hashed
//! index lives) and `core.bin` once — through the loader, which starts fetching them when a search box gets
//! focus —, then only the term and document shards each query needs; the browser's HTTP
//! cache keeps them (`/assets/` is immutable). Each index file carries a checksum ([`format::unseal`]): a file
//! that arrives damaged or cut short, or does not decode, is fetched once more past the HTTP cache; if it is
//! still bad the results area says so ([`INDEX_ERROR`]) and the rest of the page keeps working.
//!
//! What a keystroke plans, which files it needs and what it ranks is the [`Session`]'s, the same code
//! `motcua search-bytes` and `motcua search-bench` measure; this module only fetches what the session asks for,
//! debounces keystrokes, drops the results of a search a newer one has overtaken, and paints.

use super::engine::{Core, DocInfo, Filter, Plan, Results};
use super::format::{self, FLAG_BO, FLAG_ONLINE, FLAG_TINH, FLAG_XA};
use super::markup;
use super::session::{self, Session};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Fields offered in the field filter.
const FIELD_CHOICES: usize = 12;
/// Shown in the results area when the index cannot be loaded (offline, or a file damaged twice in a row).
const INDEX_ERROR: &str = "Không tải được chỉ mục tìm kiếm. Hãy thử lại.";
/// A search starts once typing pauses this long, so a fast typist's intermediate words fetch nothing.
const DEBOUNCE_MS: u64 = 150;

#[derive(Default)]
struct State {
    base: Option<String>,
    session: Option<Session>,
    filter: Filter,
    generation: u32,
    codes: Vec<String>,
    rows: Vec<String>,
    active: Option<usize>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn doc() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn el(id: &str) -> Option<web_sys::Element> {
    doc()?.get_element_by_id(id)
}

fn prop(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Fetches several files at once (all requests in flight together); with `reload`, past the HTTP cache
/// (`cache: "reload"`), to replace a copy that failed its checksum.
async fn fetch_all(urls: &[String], reload: bool) -> Vec<Option<Vec<u8>>> {
    let Some(win) = web_sys::window() else { return Vec::new() };
    let init = web_sys::RequestInit::new();
    if reload {
        // RequestInit is a plain JS object: set `cache` on it directly (no web-sys RequestCache binding).
        let _ = js_sys::Reflect::set(&init, &JsValue::from_str("cache"), &JsValue::from_str("reload"));
    }
    let pending: Vec<JsFuture> = urls.iter().map(|u| JsFuture::from(win.fetch_with_str_and_init(u, &init))).collect();
    let mut out = Vec::with_capacity(pending.len());
    for p in pending {
        let resp: Option<web_sys::Response> = p.await.ok().and_then(|r| r.dyn_into().ok());
        let bytes = match resp.filter(|r| r.ok()).and_then(|r| r.array_buffer().ok()) {
            Some(b) => JsFuture::from(b).await.ok().map(|b| js_sys::Uint8Array::new(&b).to_vec()),
            None => None,
        };
        out.push(bytes);
    }
    out
}

/// Fetches index files; one that fails (network error, or its checksum: damaged or cut short) is fetched once
/// more past the cache. `None` for a file still bad after that. Not generic over the decoder, so the browser
/// app carries one copy of this async code.
async fn fetch_verified(urls: Vec<String>) -> Vec<Option<Vec<u8>>> {
    let whole = |b: &Option<Vec<u8>>| b.as_deref().and_then(format::unseal).is_some();
    let mut out = fetch_all(&urls, false).await;
    out.resize_with(urls.len(), || None);
    let retry: Vec<usize> = (0..urls.len()).filter(|i| !whole(&out[*i])).collect();
    if !retry.is_empty() {
        let again = fetch_all(&retry.iter().map(|i| urls[*i].clone()).collect::<Vec<_>>(), true).await;
        for (i, b) in retry.into_iter().zip(again) {
            out[i] = b;
        }
    }
    out
}

/// The one fetch of the index's folder and core file that every query waiting for it shares, as a promise of
/// `[folder, bytes]`: the loader's (`site/loader.js`, `window.motcuaWarm`), started when a search box got focus
/// or earlier, so queries typed while it is on its way never fetch it twice. The loader forgets a failed fetch,
/// so the next keystroke tries again. Fetching it there rather than here keeps the app smaller.
fn shared_core() -> Option<js_sys::Promise> {
    let win = web_sys::window()?;
    let warm: js_sys::Function = js_sys::Reflect::get(&win, &JsValue::from_str("motcuaWarm")).ok()?.dyn_into().ok()?;
    warm.call0(&win).ok()?.dyn_into().ok()
}

/// The index's folder, once its core is held: the core is fetched once (a copy that fails its checksum is
/// fetched again past the HTTP cache) and starts the session.
async fn base() -> Option<String> {
    let held = STATE.with(|s| {
        let s = s.borrow();
        s.session.as_ref().and(s.base.clone())
    });
    if held.is_some() {
        return held;
    }
    let pair: js_sys::Array = JsFuture::from(shared_core()?).await.ok()?.dyn_into().ok()?;
    let base = pair.get(0).as_string()?;
    let core = match Core::parse(&js_sys::Uint8Array::new(&pair.get(1)).to_vec()) {
        Some(core) => core,
        None => Core::parse(&fetch_verified(vec![base.clone() + format::CORE_FILE]).await.pop().flatten()?)?,
    };
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.base = Some(base.clone());
        // A query that waited for the same core may have started the session (and received shards) already.
        s.session.get_or_insert_with(|| Session::new(core));
    });
    Some(base)
}

/// Runs `f` on the session; `None` before the core is held.
fn with_session<T>(f: impl FnOnce(&mut Session) -> T) -> Option<T> {
    STATE.with(|s| s.borrow_mut().session.as_mut().map(f))
}

/// True when a newer keystroke or filter change has started a search since `generation`.
fn stale(generation: u32) -> bool {
    STATE.with(|s| s.borrow().generation) != generation
}

/// Escapes text for HTML.
fn esc(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// The text of the search input.
fn input_value() -> String {
    el(markup::INPUT).map(|e| prop(&e, "value").as_string().unwrap_or_default()).unwrap_or_default()
}

/// Runs the query in the input and shows its results (called on each keystroke and filter change).
pub fn refresh() {
    let q = input_value();
    let generation = STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.generation += 1;
        s.generation
    });
    sync_url(&q);
    let later = move || {
        if STATE.with(|s| s.borrow().generation) == generation {
            leptos::task::spawn_local(async move {
                run(q, generation).await;
            });
        }
    };
    leptos::prelude::set_timeout(later, std::time::Duration::from_millis(DEBOUNCE_MS));
}

async fn run(q: String, generation: u32) {
    if q.trim().is_empty() {
        if let Some(p) = el(markup::PANEL) {
            let _ = p.set_attribute("hidden", "");
        }
        return;
    }
    let Some(base) = base().await else {
        show_error();
        return;
    };
    let Some((plan, missing)) = with_session(|s| {
        let plan = s.plan(&q);
        let missing = s.term_files(&plan);
        (plan, missing)
    }) else {
        return;
    };
    let got = fetch_verified(missing.iter().map(|i| base.clone() + &session::term_file(*i)).collect()).await;
    let whole = with_session(|s| missing.iter().zip(got).fold(true, |ok, (i, b)| b.is_some_and(|b| s.add_terms(*i, &b)) && ok));
    if stale(generation) {
        return;
    }
    if whole != Some(true) {
        show_error();
        return;
    }
    let filter = STATE.with(|s| s.borrow().filter);
    let Some((results, missing)) = with_session(|s| {
        let results = s.search(&plan, &filter);
        let missing = s.doc_files(&results);
        (results, missing)
    }) else {
        return;
    };
    let got = fetch_verified(missing.iter().map(|i| base.clone() + &session::doc_file(*i)).collect()).await;
    let whole = with_session(|s| missing.iter().zip(got).fold(true, |ok, (i, b)| b.is_some_and(|b| s.add_docs(*i, &b)) && ok));
    if stale(generation) {
        return;
    }
    if whole != Some(true) {
        show_error();
        return;
    }
    show(&plan, &results, filter);
}

/// Says in the results area that the index could not be loaded; the next keystroke fetches the missing files
/// again (they stay unset).
fn show_error() {
    if let Some(e) = el(markup::COUNT) {
        e.set_text_content(Some(INDEX_ERROR));
    }
    if let Some(e) = el(markup::NONE) {
        e.set_inner_html("");
    }
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.codes.clear();
        s.rows.clear();
        s.active = None;
    });
    paint_list();
    if let Some(p) = el(markup::PANEL) {
        let _ = p.remove_attribute("hidden");
    }
}

/// Writes the results into the panel.
fn show(plan: &Plan, results: &Results, filter: Filter) {
    let Some((codes, rows, none, fields)) = with_session(|s| {
        let core = s.core();
        let (codes, rows): (Vec<String>, Vec<String>) = results
            .hits
            .iter()
            .filter_map(|h| s.row(h).map(|info| (info.code.clone(), row_html(core, h.doc as usize, info, &plan.missing(h)))))
            .unzip();
        let none = (!results.confident || rows.is_empty()).then(|| none_html(core, plan, !rows.is_empty()));
        (codes, rows, none, fields_html(core, results, filter))
    }) else {
        return;
    };
    let count = match &none {
        None => results.good.to_string() + " thủ tục phù hợp",
        Some(_) => "Không tìm thấy thủ tục phù hợp".to_string(),
    };
    if let Some(e) = el(markup::COUNT) {
        e.set_text_content(Some(&count));
    }
    if let Some(e) = el(markup::NONE) {
        e.set_inner_html(none.as_deref().unwrap_or(""));
    }
    if let Some(e) = el(markup::FIELD_SELECT) {
        e.set_inner_html(&fields);
    }
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.codes = codes;
        s.rows = rows;
        s.active = None;
    });
    paint_list();
    if let Some(p) = el(markup::PANEL) {
        let _ = p.remove_attribute("hidden");
    }
}

/// "Không tìm thấy thủ tục phù hợp", who handles a need the catalogue leaves out, and what to try instead;
/// `nearest` when rows follow as the nearest matches.
fn none_html(core: &Core, plan: &Plan, nearest: bool) -> String {
    let mut none = String::from("<p><strong>Không tìm thấy thủ tục phù hợp.</strong> ");
    // A need the catalogue leaves out: say who handles it (content/outside.toml), before the suggestions.
    if let Some(note) = core.outside_note(plan) {
        esc(&mut none, note);
        none.push_str("</p><p>");
    }
    none.push_str(
        "Hãy thử gõ việc cần làm bằng từ khác (ví dụ: khai sinh, hộ chiếu, sổ đỏ, mã thủ tục), bỏ bớt bộ lọc, \
         hoặc xem theo cấp: <a href=\"/cap/xa/\">Cấp xã</a>, <a href=\"/cap/tinh/\">Cấp tỉnh</a>, \
         <a href=\"/cap/bo/\">Cấp bộ</a>.</p>",
    );
    if nearest {
        none.push_str("<p>Có thể gần với:</p>");
    }
    none
}

/// The field select's options: the fields with the most matches, with their counts.
fn fields_html(core: &Core, results: &Results, filter: Filter) -> String {
    let mut fields = String::from("<option value=\"\">Mọi lĩnh vực</option>");
    for (i, n) in results.per_field.iter().take(FIELD_CHOICES) {
        fields.push_str("<option value=\"");
        fields.push_str(&i.to_string());
        fields.push('"');
        if filter.field == Some(*i) {
            fields.push_str(" selected");
        }
        fields.push('>');
        esc(&mut fields, core.field_names.get(*i as usize).map(String::as_str).unwrap_or(""));
        fields.push_str(" (");
        fields.push_str(&n.to_string());
        fields.push_str(")</option>");
    }
    fields
}

/// One result line: the name as a link, then code, field, levels, fee, time, "Nộp trực tuyến" and a link that
/// adds it to the dossier basket, then the query words it does not contain ("Không có: điện"), so a partial match never passes for a full one.
fn row_html(core: &Core, d: usize, info: &DocInfo, missing: &[String]) -> String {
    let mut h = String::with_capacity(256);
    h.push_str("<a href=\"");
    esc(&mut h, &crate::routes::procedure(&info.code));
    h.push_str("\">");
    esc(&mut h, &info.name);
    h.push_str("</a><span class=\"sr-meta\">");
    let flags = core.doc_flags[d];
    let levels: Vec<&str> = [(FLAG_XA, "Cấp xã"), (FLAG_TINH, "Cấp tỉnh"), (FLAG_BO, "Cấp bộ")]
        .iter()
        .filter(|(b, _)| flags & b != 0)
        .map(|(_, l)| *l)
        .collect();
    let field = core.field_names.get(core.doc_field[d] as usize).map(String::as_str).unwrap_or("");
    let online = if flags & FLAG_ONLINE != 0 { "Nộp trực tuyến" } else { "" };
    for part in [info.code.as_str(), field, &levels.join(", "), &info.fee, &info.time, online] {
        if !part.is_empty() {
            h.push_str("<span>");
            esc(&mut h, part);
            h.push_str("</span>");
        }
    }
    // "+ Thêm vào giỏ": a plain link to the dossier basket, like the lists' (no code of the basket here).
    h.push_str("<a class=\"add\" href=\"");
    esc(&mut h, &crate::routes::basket_add_one(&info.code));
    h.push_str("\" aria-label=\"Thêm vào giỏ hồ sơ: ");
    esc(&mut h, &info.name);
    h.push_str("\">+ Thêm vào giỏ</a></span>");
    if !missing.is_empty() {
        h.push_str("<span class=\"sr-miss\">Không có: ");
        for (i, w) in missing.iter().enumerate() {
            if i > 0 {
                h.push_str(", ");
            }
            h.push_str("<s>");
            esc(&mut h, w);
            h.push_str("</s>");
        }
        h.push_str("</span>");
    }
    h
}

/// Writes the rows, marking the highlighted one, and points the input at it.
fn paint_list() {
    let (html, active) = STATE.with(|s| {
        let s = s.borrow();
        let mut html = String::new();
        for (i, r) in s.rows.iter().enumerate() {
            // A plain list of links (no listbox/option roles: a link inside an option is a nested control).
            html.push_str("<li id=\"");
            html.push_str(markup::ROW);
            html.push_str(&i.to_string());
            html.push_str(if s.active == Some(i) { "\" aria-current=\"true\">" } else { "\">" });
            html.push_str(r);
            html.push_str("</li>");
        }
        (html, s.active)
    });
    if let Some(e) = el(markup::LIST) {
        e.set_inner_html(&html);
    }
    if let Some(e) = el(markup::INPUT) {
        let _ = match active {
            Some(i) => e.set_attribute("aria-activedescendant", &(markup::ROW.to_string() + &i.to_string())),
            None => e.remove_attribute("aria-activedescendant"),
        };
    }
}

/// A filter control changed (level boxes, online box, field select: [`markup`]'s names): search again.
pub fn filter_changed(ev: &web_sys::Event) {
    let Some(t) = ev.target() else { return };
    let t: JsValue = t.into();
    let name = prop(&t, "name").as_string().unwrap_or_default();
    let value = prop(&t, "value").as_string().unwrap_or_default();
    let checked = prop(&t, "checked").as_bool().unwrap_or(false);
    STATE.with(|s| {
        let f = &mut s.borrow_mut().filter;
        match name.as_str() {
            markup::LEVEL => {
                // The box's value is its level's flag in decimal (markup::LEVEL_VALUES).
                let bit: u8 = value.parse().unwrap_or(0);
                if checked { f.levels |= bit } else { f.levels &= !bit }
            }
            markup::ONLINE => f.online = checked,
            markup::FIELD => f.field = value.parse().ok(),
            _ => {}
        }
    });
    refresh();
}

/// Arrow keys move through the results, Enter opens the highlighted one, Escape clears the highlight.
/// Returns true when the key was used (the caller then prevents its default).
pub fn key(key: &str) -> bool {
    let n = STATE.with(|s| s.borrow().rows.len());
    let open = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let a = s.active;
        match key {
            "ArrowDown" if n > 0 => s.active = Some(a.map_or(0, |i| (i + 1).min(n - 1))),
            "ArrowUp" if n > 0 => s.active = a.and_then(|i| i.checked_sub(1)),
            "Escape" if a.is_some() => s.active = None,
            "Enter" => return Some(a.and_then(|i| s.codes.get(i).cloned())),
            _ => return None,
        }
        Some(None)
    });
    match open {
        None => false,
        Some(None) if key == "Enter" => false,
        Some(None) => {
            paint_list();
            true
        }
        Some(Some(code)) => {
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_href(&crate::routes::procedure(&code));
            }
            true
        }
    }
}

/// When the app wakes: what is in the box shows its results at once — typed before the app had loaded (a
/// slow link), or on `/tim-kiem/` the query from `?q=`.
pub fn start() {
    query_from_url();
    if !input_value().trim().is_empty() {
        refresh();
    }
}

/// On `/tim-kiem/`, the query from `?q=` goes into the box (unless it is empty: then what was typed stays).
fn query_from_url() {
    let Some(loc) = web_sys::window().map(|w| w.location()) else { return };
    if loc.pathname().ok().as_deref() != Some("/tim-kiem/") {
        return;
    }
    let q = loc
        .search()
        .ok()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("q"))
        .unwrap_or_default();
    if let (Some(e), false) = (el(markup::INPUT), q.is_empty()) {
        let _ = js_sys::Reflect::set(&e, &JsValue::from_str("value"), &JsValue::from_str(&q));
    }
}

/// Keeps `?q=` in step with the box on the search page, so a result list can be shared and reloaded.
fn sync_url(q: &str) {
    let Some(w) = web_sys::window() else { return };
    if w.location().pathname().ok().as_deref() != Some("/tim-kiem/") {
        return;
    }
    let url = format!("/tim-kiem/?q={}", String::from(js_sys::encode_uri_component(q)));
    let _ = w.history().and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&url)));
}
