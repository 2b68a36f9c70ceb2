//! The search engine the browser and `motcua search` share: turns a query into weighted tokens (with typo,
//! Telex, prefix and synonym handling), names the index shards those tokens live in, and ranks documents with
//! tantivy's BM25 recomputed from the exported postings, plus the popularity prior.
//!
//! It is plain Rust with no dependencies, so the same code runs natively (CLI, tests) and in the wasm app; the
//! caller fetches shards (from disk or over HTTP) between [`plan`] and [`search`].

use super::analyzer::{self, Word};
use super::format::{self, B, F_CODE, F_MID, F_NAME, FIELD_BOOST, K1, Reader, Writer};
use std::collections::HashMap;

/// Boost of an expansion of the last word typed so far (`doan` → `doanh`).
const PREFIX_BOOST: f32 = 0.7;
/// Boost of a typo correction (`sinhh` → `sinh`).
const TYPO_BOOST: f32 = 0.8;
/// Boost of the marked form of an accented word (exact accents rank first among look-alikes).
const MARK_BOOST: f32 = 0.4;
/// Boost of an adjacent-syllable pair (`khai_sinh`), so multi-syllable words rank as units.
const PAIR_BOOST: f32 = 1.0;
/// How many candidates a typo or a prefix may expand to.
const MAX_EXPANSIONS: usize = 3;
/// Share of the query's words the best result must contain (in its name, papers, field or results) for the
/// engine to call it a good match; below it the page says plainly that nothing matches well.
const CONFIDENT_COVERAGE: f32 = 0.45;

/// Filler words of typed questions ("làm", "xin", "phải làm sao"), dropped when the query has other words.
const STOPWORDS: [&str; 22] = [
    "lam", "xin", "phai", "sao", "nao", "o", "dau", "gi", "toi", "minh", "muon", "can", "cho", "khi", "de", "cua",
    "voi", "len", "ve", "di", "thi", "bi",
];

/// The always-needed part of the index (`core.bin`).
pub struct Core {
    /// Number of documents.
    pub docs: usize,
    caches: Vec<[f32; 256]>,
    /// The fields (lĩnh vực), for the filter.
    pub field_names: Vec<String>,
    /// Each document's field, an index into [`Core::field_names`].
    pub doc_field: Vec<u16>,
    /// Each document's level and online flags (`format::FLAG_*`).
    pub doc_flags: Vec<u8>,
    /// Each document's popularity prior, 0–255.
    pub doc_prior: Vec<u8>,
    vocab: Vec<(String, u32)>,
    synonyms: Vec<(Vec<String>, Vec<Word>)>,
}

impl Core {
    /// Reads `core.bin`; `None` when it is not a valid core file.
    pub fn parse(bytes: &[u8]) -> Option<Core> {
        if bytes.get(..3)? != b"MC1" {
            return None;
        }
        let mut r = Reader::new(&bytes[3..]);
        let docs = r.varint()? as usize;
        let mut totals = [0u64; 4];
        for t in &mut totals {
            *t = r.varint()?;
        }
        let mut norms = [0u32; 256];
        for n in &mut norms {
            *n = r.varint()? as u32;
        }
        // Exactly tantivy's Bm25Weight cache: K1 * (1 - B + B * fieldnorm / average fieldnorm).
        let caches = totals
            .iter()
            .map(|t| {
                let avg = *t as f32 / docs as f32;
                let mut c = [0f32; 256];
                for (i, v) in c.iter_mut().enumerate() {
                    *v = K1 * (1.0 - B + B * norms[i] as f32 / avg);
                }
                c
            })
            .collect();
        let nf = r.varint()? as usize;
        let mut field_names = Vec::with_capacity(nf);
        for _ in 0..nf {
            field_names.push(r.str()?.to_string());
        }
        let (mut doc_field, mut doc_flags, mut doc_prior) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..docs {
            doc_field.push(r.varint()? as u16);
            doc_flags.push(r.u8()?);
            doc_prior.push(r.u8()?);
        }
        let nv = r.varint()? as usize;
        let mut vocab: Vec<(String, u32)> = Vec::with_capacity(nv);
        for _ in 0..nv {
            let shared = r.varint()? as usize;
            let mut t = vocab.last().map(|(p, _)| p.get(..shared).unwrap_or("").to_string()).unwrap_or_default();
            t.push_str(r.str()?);
            vocab.push((t, r.varint()? as u32));
        }
        let ns = r.varint()? as usize;
        let mut synonyms = Vec::with_capacity(ns);
        for _ in 0..ns {
            let from: Vec<String> = analyzer::words(r.str()?).into_iter().map(|w| w.folded).collect();
            let to = analyzer::words(r.str()?);
            if !from.is_empty() {
                synonyms.push((from, to));
            }
        }
        synonyms.sort_by(|a, b| b.0.len().cmp(&a.0.len()));
        Some(Core { docs, caches, field_names, doc_field, doc_flags, doc_prior, vocab, synonyms })
    }

