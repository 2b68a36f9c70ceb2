//! The native side of search (feature `ssr`): the document table made from the catalogue, the whole index in
//! memory for the CLI and the tests, and the `motcua search` and `motcua eval` commands. It runs the same
//! [`engine`](super::engine) code as the browser over the index [`build_index`](super::build_index) makes.

use super::build_index::{self, SearchIndex};
use super::engine::{self, Core, DocInfo, Filter, Plan, Results, TermShard};
use super::format::{CORE_FILE, DOC_SHARD};
use super::metrics::{self, Figures, Outcome};
use crate::content::{Catalogue, Procedure};
use crate::pages::format as fmt;
use crate::pages::glance::{Glance, Room};
use anyhow::{Context, Result, bail};
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
        out.push((format!("d{i}.bin"), engine::write_docs(chunk)));
    }
    Ok(out)
}

fn core_of(files: &[(String, Vec<u8>)]) -> Result<Core> {
    let bytes = files.iter().find(|(n, _)| n == CORE_FILE).context("no core.bin in the search index")?;
    Core::parse(&bytes.1).context("core.bin is not valid")
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
        let mut shards: Vec<Option<TermShard>> = Vec::new();
        for (n, b) in &index.files {
            if let Some(i) = n.strip_prefix('t').and_then(|s| s.strip_suffix(".bin")).and_then(|s| s.parse::<usize>().ok()) {
                if shards.len() <= i {
                    shards.resize_with(i + 1, || None);
                }
                shards[i] = Some(TermShard::parse(b).with_context(|| format!("{n} is not valid"))?);
            }
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

    /// Runs a query (treated as complete: the last word is not a prefix unless it matches nothing).
    pub fn query(&self, q: &str, typing: bool, filter: &Filter, limit: usize) -> (Plan, Results) {
        let plan = engine::plan(&self.core, q, typing);
        let results = engine::search(&self.core, &self.shards, &plan, filter, limit);
        (plan, results)
    }
}

/// `motcua search "<query>"`.
pub fn run_search(content: &Path, query: &str, json: bool, limit: usize) -> Result<()> {
    let local = Local::from_content(content)?;
    let (plan, results) = local.query(query, false, &Filter::default(), limit);
    if json {
        let items: Vec<String> = results
            .hits
            .iter()
            .map(|h| {
                let d = &local.docs[h.doc as usize];
                format!("{{\"code\":{},\"name\":{},\"score\":{}}}", json_str(&d.code), json_str(&d.name), h.score)
            })
            .collect();
        println!("[{}]", items.join(","));
        return Ok(());
    }
    println!("Hiểu là: {}  ({} thủ tục phù hợp; {} có từ khớp)", plan.understood, results.good, results.total);
    if !results.confident {
        println!("Không tìm thấy thủ tục phù hợp.");
        if let Some(note) = local.core.outside_note(&plan) {
            println!("{note}");
        }
        println!("Gần nhất:");
    }
    for (i, h) in results.hits.iter().enumerate() {
        let d = &local.docs[h.doc as usize];
        println!("{:>2}. {:<9} {:>7.3}  {}", i + 1, d.code, h.score, d.name);
        let missing = plan.missing(h);
        if !missing.is_empty() {
            println!("{:>23}Không có: {}", "", missing.join(", "));
        }
    }
    Ok(())
}

fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

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

/// Reads an eval TSV (id, query, grade2, grade1, kind, note) with a header line.
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
                grade2: g(2).split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect(),
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
        if std::env::var_os("MOTCUA_DEBUG").is_some() {
            let ok = codes.first().is_some_and(|c| j.grade2.contains(c));
            let outside = if plan.outside.is_some() { "outside" } else { "" };
            eprintln!("{} {:<9} {} cov {:.2} name {:.2} {outside} {}", j.id, j.kind, if ok { "OK" } else { "--" }, res.coverage, res.name_coverage, j.query);
        }
        let rank = codes.iter().position(|c| j.grade2.contains(c));
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
    let text = std::fs::read_to_string(tsv).with_context(|| format!("cannot read {}", tsv.display()))?;
    let judged = read_judged(&text);
    if judged.is_empty() {
        bail!("{} has no queries", tsv.display());
    }
    let local = Local::from_content(content)?;
    let r = evaluate(&local, &judged);
    println!("Success@1  {:.3}", r.success_at_1);
    println!("Success@3  {:.3}", r.success_at_3);
    println!("MRR@10     {:.3}", r.mrr_at_10);
    println!(
        "Absent needs answered \"không tìm thấy thủ tục phù hợp\": {}/{}",
        r.absent - r.absent_answered.len(),
        r.absent
    );
    println!(
        "Answered queries told \"không tìm thấy\" (false not found): {}/{} = {:.1} %",
        r.all.told_not_found,
        r.all.answered,
        100.0 * r.all.false_not_found()
    );
    println!();
    print!("{}", metrics::table(&r.kinds, &r.all));
    println!();
    for (id, q, top) in &r.missed {
        let names: Vec<String> = top
            .iter()
            .map(|c| {
                let name = local.docs.iter().find(|d| &d.code == c).map(|d| fmt::excerpt(&d.name, 50)).unwrap_or_default();
                format!("{c} {name}")
            })
            .collect();
        println!("missed {id} «{q}» → {}", names.join(" | "));
    }
    for (id, q) in &r.absent_answered {
        println!("absent but answered {id} «{q}»");
    }
    for (id, q) in &r.wrongly_unsure {
        println!("judged but \"no good match\" {id} «{q}»");
    }
    Ok(())
}

