//! The basket island on `/gio-ho-so/` (in the poster tools bundle) and what it does in the browser.

use super::*;
use leptos::prelude::*;

/// The basket on `/gio-ho-so/`: reads the codes kept on the device (and a link's `?them=` or `?p=`), fetches
/// each procedure's entry, and draws one checklist with ticks kept on the device, the fees added up, the longest
/// time and the places; prints it with the QR code of its link, copies it as text, shares the link.
///
/// Rendered natively as "Đang mở giỏ hồ sơ…" (the basket lives on the device, so the static page cannot know
/// it); `noscript` on the page says what to do without JavaScript.
#[island]
pub fn Basket(
    /// The site's public address, for the basket's link and QR code.
    base_url: String,
) -> impl IntoView {
    let state = State::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| browser::start(state));
    let link = {
        let base_url = base_url.clone();
        move || crate::routes::absolute(&base_url, &crate::routes::basket_shared(&state.codes.get()))
    };
    let merged = Memo::new(move |_| state.entries.with(|e| merge(e)));
    let status = RwSignal::new(String::new());
    let manual = RwSignal::new(String::new());
    let copy = {
        let link = link.clone();
        move |_| {
            let text = as_text(&merged.get_untracked(), &link());
            #[cfg(feature = "hydrate")]
            crate::pages::tools::copy_or_show(text, status, manual);
            let _ = text;
        }
    };
    let share = {
        let link = link.clone();
        move |_| {
            let url = link();
            #[cfg(feature = "hydrate")]
            browser::share_link(url, status, manual);
            let _ = url;
        }
    };
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let clear = move |_| {
        #[cfg(feature = "hydrate")]
        browser::clear(state);
    };
    let adopt = move |_| {
        #[cfg(feature = "hydrate")]
        browser::adopt(state);
    };
    let on_tick = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        browser::tick(state, &ev);
        let _ = ev;
    };
    let remove = move |code: String| {
        move |_| {
            #[cfg(feature = "hydrate")]
            browser::remove(state, &code);
            let _ = &code;
        }
    };
    let ticked = move |key: &str| state.ticks.with(|t| t.iter().any(|k| k == key));
    let tick_box = move |key: String| {
        let on = ticked(&key);
        view! { <input type="checkbox" data-key=key checked=on/> }
    };

    view! {
        <div class="basket" data-ready=move || state.ready.get().then_some("1") on:change=on_tick>
            {move || {
                if !state.ready.get() {
                    return view! { <p class="basket-wait">"Đang mở giỏ hồ sơ…"</p> }.into_any();
                }
                let codes = state.codes.get();
                if codes.is_empty() {
                    return view! {
                        <div class="basket-empty">
                            <p>"Giỏ hồ sơ đang trống."</p>
                            <p>"Mở một thủ tục rồi bấm “Thêm vào giỏ hồ sơ”, hoặc chọn một việc cần làm ở trang chủ (sinh con, kết hôn, người thân mất…) rồi bấm “Làm cả bộ này”."</p>
                            <p><a href="/">"Về trang chủ"</a></p>
                        </div>
                    }.into_any();
                }
                let m = merged.get();
                let entries = state.entries.get();
                let failed = state.failed.get();
                let mut n = 0usize;
                let mut number = move || { n += 1; n };
                view! {
                    {state.shared.get().then(|| view! {
                        <div class="basket-note basket-shared" role="note">
                            <p>"Đây là giỏ hồ sơ người khác gửi cho bạn. Giỏ của bạn trên máy này vẫn được giữ nguyên."</p>
                            <button type="button" class="tool" on:click=adopt>"Dùng giỏ này trên máy của tôi"</button>
                        </div>
                    })}
                    <h2 class="basket-count">{format!("{} thủ tục trong giỏ", codes.len())}</h2>
                    <ul class="basket-procs">
                        {entries.iter().map(|e| {
                            let href = crate::routes::procedure(&e.code);
                            view! {
                                <li>
                                    <span><a href=href>{e.name.clone()}</a>" "<span class="basket-code">{format!("(mã {})", e.code)}</span></span>
                                    <button type="button" class="basket-remove no-print" aria-label=format!("Bỏ ra: {}", e.name) on:click=remove(e.code.clone())>"Bỏ ra"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {m.joint.iter().map(|(j, names)| {
                        let j2 = j.clone();
                        let swap = move |_| {
                            #[cfg(feature = "hydrate")]
                            browser::swap(state, &j2);
                            let _ = &j2;
                        };
                        view! {
                            <div class="basket-note basket-joint">
                                <p>"Làm gộp được: " <a href=crate::routes::procedure(&j.code)>{j.name.clone()}</a></p>
                                <p>{format!("Thủ tục liên thông: nộp một bộ hồ sơ thay cho {}.", names.join("; "))}</p>
                                <button type="button" class="tool no-print" on:click=swap>"Đổi sang thủ tục liên thông"</button>
                            </div>
                        }
                    }).collect_view()}
                    {(!failed.is_empty()).then(|| view! {
                        <p class="basket-failed" role="status">{format!("Chưa tải được thủ tục {}: cần có mạng lần đầu mở giỏ.", failed.join(", "))}</p>
                    })}
                    {move || {
                        let gone = state.gone.get();
                        (!gone.is_empty()).then(|| view! {
                            <p class="basket-failed" role="status">{format!("Không còn thủ tục mã {} trong danh mục: có thể đã bị bãi bỏ hoặc thay thế. Hãy tìm lại theo tên.", gone.join(", "))}</p>
                        })
                    }}
                    <div class="tools basket-tools no-print">
                        <button type="button" class="tool" on:click=print.clone()>"In giỏ hồ sơ"</button>
                        <button type="button" class="tool" on:click=copy.clone()>"Sao chép"</button>
                        <button type="button" class="tool" on:click=share.clone()>"Gửi giỏ này"</button>
                        <button type="button" class="tool" on:click=clear>"Xoá giỏ"</button>
                        <p class="tool-status" role="status">{move || status.get()}</p>
                        {move || {
                            let text = manual.get();
                            (!text.is_empty()).then(|| view! {
                                <label class="manual-copy">"Chọn và sao chép đoạn dưới đây:"<textarea readonly rows="8">{text}</textarea></label>
                            })
                        }}
                    </div>
                    <h2>"Giấy tờ cần mang"</h2>
                    {(!m.shared.is_empty()).then(|| view! {
                        <section class="basket-group">
                            <h3>"Dùng chung cho nhiều thủ tục"</h3>
                            <ol class="papers basket-papers">
                                {m.shared.iter().map(|r| {
                                    let no = number();
                                    view! {
                                        <li value=no.to_string()>
                                            <label class="tick">
                                                {tick_box(r.key.clone())}
                                                <span>
                                                    <span class="paper-name">{r.name.clone()}</span>
                                                    <span class="basket-for">{r.for_words()}</span>
                                                </span>
                                            </label>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        </section>
                    })}
                    {m.own.iter().filter(|o| !o.groups.is_empty()).map(|o| view! {
                        <section class="basket-group">
                            <h3>{o.name.clone()}</h3>
                            {o.groups.iter().map(|(when, items)| view! {
                                {(!when.is_empty()).then(|| view! { <h4 class="case">{when.clone()}</h4> })}
                                <ol class="papers basket-papers">
                                    {items.iter().map(|(key, text, count)| {
                                        let no = number();
                                        view! {
                                            <li value=no.to_string()>
                                                <label class="tick">
                                                    {tick_box(key.clone())}
                                                    <span>
                                                        <span class="paper-name">{text.clone()}</span>
                                                        {(!count.is_empty()).then(|| view! { " " <span class="count">{count.clone()}</span> })}
                                                    </span>
                                                </label>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ol>
                            }).collect_view()}
                        </section>
                    }).collect_view()}
                    {(!m.unmatched.is_empty()).then(|| view! {
                        <p class="basket-unmatched">
                            {format!(
                                "Giấy tờ của {} lấy nguyên từ danh sách chính thức, chưa được đối chiếu với các thủ tục khác: chỉ giấy tờ ghi giống hệt nhau mới được gộp. Giấy tờ na ná nhau có thể là một, hỏi cán bộ tiếp nhận.",
                                m.unmatched.join("; ")
                            )}
                        </p>
                    })}
                    <h2>"Lệ phí cộng lại"</h2>
                    <ul class="basket-fees">{m.fees.iter().map(|t| view! { <li>{fee_line(t)}</li> }).collect_view()}</ul>
                    <p class="basket-sub">"Lệ phí từng thủ tục:"</p>
                    <ul class="basket-each">{entries.iter().map(|e| view! { <li>{format!("{}: {}", e.name, e.fee)}</li> }).collect_view()}</ul>
                    <h2>"Thời gian"</h2>
                    {m.longest.clone().map(|(name, time)| view! { <p class="basket-longest">{format!("Lâu nhất: {name}: {time}")}</p> })}
                    <ul class="basket-times">{entries.iter().map(|e| view! { <li>{format!("{}: {}", e.name, e.time)}</li> }).collect_view()}</ul>
                    <h2>"Nơi nộp"</h2>
                    <ul class="basket-places">
                        {m.places.iter().map(|(place, names)| view! { <li>{format!("{place} ({})", names.join("; "))}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {move || (state.ready.get() && !state.codes.get().is_empty()).then(|| {
                let url = link();
                view! {
                    <div class="basket-qr-box">
                        <crate::pages::sheet::QrSvg url=url.clone() class="basket-qr"/>
                        <p>"Quét mã để mở giỏ hồ sơ này trên điện thoại khác:"<br/><span class="basket-link">{url}</span></p>
                    </div>
                }
            })}
        </div>
    }
}

/// The island's state: the codes shown, whether they came from someone else's link, the fetched entries (in
/// basket order), the codes that could not be fetched and those the catalogue no longer has, the ticked keys, and whether the device has been read.
#[derive(Clone, Copy)]
struct State {
    codes: RwSignal<Vec<String>>,
    shared: RwSignal<bool>,
    entries: RwSignal<Vec<Entry>>,
    failed: RwSignal<Vec<String>>,
    gone: RwSignal<Vec<String>>,
    ticks: RwSignal<Vec<String>>,
    ready: RwSignal<bool>,
}

impl State {
    fn new() -> State {
        State {
            codes: RwSignal::new(Vec::new()),
            shared: RwSignal::new(false),
            entries: RwSignal::new(Vec::new()),
            failed: RwSignal::new(Vec::new()),
            gone: RwSignal::new(Vec::new()),
            ticks: RwSignal::new(Vec::new()),
            ready: RwSignal::new(false),
        }
    }
}

/// The basket in the browser: the device's storage, the link's parameters, fetching entries.
#[cfg(feature = "hydrate")]
mod browser {
    use super::*;
    use crate::pages::storage::{save, saved};
    use crate::pages::tools::browser::{is_abort, share};
    use wasm_bindgen::JsCast;

    fn window() -> web_sys::Window {
        web_sys::window().expect("a browser window")
    }

    /// One parameter of the page's address.
    fn param(name: &str) -> Option<String> {
        let search = window().location().search().ok()?;
        web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
    }

    /// Shows `/gio-ho-so/` in the address bar without reloading (after a link's codes were taken in).
    fn plain_address() {
        if let Ok(h) = window().history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&crate::routes::basket()));
        }
    }

    fn own() -> Vec<String> {
        parse_codes(&saved(BASKET_KEY).unwrap_or_default())
    }

    fn keep(codes: &[String]) {
        let list = codes.join(",");
        save(BASKET_KEY, (!list.is_empty()).then_some(list.as_str()));
    }

    /// Reads the device and the address, then fetches the entries.
    pub fn start(state: State) {
        let mut mine = own();
        if let Some(add) = param("them") {
            for c in parse_codes(&add) {
                if !mine.contains(&c) && mine.len() < MAX_PROCEDURES {
                    mine.push(c);
                }
            }
            keep(&mine);
            plain_address();
        }
        let mut shown = mine.clone();
        if let Some(link) = param("p") {
            let theirs = parse_codes(&link);
            if mine.is_empty() || mine == theirs {
                keep(&theirs);
                plain_address();
            } else {
                state.shared.set(true);
            }
            shown = theirs;
        }
        state.ticks.set(saved(BASKET_TICKS_KEY).unwrap_or_default().split('\n').filter(|s| !s.is_empty()).map(String::from).collect());
        state.codes.set(shown.clone());
        state.ready.set(true);
        load(state, shown);
    }

    /// Fetches every entry (the service worker keeps them for offline use) and shows them in basket order.
    fn load(state: State, codes: Vec<String>) {
        leptos::task::spawn_local(async move {
            let mut entries = Vec::new();
            let mut failed = Vec::new();
            let mut gone = Vec::new();
            for code in codes {
                match fetch(&code).await {
                    Ok(e) => entries.push(e),
                    Err(true) => gone.push(code),
                    Err(false) => failed.push(code),
                }
            }
            state.entries.set(entries);
            state.failed.set(failed);
            // A code the catalogue no longer has stays out of the basket; the page says which it was.
            if !gone.is_empty() {
                state.codes.update(|c| c.retain(|x| !gone.contains(x)));
                if !state.shared.get_untracked() {
                    keep(&state.codes.get_untracked());
                }
            }
            state.gone.set(gone);
        });
    }

    /// One entry; `Err(true)` when the site has no such procedure (404), `Err(false)` when it could not be
    /// reached (offline, never fetched).
    async fn fetch(code: &str) -> Result<Entry, bool> {
        use wasm_bindgen_futures::JsFuture;
        let response: web_sys::Response = JsFuture::from(window().fetch_with_str(&crate::routes::basket_entry(code)))
            .await
            .map_err(|_| false)?
            .dyn_into()
            .map_err(|_| false)?;
        if !response.ok() {
            return Err(response.status() == 404);
        }
        let text = JsFuture::from(response.text().map_err(|_| false)?).await.map_err(|_| false)?.as_string().ok_or(false)?;
        serde_json::from_str(&text).map_err(|_| false)
    }

    /// A tick changed: keep every ticked key.
    pub fn tick(state: State, ev: &web_sys::Event) {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(key) = input.get_attribute("data-key") else { return };
        state.ticks.update(|t| {
            t.retain(|k| *k != key);
            if input.checked() {
                t.push(key);
            }
        });
        let joined = state.ticks.with_untracked(|t| t.join("\n"));
        save(BASKET_TICKS_KEY, (!joined.is_empty()).then_some(joined.as_str()));
    }

    /// Takes a procedure out of the basket (and out of the device's basket, unless this is someone else's).
    pub fn remove(state: State, code: &str) {
        state.codes.update(|c| c.retain(|x| x != code));
        state.entries.update(|e| e.retain(|x| x.code != code));
        state.failed.update(|f| f.retain(|x| x != code));
        state.gone.update(|f| f.retain(|x| x != code));
        if !state.shared.get_untracked() {
            keep(&state.codes.get_untracked());
        }
    }

    /// Empties the basket and its ticks.
    pub fn clear(state: State) {
        state.codes.set(Vec::new());
        state.entries.set(Vec::new());
        state.failed.set(Vec::new());
        state.gone.set(Vec::new());
        state.ticks.set(Vec::new());
        state.shared.set(false);
        keep(&[]);
        save(BASKET_TICKS_KEY, None);
        plain_address();
    }

    /// Puts a liên thông procedure in place of the procedures it does in one file, where the first of them was.
    pub fn swap(state: State, joint: &Joint) {
        let mut codes = state.codes.get_untracked();
        let at = codes.iter().position(|c| joint.covers.contains(c)).unwrap_or(codes.len());
        codes.retain(|c| !joint.covers.contains(c));
        codes.insert(at.min(codes.len()), joint.code.clone());
        if !state.shared.get_untracked() {
            keep(&codes);
        }
        state.codes.set(codes.clone());
        load(state, codes);
    }

    /// Makes someone else's basket this device's basket.
    pub fn adopt(state: State) {
        keep(&state.codes.get_untracked());
        state.shared.set(false);
        plain_address();
    }

    /// Shares the basket's link through the phone's share sheet, else copies it.
    pub fn share_link(url: String, status: RwSignal<String>, manual: RwSignal<String>) {
        let text = format!("Giỏ hồ sơ: {url}");
        match share(&text) {
            Some(promise) => leptos::task::spawn_local(async move {
                if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
                    if !is_abort(&e) {
                        crate::pages::tools::copy_or_show(text, status, manual);
                    }
                }
            }),
            None => crate::pages::tools::copy_or_show(text, status, manual),
        }
    }
}

