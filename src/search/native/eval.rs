//! `motcua eval <queries.tsv>`: the engine scored on judged queries (Success@1, Success@3, MRR@10, honest "not
//! found" on needs the catalogue leaves out), overall and per kind of query, with the queries it missed.

use super::local::Local;
use crate::pages::format as fmt;
use crate::search::engine::Filter;
use crate::search::metrics::{self, Figures, Outcome};
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::Path;

/// One judged query of an eval file.
#[derive(Clone, Debug)]
pub struct Judged {
    /// The query id.
    pub id: String,
    /// The query as typed.
    pub query: String,
    /// Codes that answer it exactly.
    pub grade2: Vec<String>,
    /// The kind (everyday, official, typo, code, business, absent).
    pub kind: String,
}

/// Reads an eval TSV (id, query, grade2, grade1, kind, note) with a header line. Codes in a grade are separated
/// by commas, as in the shared dev set, or by spaces, as some authors write them.
pub fn read_judged(text: &str) -> Vec<Judged> {
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let g = |i: usize| c.get(i).copied().unwrap_or("");
            Judged {
                id: g(0).into(),
                query: g(1).into(),
                grade2: g(2).split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()).map(String::from).collect(),
                kind: g(4).into(),
            }
        })
        .collect()
}

/// The scores of an eval run.
#[derive(Clone, Debug, Default)]
pub struct EvalReport {
    /// Share of judged queries with an exact answer first.
    pub success_at_1: f64,
    /// Share with an exact answer in the top 3.
    pub success_at_3: f64,
    /// Mean reciprocal rank of the first exact answer in the top 10.
    pub mrr_at_10: f64,
    /// Judged queries without an exact answer in the top 3: id, query, top 3 codes.
    pub missed: Vec<(String, String, Vec<String>)>,
    /// Absent-need queries the engine answered with a confident result (should be none).
    pub absent_answered: Vec<(String, String)>,
    /// Number of absent-need queries.
    pub absent: usize,
    /// Judged queries the engine wrongly called "no good match".
    pub wrongly_unsure: Vec<(String, String)>,
    /// The figures per kind of query, in the file's order of kinds.
    pub kinds: Vec<(String, Figures)>,
    /// The figures of all queries (the same as the shares above, with the false "not found" count).
    pub all: Figures,
}

/// Scores the engine on judged queries.
pub fn evaluate(local: &Local, judged: &[Judged]) -> EvalReport {
    let mut r = EvalReport::default();
    let mut outcomes = Vec::with_capacity(judged.len());
    for j in judged {
        let (plan, res) = local.query(&j.query, false, &Filter::default(), 10);
        let codes: Vec<String> = res.hits.iter().map(|h| local.docs[h.doc as usize].code.clone()).collect();
        let rank = codes.iter().position(|c| j.grade2.contains(c));
        if std::env::var_os("MOTCUA_DEBUG").is_some() {
            let at = rank.map_or("--".to_string(), |r| format!("#{}", r + 1));
            let outside = if plan.outside.is_some() { "outside" } else { "" };
            let sure = if res.confident { "" } else { "unsure" };
            eprintln!("{} {:<9} {at:<3} cov {:.2} name {:.2} {sure} {outside} {}", j.id, j.kind, res.coverage, res.name_coverage, j.query);
        }
        outcomes.push(Outcome { kind: j.kind.clone(), answered: !j.grade2.is_empty(), rank, confident: res.confident });
        if j.grade2.is_empty() {
            if j.kind == "absent" && res.confident {
                r.absent_answered.push((j.id.clone(), j.query.clone()));
            }
            continue;
        }
        if !rank.is_some_and(|r| r < 3) {
            r.missed.push((j.id.clone(), j.query.clone(), codes.iter().take(3).cloned().collect()));
        }
        if !res.confident {
            r.wrongly_unsure.push((j.id.clone(), j.query.clone()));
        }
    }
    (r.kinds, r.all) = metrics::by_kind(&outcomes);
    r.success_at_1 = r.all.success_at_1();
    r.success_at_3 = r.all.success_at_3();
    r.mrr_at_10 = r.all.mrr_at_10();
    r.absent = r.all.absent;
    r
}

/// `motcua eval <queries.tsv>`.
pub fn run_eval(content: &Path, tsv: &Path) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let text = std::fs::read_to_string(tsv).with_context(|| format!("cannot read {}", tsv.display()))?;
    let judged = read_judged(&text);
    if judged.is_empty() {
        bail!("{} has no queries", tsv.display());
    }
    let local = Local::from_content(content)?;
    let r = evaluate(&local, &judged);
    writeln!(out, "Success@1  {:.3}", r.success_at_1)?;
    writeln!(out, "Success@3  {:.3}", r.success_at_3)?;
    writeln!(out, "MRR@10     {:.3}", r.mrr_at_10)?;
    writeln!(
        out,
        "Absent needs answered \"không tìm thấy thủ tục phù hợp\": {}/{}",
        r.absent - r.absent_answered.len(),
        r.absent
    )?;
    writeln!(
        out,
        "Answered queries told \"không tìm thấy\" (false not found): {}/{} = {:.1} %",
        r.all.told_not_found,
        r.all.answered,
        100.0 * r.all.false_not_found()
    )?;
    writeln!(out)?;
    write!(out, "{}", metrics::table(&r.kinds, &r.all))?;
    writeln!(out)?;
    for (id, q, top) in &r.missed {
        let names: Vec<String> = top
            .iter()
            .map(|c| {
                let name = local.docs.iter().find(|d| &d.code == c).map(|d| fmt::excerpt(&d.name, 50)).unwrap_or_default();
                format!("{c} {name}")
            })
            .collect();
        writeln!(out, "missed {id} «{q}» → {}", names.join(" | "))?;
    }
    for (id, q) in &r.absent_answered {
        writeln!(out, "absent but answered {id} «{q}»")?;
    }
    for (id, q) in &r.wrongly_unsure {
        writeln!(out, "judged but \"no good match\" {id} «{q}»")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_may_list_codes_with_commas_or_spaces() {
        let text = "id\tquery\tgrade2\tgrade1\tkind\tnote\nq1\tkhai sinh\t2.000986, 1.001193\t\teveryday\t\nq2\tho chieu\t1.001456 1.001471\t\tofficial\t\nq3\tdien\t\t\tabsent\t\n";
        let j = read_judged(text);
        assert_eq!(j[0].grade2, ["2.000986", "1.001193"]);
        assert_eq!(j[1].grade2, ["1.001456", "1.001471"]);
        assert!(j[2].grade2.is_empty() && j[2].kind == "absent");
    }
}