/// Index bytes (brotli, as downloaded) a browser fetches for queries typed key by key, from the same shard
/// logic as the app: `core.bin` once, then each keystroke's term shards and its top 10's document shards.
pub struct ByteCounter {
    files: HashMap<String, Vec<u8>>,
    sizes: HashMap<String, usize>,
    core: Core,
    shards: Vec<Option<TermShard>>,
    /// Files fetched so far (the browser's cache).
    pub fetched: std::collections::HashSet<String>,
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
        let core = core_of(&list)?;
        let files: HashMap<String, Vec<u8>> = list.into_iter().collect();
        let mut shards: Vec<Option<TermShard>> = Vec::new();
        shards.resize_with(crate::search::format::TERM_SHARDS as usize, || None);
        for (i, s) in shards.iter_mut().enumerate() {
            *s = files.get(&format!("t{i}.bin")).and_then(|b| TermShard::parse(b));
        }
        Ok(ByteCounter { files, sizes: HashMap::new(), core, shards, fetched: Default::default() })
    }

    fn fetch(&mut self, name: String, q: &mut QueryBytes) {
        if self.fetched.contains(&name) {
            return;
        }
        let size = match self.sizes.get(&name) {
            Some(s) => *s,
            None => {
                let s = self.files.get(&name).map(|b| brotli_len(b)).unwrap_or(0);
                self.sizes.insert(name.clone(), s);
                s
            }
        };
        q.bytes += size;
        if name.starts_with('t') {
            q.term_files += 1;
        } else if name.starts_with('d') {
            q.doc_files += 1;
        }
        self.fetched.insert(name);
    }

    /// Types `query` key by key: with `every_key`, each keystroke searches (a slow typist, every pause longer
    /// than the debounce); without, only the whole query does (typing faster than the debounce).
    pub fn type_query(&mut self, query: &str, every_key: bool) -> QueryBytes {
        let mut q = QueryBytes::default();
        self.fetch(CORE_FILE.into(), &mut q);
        let chars: Vec<(usize, char)> = query.char_indices().collect();
        let texts: Vec<&str> = if every_key {
            chars.iter().map(|(i, c)| &query[..i + c.len_utf8()]).collect()
        } else {
            vec![query]
        };
        for text in texts {
            if text.trim().is_empty() {
                continue;
            }
            let plan = engine::plan(&self.core, text, true);
            if std::env::var_os("MOTCUA_DEBUG").is_some() {
                // Each token's shard and postings per field (f0 name, f1 mid, f2 body, f3 code).
                for t in &plan.terms {
                    let s = super::format::shard_of(&t.text);
                    let entry = self.shards[s as usize].as_ref().and_then(|sh| sh.get(&t.text));
                    let per: Vec<String> =
                        entry.map(|e| e.iter().map(|(f, l)| format!("f{f}:{}", l.len())).collect()).unwrap_or_default();
                    eprintln!("  «{text}» {} ×{:.2} t{s} {}", t.text, t.boost, per.join(" "));
                }
            }
            for s in plan.shards() {
                self.fetch(format!("t{s}.bin"), &mut q);
            }
            let results = engine::search(&self.core, &self.shards, &plan, &Filter::default(), 10);
            let mut docs: Vec<usize> = results.hits.iter().map(|h| h.doc as usize / DOC_SHARD).collect();
            docs.dedup();
            for d in docs {
                self.fetch(format!("d{d}.bin"), &mut q);
            }
        }
        q
    }
}

