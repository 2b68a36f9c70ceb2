//! Officer and citizen tools, as small islands: copy / share / print a procedure's papers, the citizen's
//! checklist of papers gathered, and the display settings (text size, contrast); they start kiosk mode
//! ([`crate::pages::kiosk`]).
//!
//! Every page is complete without them: the buttons stay hidden until the app has hydrated (see `style.css`),
//! the checkboxes next to papers work without JavaScript (they just are not remembered), and the saved
//! settings are applied before first paint by `prefs.js`, not by these islands.

use crate::pages::storage::TICKS_PREFIX;
use leptos::prelude::*;

/// Where the citizen's ticks for one procedure are kept in `localStorage`: indexes of the ticked papers.
pub fn ticks_key(code: &str) -> String {
    format!("{TICKS_PREFIX}{code}")
}

/// Where the procedure page keeps the plain text that "Sao chép" and "Chia sẻ" hand over: a hidden element
/// written at build time (`pages::summary`), read when a button is pressed.
pub const COPY_TEXT_ID: &str = "copy-text";

/// The element of the procedure page's checklist line ("Đã có N/8 giấy tờ") that holds N, the papers ticked:
/// the page renders the line, the [`Checklist`] island keeps N up to date.
pub const TICKED_ID: &str = "ticked";

/// "Sao chép", "Chia sẻ", "In danh sách giấy tờ" on a procedure page.
///
/// The text to copy is written at build time into the page (see [`COPY_TEXT_ID`]), so copying needs no data.
/// Sharing uses the Web Share API where the phone has it (Zalo, Messenger… appear in the share sheet), else
/// copies. Printing switches the page to its one-page checklist layout (`html.print-list`), makes sure the QR
/// box's lazily loaded image is there, and opens the print dialog.
#[island]
pub fn ProcedureTools() -> impl IntoView {
    let status = RwSignal::new(String::new());
    // The text shown for copying by hand when the browser refuses to copy; empty while hidden.
    let manual = RwSignal::new(String::new());
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        copy_or_show(browser::copy_text(), status, manual);
    };
    let share = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let text = browser::copy_text();
            match browser::share(&text) {
                Some(promise) => leptos::task::spawn_local(async move {
                    if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
                        // The person closed the share sheet: nothing to say. Anything else: copy instead.
                        if !browser::is_abort(&e) {
                            copy_or_show(text, status, manual);
                        }
                    }
                }),
                None => copy_or_show(text, status, manual),
            }
        }
    };
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        browser::print_checklist();
    };
    view! {
        <div class="tools">
            <button type="button" class="tool" on:click=copy>"Sao chép"</button>
            <button type="button" class="tool" on:click=share>"Chia sẻ"</button>
            <button type="button" class="tool" on:click=print>"In danh sách giấy tờ"</button>
            <p class="tool-status" role="status">{move || status.get()}</p>
            {move || {
                let text = manual.get();
                (!text.is_empty()).then(|| view! {
                    <label class="manual-copy">
                        "Chọn và sao chép đoạn dưới đây:"
                        <textarea readonly rows="8">{text}</textarea>
                    </label>
                })
            }}
        </div>
    }
}

/// Copies `text`; says so in `status`, or shows the text to copy by hand when the browser refuses (old
/// phones, pages opened over plain http on a centre's network).
#[cfg(feature = "hydrate")]
pub(crate) fn copy_or_show(text: String, status: RwSignal<String>, manual: RwSignal<String>) {
    let show_manual = move |text: String| {
        status.set("Máy không cho sao chép tự động.".into());
        manual.set(text);
    };
    match browser::copy(&text) {
        Some(promise) => leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => {
                    manual.set(String::new());
                    status.set("Đã sao chép. Dán vào Zalo hoặc tin nhắn.".into());
                }
                Err(_) => show_manual(text),
            }
        }),
        None => show_manual(text),
    }
}

