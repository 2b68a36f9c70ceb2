//! The native side of search (feature `ssr`): everything that runs the browser's [`engine`](super::engine) outside
//! the browser, over the index [`build_index`](super::build_index) makes, one concern per module:
//!
//! - [`files`]: the search files a site serves (the index's, plus the document table the result rows show);
//! - [`local`]: the whole index in memory, for the CLI and the tests;
//! - [`command`]: `motcua search`;
//! - [`eval`]: `motcua eval`, the engine scored on judged queries;
//! - [`bytes`]: `motcua search-bytes`, the index bytes a browser fetches as someone types;
//! - [`bench`]: `motcua search-bench`, the time a keystroke takes.
//!
//! The last two run the browser's own keystroke ([`session`](super::session)), so they measure the app's logic.

pub mod bench;
pub mod bytes;
pub mod command;
pub mod eval;
pub mod files;
pub mod local;

pub use bench::run_bench;
pub use bytes::run_bytes;
pub use command::run_search;
pub use eval::{EvalReport, Judged, evaluate, read_judged, run_eval};
pub use files::{build_index, doc_info, doc_table, site_files};
pub use local::Local;