/// `motcua search-bytes "<query>"…`: for each query typed key by key, the index bytes fetched cold until its
/// results, and as the next query after the one before it; each keystroke searched, and debounced.
pub fn run_bytes(content: &Path, queries: &[String]) -> Result<()> {
    let catalogue = crate::site::load_catalogue(content)?;
    let index = build_index(&catalogue, content)?;
    let mut counter = ByteCounter::new(&catalogue, &index)?;
    let core_size = {
        let mut q = QueryBytes::default();
        counter.fetch(CORE_FILE.into(), &mut q);
        q.bytes
    };
    println!("Index bytes (brotli) per query typed key by key; core.bin is {:.1} KB", core_size as f64 / 1024.0);
    println!("{:<28} {:>22} {:>22} {:>22} {:>22}", "query", "cold, every key", "next, every key", "cold, debounced", "next, debounced");
    let fmt_q = |q: QueryBytes| format!("{:.1} KB ({}t+{}d)", q.bytes as f64 / 1024.0, q.term_files, q.doc_files);
    let mut prev: Option<&String> = None;
    for query in queries {
        let mut row = Vec::new();
        for every in [true, false] {
            counter.fetched.clear();
            let cold = counter.type_query(query, every);
            counter.fetched.clear();
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
        println!("{:<28} {:>22} {:>22} {:>22} {:>22}", query, row[0], row[1], row[2], row[3]);
        prev = Some(query);
    }
    Ok(())
}

/// Per-keystroke query times of [`run_bench`], in milliseconds.
#[derive(Clone, Debug, Default)]
pub struct KeyTimes {
    /// One entry per keystroke searched, over every pass.
    pub ms: Vec<f64>,
    /// Keystrokes per pass.
    pub keystrokes: usize,
}

impl KeyTimes {
    /// The value at quantile `q` (0..=1), nearest rank.
    pub fn quantile(&self, q: f64) -> f64 {
        let mut v = self.ms.clone();
        v.sort_by(f64::total_cmp);
        if v.is_empty() {
            return f64::NAN;
        }
        v[((v.len() as f64 * q).ceil() as usize).clamp(1, v.len()) - 1]
    }
}

/// Types each query key by key and times what the browser app does on each keystroke once its files are
/// fetched (src/search/ui.rs `run`): `engine::plan(core, text, true)` (as-you-type: prefix on the last word,
/// typo expansion), `engine::search(.., Filter::default(), 10)`, and looking up the top 10's document rows.
/// Blank prefixes are skipped, as the app skips them. One warm-up pass, then `passes` timed passes.
pub fn time_keystrokes(local: &Local, queries: &[String], passes: usize) -> KeyTimes {
    let prefixes: Vec<&str> = queries
        .iter()
        .flat_map(|q| q.char_indices().map(move |(i, c)| &q[..i + c.len_utf8()]))
        .filter(|t| !t.trim().is_empty())
        .collect();
    let filter = Filter::default();
    let mut sink = 0usize;
    let mut out = KeyTimes { ms: Vec::with_capacity(prefixes.len() * passes), keystrokes: prefixes.len() };
    for pass in 0..=passes {
        for text in &prefixes {
            let t0 = std::time::Instant::now();
            let plan = engine::plan(&local.core, text, true);
            let results = engine::search(&local.core, &local.shards, &plan, &filter, 10);
            for h in &results.hits {
                sink += local.docs.get(h.doc as usize).map_or(0, |d| d.code.len());
            }
            let dt = t0.elapsed().as_secs_f64() * 1000.0;
            std::hint::black_box(sink);
            if pass > 0 {
                out.ms.push(dt);
            }
        }
    }
    out
}

/// `motcua search-bench [queries.tsv]`: per-keystroke query time, native, over the index held in memory as
/// the browser holds it after fetching; the queries are the TSV's second column (or `--query` ones).
pub fn run_bench(content: &Path, tsv: Option<&Path>, extra: &[String], passes: usize, json: bool) -> Result<()> {
    let mut queries: Vec<String> = extra.to_vec();
    if let Some(tsv) = tsv {
        let text = std::fs::read_to_string(tsv).with_context(|| format!("cannot read {}", tsv.display()))?;
        queries.extend(read_judged(&text).into_iter().map(|j| j.query));
    }
    if queries.is_empty() {
        bail!("no queries: give a TSV (e.g. ../shared/eval/queries-dev.tsv) or --query");
    }
    let local = Local::from_content(content)?;
    let t = time_keystrokes(&local, &queries, passes.max(1));
    let (median, p90, max) = (t.quantile(0.5), t.quantile(0.9), t.quantile(1.0));
    if json {
        println!(
            "{{\"queries\":{},\"keystrokes\":{},\"passes\":{},\"median_ms\":{median:.4},\"p90_ms\":{p90:.4},\"max_ms\":{max:.4}}}",
            queries.len(),
            t.keystrokes,
            passes.max(1)
        );
        return Ok(());
    }
    let profile = if cfg!(debug_assertions) { "debug build: use --release for real figures" } else { "release build" };
    println!(
        "Per-keystroke query time, native ({profile}): {} queries typed key by key, {} keystrokes × {} passes",
        queries.len(),
        t.keystrokes,
        passes.max(1)
    );
    println!("median {median:.3} ms   p90 {p90:.3} ms   max {max:.3} ms   (target: median ≤ 2 ms)");
    Ok(())
}
