//! The pages, as Leptos components rendered to static HTML at build time, and their interactive islands.
//!
//! Every page is complete and readable with JavaScript off; the browser app only hydrates the
//! [`islands`]. The page components are native-only: the browser never re-renders a whole page.

pub mod islands;
pub mod save_offline;
pub mod tools;
/// The poster islands: compiled natively (to render `/in/` pages) and into the poster bundle only.
#[cfg(any(feature = "ssr", feature = "posters"))]
pub mod sheet;

#[cfg(feature = "ssr")]
pub mod format;
#[cfg(feature = "ssr")]
mod layout;
#[cfg(feature = "ssr")]
mod home;
#[cfg(feature = "ssr")]
mod life_events;
#[cfg(feature = "ssr")]
mod listing;
#[cfg(feature = "ssr")]
mod poster;
#[cfg(feature = "ssr")]
mod procedure;
#[cfg(feature = "ssr")]
mod render;
#[cfg(feature = "ssr")]
pub mod summary;

#[cfg(feature = "ssr")]
pub use layout::{Assets, CONTENT_SECURITY_POLICY, PageMeta};
#[cfg(feature = "ssr")]
pub use render::{Page, SiteIndex, render_page};
/// The one-line fee summary, also printed on the bulk SVG posters.
#[cfg(feature = "ssr")]
pub use procedure::glance_fee;