    fn df(&self, w: &str) -> Option<u32> {
        self.vocab.binary_search_by(|(t, _)| t.as_str().cmp(w)).ok().map(|i| self.vocab[i].1)
    }

    /// The most frequent vocabulary words that start with `prefix` (not `prefix` itself).
    fn completions(&self, prefix: &str) -> Vec<(String, u32)> {
        let start = self.vocab.partition_point(|(t, _)| t.as_str() < prefix);
        let mut out: Vec<(String, u32)> = self.vocab[start..]
            .iter()
            .take_while(|(t, _)| t.starts_with(prefix))
            .filter(|(t, _)| t != prefix)
            .cloned()
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1));
        out.truncate(MAX_EXPANSIONS);
        out
    }

    /// Vocabulary words one edit away (deletion, insertion, substitution, swap), keyboard neighbours first.
    fn corrections(&self, w: &str) -> Vec<(String, u32)> {
        let b = w.as_bytes();
        let mut found: Vec<(String, u32, bool)> = Vec::new();
        let try_word = |cand: Vec<u8>, near: bool, found: &mut Vec<(String, u32, bool)>| {
            if let Ok(s) = String::from_utf8(cand) {
                if let Some(df) = self.df(&s) {
                    if !found.iter().any(|f| f.0 == s) {
                        found.push((s, df, near));
                    }
                }
            }
        };
        for i in 0..b.len() {
            let mut c = b.to_vec();
            let removed = c.remove(i);
            let doubled = (i > 0 && b[i - 1] == removed) || b.get(i + 1) == Some(&removed);
            try_word(c, doubled, &mut found);
            if i + 1 < b.len() {
                let mut c = b.to_vec();
                c.swap(i, i + 1);
                try_word(c, true, &mut found);
            }
            for l in b'a'..=b'z' {
                if l != b[i] {
                    let mut c = b.to_vec();
                    c[i] = l;
                    try_word(c, keys_adjacent(b[i], l), &mut found);
                }
            }
        }
        for i in 0..=b.len() {
            for l in b'a'..=b'z' {
                let mut c = b.to_vec();
                c.insert(i, l);
                try_word(c, false, &mut found);
            }
        }
        found.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)));
        found.into_iter().take(MAX_EXPANSIONS).map(|(s, d, _)| (s, d)).collect()
    }
}

/// True when two letters are neighbours on a QWERTY phone keyboard.
fn keys_adjacent(a: u8, b: u8) -> bool {
    const ROWS: [&[u8]; 3] = [b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];
    let pos = |c: u8| ROWS.iter().enumerate().find_map(|(r, row)| row.iter().position(|x| *x == c).map(|p| (r as i32, p as i32)));
    match (pos(a), pos(b)) {
        (Some((ra, ca)), Some((rb, cb))) => (ra - rb).abs() <= 1 && (ca - cb).abs() <= 1 && (ra, ca) != (rb, cb),
        _ => false,
    }
}

/// One term shard (`t<i>.bin`): token → per field, postings (document, term frequency, fieldnorm id).
pub struct TermShard {
    terms: HashMap<String, Vec<(u8, Vec<(u32, u32, u8)>)>>,
}