/// The citizen's checklist: keeps the page's "Đã có N/8 giấy tờ" line (N in [`TICKED_ID`]) up to date, and
/// a reset. The checkboxes themselves are static HTML beside each paper (`input[data-tick]`); this island
/// remembers them per procedure (the code is read from the page's address) in `localStorage`, which works
/// offline.
#[island]
pub fn Checklist() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    let key = ticks_key(&browser::page_code());
    #[cfg(feature = "hydrate")]
    {
        let restore_key = key.clone();
        Effect::new(move |_| browser::show_ticked(browser::restore_ticks(&restore_key)));
        let key = key.clone();
        // Islands live as long as the page: the listener is never removed.
        let _ = window_event_listener(leptos::ev::change, move |e| {
            if browser::is_tick(&e) {
                browser::show_ticked(browser::save_ticks(&key));
            }
        });
    }
    let reset = move |_| {
        #[cfg(feature = "hydrate")]
        {
            browser::clear_ticks(&key);
            browser::show_ticked(0);
        }
    };
    view! { <button type="button" class="tool" on:click=reset>"Bỏ hết dấu"</button> }
}

/// "Đọc cho tôi nghe", with pause and stop (`site/speak.js` runs it): hidden until the script finds a
/// Vietnamese voice on the device. `say` names what to read: "summary" (a procedure page with an editor's
/// summary), "official" (one without) or "basket"; `speak.js` keeps the parts each means, so pages carry a
/// word, not a selector.
#[component]
pub fn ReadAloud(say: &'static str) -> impl IntoView {
    view! {
        <div class="say" hidden>
            <button type="button" class="tool" data-say=say>"Đọc cho tôi nghe"</button>
            <button type="button" class="tool" hidden>"Tạm dừng"</button>
            <button type="button" class="tool" hidden>"Dừng"</button>
        </div>
    }
}

/// Text size and contrast buttons in every page's header bar; also runs kiosk mode (back to the start when
/// untouched, no leaving the site). The choice is saved for `prefs.js` to apply on the next page before paint.
#[island]
pub fn Settings() -> impl IntoView {
    let size = RwSignal::new(String::new());
    let contrast = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        size.set(crate::pages::storage::saved(crate::pages::storage::SIZE_KEY).unwrap_or_default());
        contrast.set(crate::pages::storage::saved(crate::pages::storage::CONTRAST_KEY).is_some());
        crate::pages::kiosk::start();
    });
    let pick = move |value: &'static str| {
        move |_| {
            size.set(value.to_string());
            #[cfg(feature = "hydrate")]
            browser::apply_size(value);
        }
    };
    let toggle_contrast = move |_| {
        let on = !contrast.get_untracked();
        contrast.set(on);
        #[cfg(feature = "hydrate")]
        browser::apply_contrast(on);
    };
    let pressed = move |value: &'static str| move || if size.get() == value { "true" } else { "false" };
    view! {
        <div class="prefs" role="group" aria-label="Cách hiển thị">
            <span class="prefs-label" aria-hidden="true">"Cỡ chữ"</span>
            <button type="button" class="size-n" aria-label="A, cỡ chữ thường" aria-pressed=pressed("") on:click=pick("")>"A"</button>
            <button type="button" class="size-l" aria-label="A+, cỡ chữ lớn" aria-pressed=pressed("l") on:click=pick("l")>"A+"</button>
            <button type="button" class="size-xl" aria-label="A++, cỡ chữ rất lớn" aria-pressed=pressed("xl") on:click=pick("xl")>"A++"</button>
            <button type="button" aria-pressed=move || if contrast.get() { "true" } else { "false" } on:click=toggle_contrast>
                "Tương phản"
            </button>
        </div>
    }
}

