//! "Lưu để dùng khi mất mạng": an island on field pages that asks the service worker (`public/sw.js`) to store
//! every procedure page of the field, so an officer or a citizen can read them later with no signal.

use leptos::prelude::*;

/// The save button and its progress line. Hidden until the app has hydrated (it needs the service worker).
///
/// It stores the page it is on and every procedure page the page links to (`/p/<code>/`), read from the page
/// when pressed: no props, so the browser app needs no JSON decoder.
#[island]
pub fn SaveOffline() -> impl IntoView {
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let on_click = move |_| {
        #[cfg(feature = "hydrate")]
        browser::save(status, busy);
    };
    view! {
        <div class="save-offline">
            <button type="button" class="button secondary" on:click=on_click disabled=move || busy.get()>
                "Lưu để dùng khi mất mạng"
            </button>
            <p class="save-status" role="status" aria-live="polite">{move || status.get()}</p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;

    fn number(obj: &JsValue, key: &str) -> u32 {
        js_sys::Reflect::get(obj, &JsValue::from_str(key)).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32
    }

    /// Posts `{type: "save", urls}` (this page and the procedure pages in its main content) to the active
    /// worker and shows its progress messages.
    pub fn save(status: RwSignal<String>, busy: RwSignal<bool>) {
        let Some(window) = web_sys::window() else { return };
        let Some(worker) = window.navigator().service_worker().controller() else {
            status.set("Trình duyệt chưa sẵn sàng lưu. Hãy tải lại trang rồi thử lại.".into());
            return;
        };
        let urls = js_sys::Array::new();
        if let Ok(here) = window.location().pathname() {
            urls.push(&JsValue::from_str(&here));
        }
        let Some(document) = window.document() else { return };
        if let Ok(links) = document.query_selector_all("main a[href^='/p/']") {
            for i in 0..links.length() {
                let href = links.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()?.get_attribute("href"));
                if let Some(href) = href.filter(|h| !urls.includes(&JsValue::from_str(h), 0)) {
                    urls.push(&JsValue::from_str(&href));
                }
            }
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"save".into());
        let _ = js_sys::Reflect::set(&message, &"urls".into(), &urls);
        let Ok(channel) = web_sys::MessageChannel::new() else { return };
        let on_progress = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let (done, failed, total) = (number(&data, "done"), number(&data, "failed"), number(&data, "total"));
            if done + failed >= total {
                busy.set(false);
                status.set(if failed == 0 {
                    format!("Đã lưu {done} trang. Có thể xem khi mất mạng.")
                } else {
                    format!("Đã lưu {done} trang, {failed} trang chưa lưu được (mạng yếu). Hãy thử lại.")
                });
            } else {
                status.set(format!("Đang lưu {}/{total}…", done + failed));
            }
        });
        channel.port1().set_onmessage(Some(on_progress.as_ref().unchecked_ref()));
        on_progress.forget();
        busy.set(true);
        status.set("Đang lưu…".into());
        if worker.post_message_with_transferable(&message, &js_sys::Array::of1(&channel.port2())).is_err() {
            busy.set(false);
            status.set("Không lưu được. Hãy thử lại.".into());
        }
    }
}