impl TermShard {
    /// Reads a term shard; `None` when it is not valid.
    pub fn parse(bytes: &[u8]) -> Option<TermShard> {
        let mut r = Reader::new(bytes);
        let n = r.varint()? as usize;
        let mut terms = HashMap::with_capacity(n);
        for _ in 0..n {
            let t = r.str()?.to_string();
            let nf = r.u8()?;
            let mut per_field = Vec::with_capacity(nf as usize);
            for _ in 0..nf {
                let f = r.u8()?;
                let df = r.varint()? as usize;
                let mut list = Vec::with_capacity(df);
                let mut d = 0u32;
                for _ in 0..df {
                    d += r.varint()? as u32;
                    list.push((d, r.varint()? as u32, r.u8()?));
                }
                per_field.push((f, list));
            }
            terms.insert(t, per_field);
        }
        Some(TermShard { terms })
    }
}

/// What a result line shows, from the document shards (`d<i>.bin`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocInfo {
    /// The procedure code.
    pub code: String,
    /// Its official name.
    pub name: String,
    /// The fee at a glance ("Miễn phí", "50.000 đồng").
    pub fee: String,
    /// The processing time at a glance.
    pub time: String,
}

/// Encodes a document shard (used by `motcua build`).
pub fn write_docs(docs: &[DocInfo]) -> Vec<u8> {
    let mut w = Writer::default();
    w.varint(docs.len() as u64);
    for d in docs {
        w.str(&d.code);
        w.str(&d.name);
        w.str(&d.fee);
        w.str(&d.time);
    }
    w.buf
}

/// Decodes a document shard.
pub fn parse_docs(bytes: &[u8]) -> Option<Vec<DocInfo>> {
    let mut r = Reader::new(bytes);
    let n = r.varint()? as usize;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let code = r.str()?.to_string();
        let name = r.str()?.to_string();
        let fee = r.str()?.to_string();
        let time = r.str()?.to_string();
        out.push(DocInfo { code, name, fee, time });
    }
    Some(out)
}

/// One weighted token of a query.
#[derive(Clone, Debug, PartialEq)]
pub struct QTerm {
    /// The token, as in the index.
    pub text: String,
    /// Its weight (1 for a word as typed; less for expansions).
    pub boost: f32,
    /// Which query word it stands for (for the "good match" check); `usize::MAX` for pairs.
    pub unit: usize,
}

/// A query turned into tokens: what to fetch and how to score.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// The weighted tokens, in query order.
    pub terms: Vec<QTerm>,
    /// Number of content words (after dropping filler words).
    pub units: usize,
    /// How telling each content word is (its idf): rare words count more in the "good match" check.
    pub unit_weight: Vec<f32>,
    /// True when a typo, Telex or prefix expansion was used (the fidelity test skips those queries).
    pub expanded: bool,
    /// The query as understood (corrected folded words), for "Có phải bạn muốn tìm…".
    pub understood: String,
}

impl Plan {
    /// The term shards this query needs, each once.
    pub fn shards(&self) -> Vec<u32> {
        let mut s: Vec<u32> = self.terms.iter().map(|t| format::shard_of(&t.text)).collect();
        s.sort_unstable();
        s.dedup();
        s
    }
}

struct Slot {
    cands: Vec<(String, f32)>,
    marked: Option<String>,
    unit: usize,
}

