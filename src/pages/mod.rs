//! The pages, as Leptos components rendered to static HTML at build time, and their interactive islands.
//!
//! Every page is complete and readable with JavaScript off; the browser app only hydrates the
//! [`islands`]. The page components are native-only: the browser never re-renders a whole page.

/// The header, settings row and footer every page has (the static shell and the `csr` comparison build).
#[cfg(any(feature = "ssr", feature = "csr"))]
pub mod chrome;
pub mod islands;
/// "Thủ tục liên quan": resolved natively, drawn by the static pages and the `csr` comparison build.
#[cfg(any(feature = "ssr", feature = "csr"))]
pub mod related;
pub mod save_offline;
pub mod tools;
/// The poster islands: compiled natively (to render `/in/` pages) and into the poster bundle only.
#[cfg(any(feature = "ssr", feature = "posters"))]
pub mod sheet;
/// Poster pages redrawn in the browser for any centre (poster bundle).
#[cfg(any(feature = "ssr", feature = "posters"))]
pub mod for_centre;

#[cfg(any(feature = "ssr", feature = "csr", feature = "posters"))]
pub mod format;
/// The dossier basket: its data (native), its merged checklist (both) and its island (poster tools bundle).
#[cfg(any(feature = "ssr", feature = "posters"))]
pub mod basket;
/// A procedure's fee and time, read with their notes, in the words every page, poster and result shows.
#[cfg(any(feature = "ssr", feature = "csr"))]
pub mod facts;
#[cfg(feature = "ssr")]
mod layout;
#[cfg(feature = "ssr")]
mod centres;
#[cfg(feature = "ssr")]
mod home;
#[cfg(feature = "ssr")]
mod life_events;
#[cfg(feature = "ssr")]
mod listing;
#[cfg(any(feature = "ssr", feature = "csr"))]
mod poster;
#[cfg(any(feature = "ssr", feature = "csr"))]
mod procedure;
#[cfg(feature = "ssr")]
mod render;
#[cfg(feature = "ssr")]
mod updates;
#[cfg(any(feature = "ssr", feature = "csr"))]
pub mod summary;

#[cfg(feature = "ssr")]
pub use layout::{Assets, PageMeta, content_security_policy};
#[cfg(feature = "ssr")]
pub use render::{Page, SiteIndex, render_page};
/// A paper's counts as the page shows them ("xuất trình 1 bản chính" in a condition's group), also on the SVG posters.
#[cfg(feature = "ssr")]
pub use procedure::paper_counts;
/// The papers a poster lists (the editor's summary first), shared by the HTML and SVG posters.
#[cfg(feature = "ssr")]
pub use poster::{PosterPaper, poster_papers};
/// How long requirements may be before they get their own page (`/p/<code>/dieu-kien/`).
#[cfg(feature = "ssr")]
pub use procedure::LONG_REQUIREMENTS;
/// The procedure page's body, for the client-side-rendered comparison build only (see `crate::csr`).
#[cfg(feature = "csr")]
pub use procedure::ProcedureBody;

/// The page of a field (lĩnh vực), `/linh-vuc/<slug>/`: field pages are written there and procedure pages
/// link to it (also in the `csr` comparison build, which has no site index).
#[cfg(any(feature = "ssr", feature = "csr"))]
pub fn field_path(name: &str) -> String {
    crate::routes::field(name)
}
