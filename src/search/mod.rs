//! Search: find the right procedure as people type — without diacritics, with typos or raw Telex, in everyday
//! words, or by code — over an index tantivy builds at build time.
//!
//! - [`analyzer`]: the Vietnamese analyzer shared by the index build, the browser and the CLI, including the synonym
//!   groups of `content/synonyms.toml`: the build indexes a group token wherever a text says one of a group's
//!   phrases, and a query naming the group asks for those tokens (one term shard) instead of its meaning's words;
//! - [`format`]: the exported index format and ranking constants;
//! - `build_index` (feature `ssr`): the tantivy index of a content folder and its export, made when the site is
//!   built;
//! - [`outside`]: needs the catalogue leaves out (`content/outside.toml`), which get an honest "no good match"
//!   and a note on who handles them;
//! - [`question`]: words that frame a question or a request rather than name a need (`content/question_words.toml`),
//!   which neither count against a match nor rank;
//! - [`order`]: small stable sorts, so the browser app carries no copies of the standard sort;
//! - [`engine`]: query planning (synonym groups, typos, prefixes) and BM25 ranking over the exported shards;
//! - `ui` (feature `hydrate`): the search box's live results in the browser;
//! - `metrics` (feature `ssr`): the figures `motcua eval` prints, per kind of query and overall;
//! - `native` (feature `ssr`): the document table, the index in memory, `motcua search` and `motcua eval`.

pub mod analyzer;
pub mod engine;
pub mod format;
pub mod order;
pub mod outside;
pub mod question;

#[cfg(feature = "ssr")]
pub mod build_index;
#[cfg(feature = "ssr")]
pub mod metrics;
#[cfg(feature = "ssr")]
pub mod native;

#[cfg(feature = "hydrate")]
pub mod ui;
