//! Printing for any centre: the poster pages (`/in/…`) are built once with the site's own centre; opened with
//! `?tt=<slug>` (a centre page's "In tờ mã QR" link), or on a device whose reader chose a centre, the poster
//! bundle redraws them for that centre before printing: its header, its desk and phone for the procedure's
//! field, and QR codes that open each page in its context (`?tt=<slug>`). The counter sheet builder draws its
//! tiles for that centre too ([`current`]).
//!
//! The poster pages mark what may change: the toolbar (`data-for-centre`), each QR (`svg[data-url]`), the
//! URL printed under it (`.p-url`, `.more`), the "Nơi nộp" fact (`.p-where`) and the field (`data-field`).

/// The device's chosen centre, as `site/centre.js` keeps it.
pub const CHOSEN_KEY: &str = "motcua.trung-tam";

#[cfg(feature = "hydrate")]
thread_local! {
    static CURRENT: std::cell::RefCell<Option<crate::content::Centre>> = const { std::cell::RefCell::new(None) };
}

/// The centre the poster pages print for, once loaded; `None` for the site's own centre.
#[cfg(feature = "hydrate")]
pub fn current() -> Option<crate::content::Centre> {
    CURRENT.with(|c| c.borrow().clone())
}

/// Reads which centre to print for and, when there is one, redraws the page for it (browser only).
#[cfg(feature = "hydrate")]
pub fn apply() {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    let Some(doc) = window.document() else { return };
    let Ok(Some(bar)) = doc.query_selector("[data-for-centre]") else { return };
    let from_link = window
        .location()
        .search()
        .ok()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get(crate::routes::CENTRE_PARAM));
    let kept = window.local_storage().ok().flatten().and_then(|s| s.get_item(CHOSEN_KEY).ok().flatten());
    let valid = |s: &String| crate::routes::valid_centre_slug(s);
    let Some(slug) = from_link.filter(valid).or(kept.filter(valid)) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Some(c) = fetch(&slug).await else { return };
        redraw(&doc, &c);
        if let Ok(span) = bar.query_selector(".for-centre") {
            if let Some(span) = span.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
                span.set_text_content(Some(&format!("In cho: {}", c.name)));
                span.set_hidden(false);
            }
        }
        CURRENT.with(|cur| *cur.borrow_mut() = Some(c));
    });
}

#[cfg(feature = "hydrate")]
async fn fetch(slug: &str) -> Option<crate::content::Centre> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let res: web_sys::Response = JsFuture::from(window.fetch_with_str(&crate::routes::centre_data(slug))).await.ok()?.dyn_into().ok()?;
    if !res.ok() {
        return None;
    }
    let text = JsFuture::from(res.text().ok()?).await.ok()?.as_string()?;
    let c: crate::content::Centre = serde_json::from_str(&text).ok()?;
    (c.slug == slug).then_some(c)
}

/// A page URL in the centre's context: the `?tt=` added once.
#[cfg(any(feature = "hydrate", test))]
fn in_context(url: &str, slug: &str) -> String {
    crate::routes::with_centre(url.split('?').next().unwrap_or(url), slug)
}

#[cfg(feature = "hydrate")]
fn redraw(doc: &web_sys::Document, c: &crate::content::Centre) {
    let all = |sel: &str| -> Vec<web_sys::Element> {
        use wasm_bindgen::JsCast;
        let Ok(list) = doc.query_selector_all(sel) else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
    };
    // The header of every sheet.
    let contact = [c.address.clone(), if c.phone.is_empty() { String::new() } else { format!("Điện thoại: {}", c.phone) }]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    for header in all("header.centre") {
        let lines = [c.name.clone(), contact.clone(), if c.hours.is_empty() { String::new() } else { format!("Giờ làm việc: {}", c.hours) }];
        header.set_inner_html("");
        for (i, text) in lines.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
            if let Ok(p) = doc.create_element("p") {
                if i == 0 {
                    p.set_class_name("centre-name");
                }
                p.set_text_content(Some(text));
                let _ = header.append_child(&p);
            }
        }
    }
    // Every QR code, and the addresses printed in words.
    for svg in all("svg[data-url]") {
        let Some(url) = svg.get_attribute("data-url") else { continue };
        let url = in_context(&url, &c.slug);
        let Some(qr) = crate::qr::Qr::encode(&url) else { continue };
        let size = qr.size_with_quiet().to_string();
        let _ = svg.set_attribute("viewBox", &format!("0 0 {size} {size}"));
        let _ = svg.set_attribute("data-url", &url);
        let _ = svg.set_attribute("aria-label", &format!("Mã QR: {url}"));
        if let Ok(Some(rect)) = svg.query_selector("rect") {
            let _ = rect.set_attribute("width", &size);
            let _ = rect.set_attribute("height", &size);
        }
        if let Ok(Some(path)) = svg.query_selector("path") {
            let _ = path.set_attribute("d", &qr.svg_path());
        }
    }
    for el in all(".p-url, .more") {
        let text = el.text_content().unwrap_or_default();
        if let Some(at) = text.find("http") {
            let url = in_context(text[at..].trim(), &c.slug);
            // Wraps, if it must, before the path (as the page printed it), never inside the code.
            let (host, path) = url.rsplit_once("/p/").map(|(h, p)| (h.to_string(), format!("/p/{p}"))).unwrap_or((url.clone(), String::new()));
            el.set_text_content(Some(&format!("{}{host}", &text[..at])));
            if let Ok(wbr) = doc.create_element("wbr") {
                let _ = el.append_child(&wbr);
            }
            let _ = el.append_with_str_1(&path);
        }
    }
    // A field's sheets: where this centre receives that field's dossiers, when a desk names it.
    for line in all(".sheet-desk[data-field]") {
        let field = line.get_attribute("data-field").unwrap_or_default();
        match c.desk_words(&field) {
            Some(words) => {
                line.set_text_content(Some(&format!("Nộp tại: {words}")));
                let _ = line.remove_attribute("hidden");
            }
            None => {
                let _ = line.set_attribute("hidden", "");
            }
        }
    }
    // "Nơi nộp": the centre's desk for the poster's field, else what the national text says (never the desk
    // of the centre the page was built with).
    for sheet in all("[data-field]") {
        let field = sheet.get_attribute("data-field").unwrap_or_default();
        if let Ok(Some(dd)) = sheet.query_selector(".p-where") {
            let national = dd.get_attribute("data-national").unwrap_or_default();
            dd.set_text_content(Some(&c.desk_words(&field).unwrap_or(national)));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_page_gets_one_centre_context() {
        assert_eq!(super::in_context("https://a.vn/p/1.001193/", "x-1"), "https://a.vn/p/1.001193/?tt=x-1");
        assert_eq!(super::in_context("https://a.vn/p/1.001193/?tt=old", "x-1"), "https://a.vn/p/1.001193/?tt=x-1");
    }
}
