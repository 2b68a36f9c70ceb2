//! The page shell shared by every page: `<head>` with title, description, Open Graph and CSP; the header with
//! the search box; the footer with the centre's address and hours.

use crate::content::Site;
use crate::pages::chrome::PageBody;
use leptos::prelude::*;

/// The content-hashed URLs of the site's assets, known only once the builder has written them, and the
/// stylesheet every page carries inline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assets {
    /// The one stylesheet as a file, e.g. `/assets/style.3f9a1c2b.css`: pages carry it inline (below); the file
    /// serves the client-side-rendered comparison build and the two-request design the page-load report measures.
    pub css: String,
    /// The stylesheet's text, inlined in every page's `<head>`: a page opened from a QR code paints after one
    /// request (a linked stylesheet is a second round trip before anything shows: 1.1 s on Regular 3G, 3 s on
    /// 2G). It is small enough that every procedure page stays within 14 KB (brotli) with it.
    pub css_text: String,
    /// The SHA-256 (base64) of [`Assets::css_text`], by which the Content-Security-Policy allows that one
    /// `<style>` element and no other inline style.
    pub css_sha256: String,
    /// The loader module that fetches the wasm after first paint, e.g. `/assets/app.8e1d2f00.js`.
    pub js: String,
    /// The main app's JS glue and wasm, which the loader fetches: the pages made for searching (home, search)
    /// ask for them in `<head>` beside the loader, so a query typed at once waits one round trip less (the
    /// loader no longer has to arrive before the app is asked for).
    pub app_glue: String,
    /// See [`Assets::app_glue`].
    pub app_wasm: String,
    /// The loader of the officers' poster bundle (`/in/` pages only): the main app plus the poster islands.
    pub poster_js: String,
    /// The posters' own stylesheet (`/in/` pages only), e.g. `/assets/poster.1a2b3c4d5e.css`.
    pub poster_css: String,
    /// The dossier basket's stylesheet (`/gio-ho-so/` only), so its rules weigh on no other page.
    pub basket_css: String,
    /// "Đọc cho tôi nghe" (`site/speak.js`), loaded only by the pages that read aloud.
    pub speak_js: String,
    /// "Your centre" (`site/centre.js`): the finder, the choice kept on the device, the centre's desk beside a
    /// procedure; loaded by procedure and centre pages.
    pub centre_js: String,
    /// The search index's folder, e.g. `/assets/search-9a2e1b2fc2/`. The pages made for searching (home, search)
    /// name it, so the loader can fetch the index's core file while the app starts, without asking
    /// `/search.txt` first; other pages ask `/search.txt` when their box gets focus, so a content edit does not
    /// change every page.
    pub search_index: String,
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

/// The Content-Security-Policy every page carries (and `motcua serve` sends): only this site's own files, wasm
/// allowed to compile, the one inline script [`PREFS_JS`] and the one inline stylesheet, each by its SHA-256
/// (`style_sha256`, empty when a page carries none). Hashes, not `'unsafe-inline'`: text from content can
/// never become a style or script the browser applies.
pub fn content_security_policy(style_sha256: &str) -> String {
    let style = if style_sha256.is_empty() { String::new() } else { format!(" 'sha256-{style_sha256}'") };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{}'; style-src 'self'{style}; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'",
        env!("MOTCUA_PREFS_SHA256")
    )
}

impl Assets {
    /// The policy of pages built with these assets.
    pub fn content_security_policy(&self) -> String {
        content_security_policy(&self.css_sha256)
    }
}

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
    /// A stylesheet only this page needs, linked after the inline one.
    #[prop(optional_no_strip)]
    stylesheet: Option<String>,
    /// Scripts only this page needs (modules, so they run after the page paints).
    #[prop(optional)]
    scripts: Vec<String>,
    /// True on the pages made for searching: the app and the index's core file are asked for at once, beside
    /// the loader, not after it (see [`Assets::app_glue`]). They arrive after the page itself, so the first
    /// paint still waits for nothing but the page.
    #[prop(optional)]
    preload_search: bool,
    children: Children,
) -> impl IntoView {
    let full_title = if meta.title.is_empty() { site.title.clone() } else { format!("{} – {}", meta.title, site.title) };
    let url = format!("{}{}", site.base_url, meta.path);
    let og_title = if meta.title.is_empty() { site.title.clone() } else { meta.title.clone() };
    let csp = assets.content_security_policy();
    view! {
        <html lang="vi">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta http-equiv="Content-Security-Policy" content=csp/>
                // Saved display settings before anything paints.
                <script inner_html=PREFS_JS></script>
                // The stylesheet, in the page: nothing but the page itself is needed to paint it.
                <style inner_html=assets.css_text></style>
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
                {stylesheet.map(|href| view! { <link rel="stylesheet" href=href/> })}
                {preload_search.then(|| view! {
                    <link rel="modulepreload" href=assets.app_glue.clone()/>
                    <link rel="preload" href=assets.app_wasm.clone() r#as="fetch" r#type="application/wasm" crossorigin=""/>
                    <link rel="preload" href=format!("{}{}", assets.search_index, crate::search::format::CORE_FILE) r#as="fetch" crossorigin=""/>
                })}
                <script type="module" src=assets.js></script>
                {scripts.into_iter().map(|src| view! { <script type="module" src=src></script> }).collect_view()}
            </head>
            <body>
                <PageBody site=site header_search=header_search>{children()}</PageBody>
            </body>
        </html>
    }
}
