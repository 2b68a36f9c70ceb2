//! The whole index in memory — the core, every term shard and the document table — for the commands and the
//! tests that query a catalogue without fetching anything.

use super::files::{build_index, core_of, doc_table};
use crate::content::Catalogue;
use crate::search::build_index::SearchIndex;
use crate::search::engine::{self, Core, DocInfo, Filter, Plan, Results, TermShard};
use crate::search::format::TERM_SHARDS;
use crate::search::session::term_file;
use anyhow::{Context, Result};
use std::collections::HashMap;
use std::path::Path;

/// The whole index in memory, for the CLI and the tests.
pub struct Local {
    /// The core file.
    pub core: Core,
    /// Every term shard, by number.
    pub shards: Vec<Option<TermShard>>,
    /// The document table.
    pub docs: Vec<DocInfo>,
}

impl Local {
    /// Parses the index's files and makes the document table from the catalogue.
    pub fn load(catalogue: &Catalogue, index: &SearchIndex) -> Result<Local> {
        let core = core_of(&index.files)?;
        let by_name: HashMap<&str, &[u8]> = index.files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        let mut shards: Vec<Option<TermShard>> = Vec::new();
        for i in 0..TERM_SHARDS {
            let name = term_file(i);
            let shard = match by_name.get(name.as_str()) {
                Some(b) => Some(TermShard::parse(b).with_context(|| format!("{name} is not valid"))?),
                None => None,
            };
            shards.push(shard);
        }
        let docs = doc_table(catalogue, index)?;
        Ok(Local { core, shards, docs })
    }

    /// Loads and checks a content folder, builds its index and loads that; also returns the index (its tantivy
    /// index is the oracle of the fidelity test).
    pub fn from_content_with_index(dir: &Path) -> Result<(Local, SearchIndex)> {
        let catalogue = crate::site::load_catalogue(dir)?;
        let index = build_index(&catalogue, dir)?;
        Ok((Local::load(&catalogue, &index)?, index))
    }

    /// Loads a content folder and builds its index.
    pub fn from_content(dir: &Path) -> Result<Local> {
        Local::from_content_with_index(dir).map(|(local, _)| local)
    }

    /// Runs a query; with `typing`, its last word is still being typed and also matched as a prefix.
    pub fn query(&self, q: &str, typing: bool, filter: &Filter, limit: usize) -> (Plan, Results) {
        let plan = engine::plan(&self.core, q, typing);
        let results = engine::search(&self.core, &self.shards, &plan, filter, limit);
        (plan, results)
    }
}
