//! `motcua search-bytes "<query>"…`: the index bytes (brotli, as served) a browser fetches while someone types a
//! query key by key, cold and after another query. It runs the app's own keystroke ([`Session`]) and counts the
//! files that keystroke asks for, so the figures follow the app's logic.

use super::files::{build_index, core_of, site_files};
use crate::content::Catalogue;
use crate::search::build_index::SearchIndex;
use crate::search::engine::Filter;
use crate::search::format::{self, CORE_FILE};
use crate::search::session::{self, Session};
use anyhow::Result;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// Index bytes (brotli, as downloaded) a browser fetches for queries typed key by key: `core.bin` once, then what
/// each keystroke's [`Session`] asks for — its term shards, and its top 10's document shards.
pub struct ByteCounter {
    files: HashMap<String, Vec<u8>>,
    sizes: HashMap<String, usize>,
    session: Session,
    core_fetched: bool,
}

/// What one query cost.
#[derive(Clone, Copy, Debug, Default)]
pub struct QueryBytes {
    /// Brotli bytes of files fetched.
    pub bytes: usize,
    /// Term shards fetched.
    pub term_files: usize,
    /// Document shards fetched.
    pub doc_files: usize,
}

/// The size of `bytes` as the site serves an index file: brotli at quality 11, window 22 (what the build's
/// compression stage uses for everything under `assets/`).
fn brotli_len(bytes: &[u8]) -> usize {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli into a Vec cannot fail");
    out.len()
}

impl ByteCounter {
    /// The site's index files for a catalogue, nothing fetched yet.
    pub fn new(catalogue: &Catalogue, index: &SearchIndex) -> Result<ByteCounter> {
        let list = site_files(catalogue, index)?;
        let session = Session::new(core_of(&list)?);
        Ok(ByteCounter { files: list.into_iter().collect(), sizes: HashMap::new(), session, core_fetched: false })
    }

    /// Empties the browser's cache: the next query fetches everything again.
    pub fn forget(&mut self) {
        self.session.forget();
        self.core_fetched = false;
    }

    /// The served size of a file (0 for a file the site lacks), computed once.
    fn size(&mut self, name: &str) -> usize {
        if let Some(s) = self.sizes.get(name) {
            return *s;
        }
        let s = self.files.get(name).map(|b| brotli_len(b)).unwrap_or(0);
        self.sizes.insert(name.to_string(), s);
        s
    }

    /// Fetches `core.bin` unless the cache holds it; its bytes.
    fn fetch_core(&mut self) -> usize {
        if std::mem::replace(&mut self.core_fetched, true) { 0 } else { self.size(CORE_FILE) }
    }

    /// Types `query` key by key: with `every_key`, each keystroke searches (a slow typist, every pause longer
    /// than the debounce); without, only the whole query does (typing faster than the debounce).
    pub fn type_query(&mut self, query: &str, every_key: bool) -> QueryBytes {
        let mut q = QueryBytes { bytes: self.fetch_core(), ..QueryBytes::default() };
        let texts: Vec<&str> = if every_key {
            query.char_indices().map(|(i, c)| &query[..i + c.len_utf8()]).collect()
        } else {
            vec![query]
        };
        for text in texts {
            if text.trim().is_empty() {
                continue;
            }
            let plan = self.session.plan(text);
            if std::env::var_os("MOTCUA_DEBUG").is_some() {
                for t in &plan.terms {
                    eprintln!("  «{text}» {} ×{:.2} t{}", t.text, t.boost, format::shard_of(&t.text));
                }
            }
            for s in self.session.term_files(&plan) {
                let name = session::term_file(s);
                q.bytes += self.size(&name);
                q.term_files += 1;
                let bytes = self.files.get(&name).map(Vec::as_slice).unwrap_or_default();
                self.session.add_terms(s, bytes);
            }
            let results = self.session.search(&plan, &Filter::default());
            for d in self.session.doc_files(&results) {
                let name = session::doc_file(d);
                q.bytes += self.size(&name);
                q.doc_files += 1;
                let bytes = self.files.get(&name).map(Vec::as_slice).unwrap_or_default();
                self.session.add_docs(d, bytes);
            }
        }
        q
    }
}

/// `motcua search-bytes "<query>"…`: for each query typed key by key, the index bytes fetched cold until its
/// results, and as the next query after the one before it; each keystroke searched, and debounced.
pub fn run_bytes(content: &Path, queries: &[String]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let catalogue = crate::site::load_catalogue(content)?;
    let index = build_index(&catalogue, content)?;
    let mut counter = ByteCounter::new(&catalogue, &index)?;
    let core_size = counter.size(CORE_FILE);
    writeln!(out, "Index bytes (brotli) per query typed key by key; core.bin is {:.1} KB", core_size as f64 / 1024.0)?;
    writeln!(out, "{:<28} {:>22} {:>22} {:>22} {:>22}", "query", "cold, every key", "next, every key", "cold, debounced", "next, debounced")?;
    let fmt_q = |q: QueryBytes| format!("{:.1} KB ({}t+{}d)", q.bytes as f64 / 1024.0, q.term_files, q.doc_files);
    let mut prev: Option<&String> = None;
    for query in queries {
        let mut row = Vec::new();
        for every in [true, false] {
            counter.forget();
            let cold = counter.type_query(query, every);
            counter.forget();
            let next = match prev {
                Some(p) => {
                    counter.type_query(p, every);
                    fmt_q(counter.type_query(query, every))
                }
                None => "-".to_string(),
            };
            row.push(fmt_q(cold));
            row.push(next);
        }
        writeln!(out, "{:<28} {:>22} {:>22} {:>22} {:>22}", query, row[0], row[1], row[2], row[3])?;
        prev = Some(query);
    }
    Ok(())
}
