//! Search: find the right procedure as people type — without diacritics, with typos or raw Telex, in everyday
//! words, or by code — over an index tantivy builds at build time.
//!
//! - [`analyzer`]: the Vietnamese analyzer shared by `build.rs`, the browser and the CLI, including the synonym
//!   groups of `content/synonyms.toml`: the build indexes a group token wherever a text says one of a group's
//!   phrases, and a query naming the group asks for those tokens (one term shard) instead of its meaning's words;
//! - [`format`]: the exported index format and ranking constants (also included by `build.rs`);
//! - `build_index.rs` (build script only): the tantivy index and its export;
//! - [`outside`]: needs the catalogue leaves out (`content/outside.toml`), which get an honest "no good match"
//!   and a note on who handles them;
//! - [`order`]: small stable sorts, so the browser app carries no copies of the standard sort;
//! - [`engine`]: query planning (synonym groups, typos, prefixes) and BM25 ranking over the exported shards;
//! - `ui` (feature `hydrate`): the search box's live results in the browser;
//! - `native` (feature `ssr`): the embedded index, its files in the built site, `motcua search` and `motcua eval`.

pub mod analyzer;
pub mod engine;
pub mod format;
pub mod order;
pub mod outside;

#[cfg(feature = "ssr")]
pub mod native;

#[cfg(feature = "hydrate")]
pub mod ui;