/// Turns a query into weighted tokens. `typing` is true while the user is still typing the last word (it is
/// then also matched as a prefix).
pub fn plan(core: &Core, query: &str, typing: bool) -> Plan {
    let ws = analyzer::words(query);
    let typing_last = typing && !query.ends_with(|c: char| c.is_whitespace());
    let mut plan = Plan::default();
    // Synonyms first (longest phrase wins), on the words as typed.
    let mut pieces: Vec<(Vec<Word>, bool, bool)> = Vec::new(); // (words, from synonym, is last typed word)
    let mut i = 0;
    while i < ws.len() {
        let hit = core.synonyms.iter().find(|(from, _)| {
            ws.len() - i >= from.len() && from.iter().zip(&ws[i..]).all(|(f, w)| *f == w.folded)
        });
        if let Some((from, to)) = hit {
            pieces.push((to.clone(), true, false));
            i += from.len();
        } else {
            pieces.push((vec![ws[i].clone()], false, typing_last && i + 1 == ws.len()));
            i += 1;
        }
    }
    let has_content = pieces.iter().any(|(w, syn, _)| *syn || !STOPWORDS.contains(&w[0].folded.as_str()));
    let mut slots: Vec<Option<Slot>> = Vec::new();
    let mut understood: Vec<String> = Vec::new();
    for (words, syn, last) in pieces {
        if !syn && has_content && STOPWORDS.contains(&words[0].folded.as_str()) && !last {
            slots.push(None);
            continue;
        }
        let unit = plan.units;
        plan.units += 1;
        plan.unit_weight.push(0.0);
        for w in words {
            if w.code {
                for t in analyzer::code_tokens(&w) {
                    plan.terms.push(QTerm { text: t, boost: 1.0, unit });
                }
                understood.push(w.folded.clone());
                plan.unit_weight[unit] = 10.0;
                slots.push(None);
                continue;
            }
            let f = w.folded.clone();
            let known = core.df(&f).is_some();
            let mut cands: Vec<(String, f32)> = Vec::new();
            if known || syn || f.bytes().all(|b| b.is_ascii_digit()) {
                cands.push((f.clone(), 1.0));
            }
            if last {
                let comp = core.completions(&f);
                plan.expanded |= !comp.is_empty();
                cands.extend(comp.into_iter().map(|(c, _)| (c, PREFIX_BOOST)));
            }
            if cands.is_empty() {
                plan.expanded = true;
                if let Some(t) = analyzer::telex(&f).filter(|t| core.df(t).is_some()) {
                    cands.push((t, 1.0));
                } else {
                    cands.extend(core.corrections(&f).into_iter().map(|(c, _)| (c, TYPO_BOOST)));
                    if cands.is_empty() {
                        // Unknown and uncorrectable: a completion is the best guess, else keep it (no match).
                        let comp = core.completions(&f);
                        cands.extend(comp.into_iter().map(|(c, _)| (c, PREFIX_BOOST)));
                    }
                }
                if cands.is_empty() {
                    cands.push((f.clone(), 1.0));
                }
            }
            understood.push(cands[0].0.clone());
            let df = core.df(&cands[0].0).unwrap_or(0) as usize;
            plan.unit_weight[unit] = plan.unit_weight[unit].max(idf(df, core.docs));
            let marked = if cands[0].0 == f { w.marked.clone() } else { None };
            slots.push(Some(Slot { cands, marked, unit }));
        }
    }
    for (i, slot) in slots.iter().enumerate() {
        let Some(s) = slot else { continue };
        for (c, b) in &s.cands {
            plan.terms.push(QTerm { text: c.clone(), boost: *b, unit: s.unit });
        }
        if let Some(m) = &s.marked {
            plan.terms.push(QTerm { text: m.clone(), boost: MARK_BOOST, unit: s.unit });
        }
        if let Some(Some(next)) = slots.get(i + 1) {
            for (a, ba) in s.cands.iter().take(2) {
                for (b, bb) in next.cands.iter().take(2) {
                    let boost = PAIR_BOOST * ba.min(*bb);
                    plan.terms.push(QTerm { text: analyzer::pair(a, b), boost, unit: usize::MAX });
                }
            }
        }
    }
    // One clause per token: keep its strongest weight.
    let mut seen: Vec<QTerm> = Vec::with_capacity(plan.terms.len());
    for t in plan.terms.drain(..) {
        match seen.iter_mut().find(|s| s.text == t.text) {
            Some(s) if s.boost < t.boost => s.boost = t.boost,
            Some(_) => {}
            None => seen.push(t),
        }
    }
    plan.terms = seen;
    plan.understood = understood.join(" ");
    plan
}

/// Which documents a search may return.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Filter {
    /// Only this field (index into [`Core::field_names`]).
    pub field: Option<u16>,
    /// Only documents carried out at one of these levels (`format::FLAG_XA`…); 0 = any.
    pub levels: u8,
    /// Only documents that can be submitted online.
    pub online: bool,
}

