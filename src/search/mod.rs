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
//! - [`variant_words`]: which procedures are variants of another (cấp lại, gia hạn, có yếu tố nước ngoài) and which
//!   queries ask for one (`content/variant_words.toml`), so the procedure almost everyone means comes first;
//! - [`order`]: small stable sorts, so the browser app carries no copies of the standard sort;
//! - [`engine`]: query planning (synonym groups, typos, prefixes) and BM25 ranking over the exported shards;
//! - [`session`]: one keystroke — the plan, the index files it needs, its ranked rows — run alike by the browser,
//!   `motcua search-bytes` and `motcua search-bench`;
//! - [`markup`]: the element ids and filter names the search box's markup and the browser app share;
//! - `ui` (feature `hydrate`): the search box's live results in the browser: it fetches what the session asks for
//!   and paints;
//! - `metrics` (feature `ssr`): the figures `motcua eval` prints, per kind of query and overall;
//! - `native` (feature `ssr`): the site's search files, the index in memory, and the `search`, `eval`,
//!   `search-bytes` and `search-bench` commands, a module each.

pub mod analyzer;
pub mod engine;
pub mod format;
pub mod markup;
pub mod order;
pub mod outside;
pub mod question;
pub mod session;
pub mod variant_words;

#[cfg(feature = "ssr")]
pub mod build_index;
#[cfg(feature = "ssr")]
pub mod metrics;
#[cfg(feature = "ssr")]
pub mod native;

#[cfg(feature = "hydrate")]
pub mod ui;
