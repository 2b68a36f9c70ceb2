//! The page shell shared by every page: `<head>` with title, description, Open Graph and CSP; the header with
//! the search box; the footer with the centre's address and hours.

use crate::content::Site;
use crate::pages::chrome::PageBody;
use leptos::prelude::*;

/// The content-hashed URLs of the site's assets, known only once the builder has written them.
#[derive(Clone, Debug, Default)]
pub struct Assets {
    /// The one stylesheet, e.g. `/assets/style.3f9a1c2b.css`.
    pub css: String,
    /// The loader module that fetches the wasm after first paint, e.g. `/assets/app.8e1d2f00.js`.
    pub js: String,
    /// The loader of the officers' poster bundle (`/in/` pages only): the main app plus the poster islands.
    pub poster_js: String,
    /// The posters' own stylesheet (`/in/` pages only), e.g. `/assets/poster.1a2b3c4d5e.css`.
    pub poster_css: String,
}

/// What a page says about itself in `<head>`.
#[derive(Clone, Debug, Default)]
pub struct PageMeta {
    /// The page's own title; the site title is appended.
    pub title: String,
    /// One or two sentences for search engines and link previews.
    pub description: String,
    /// The page's path from the site root, e.g. `/p/1.001193/`.
    pub path: String,
    /// `article` for a procedure, `website` otherwise.
    pub og_type: &'static str,
}

/// The script that applies the saved display settings before the page paints: `html.js` (the tools will wake
/// up, so the stylesheet keeps their place), text size, high contrast, kiosk mode (`?kiosk=1` / `?kiosk=0`
/// turns it on or off for this device). Keys are the ones the Settings island writes (pages/tools.rs).
///
/// It is inlined in every page's `<head>`: as a file it was a render-blocking request that delayed the
/// stylesheet by a whole round trip on 3G (measured: first paint 1.26 s, the stylesheet requested only after
/// it arrived). The CSP allows exactly this script by its hash (`build.rs` computes it).
pub const PREFS_JS: &str = include_str!("../site/prefs.js");

/// The Content-Security-Policy every page carries: only this site's own files, wasm allowed to compile, and
/// the one inline script [`PREFS_JS`] by its SHA-256.
pub const CONTENT_SECURITY_POLICY: &str = concat!(
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-",
    env!("MOTCUA_PREFS_SHA256"),
    "'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
base-uri 'none'; form-action 'self'"
);

/// An Open Graph `<meta property=… content=…>` tag (`property` is not an HTML attribute Leptos knows).
fn og(property: &'static str, content: impl Into<String>) -> impl IntoView {
    leptos::html::meta().attr("property", property).attr("content", content.into())
}

/// Wraps a page's main content in the full HTML document.
#[component]
pub fn Shell(
    site: Site,
    meta: PageMeta,
    assets: Assets,
    /// False on the home page, which has its own large search box.
    header_search: bool,
    children: Children,
) -> impl IntoView {
    let full_title = if meta.title.is_empty() { site.title.clone() } else { format!("{} – {}", meta.title, site.title) };
    let url = format!("{}{}", site.base_url, meta.path);
    let og_title = if meta.title.is_empty() { site.title.clone() } else { meta.title.clone() };
    view! {
        <html lang="vi">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta http-equiv="Content-Security-Policy" content=CONTENT_SECURITY_POLICY/>
                // Saved display settings before anything paints; before the stylesheet, so it never waits for it.
                <script inner_html=PREFS_JS></script>
                // Then the stylesheet, so the browser asks for it as soon as the first bytes of the page arrive.
                <link rel="stylesheet" href=assets.css/>
                <title>{full_title}</title>
                <meta name="description" content=meta.description.clone()/>
                <link rel="canonical" href=url.clone()/>
                {og("og:type", meta.og_type)}
                {og("og:site_name", site.title.clone())}
                {og("og:locale", "vi_VN")}
                {og("og:title", og_title)}
                {og("og:description", meta.description)}
                {og("og:url", url)}
                <meta name="theme-color" content="#0a4d8c"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <script type="module" src=assets.js></script>
            </head>
            <body>
                <PageBody site=site header_search=header_search>{children()}</PageBody>
            </body>
        </html>
    }
}
