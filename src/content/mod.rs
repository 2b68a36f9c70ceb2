//! The content folder: the model of a procedure, how `content/` is read, and how it is checked.
//!
//! `content/` is the source of truth. The importer writes it once from a portal export; after that people edit
//! it by hand, and every build reads and validates it again.

pub mod arrange;
pub mod model;
#[cfg(feature = "ssr")]
pub mod core_set;
#[cfg(feature = "ssr")]
pub mod centres;
#[cfg(feature = "ssr")]
pub mod changes;
#[cfg(feature = "ssr")]
pub mod folder;
#[cfg(feature = "ssr")]
pub mod life_events;
#[cfg(feature = "ssr")]
pub mod lines;
#[cfg(feature = "ssr")]
pub mod local_fees;
#[cfg(feature = "ssr")]
pub mod shared_papers;
#[cfg(feature = "ssr")]
pub mod validate;
#[cfg(feature = "ssr")]
mod load;

#[cfg(feature = "ssr")]
pub use load::{Catalogue, ContentError};
pub use arrange::{Arranged, Row, Section, arrange};
pub use model::*;
