//! Stage 2, search index: tantivy indexes the catalogue (with `synonyms.toml` and `outside.toml` from the same
//! content folder) and the index is exported to the browser's compact format, in memory. Written to the site by
//! the search files stage, once the document table can be made.

use crate::content::Catalogue;
use crate::search::build_index::{self, SearchIndex};
use anyhow::Result;
use std::path::Path;

/// Builds the search index of `catalogue`, read from the content folder `content`.
pub fn build(catalogue: &Catalogue, content: &Path) -> Result<SearchIndex> {
    build_index::build(&catalogue.procedures, content).map_err(|e| anyhow::anyhow!("chỉ mục tìm kiếm (search index):\n{e}"))
}
