//! One keystroke, once: what the search box does between the text typed and the rows shown — plan the query as
//! typed, name the index files it needs that are not held yet, hold them once fetched, rank with the result
//! limit, name the document files the rows need, and give the rows.
//!
//! It fetches nothing itself, so the same code runs in the browser (`ui` fetches over HTTP and paints), in
//! `motcua search-bytes` (which counts the bytes of the files it names) and in `motcua search-bench` (which times
//! it): the figures measure the app's logic rather than a copy of it.

use super::engine::{self, Core, DocInfo, Filter, Hit, Plan, Results, TermShard};
use super::format::{DOC_SHARD, TERM_SHARDS};

/// Rows a result list shows at most.
pub const LIMIT: usize = 10;

/// The name of term shard `i` in the index's folder.
pub fn term_file(i: u32) -> String {
    format!("t{i}.bin")
}

/// The name of document shard `i` in the index's folder.
pub fn doc_file(i: usize) -> String {
    format!("d{i}.bin")
}

/// The index as far as it has been fetched: the core, and the term and document shards received so far.
pub struct Session {
    core: Core,
    terms: Vec<Option<TermShard>>,
    docs: Vec<Option<Vec<DocInfo>>>,
}

impl Session {
    /// A session over a core file, holding no shard yet.
    pub fn new(core: Core) -> Session {
        let mut terms = Vec::new();
        terms.resize_with(TERM_SHARDS as usize, || None);
        let mut docs = Vec::new();
        docs.resize_with(core.docs.div_ceil(DOC_SHARD), || None);
        Session { core, terms, docs }
    }

    /// The core: field names, flags and outside notes a result list shows.
    pub fn core(&self) -> &Core {
        &self.core
    }

    /// Forgets every shard received, as a browser with an empty cache would start.
    pub fn forget(&mut self) {
        self.terms.iter_mut().for_each(|t| *t = None);
        self.docs.iter_mut().for_each(|d| *d = None);
    }

    /// Plans a query as typed so far: the last word is still being typed (also matched as a prefix) unless a
    /// space follows it.
    pub fn plan(&self, text: &str) -> Plan {
        engine::plan(&self.core, text, true)
    }

    /// The term shards a plan needs that are not held yet, each once.
    pub fn term_files(&self, plan: &Plan) -> Vec<u32> {
        plan.shards().into_iter().filter(|i| self.terms.get(*i as usize).is_some_and(Option::is_none)).collect()
    }

    /// Holds a term shard's bytes as fetched; false when they do not decode (damaged or cut short), and the
    /// shard stays missing, so the next keystroke asks for it again.
    pub fn add_terms(&mut self, shard: u32, bytes: &[u8]) -> bool {
        let t = TermShard::parse(bytes);
        let ok = t.is_some();
        if let Some(slot) = self.terms.get_mut(shard as usize) {
            *slot = t;
        }
        ok
    }

    /// Ranks the documents for a plan over the term shards held, at most [`LIMIT`] hits.
    pub fn search(&self, plan: &Plan, filter: &Filter) -> Results {
        engine::search(&self.core, &self.terms, plan, filter, LIMIT)
    }

    /// The document shards the hits' rows need that are not held yet, each once, in the order of the hits.
    pub fn doc_files(&self, results: &Results) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for h in &results.hits {
            let d = h.doc as usize / DOC_SHARD;
            if self.docs.get(d).is_some_and(Option::is_none) && !out.contains(&d) {
                out.push(d);
            }
        }
        out
    }

    /// Holds a document shard's bytes as fetched; false when they do not decode, and the shard stays missing.
    pub fn add_docs(&mut self, shard: usize, bytes: &[u8]) -> bool {
        let d = engine::parse_docs(bytes);
        let ok = d.is_some();
        if let Some(slot) = self.docs.get_mut(shard) {
            *slot = d;
        }
        ok
    }

    /// A hit's row, once its document shard is held.
    pub fn row(&self, hit: &Hit) -> Option<&DocInfo> {
        let d = hit.doc as usize;
        self.docs.get(d / DOC_SHARD)?.as_ref()?.get(d % DOC_SHARD)
    }
}
