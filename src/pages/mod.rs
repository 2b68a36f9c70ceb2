//! The pages, as Leptos components rendered to static HTML at build time, and their interactive islands.
//!
//! Every page is complete and readable with JavaScript off; the browser app only hydrates the
//! [`islands`]: the browser never re-renders a whole page. The modules a page's body needs compile for every
//! target (the linker drops what the browser app does not call), so the client-side-rendered comparison build
//! (`src/csr.rs`) reuses them without a `cfg` of its own here; what needs the whole catalogue is native-only.

/// The header, settings row and footer every page has.
pub mod chrome;
pub mod islands;
/// Kiosk mode for the waiting-area touch screens: back to the start when untouched, no leaving the site.
pub mod kiosk;
/// "Thủ tục liên quan": resolved natively, drawn by the procedure page.
pub mod related;
pub mod save_offline;
/// What the browser keeps for a visitor in `localStorage`, and under which names.
pub mod storage;
pub mod tools;
/// The poster islands: compiled natively (to render `/in/` pages) and into the poster bundle only.
#[cfg(any(feature = "ssr", feature = "posters"))]
pub mod sheet;
/// Poster pages redrawn in the browser for any centre (poster bundle).
#[cfg(any(feature = "ssr", feature = "posters"))]
pub mod for_centre;

pub mod format;
/// The dossier basket: its data (native), its merged checklist (both) and its island (poster tools bundle).
#[cfg(any(feature = "ssr", feature = "posters"))]
pub mod basket;
/// A procedure's fee and time, read with their notes, in the words every page, poster and result shows.
pub mod facts;
/// What every place shows of a procedure's fee, time, ways and place, and how much of it fits there.
pub mod glance;
/// The QR box on a procedure page.
mod qr_box;
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
#[cfg(feature = "ssr")]
mod poster;
mod procedure;
#[cfg(feature = "ssr")]
mod render;
/// The catalogue grouped for list pages, computed once per build: the data every page reads.
#[cfg(feature = "ssr")]
pub mod site_index;
#[cfg(feature = "ssr")]
mod updates;
pub mod summary;

#[cfg(feature = "ssr")]
pub use layout::{Assets, PageMeta, content_security_policy};
#[cfg(feature = "ssr")]
pub use render::{Page, render_page};
#[cfg(feature = "ssr")]
pub use site_index::SiteIndex;
/// What a poster prints of a procedure: its name (sized by its length) and papers (the editor's summary first),
/// shared by the HTML and SVG posters.
#[cfg(feature = "ssr")]
pub use poster::{NameSize, PosterPaper, poster_name, poster_papers};
/// How long requirements may be before they get their own page (`/p/<code>/dieu-kien/`).
#[cfg(feature = "ssr")]
pub use procedure::LONG_REQUIREMENTS;
/// The procedure page's body, for the client-side-rendered comparison build only (see `crate::csr`).
pub use procedure::ProcedureBody;

/// The page of a field (lĩnh vực), `/linh-vuc/<slug>/`: field pages are written there and procedure pages
/// link to it (also in the `csr` comparison build, which has no site index).
pub fn field_path(name: &str) -> String {
    crate::routes::field(name)
}
