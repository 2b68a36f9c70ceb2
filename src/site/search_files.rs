//! Stage 4, search files: the browser's index in the site — `assets/search-<hash>/{core,t*,d*}.bin` (immutable,
//! cached a year) and `search.txt`, the one small revalidated file that says where they are.

use super::output::{Output, content_hash};
use crate::content::Catalogue;
use crate::search::build_index::SearchIndex;
use crate::search::native::site_files;
use anyhow::Result;

/// Writes the index files of `index` with the document table of `catalogue`; returns their folder's URL
/// (`/assets/search-<hash>/`), which the pages made for searching name so the first query need not ask
/// `search.txt`.
pub fn write(out: &Output, catalogue: &Catalogue, index: &SearchIndex) -> Result<String> {
    let files = site_files(catalogue, index)?;
    let mut all = Vec::new();
    for (n, b) in &files {
        all.extend_from_slice(n.as_bytes());
        all.extend_from_slice(b);
    }
    let dir = format!("assets/search-{}", content_hash(&all));
    for (n, b) in &files {
        out.write(&format!("{dir}/{n}"), b)?;
    }
    out.write("search.txt", format!("/{dir}/\n").as_bytes())?;
    Ok(format!("/{dir}/"))
}
