//! The search files a site serves, made from a loaded catalogue: the index's files (`core.bin`, the term shards)
//! and the document shards the result rows show, each named as the browser asks for it
//! ([`session::term_file`], [`session::doc_file`]).

use crate::content::{Catalogue, Procedure};
use crate::pages::glance::{Glance, Room};
use crate::search::build_index::{self, SearchIndex};
use crate::search::engine::{self, Core, DocInfo};
use crate::search::format::{CORE_FILE, DOC_SHARD};
use crate::search::session::{self, Session};
use anyhow::{Context, Result};
use std::collections::HashMap;
use std::path::Path;

/// What a result line shows for a procedure: its fee and time at a glance.
pub fn doc_info(p: &Procedure) -> DocInfo {
    let g = Glance::of(p);
    DocInfo { code: p.code.clone(), name: p.name.clone(), fee: g.fee_in(Room::Line), time: g.time_in(Room::Line) }
}

/// Every file the browser needs, by name: the index's core and term shards plus the document shards.
pub fn site_files(catalogue: &Catalogue, index: &SearchIndex) -> Result<Vec<(String, Vec<u8>)>> {
    let docs = doc_table(catalogue, index)?;
    let mut out = index.files.clone();
    for (i, chunk) in docs.chunks(DOC_SHARD).enumerate() {
        out.push((session::doc_file(i), engine::write_docs(chunk)));
    }
    Ok(out)
}

/// The core file among a site's search files, parsed.
pub fn core_of(files: &[(String, Vec<u8>)]) -> Result<Core> {
    let bytes = files.iter().find(|(n, _)| n == CORE_FILE).context("no core.bin in the search index")?;
    Core::parse(&bytes.1).context("core.bin is not valid")
}

/// A keystroke session over a site's search files with every shard held, as a browser holds them once
/// fetched. Errors name the file that does not decode.
pub fn full_session(files: &[(String, Vec<u8>)]) -> Result<Session> {
    let mut session = Session::new(core_of(files)?);
    let by_name: HashMap<&str, &[u8]> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    for i in 0..crate::search::format::TERM_SHARDS {
        let name = session::term_file(i);
        if let Some(b) = by_name.get(name.as_str()) {
            anyhow::ensure!(session.add_terms(i, b), "{name} is not valid");
        }
    }
    for i in 0.. {
        let name = session::doc_file(i);
        let Some(b) = by_name.get(name.as_str()) else { break };
        anyhow::ensure!(session.add_docs(i, b), "{name} is not valid");
    }
    Ok(session)
}

/// The document table in index order.
pub fn doc_table(catalogue: &Catalogue, index: &SearchIndex) -> Result<Vec<DocInfo>> {
    let by_code: HashMap<&str, &Procedure> = catalogue.procedures.iter().map(|p| (p.code.as_str(), p)).collect();
    index
        .order
        .iter()
        .map(|c| by_code.get(c.as_str()).map(|p| doc_info(p)).with_context(|| format!("procedure {c} is in the index but not in the catalogue")))
        .collect()
}

/// Builds the search index of a loaded catalogue from its content folder (synonyms, outside needs).
pub fn build_index(catalogue: &Catalogue, content: &Path) -> Result<SearchIndex> {
    build_index::build(&catalogue.procedures, content).map_err(|e| anyhow::anyhow!("{e}"))
}
