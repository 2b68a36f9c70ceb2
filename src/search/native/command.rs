//! `motcua search "<query>"`: one query over a content folder's index, as a ranked list for a person (with what
//! the engine understood, and the words each result lacks) or as JSON for scripts.

use super::local::Local;
use crate::search::engine::Filter;
use anyhow::Result;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// One result of `motcua search --json`.
#[derive(Serialize)]
struct JsonHit<'a> {
    code: &'a str,
    name: &'a str,
    score: f32,
}

/// `motcua search "<query>"`: the query as complete (its last word is not a prefix), the first `limit` results.
pub fn run_search(content: &Path, query: &str, json: bool, limit: usize) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let local = Local::from_content(content)?;
    let (plan, results) = local.query(query, false, &Filter::default(), limit);
    if json {
        let hits: Vec<JsonHit> = results
            .hits
            .iter()
            .map(|h| {
                let d = &local.docs[h.doc as usize];
                JsonHit { code: &d.code, name: &d.name, score: h.score }
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string(&hits)?)?;
        return Ok(());
    }
    writeln!(out, "Hiểu là: {}  ({} thủ tục phù hợp; {} có từ khớp)", plan.understood, results.good, results.total)?;
    if !results.confident {
        writeln!(out, "Không tìm thấy thủ tục phù hợp.")?;
        if let Some(note) = local.core.outside_note(&plan) {
            writeln!(out, "{note}")?;
        }
        writeln!(out, "Gần nhất:")?;
    }
    for (i, h) in results.hits.iter().enumerate() {
        let d = &local.docs[h.doc as usize];
        writeln!(out, "{:>2}. {:<9} {:>7.3}  {}", i + 1, d.code, h.score, d.name)?;
        let missing = plan.missing(h);
        if !missing.is_empty() {
            writeln!(out, "{:>23}Không có: {}", "", missing.join(", "))?;
        }
    }
    Ok(())
}