/// What the islands do in the browser: storage, clipboard, share sheet, print.
#[cfg(feature = "hydrate")]
pub(crate) mod browser {
    use super::*;
    use crate::pages::storage::{CONTRAST_KEY, SIZE_KEY, root, save, saved};
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};

    #[wasm_bindgen]
    extern "C" {
        /// `navigator.clipboard.writeText`; throws where there is no clipboard API (plain http, old browsers).
        #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
        fn clipboard_write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
        /// `navigator.share`; throws where there is no Web Share API (most desktops).
        #[wasm_bindgen(js_namespace = navigator, js_name = share, catch)]
        fn navigator_share(data: &JsValue) -> Result<js_sys::Promise, JsValue>;
    }

    pub fn copy(text: &str) -> Option<js_sys::Promise> {
        clipboard_write_text(text).ok()
    }

    pub fn share(text: &str) -> Option<js_sys::Promise> {
        let data = js_sys::Object::new();
        js_sys::Reflect::set(&data, &"text".into(), &text.into()).ok()?;
        navigator_share(&data).ok()
    }

    /// True for the rejection a share sheet gives when the person closes it.
    pub fn is_abort(e: &JsValue) -> bool {
        js_sys::Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string()).as_deref() == Some("AbortError")
    }

    /// The text the copy and share buttons hand over (see [`COPY_TEXT_ID`]).
    pub fn copy_text() -> String {
        document().get_element_by_id(COPY_TEXT_ID).and_then(|e| e.text_content()).unwrap_or_default()
    }

    /// The procedure code in the page's address, `/p/<code>/`.
    pub fn page_code() -> String {
        let path = window().location().pathname().unwrap_or_default();
        path.trim_matches('/').rsplit('/').next().unwrap_or_default().to_string()
    }

    /// Writes how many papers are ticked into the checklist line.
    pub fn show_ticked(n: usize) {
        if let Some(el) = document().get_element_by_id(TICKED_ID) {
            el.set_text_content(Some(&n.to_string()));
        }
    }

    fn ticks() -> Vec<web_sys::HtmlInputElement> {
        let Ok(list) = document().query_selector_all("input[data-tick]") else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
    }

    pub fn is_tick(e: &web_sys::Event) -> bool {
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.has_attribute("data-tick"))
    }

    /// Ticks the boxes saved for this procedure; returns how many are ticked.
    pub fn restore_ticks(key: &str) -> usize {
        let saved = saved(key).unwrap_or_default();
        let wanted: Vec<&str> = saved.split(',').filter(|s| !s.is_empty()).collect();
        let boxes = ticks();
        for b in &boxes {
            if wanted.contains(&b.get_attribute("data-tick").unwrap_or_default().as_str()) {
                b.set_checked(true);
            }
        }
        boxes.iter().filter(|b| b.checked()).count()
    }

    /// Saves which boxes are ticked; returns how many.
    pub fn save_ticks(key: &str) -> usize {
        let on: Vec<String> = ticks().iter().filter(|b| b.checked()).filter_map(|b| b.get_attribute("data-tick")).collect();
        let joined = on.join(",");
        save(key, (!joined.is_empty()).then_some(joined.as_str()));
        on.len()
    }

    pub fn clear_ticks(key: &str) {
        for b in ticks() {
            b.set_checked(false);
        }
        save(key, None);
    }

    /// Switches to the checklist print layout, loads the QR image, then opens the print dialog.
    pub fn print_checklist() {
        let Some(root) = root() else { return };
        let _ = root.class_list().add_1("print-list");
        let print = || {
            let _ = window().print();
        };
        // The page's QR code (the QR box's image, loaded lazily): make sure it is there before printing.
        let img = document()
            .query_selector(".qr-box img")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlImageElement>().ok());
        match img {
            Some(img) if !(img.complete() && img.natural_width() > 0) => {
                let done = Closure::once_into_js(print);
                img.set_onload(Some(done.unchecked_ref()));
                img.set_onerror(Some(done.unchecked_ref()));
                img.set_attribute("loading", "eager").ok();
            }
            _ => print(),
        }
        // Back to the normal page once the dialog closes (not needed on screen: the class only styles print).
        let handle = Rc::new(Cell::new(None));
        let h = handle.clone();
        let listener = window_event_listener(leptos::ev::afterprint, move |_| {
            if let Some(root) = document().document_element() {
                let _ = root.class_list().remove_1("print-list");
            }
            if let Some(l) = h.take() {
                let l: WindowListenerHandle = l;
                l.remove();
            }
        });
        handle.set(Some(listener));
    }

    pub fn apply_size(value: &str) {
        if let Some(root) = root() {
            let list = root.class_list();
            let _ = list.remove_2("size-l", "size-xl");
            if !value.is_empty() {
                let _ = list.add_1(&format!("size-{value}"));
            }
        }
        save(SIZE_KEY, if value.is_empty() { None } else { Some(value) });
    }

    pub fn apply_contrast(on: bool) {
        if let Some(root) = root() {
            let _ = root.class_list().toggle_with_force("contrast", on);
        }
        save(CONTRAST_KEY, on.then_some("1"));
    }
}
