#![recursion_limit = "256"]
//! motcua: look up a Vietnamese administrative procedure — which papers, how much, how long, where.
//!
//! The crate builds for two targets. Natively (feature `ssr`) it is the `motcua` command that imports the
//! national catalogue into `content/`, renders every page to static HTML and serves the result. In the browser
//! (feature `hydrate`, wasm32) it is the small Leptos app that wakes up the interactive islands of those pages.
//!
//! Folders, in the order data flows:
//! - [`content`]: the content model and the reading and checking of `content/`;
//! - `import` (native): the importer from portal exports into `content/`;
//! - [`text`]: Vietnamese text helpers (accent folding, slugs) shared by the builder and the browser;
//! - [`pages`]: the Leptos pages and islands;
//! - [`search`]: the Vietnamese analyzer, the exported tantivy index and the engine the browser and CLI share;
//! - [`routes`]: every URL the site has, built in one place;
//! - [`qr`]: QR codes of procedure URLs, for pages, posters and the browser's counter sheet;
//! - `site` (native): the site builder (`motcua build`) and server (`motcua serve`).

pub mod content;
pub mod pages;
pub mod qr;
pub mod routes;
pub mod search;
pub mod text;

#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod site;
/// The client-side-rendered build of a procedure page, only the measurement harness's point of comparison.
#[cfg(any(feature = "ssr", feature = "csr"))]
pub mod csr;

/// Entry point of the browser app: hydrates every `<leptos-island>` on the page.
///
/// Called by `app.js` once the wasm module is instantiated, after first paint.
#[cfg(all(feature = "hydrate", not(feature = "csr")))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
    // Poster pages print for the centre the link or the device names (poster bundle only).
    #[cfg(feature = "posters")]
    pages::for_centre::apply();
}
