//! Kiosk mode for the touch screens in a centre's waiting area (`?kiosk=1` turns it on, `?kiosk=0` off; `prefs.js`
//! sets `html.kiosk` before first paint): a home button always on screen (the page chrome draws it), back to the
//! start after a while untouched, the last visitor's ticks forgotten, and no leaving the site.

/// Seconds untouched before a kiosk goes back to the start, unless the address says `?idle=N`.
pub const KIOSK_IDLE_SECONDS: u32 = 120;

#[cfg(feature = "hydrate")]
pub use browser::start;

#[cfg(feature = "hydrate")]
mod browser {
    use super::KIOSK_IDLE_SECONDS;
    use crate::pages::storage::{TICKS_PREFIX, root, storage};
    use leptos::prelude::*;
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;
    use wasm_bindgen::JsCast;

    /// Kiosk mode (`html.kiosk`, set by `prefs.js`): after `?idle=N` seconds (default two minutes) without a
    /// touch, forget the visitor's ticks and go back to the start; never follow a link off the site.
    pub fn start() {
        let Some(root) = root() else { return };
        if !root.class_list().contains("kiosk") {
            return;
        }
        let search = window().location().search().unwrap_or_default();
        let idle = search
            .trim_start_matches('?')
            .split('&')
            .find_map(|kv| kv.strip_prefix("idle="))
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(KIOSK_IDLE_SECONDS)
            .max(1);
        let timer: Rc<Cell<Option<TimeoutHandle>>> = Rc::new(Cell::new(None));
        let arm = {
            let timer = timer.clone();
            move || {
                if let Some(t) = timer.take() {
                    t.clear();
                }
                timer.set(set_timeout_with_handle(back_to_start, Duration::from_secs(idle.into())).ok());
            }
        };
        arm();
        for_each_touch(arm);
        // No leaving the site from a kiosk: links to other sites and downloads do nothing.
        let _ = window_event_listener(leptos::ev::click, |e| {
            let link = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten());
            if let Some(a) = link {
                let href = a.get_attribute("href").unwrap_or_default();
                let external = href.starts_with("http") && !href.starts_with(&window().location().origin().unwrap_or_default());
                if external || a.has_attribute("download") || href.starts_with("/qr/") {
                    e.prevent_default();
                }
            }
        });
    }

    fn for_each_touch(arm: impl Fn() + Clone + 'static) {
        let a = arm.clone();
        let _ = window_event_listener(leptos::ev::pointerdown, move |_| a());
        let a = arm.clone();
        let _ = window_event_listener(leptos::ev::keydown, move |_| a());
        let a = arm.clone();
        let _ = window_event_listener(leptos::ev::scroll, move |_| a());
        let _ = window_event_listener(leptos::ev::input, move |_| arm());
    }

    fn back_to_start() {
        if let Some(s) = storage() {
            let keys: Vec<String> = (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).collect();
            for k in keys.iter().filter(|k| k.starts_with(TICKS_PREFIX)) {
                let _ = s.remove_item(k);
            }
        }
        let location = window().location();
        let at_start = location.pathname().as_deref() == Ok("/") && location.search().unwrap_or_default().is_empty();
        if at_start {
            // Already at the start: just clear what the last visitor typed and scroll back up.
            if let Ok(Some(q)) = document().query_selector("input[name=q]") {
                if let Ok(q) = q.dyn_into::<web_sys::HtmlInputElement>() {
                    q.set_value("");
                }
            }
            window().scroll_to_with_x_and_y(0.0, 0.0);
        } else {
            let _ = location.assign("/");
        }
    }
}