/// One ranked document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// Document number (index into the document table).
    pub doc: u32,
    /// BM25 plus prior.
    pub score: f32,
}

/// The outcome of a search.
#[derive(Clone, Debug, Default)]
pub struct Results {
    /// The best documents, best first.
    pub hits: Vec<Hit>,
    /// How many documents matched (after filters).
    pub total: usize,
    /// False when even the best document lacks too many of the query's words: say "no good match".
    pub confident: bool,
    /// Matches per field (lĩnh vực), before the field filter, for the filter's counts.
    pub per_field: Vec<(u16, u32)>,
}

/// Share of the query's content words (weighted by idf) that a document matched in its strong fields.
pub fn coverage(plan: &Plan, matched: u64) -> f32 {
    let total: f32 = plan.unit_weight.iter().sum();
    let got: f32 = plan.unit_weight.iter().enumerate().filter(|(u, _)| *u < 64 && matched & (1 << u) != 0).map(|(_, w)| w).sum();
    if total > 0.0 { got / total } else { 0.0 }
}

/// tantivy's idf: ln(1 + (N - n + 0.5) / (n + 0.5)).
fn idf(df: usize, n: usize) -> f32 {
    let x = ((n - df.min(n)) as f32 + 0.5) / (df as f32 + 0.5);
    (1.0 + x).ln()
}

/// The BM25 sum (tantivy's scores, without prior) per matching document, and which query words each matched
/// in its strong fields.
pub fn bm25(core: &Core, shards: &HashMap<u32, TermShard>, plan: &Plan) -> (Vec<f32>, Vec<u64>, Vec<bool>) {
    let n = core.docs;
    let mut acc = vec![0f32; n];
    let mut words = vec![0u64; n];
    let mut hit = vec![false; n];
    for t in &plan.terms {
        let Some(entry) = shards.get(&format::shard_of(&t.text)).and_then(|s| s.terms.get(&t.text)) else { continue };
        for (f, postings) in entry {
            let boost = t.boost * FIELD_BOOST[*f as usize];
            let weight = idf(postings.len(), n) * (1.0 + K1) * boost;
            let cache = &core.caches[*f as usize];
            let strong = *f == F_NAME || *f == F_MID || *f == F_CODE;
            for &(d, tf, fnid) in postings {
                let d = d as usize;
                let tf = tf as f32;
                acc[d] += weight * (tf / (tf + cache[fnid as usize]));
                hit[d] = true;
                if strong && t.unit < 64 {
                    words[d] |= 1 << t.unit;
                }
            }
        }
    }
    (acc, words, hit)
}

/// Ranks documents for a plan: BM25 over the fetched shards plus the popularity prior, filtered, best first.
pub fn search(core: &Core, shards: &HashMap<u32, TermShard>, plan: &Plan, filter: &Filter, limit: usize) -> Results {
    let (acc, words, hit) = bm25(core, shards, plan);
    let mut per_field: HashMap<u16, u32> = HashMap::new();
    let mut hits: Vec<Hit> = Vec::new();
    for d in 0..core.docs {
        if !hit[d] {
            continue;
        }
        let flags = core.doc_flags[d];
        if filter.levels != 0 && flags & filter.levels == 0 {
            continue;
        }
        if filter.online && flags & format::FLAG_ONLINE == 0 {
            continue;
        }
        *per_field.entry(core.doc_field[d]).or_default() += 1;
        if filter.field.is_some_and(|f| f != core.doc_field[d]) {
            continue;
        }
        hits.push(Hit { doc: d as u32, score: format::with_prior(acc[d], core.doc_prior[d]) });
    }
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
    let total = hits.len();
    let confident = hits.first().is_some_and(|h| coverage(plan, words[h.doc as usize]) >= CONFIDENT_COVERAGE);
    hits.truncate(limit);
    let mut per_field: Vec<(u16, u32)> = per_field.into_iter().collect();
    per_field.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Results { hits, total, confident, per_field }
}
