//! A client-side-rendered (CSR) build of the procedure page: the common alternative to this site's pre-rendered
//! pages with islands, built only so the measurement harness (`tests/e2e/measure.mjs --csr`) can put the two side
//! by side. The site itself never ships it.
//!
//! It is what a team would normally build without pre-rendering: an empty HTML shell loads the wasm app at once;
//! the app reads the code from `/p/<code>/`, fetches `/data/<code>.json` and renders the page in the browser with
//! the same components as the static page (`ProcedureBody`, the search box, the tools). `motcua build-csr`
//! (`site/csr.rs`) writes the shell, the data and the assets.
//!
//! The payload types are compiled natively too, where the builder writes them.

use crate::content::{Procedure, Site};
pub use crate::pages::related::RelatedData;
use serde::{Deserialize, Serialize};

/// What `/data/<code>.json` holds: everything the browser needs to render one procedure page.
#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct CsrData {
    /// The procedure, as in `content/`.
    pub procedure: Procedure,
    /// Site settings: title, base URL (QR code and summary link), the centre in the footer.
    pub site: Site,
    /// The "Thủ tục liên quan" block, resolved against the catalogue when the data is written.
    pub related: RelatedData,
}

#[cfg(feature = "csr")]
mod app {
    use super::CsrData;
    use crate::pages::related::related_view;
    use crate::pages::ProcedureBody;
    use crate::pages::chrome::PageBody;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    #[wasm_bindgen]
    extern "C" {
        /// `performance.mark(name)`: the harness reads `csr-rendered`.
        #[wasm_bindgen(js_namespace = performance, js_name = mark)]
        fn performance_mark(name: &str);
    }

    /// Entry point of the CSR app, called by its loader as soon as the wasm is instantiated.
    #[wasm_bindgen]
    pub fn csr_main() {
        wasm_bindgen_futures::spawn_local(async {
            let window = web_sys::window().expect("a window");
            let document = window.document().expect("a document");
            let path = window.location().pathname().unwrap_or_default();
            let code = path.trim_start_matches("/p/").trim_end_matches('/').to_string();
            let body = document.body().expect("a body");
            match load(&window, &code).await {
                Some(data) => {
                    document.set_title(&format!("{} – {}", data.procedure.name, data.site.title));
                    leptos::mount::mount_to_body(move || view! { <CsrPage data=data/> });
                }
                None => body.set_inner_html("<p>Không tải được thủ tục này. Hãy thử lại.</p>"),
            }
            if let Some(html) = document.document_element() {
                // `data-hydrated` is the stylesheet's sign that the app is alive (it shows the tools); the CSR app
                // is alive as soon as it has rendered. `data-rendered` is what the harness waits for.
                let _ = html.set_attribute("data-hydrated", "1");
                let _ = html.set_attribute("data-rendered", "1");
            }
            performance_mark("csr-rendered");
        });
    }

    /// Fetches and parses `/data/<code>.json`.
    async fn load(window: &web_sys::Window, code: &str) -> Option<CsrData> {
        let resp: web_sys::Response =
            JsFuture::from(window.fetch_with_str(&format!("/data/{code}.json"))).await.ok()?.dyn_into().ok()?;
        if !resp.ok() {
            return None;
        }
        let text = JsFuture::from(resp.text().ok()?).await.ok()?.as_string()?;
        leptos::serde_json::from_str(&text).ok()
    }

    /// The page body the static page has (`pages::layout::Shell`'s `<body>`), around the procedure.
    #[component]
    fn CsrPage(data: CsrData) -> impl IntoView {
        let CsrData { procedure: p, site, related } = data;
        let qr_url = crate::qr::page_url(&site.base_url, &p.code);
        let summary = crate::pages::summary::summary_text(&p, &site);
        let related = related_view(related);
        view! {
            <PageBody site=site header_search=true>
                <ProcedureBody p=p qr_url=qr_url summary=summary related=related/>
            </PageBody>
        }
    }
}
