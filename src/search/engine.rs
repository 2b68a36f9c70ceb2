//! The search engine the browser and `motcua search` share: turns a query into weighted tokens (with typo,
//! Telex, prefix and synonym handling), names the index shards those tokens live in, and ranks documents with
//! tantivy's BM25 recomputed from the exported postings, plus the popularity prior.
//!
//! It is plain Rust with no dependencies, so the same code runs natively (CLI, tests) and in the wasm app; the
//! caller fetches shards (from disk or over HTTP) between [`plan`] and [`search`].

use super::analyzer::{self, SynonymGroup, Word};
use super::order;
use super::outside::Outside;
use super::question::{QuestionWords, Role};
use super::variant_words::VariantWords;
use super::format::{self, F_CODE, F_MID, F_NAME, FIELD_BOOST, K1, Reader, Writer};

/// Boost of an expansion of the last word typed so far (`doan` → `doanh`).
const PREFIX_BOOST: f32 = 0.7;
/// Boost of a typo correction (`sinhh` → `sinh`).
const TYPO_BOOST: f32 = 0.8;
/// Boost of the marked form of an accented word (exact accents rank first among look-alikes).
const MARK_BOOST: f32 = 0.4;
/// Boost of an adjacent-syllable pair (`khai_sinh`), so multi-syllable words rank as units.
const PAIR_BOOST: f32 = 1.0;
/// Share of a synonym group token's weight that stands for the pairs of its phrase: its words' weight times
/// this (see [`group_boost`]); between 1 (words only) and 2 (a pair as strong as each word).
const GROUP_PAIRS: f32 = 1.5;
/// Weight of a number in the "good match" check (numbers are not in the vocabulary; codes use their own).
const NUMBER_WEIGHT: f32 = 2.0;
/// Letters the word being typed needs before it is completed as a prefix: one or two letters match too many
/// words to help, and each completion costs a term shard.
const MIN_PREFIX: usize = 3;
/// How many candidates a typo or a prefix may expand to.
const MAX_EXPANSIONS: usize = 3;
/// Share of the documents saying a pair's rarer syllable that must say the pair for the "good match" check to
/// read the pair as one word ([`known_pairs`]).
const PAIR_BOND: f32 = 0.1;
/// Characters of a query the engine reads; the rest is ignored. Real queries are a few words (the longest of
/// the judged sets is well under 100 characters); the cap bounds the work on anything pasted into the box (a
/// 10 KB paste plans as fast as a phrase), and it is applied before analysis so both the browser and the CLI
/// see the same cut.
pub const MAX_QUERY_CHARS: usize = 256;
/// Words of a query the engine plans for (after [`MAX_QUERY_CHARS`]); later words are ignored. Each word costs
/// candidate look-ups and a term shard, and the "good match" check follows at most 21 words anyway.
pub const MAX_QUERY_WORDS: usize = 32;
/// Share of the query's words the best result must contain (in its name, papers, field or results) for the
/// engine to call it a good match; below it the page says plainly that nothing matches well. Low, since a
/// whole question in everyday words shares few words with the official name of the right answer; the needs the
/// catalogue leaves out are told apart by `outside.toml`, not by a lack of shared words.
const CONFIDENT_COVERAGE: f32 = 0.2;
/// Share of the query's words a result must contain to be counted among the good matches ("12 thủ tục phù
/// hợp"): higher than [`CONFIDENT_COVERAGE`], or every procedure that says "đăng ký" would count for «đăng ký
/// khai sinh»; when the best result is a good match with less, those with as much as it has.
const GOOD_COVERAGE: f32 = 0.4;

/// tantivy's Bm25Weight cache per field, for each fieldnorm id: K1 * (1 - b + b * length / average length), with
/// the field's `b` ([`format::FIELD_B`] when parsing, tantivy's [`format::B`] for [`Core::score_as_tantivy`]).
fn bm25_caches(averages: &[f32; 4], lengths: &[u32; 256], b: [f32; 4]) -> Vec<[f32; 256]> {
    averages
        .iter()
        .zip(b)
        .map(|(avg, b)| {
            let mut c = [0f32; 256];
            for (v, len) in c.iter_mut().zip(lengths) {
                *v = K1 * (1.0 - b + b * *len as f32 / avg);
            }
            c
        })
        .collect()
}

/// The always-needed part of the index (`core.bin`).
pub struct Core {
    /// Number of documents.
    pub docs: usize,
    caches: Vec<[f32; 256]>,
    /// Each field's average length in tokens, and the length of each fieldnorm id: what [`Core::caches`] are
    /// computed from (kept natively only, for [`Core::score_as_tantivy`]: the browser never recomputes them).
    #[cfg(feature = "ssr")]
    averages: [f32; 4],
    #[cfg(feature = "ssr")]
    lengths: [u32; 256],
    /// Each document's fieldnorm id, per index field.
    norms: Vec<Vec<u8>>,
    /// The fields (lĩnh vực), for the filter.
    pub field_names: Vec<String>,
    /// Each document's field, an index into [`Core::field_names`].
    pub doc_field: Vec<u16>,
    /// Each document's level and online flags (`format::FLAG_*`).
    pub doc_flags: Vec<u8>,
    /// Each document's popularity prior, 0–255.
    pub doc_prior: Vec<u8>,
    vocab: Vec<(String, u32)>,
    /// Bytes of the longest vocabulary word: a word more than one longer cannot be one edit from any.
    longest: usize,
    /// The synonym groups of `synonyms.toml`, whose index tokens a query naming them asks for instead of the
    /// meaning's words (see [`analyzer::SynonymGroup`]).
    groups: Vec<SynonymGroup>,
    /// Folded phrase a query may type → the groups it names, longest phrase first.
    synonyms: Vec<(Vec<String>, Vec<usize>)>,
    /// Needs the catalogue leaves out (`outside.toml`).
    outside: Outside,
    /// Regional and older ways of saying the catalogue's words (`regional.toml`), rewritten before anything.
    variants: Vec<analyzer::Variant>,
    /// The words that frame a question rather than name a need (`question_words.toml`).
    question: QuestionWords,
    /// The words by which a query asks for a variant (`variant_words.toml`).
    variant_words: VariantWords,
    /// Whether a document's score is scaled by how much of the query it has ([`coord`]); off only to compare
    /// with tantivy ([`Core::score_as_tantivy`]).
    coord: bool,
}

impl Core {
    /// Scores as tantivy does, with its [`format::B`] for every field and without [`coord`]: for the test that
    /// the engine reproduces tantivy's scores from the exported postings (the name's own [`format::FIELD_B`] and
    /// the coordination factor are choices made on top, as the popularity prior is).
    #[cfg(feature = "ssr")]
    pub fn score_as_tantivy(&mut self) {
        self.caches = bm25_caches(&self.averages, &self.lengths, [format::B; 4]);
        self.coord = false;
    }

    /// Reads `core.bin`; `None` when it is not a valid core file (wrong checksum, truncated, or damaged): never a
    /// panic, whatever the bytes.
    pub fn parse(bytes: &[u8]) -> Option<Core> {
        let bytes = format::unseal(bytes)?;
        if bytes.get(..3)? != format::CORE_MAGIC {
            return None;
        }
        let mut r = Reader::new(&bytes[3..]);
        let docs = r.varint()? as usize;
        let mut totals = [0u64; 4];
        for t in &mut totals {
            *t = r.varint()?;
        }
        let lengths: [u32; 256] = std::array::from_fn(|id| format::fieldnorm_length(id as u8));
        let averages = totals.map(|t| t as f32 / docs as f32);
        let caches = bm25_caches(&averages, &lengths, format::FIELD_B);
        let nf = r.varint()? as usize;
        let mut field_names = Vec::with_capacity(nf.min(r.remaining()));
        for _ in 0..nf {
            field_names.push(r.str()?.to_string());
        }
        let mut doc_field = Vec::with_capacity(docs.min(r.remaining()));
        for _ in 0..docs {
            doc_field.push(r.varint()? as u16);
        }
        let doc_flags = r.bytes(docs)?.to_vec();
        let doc_prior = r.bytes(docs)?.to_vec();
        let mut norms = Vec::with_capacity(4);
        for _ in 0..4 {
            norms.push(r.bytes(docs)?.to_vec());
        }
        let nv = r.varint()? as usize;
        let mut vocab: Vec<(String, u32)> = Vec::with_capacity(nv.min(r.remaining()));
        for _ in 0..nv {
            let shared = r.varint()? as usize;
            let mut t = vocab.last().map(|(p, _)| p.get(..shared).unwrap_or("").to_string()).unwrap_or_default();
            t.push_str(r.str()?);
            vocab.push((t, 0));
        }
        for (_, df) in &mut vocab {
            *df = r.varint()? as u32;
        }
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        for _ in 0..r.varint()? {
            let means = r.str()?;
            for _ in 0..r.varint()? {
                pairs.push((r.str()?, means));
            }
        }
        let outside = Outside::read(&mut r)?;
        let nv = r.varint()? as usize;
        let mut variants = Vec::with_capacity(nv.min(r.remaining()));
        for _ in 0..nv {
            variants.extend(analyzer::Variant::new(r.str()?, r.str()?));
        }
        let question = QuestionWords::read(&mut r)?;
        let variant_words = VariantWords::read(&mut r)?;
        let groups = analyzer::synonym_groups(&pairs);
        let synonyms = synonym_rules(&groups);
        // Group tokens are in the vocabulary (for their idf) but no typed word is one edit from them.
        let longest =
            vocab.iter().filter(|(t, _)| !t.starts_with(analyzer::GROUP_MARK)).map(|(t, _)| t.len()).max().unwrap_or(0);
        Some(Core {
            docs,
            caches,
            #[cfg(feature = "ssr")]
            averages,
            #[cfg(feature = "ssr")]
            lengths,
            norms,
            field_names,
            doc_field,
            doc_flags,
            doc_prior,
            vocab,
            longest,
            groups,
            synonyms,
            outside,
            variants,
            question,
            variant_words,
            coord: true,
        })
    }

    /// Who handles the need a query names when the catalogue leaves it out ([`Plan::outside`]), as
    /// `outside.toml` says it.
    pub fn outside_note(&self, plan: &Plan) -> Option<&str> {
        plan.outside.and_then(|t| self.outside.notes.get(t)).map(String::as_str)
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
        order::sort_by(&mut out, |a, b| a.1 > b.1);
        out.truncate(MAX_EXPANSIONS);
        out
    }

    /// Vocabulary words one edit away (deletion, insertion, substitution, swap), keyboard neighbours first.
    fn corrections(&self, w: &str) -> Vec<(String, u32)> {
        let b = w.as_bytes();
        if b.len() > self.longest + 1 {
            // No vocabulary word is one edit away: skip the (length × 26) candidates.
            return Vec::new();
        }
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
        order::sort_by(&mut found, |a, b| (a.2, a.1) > (b.2, b.1));
        found.into_iter().take(MAX_EXPANSIONS).map(|(s, d, _)| (s, d)).collect()
    }
}

/// The phrases a query may type to name a synonym group ([`SynonymGroup::names`]): folded phrase → the groups
/// it names, longest phrase first (one phrase may name several groups).
fn synonym_rules(groups: &[SynonymGroup]) -> Vec<(Vec<String>, Vec<usize>)> {
    let mut out: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        for form in &g.names {
            match out.iter_mut().find(|(f, _)| f == form) {
                Some((_, gs)) => gs.push(gi),
                None => out.push((form.clone(), vec![gi])),
            }
        }
    }
    order::sort_by(&mut out, |a, b| a.0.len() > b.0.len());
    out
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

/// One term shard (`t<i>.bin`): token → per field, postings (document, term frequency).
pub struct TermShard {
    terms: Vec<(String, Vec<(u8, Vec<(u32, u32)>)>)>,
}

impl TermShard {
    /// Reads a term shard; `None` when it is not valid (wrong checksum, truncated, or damaged): never a panic,
    /// whatever the bytes.
    pub fn parse(bytes: &[u8]) -> Option<TermShard> {
        let mut r = Reader::new(format::unseal(bytes)?);
        let n = r.varint()? as usize;
        let mut terms = Vec::with_capacity(n.min(r.remaining()));
        for _ in 0..n {
            let t = r.str()?.to_string();
            let nf = r.u8()?;
            let mut per_field = Vec::with_capacity((nf as usize).min(r.remaining()));
            for _ in 0..nf {
                let f = r.u8()?;
                if f as usize >= format::FIELDS.len() {
                    return None;
                }
                let df = r.varint()? as usize;
                let mut list = Vec::with_capacity(df.min(r.remaining()));
                let mut d = 0u32;
                for _ in 0..df {
                    d = d.checked_add(u32::try_from(r.varint()?).ok()?)?;
                    list.push((d, 0));
                }
                for p in &mut list {
                    p.1 = u32::try_from(r.varint()?).ok()?;
                }
                per_field.push((f, list));
            }
            terms.push((t, per_field));
        }
        // The builder writes terms in order (lookups binary-search them): a shard out of order is damaged.
        if !terms.is_sorted_by(|a, b| a.0 < b.0) {
            return None;
        }
        Some(TermShard { terms })
    }
}

impl TermShard {
    /// The postings of a token, per field, if this shard has it.
    pub fn get(&self, token: &str) -> Option<&Vec<(u8, Vec<(u32, u32)>)>> {
        self.terms.binary_search_by(|(t, _)| t.as_str().cmp(token)).ok().map(|i| &self.terms[i].1)
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

/// Encodes a document shard (used by `motcua build`), sealed with its checksum ([`format::seal`]).
pub fn write_docs(docs: &[DocInfo]) -> Vec<u8> {
    let mut w = Writer::default();
    w.varint(docs.len() as u64);
    for d in docs {
        w.str(&d.code);
        w.str(&d.name);
        w.str(&d.fee);
        w.str(&d.time);
    }
    format::seal(w.buf)
}

/// Decodes a document shard; `None` when it is not valid (wrong checksum, truncated, or damaged), never a panic.
pub fn parse_docs(bytes: &[u8]) -> Option<Vec<DocInfo>> {
    let mut r = Reader::new(format::unseal(bytes)?);
    let n = r.varint()? as usize;
    let mut out = Vec::with_capacity(n.min(r.remaining()));
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
    /// For a synonym group's token: the group (numbered within the plan) and whether the token is one of its
    /// colloquial forms. A document scores the sum of the group's meaning tokens or its best colloquial token,
    /// whichever is more, so a name that says both "giấy phép lái xe" and "bằng lái xe" counts the licence once.
    pub group: Option<(u32, bool)>,
    /// For a pair token joining two query words the "good match" check follows: those two words. A word the
    /// query says inside such a pair that the catalogue knows ("thạc sĩ") counts as matched only in a document
    /// that has the pair too, not one that says the syllable in another word ("liệt sĩ") ([`coverage`]).
    pub joins: Option<(usize, usize)>,
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
    /// True when a typo, Telex or prefix expansion was among a query word's candidates (the fidelity test skips
    /// those queries; a synonym phrase found through a corrected word asks for the group's own tokens).
    pub expanded: bool,
    /// The query as understood (corrected folded words), for "Có phải bạn muốn tìm…".
    pub understood: String,
    /// Each content word as the user typed it ("điện", or "sổ đỏ" for a synonym), so a result can say which
    /// of them it does not contain ([`Hit::matched`]).
    pub labels: Vec<String>,
    /// Where each label sits in the query (first word, one past its last), so missing words that were typed
    /// side by side read as one phrase ("chứng chỉ", not "chứng, chỉ").
    pub label_words: Vec<(usize, usize)>,
    /// How many synonym groups the terms name ([`QTerm::group`] numbers them from 1).
    pub groups: u32,
    /// True when the query asks for a variant (`variant_words.toml`: "cấp lại", "bị mất"); otherwise
    /// variant procedures rank a little lower ([`format::final_score`]).
    pub asks_variant: bool,
    /// The need the catalogue leaves out that the query names (a topic of `outside.toml`): then no result is a
    /// good match, whatever words it shares. (Matching the rest of the query instead, without the phrase, was
    /// tried: «xin giấy phép lao động cho người nước ngoài» fits a residence card's name as well as «phiếu lý
    /// lịch tư pháp để đi làm việc ở nước ngoài» fits its answer, so the phrases must name needs, not purposes.)
    pub outside: Option<usize>,
    /// Query words that repeat an earlier one (its token is searched once): (earlier, later). The later word is
    /// found wherever the earlier one is, and may sit in a pair of its own ([`settle`]).
    pub repeats: Vec<(usize, usize)>,
}

impl Plan {
    /// The query words (as typed) a result does not contain anywhere, for its "Không có: …" line, words typed
    /// side by side joined into one phrase; none when the query has a single word (every result has it) or the
    /// result has them all.
    pub fn missing(&self, hit: &Hit) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if self.labels.len() < 2 {
            return out;
        }
        let mut last_end = usize::MAX;
        for (u, (label, (start, end))) in self.labels.iter().zip(&self.label_words).take(MAX_UNITS).enumerate() {
            if hit.matched & (1 << u) != 0 || label.is_empty() {
                continue;
            }
            match out.last_mut() {
                Some(phrase) if *start == last_end => {
                    phrase.push(' ');
                    phrase.push_str(label);
                }
                _ => out.push(label.clone()),
            }
            last_end = *end;
        }
        out
    }

    /// The term shards this query needs, each once.
    pub fn shards(&self) -> Vec<u32> {
        let mut s: Vec<u32> = Vec::new();
        for t in &self.terms {
            let shard = format::shard_of(&t.text);
            if let Err(at) = s.binary_search(&shard) {
                s.insert(at, shard);
            }
        }
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
    let query = match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => &query[..cut],
        None => query,
    };
    let mut ws = analyzer::words(query);
    let analyzed = ws.len();
    ws.truncate(MAX_QUERY_WORDS);
    let known = |w: &str| core.df(w).is_some();
    analyzer::rewrite(&mut ws, &core.variants, &known);
    let typing_last = typing && !query.ends_with(|c: char| c.is_whitespace());
    let glued = split_glued(core, &mut ws, typing_last);
    // A single letter after other words ("dang k") is not a word yet: search the words before it rather than
    // the letter or guesses from typo corrections (each costs a term shard).
    if typing_last && ws.len() > 1 && ws.last().is_some_and(|w| w.folded.len() == 1 && !w.code && w.marked.is_none()) {
        ws.pop();
    }
    let folded: Vec<&str> = ws.iter().map(|w| w.folded.as_str()).collect();
    let mut plan = Plan { outside: core.outside.topic_of(&folded), ..Plan::default() };
    // Synonyms first (longest phrase wins), on the words as typed. A piece is one query word, or a synonym
    // phrase, which stands for its groups' index tokens (one term shard per group: the build put a token
    // wherever a field says the group's meaning or one of its colloquial forms).
    enum Piece {
        // The word, true when it is the last word (still being typed), true when it is a query word of its own
        // (not a context word of the question: "cho con", "14 tuổi", which only pairs with its neighbours).
        Word(Word, bool, bool),
        Synonym(Vec<usize>),
        // Words that frame the question ("làm sao", "giấy tờ gì"): nothing to search.
        Frame,
    }
    // Each piece comes with its words as typed, and where they are.
    let typed = typed_words(query);
    let as_typed = |from: usize, to: usize| -> String {
        if typed.len() == analyzed && !glued {
            typed[from..to].join(" ")
        } else {
            ws[from..to].iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ")
        }
    };
    let is_stop = |w: &Word| core.question.is_filler(w);
    // The words as the engine reads them for synonyms: a word the catalogue does not know is read as its likeliest
    // Telex decoding or likeliest correction too, so «đăng ký hộ kinh doang» names the same group as «… doanh».
    let fixed: Vec<String> = ws
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let f = &w.folded;
            // The word being typed is left to prefix completion; codes and numbers are never corrected.
            if known(f) || w.code || f.bytes().all(|b| b.is_ascii_digit()) || (typing_last && i + 1 == ws.len()) {
                return f.clone();
            }
            guesses(core, f).into_iter().next().map_or_else(|| f.clone(), |(g, _)| g)
        })
        .collect();
    // The pieces with the question's frame and context words (`with_frame`), or all as plain words (a query
    // that is nothing but frame words, "làm sao", still searches its words).
    let split = |with_frame: bool| {
        let mut pieces: Vec<(Piece, String, (usize, usize))> = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            let hit = core.synonyms.iter().find(|(from, _)| {
                ws.len() - i >= from.len() && from.iter().zip(ws[i..].iter().zip(&fixed[i..])).all(|(p, (w, x))| *p == w.folded || p == x)
            });
            let syn_len = hit.map_or(0, |(from, _)| from.len());
            let asked = if with_frame { core.question.at(&ws, i, &known) } else { None };
            match (hit, asked) {
                (_, Some((n, role))) if n > syn_len => {
                    for k in i..i + n {
                        let piece = match role {
                            Role::Frame => Piece::Frame,
                            Role::Context => Piece::Word(ws[k].clone(), typing_last && k + 1 == ws.len(), false),
                        };
                        pieces.push((piece, as_typed(k, k + 1), (k, k + 1)));
                    }
                    i += n;
                }
                (Some((from, to)), _) => {
                    pieces.push((Piece::Synonym(to.clone()), as_typed(i, i + from.len()), (i, i + from.len())));
                    i += from.len();
                }
                (None, _) => {
                    pieces.push((Piece::Word(ws[i].clone(), typing_last && i + 1 == ws.len(), true), as_typed(i, i + 1), (i, i + 1)));
                    i += 1;
                }
            }
        }
        pieces
    };
    let content = |pieces: &[(Piece, String, (usize, usize))]| {
        pieces.iter().any(|(p, ..)| match p {
            Piece::Word(w, _, counted) => *counted && !is_stop(w),
            Piece::Synonym(..) => true,
            Piece::Frame => false,
        })
    };
    let mut pieces = split(true);
    if !content(&pieces) {
        pieces = split(false);
    }
    let has_content = content(&pieces);
    // A variant is asked for by the words of the need, not of the question's frame: «làm sổ đỏ mất bao lâu» asks
    // how long, and loses no paper.
    let mut kept = ws.clone();
    for (_, _, (from, _)) in pieces.iter().rev().filter(|(p, ..)| matches!(p, Piece::Frame)) {
        kept.remove(*from);
    }
    let kept_folded: Vec<&str> = kept.iter().map(|w| w.folded.as_str()).collect();
    plan.asks_variant = core.variant_words.asks(&kept, &kept_folded);
    // Per piece, in query order: a word's slot (`None` for a code word, which makes no pairs), or a synonym's
    // group tokens, which make no pairs either (a group token is a phrase already; pairs with its meaning's
    // first or last syllable would fetch the shards the group tokens save).
    enum Part {
        Slot(Option<Slot>),
        Group(Vec<QTerm>),
    }
    let mut parts: Vec<Part> = Vec::new();
    let mut understood: Vec<String> = Vec::new();
    let mut named: Vec<usize> = Vec::new(); // synonym groups the query has named so far
    for (piece, label, at) in pieces {
        let unit = plan.units;
        match piece {
            Piece::Frame => {
                // No query word, and no pairs across it: "khai sinh [cho em hỏi] thì" pairs nothing.
                parts.push(Part::Slot(None));
                continue;
            }
            Piece::Word(w, last, counted) if has_content && (is_stop(&w) || !counted) && !last => {
                // A filler word is no query word of its own, but its pairs stay: "căn cước" typed "can cuoc". So
                // is a context word: "cho con" and "14 tuổi" rank the procedure named "… cho con đủ 14 tuổi" by
                // their pairs, not every name that says "con".
                let slot = Slot { cands: vec![(w.folded.clone(), 1.0)], marked: None, unit: usize::MAX };
                parts.push(Part::Slot(Some(slot)));
                continue;
            }
            Piece::Word(w, last, counted) => {
                // A context word being typed (or in a query of nothing else) is searched, but not counted.
                plan.labels.push(if counted { label } else { String::new() });
                plan.label_words.push(at);
                plan.units += 1;
                plan.unit_weight.push(0.0);
                let slot = word_slot(core, &w, last, unit, &mut plan);
                if !counted {
                    plan.unit_weight[unit] = 0.0;
                }
                understood.push(slot.as_ref().map(|s| s.cands[0].0.clone()).unwrap_or_else(|| w.folded.clone()));
                parts.push(Part::Slot(slot));
            }
            Piece::Synonym(gs) if gs.iter().all(|g| named.contains(g)) => {
                // Its groups were named earlier in the query ("chia đất … tách sổ"): that query word stands for
                // both (a second one would have no tokens of its own, and never match).
                continue;
            }
            Piece::Synonym(gs) => {
                named.extend(gs.iter().copied());
                // One query word for the "good match" check, weighted like any word by the idf of its meaning's
                // token (the rarest, if the meaning lists several phrases).
                plan.labels.push(label);
                plan.label_words.push(at);
                plan.units += 1;
                let mut weight = 0f32;
                let mut terms = Vec::new();
                for g in gs.iter().filter_map(|g| core.groups.get(*g)) {
                    plan.groups += 1;
                    for i in 0..g.phrases.len() {
                        let text = g.token(i);
                        if i < g.meaning_phrases {
                            weight = weight.max(idf(core.df(&text).unwrap_or(0) as usize, core.docs));
                        }
                        let boost = group_boost(core, g, if i < g.meaning_phrases { i } else { 0 });
                        terms.push(QTerm { text, boost, unit, group: Some((plan.groups, i >= g.meaning_phrases)), joins: None });
                    }
                }
                plan.unit_weight.push(weight);
                if let Some(g) = gs.first().and_then(|g| core.groups.get(*g)) {
                    understood.extend(g.meaning.iter().map(|w| w.folded.clone()));
                }
                parts.push(Part::Group(terms));
            }
        }
    }
    for (pi, part) in parts.iter().enumerate() {
        let s = match part {
            Part::Group(terms) => {
                plan.terms.extend(terms.iter().cloned());
                continue;
            }
            Part::Slot(None) => continue,
            Part::Slot(Some(s)) => s,
        };
        if s.unit != usize::MAX {
            for (c, b) in &s.cands {
                plan.terms.push(QTerm { text: c.clone(), boost: *b, unit: s.unit, group: None, joins: None });
            }
        }
        if let Some(m) = &s.marked {
            plan.terms.push(QTerm { text: m.clone(), boost: MARK_BOOST, unit: s.unit, group: None, joins: None });
        }
        if let Some(Part::Slot(Some(next))) = parts.get(pi + 1) {
            push_pairs(&mut plan, s, next);
        }
    }
    // One clause per token: keep its strongest weight. A word typed twice ("sinh" of «sửa ngày sinh trong giấy
    // khai sinh») keeps its first clause, and the second word matches wherever the first does.
    let mut seen: Vec<QTerm> = Vec::with_capacity(plan.terms.len());
    for t in plan.terms.drain(..) {
        match seen.iter_mut().find(|s| s.text == t.text) {
            Some(s) => {
                if s.unit != t.unit && s.unit < MAX_UNITS && t.unit < MAX_UNITS && !plan.repeats.contains(&(s.unit, t.unit)) {
                    plan.repeats.push((s.unit, t.unit));
                }
                s.boost = s.boost.max(t.boost);
            }
            None => seen.push(t),
        }
    }
    plan.terms = seen;
    plan.understood = understood.join(" ");
    plan
}

/// Splits words typed without their space ("dinhchinh", "giahan") into the two syllables they join, when the word
/// is unknown, has no marks, is no Telex and no one syllable ("tiem" is "tiệm", not "ti em"), and both parts are words of the catalogue with a vowel each (every
/// Vietnamese syllable has one); of several splits, the one whose rarer part is most common. The word being typed
/// is left to prefix completion. True when it split any word.
fn split_glued(core: &Core, ws: &mut Vec<Word>, typing_last: bool) -> bool {
    let has_vowel = |s: &str| s.bytes().any(|b| b"aeiouy".contains(&b));
    let mut split = false;
    let mut i = 0;
    while i < ws.len() && ws.len() < MAX_QUERY_WORDS {
        let w = &ws[i];
        let typing = typing_last && i + 1 == ws.len();
        let candidate = !w.code
            && !typing
            && w.marked.is_none()
            && w.folded.len() >= 4
            && w.folded.bytes().all(|b| b.is_ascii_lowercase())
            && core.df(&w.folded).is_none()
            && !analyzer::syllable_shaped(&w.folded)
            && analyzer::telex(&w.folded).is_none_or(|t| core.df(&t).is_none());
        let best = if candidate {
            (2..w.folded.len() - 1)
                .filter_map(|at| {
                    let (a, b) = w.folded.split_at(at);
                    let df = core.df(a)?.min(core.df(b)?);
                    (has_vowel(a) && has_vowel(b)).then_some((at, df))
                })
                .max_by_key(|(_, df)| *df)
        } else {
            None
        };
        if let Some((at, _)) = best {
            // Both parts are plain lowercase syllables, as the analyzer would give them.
            let second = Word { folded: ws[i].folded.split_off(at), marked: None, code: false };
            ws.insert(i + 1, second);
            split = true;
            i += 2;
        } else {
            i += 1;
        }
    }
    split
}

/// The boost of a synonym group's tokens, for the meaning phrase `mi` (a colloquial form's token takes the first
/// phrase's). One token stands for a whole phrase whose idf is about that of its rarest word, where the same
/// phrase typed out would score each of its words and pairs: so the token weighs what the phrase's words would
/// (the sum of their idf over the token's idf, and never less than one word typed), times [`GROUP_PAIRS`] for
/// their pairs. Then "chuyển hộ khẩu về nhà mới" still ranks by the phrase that "hộ khẩu" names rather than by
/// the other words. Chosen on the dev queries among simpler rules (a constant, the phrase's length or its
/// square root: all worse); see the commit message for the figures.
fn group_boost(core: &Core, g: &SynonymGroup, mi: usize) -> f32 {
    let idf_of = |t: &str| idf(core.df(t).unwrap_or(0) as usize, core.docs);
    let words: f32 = g.phrases.get(mi).into_iter().flatten().map(|w| idf_of(w)).sum();
    GROUP_PAIRS * (words / idf_of(&g.token(mi))).max(1.0)
}

/// The words of a query as typed (marks kept), split where [`analyzer::words`] splits ordinary text: at any
/// character that is not a letter, digit or combining mark, except a dot between digits (a code). Only used
/// for labels; when it disagrees with the analyzer (unusual input), the labels fall back to folded words.
fn typed_words(query: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let b = query.as_bytes();
    for (at, c) in query.char_indices() {
        let dot_in_code = c == '.'
            && at > 0
            && b[at - 1].is_ascii_digit()
            && b.get(at + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() || analyzer::is_mark(c) || dot_in_code {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            out.push(&query[s..at]);
        }
    }
    if let Some(s) = start {
        out.push(&query[s..]);
    }
    out
}

/// The pair tokens of two adjacent slots (their two best candidates each).
fn push_pairs(plan: &mut Plan, a: &Slot, b: &Slot) {
    for (x, bx) in a.cands.iter().take(2) {
        for (y, by) in b.cands.iter().take(2) {
            let boost = PAIR_BOOST * bx.min(*by);
            let joins = (a.unit < MAX_UNITS && b.unit < MAX_UNITS).then_some((a.unit, b.unit));
            plan.terms.push(QTerm { text: analyzer::pair(x, y), boost, unit: usize::MAX, group: None, joins });
        }
    }
}

/// What an unknown word may have meant: its Telex decoding when the index knows it, else its one-edit
/// corrections (at [`TYPO_BOOST`]), likeliest first. One place for both [`word_slot`] and the synonym lookup.
fn guesses(core: &Core, f: &str) -> Vec<(String, f32)> {
    match analyzer::telex(f).filter(|t| core.df(t).is_some()) {
        Some(t) => vec![(t, 1.0)],
        None => core.corrections(f).into_iter().map(|(c, _)| (c, TYPO_BOOST)).collect(),
    }
}

/// The candidates of one query word: itself if the index knows it, else its Telex decoding or one-edit
/// corrections; completions when it is the word being typed. Code words add their tokens and give `None`.
fn word_slot(core: &Core, w: &Word, last: bool, unit: usize, plan: &mut Plan) -> Option<Slot> {
    if w.code {
        for t in analyzer::code_tokens(w) {
            plan.terms.push(QTerm { text: t, boost: 1.0, unit, group: None, joins: None });
        }
        plan.unit_weight[unit] = NUMBER_WEIGHT.max(plan.unit_weight[unit]);
        return None;
    }
    let f = w.folded.clone();
    let known = core.df(&f).is_some();
    let mut cands: Vec<(String, f32)> = Vec::new();
    if known || f.bytes().all(|b| b.is_ascii_digit()) {
        cands.push((f.clone(), 1.0));
    }
    if last && f.len() >= MIN_PREFIX {
        let comp = core.completions(&f);
        plan.expanded |= !comp.is_empty();
        cands.extend(comp.into_iter().map(|(c, _)| (c, PREFIX_BOOST)));
    }
    if cands.is_empty() {
        plan.expanded = true;
        cands = guesses(core, &f);
        if cands.is_empty() {
            // Unknown and uncorrectable: a completion is the best guess, else keep it (no match).
            let comp = core.completions(&f);
            cands.extend(comp.into_iter().map(|(c, _)| (c, PREFIX_BOOST)));
        }
        if cands.is_empty() {
            cands.push((f.clone(), 1.0));
        }
    }
    // Numbers are not in the vocabulary: a middling weight. A word the catalogue never uses weighs most.
    let weight = match core.df(&cands[0].0) {
        Some(df) => idf(df as usize, core.docs),
        None if f.bytes().all(|b| b.is_ascii_digit()) => NUMBER_WEIGHT,
        None => idf(0, core.docs),
    };
    plan.unit_weight[unit] = plan.unit_weight[unit].max(weight);
    let marked = if cands[0].0 == f { w.marked.clone() } else { None };
    Some(Slot { cands, marked, unit })
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
    /// BM25 scaled by [`coord`], plus prior ([`format::final_score`]).
    pub score: f32,
    /// Which of the first [`MAX_UNITS`] query words (bit `u` for [`Plan::labels`]`[u]`) the document contains
    /// anywhere, so a result list can say "Không có: …" under a result that lacks some of them.
    pub matched: u32,
}

/// The outcome of a search.
#[derive(Clone, Debug, Default)]
pub struct Results {
    /// The best documents, best first.
    pub hits: Vec<Hit>,
    /// How many documents matched (after filters): every one that shares a word with the query.
    pub total: usize,
    /// How many of them are good matches themselves (the "good match" check, on each): the count a result
    /// list shows, since most of [`Results::total`] share only a common word ("đăng ký").
    pub good: usize,
    /// False when even the best document lacks too many of the query's words: say "no good match".
    pub confident: bool,
    /// Good matches per field (lĩnh vực; any matches when none is good), before the field filter, for the
    /// filter's counts.
    pub per_field: Vec<(u16, u32)>,
    /// Share of the query's words (idf-weighted) the best document has in its name, papers, field or results.
    pub coverage: f32,
    /// The same share, in its name (or code) only.
    pub name_coverage: f32,
}

/// Most query words the "good match" check follows (the rest still rank).
pub const MAX_UNITS: usize = 21;
const UNIT_BITS: u32 = (1 << MAX_UNITS) - 1;
/// A document's match mask, a bit per query word: where it has the word (`words`: [`STRONG`], [`NAME`], [`ANY`],
/// and [`MATCHED`]), and which words a pair it has joins (`pairs`: [`PAIR_STRONG`], [`PAIR_ANY`]; after [`bm25`],
/// [`RAW_ANY`]). Two 64-bit halves rather than one 128-bit mask keep the browser app's code small.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Mask {
    words: u64,
    pairs: u64,
}
/// Bit offsets in [`Mask::words`]: words matched in strong fields, in the name (or code), anywhere. After [`bm25`]
/// these count a word in a pair the catalogue knows only where the document has the pair too ([`settle`]).
const STRONG: u32 = 0;
const NAME: u32 = 21;
const ANY: u32 = 42;
/// Set in a document's mask when any token matched it.
const MATCHED: u64 = 1 << 63;
/// Bit offsets in [`Mask::pairs`] while [`bm25`] adds terms: the words joined by a pair the document has, in
/// strong fields and anywhere.
const PAIR_STRONG: u32 = 0;
const PAIR_ANY: u32 = 21;
/// After [`bm25`], in [`Mask::pairs`]: the words found anywhere, as found, for the result's "Không có: …" line.
const RAW_ANY: u32 = 42;

/// The word bits of a mask half at `offset`.
fn bits(half: u64, offset: u32) -> u32 {
    (half >> offset) as u32 & UNIT_BITS
}

/// Share of the query's content words (weighted by idf) present in a document: a word in its name, papers,
/// field or results counts fully, a word only in its description or requirements counts half.
pub fn coverage(plan: &Plan, mask: Mask) -> f32 {
    share(plan, bits(mask.words, STRONG), bits(mask.words, ANY))
}

fn share(plan: &Plan, full: u32, half: u32) -> f32 {
    let total = total_weight(plan);
    if total > 0.0 { weight_of(plan, full, half) / total } else { 0.0 }
}

/// The weight of all the query words the "good match" check follows.
fn total_weight(plan: &Plan) -> f32 {
    plan.unit_weight.iter().take(MAX_UNITS).sum()
}

/// The weight of the query words in `full` (bit per word), and half that of those only in `half`.
fn weight_of(plan: &Plan, full: u32, half: u32) -> f32 {
    plan.unit_weight
        .iter()
        .take(MAX_UNITS)
        .enumerate()
        .map(|(u, w)| if full & (1 << u) != 0 { *w } else if half & (1 << u) != 0 { w * 0.5 } else { 0.0 })
        .sum()
}

/// The words of the query that sit in a pair the catalogue uses as one word ([`QTerm::joins`]): a bit per word.
/// A pair is one word when the catalogue says it in at least [`PAIR_BOND`] of the documents that say its rarer
/// syllable ("thạc sĩ", "ngày sinh"); two words that merely meet in some text ("trẻ dưới") are not.
fn known_pairs(core: &Core, shards: &[Option<TermShard>], plan: &Plan) -> u32 {
    let mut known = 0;
    for t in &plan.terms {
        let Some((a, b)) = t.joins else { continue };
        let Some(entry) = shards.get(format::shard_of(&t.text) as usize).and_then(|s| s.as_ref()?.get(&t.text)) else {
            continue;
        };
        let together = entry.iter().map(|(_, p)| p.len()).max().unwrap_or(0) as f32;
        let rarer = t.text.split(analyzer::PAIR_SEP).filter_map(|w| core.df(w)).min().unwrap_or(0) as f32;
        if together > 0.0 && together >= PAIR_BOND * rarer {
            known |= (1 << a) | (1 << b);
        }
    }
    known
}

/// A document's raw mask with each repeated query word ([`Plan::repeats`]) found where its first occurrence is.
fn repeat(mut raw: Mask, repeats: &[(usize, usize)]) -> Mask {
    for &(first, again) in repeats {
        for offset in [STRONG, NAME, ANY] {
            if raw.words >> (offset as usize + first) & 1 == 1 {
                raw.words |= 1 << (offset as usize + again);
            }
        }
    }
    raw
}

/// A document's mask as the "good match" check reads it: a word that sits in a pair the catalogue knows (`known`)
/// counts only where the document has one of its pairs as well (in a strong field for [`STRONG`] and [`NAME`]),
/// since a lone syllable there is most often another word ("sĩ" of "liệt sĩ" for «thạc sĩ», "bí mật" for «bị
/// mất»); every other word counts wherever it is.
fn settle(raw: Mask, known: u32) -> Mask {
    let loose = !known & UNIT_BITS;
    let strong = bits(raw.words, STRONG) & (loose | bits(raw.pairs, PAIR_STRONG));
    let name = bits(raw.words, NAME) & (loose | bits(raw.pairs, PAIR_STRONG));
    let any = bits(raw.words, ANY) & (loose | bits(raw.pairs, PAIR_ANY));
    Mask {
        words: (raw.words & MATCHED) | (strong as u64) << STRONG | (name as u64) << NAME | (any as u64) << ANY,
        pairs: (bits(raw.words, ANY) as u64) << RAW_ANY,
    }
}

/// tantivy's idf: ln(1 + (N - n + 0.5) / (n + 0.5)).
fn idf(df: usize, n: usize) -> f32 {
    let x = ((n - df.min(n)) as f32 + 0.5) / (df as f32 + 0.5);
    (1.0 + x).ln()
}

/// The BM25 sum (tantivy's scores, without prior) per matching document, and a mask per document of which
/// query words it matched where (see [`coverage`]). A synonym group adds, per document, the larger of its
/// meaning tokens' sum and its best colloquial token ([`QTerm::group`]; tantivy's DisjunctionMaxQuery).
pub fn bm25(core: &Core, shards: &[Option<TermShard>], plan: &Plan) -> (Vec<f32>, Vec<Mask>) {
    let n = core.docs;
    let mut acc = vec![0f32; n];
    let mut words: Vec<Mask> = vec![Mask::default(); n];
    for t in plan.terms.iter().filter(|t| t.group.is_none()) {
        add_term(core, shards, t, &mut acc, &mut words);
    }
    for g in 1..=plan.groups {
        let (mut meaning, mut colloquial, mut one) = (vec![0f32; n], vec![0f32; n], vec![0f32; n]);
        for t in plan.terms.iter().filter(|t| t.group.is_some_and(|(tg, _)| tg == g)) {
            if t.group.is_some_and(|(_, c)| c) {
                one.fill(0.0);
                add_term(core, shards, t, &mut one, &mut words);
                for (c, o) in colloquial.iter_mut().zip(&one) {
                    *c = c.max(*o);
                }
            } else {
                add_term(core, shards, t, &mut meaning, &mut words);
            }
        }
        for ((a, m), c) in acc.iter_mut().zip(&meaning).zip(&colloquial) {
            *a += m.max(*c);
        }
    }
    let known = known_pairs(core, shards, plan);
    for w in &mut words {
        *w = settle(repeat(*w, &plan.repeats), known);
    }
    (acc, words)
}

/// Adds one token's BM25 (per field it occurs in) to `acc`, and its query word to each document's mask.
fn add_term(core: &Core, shards: &[Option<TermShard>], t: &QTerm, acc: &mut [f32], words: &mut [Mask]) {
    let n = core.docs;
    let Some(entry) = shards.get(format::shard_of(&t.text) as usize).and_then(|s| s.as_ref()?.get(&t.text)) else { return };
    for (f, postings) in entry {
        let (Some(field_boost), Some(cache), Some(norms)) =
            (FIELD_BOOST.get(*f as usize), core.caches.get(*f as usize), core.norms.get(*f as usize))
        else {
            continue;
        };
        let boost = t.boost * field_boost;
        let weight = idf(postings.len(), n) * (1.0 + K1) * boost;
        let strong = *f == F_NAME || *f == F_MID || *f == F_CODE;
        let mut m = Mask { words: MATCHED, pairs: 0 };
        if t.unit < MAX_UNITS {
            let unit: u64 = 1 << t.unit;
            m.words |= unit << ANY;
            if strong {
                m.words |= unit << STRONG;
            }
            if *f == F_NAME || *f == F_CODE {
                m.words |= unit << NAME;
            }
        }
        if let Some((a, b)) = t.joins {
            let both: u64 = (1 << a) | (1 << b);
            m.pairs |= both << PAIR_ANY;
            if strong {
                m.pairs |= both << PAIR_STRONG;
            }
        }
        for &(d, tf) in postings {
            let d = d as usize;
            if d >= n {
                // A shard from another build than core.bin (or damaged past its checksum): ignore the posting.
                continue;
            }
            let tf = tf as f32;
            acc[d] += weight * (tf / (tf + cache[norms[d] as usize]));
            words[d].words |= m.words;
            words[d].pairs |= m.pairs;
        }
    }
}

/// Ranks documents for a plan: BM25 over the fetched shards, scaled by how much of the query each document has
/// ([`coord`]), plus the popularity prior; filtered, best first.
pub fn search(core: &Core, shards: &[Option<TermShard>], plan: &Plan, filter: &Filter, limit: usize) -> Results {
    let (acc, words) = bm25(core, shards, plan);
    let mut per_field = vec![0u32; core.field_names.len()];
    // Every match the level and online filters keep, with its weight for the "good match" check, counted once the
    // best is known.
    let mut weights: Vec<(usize, f32)> = Vec::new();
    // Only the best `limit` are kept (at least one: the "good match" check reads the best).
    let mut hits: Vec<Hit> = Vec::new();
    let mut total = 0;
    let better = |a: &Hit, b: &Hit| a.score.total_cmp(&b.score).then(b.doc.cmp(&a.doc)).is_gt();
    let unasked = |flags: u8| flags & format::FLAG_VARIANT != 0 && !plan.asks_variant;
    let query_weight = total_weight(plan).max(f32::MIN_POSITIVE);
    for d in 0..core.docs {
        if words[d].words & MATCHED == 0 {
            continue;
        }
        let flags = core.doc_flags[d];
        if filter.levels != 0 && flags & filter.levels == 0 {
            continue;
        }
        if filter.online && flags & format::FLAG_ONLINE == 0 {
            continue;
        }
        let weight = weight_of(plan, bits(words[d].words, STRONG), bits(words[d].words, ANY));
        weights.push((d, weight));
        if let Some(n) = per_field.get_mut(core.doc_field[d] as usize) {
            *n += 1;
        }
        if filter.field.is_some_and(|f| f != core.doc_field[d]) {
            continue;
        }
        total += 1;
        let scaled = if core.coord { acc[d] * coord(weight / query_weight) } else { acc[d] };
        order::keep_best(&mut hits, limit.max(1), Hit { doc: d as u32, score: format::final_score(scaled, core.doc_prior[d], unasked(flags)), matched: bits(words[d].pairs, RAW_ANY) }, better);
    }
    let (coverage, name_coverage) = hits
        .first()
        .map(|h| (coverage(plan, words[h.doc as usize]), share(plan, bits(words[h.doc as usize].words, NAME), 0)))
        .unwrap_or_default();
    hits.truncate(limit);
    let confident = coverage >= CONFIDENT_COVERAGE && plan.outside.is_none();
    let (good, per_field_good) = count_good(core, plan, filter, &weights, confident.then_some(coverage));
    // The field filter offers the fields of good matches; of any match when there is none (nothing fits well,
    // and the list shows the nearest).
    let per_field = if per_field_good.iter().any(|n| *n > 0) { per_field_good } else { per_field };
    let mut per_field: Vec<(u16, u32)> =
        per_field.into_iter().enumerate().filter(|(_, n)| *n > 0).map(|(i, n)| (i as u16, n)).collect();
    order::sort_by(&mut per_field, |a, b| a.1 > b.1);
    Results { hits, total, good, confident, per_field, coverage, name_coverage }
}

/// The share of its BM25 sum a document keeps for how much of the query it has: the fourth root of its
/// [`coverage`] (at least [`COORD_FLOOR`]'s; a word only in its description or requirements counts half). A long
/// question sums many words, and a document that says one rare word of it many times ("tầng", "sàn") should not
/// outrank the one that says most of them; a gentle pull, like Lucene's old coordination factor. Chosen on the
/// seen sets (fourth root over square root and none); see the README's section on the sixth blind set for its
/// effect on the sets held out.
fn coord(coverage: f32) -> f32 {
    coverage.max(COORD_FLOOR).sqrt().sqrt()
}

/// The least coverage [`coord`] counts: a document matched only through a pair of filler words has none, and
/// keeps a share of its score rather than none.
const COORD_FLOOR: f32 = 0.05;

/// How many matches are good ones (after the field filter), and how many per field (before it): those with
/// [`GOOD_COVERAGE`] of the query's weight, or, when the best result is a good match with less (`best`, its
/// coverage), as much as it has. None is, when the query names a need the catalogue leaves out.
fn count_good(core: &Core, plan: &Plan, filter: &Filter, weights: &[(usize, f32)], best: Option<f32>) -> (usize, Vec<u32>) {
    let mut per_field = vec![0u32; core.field_names.len()];
    let bar = total_weight(plan) * best.map_or(GOOD_COVERAGE, |c| c.min(GOOD_COVERAGE));
    if plan.outside.is_some() || bar <= 0.0 {
        return (0, per_field);
    }
    let mut good = 0;
    // A tiny tolerance: the best document's own weight, summed in the same order, must count as good.
    for &(d, _) in weights.iter().filter(|(_, w)| *w >= bar * 0.9999) {
        if let Some(n) = per_field.get_mut(core.doc_field[d] as usize) {
            *n += 1;
        }
        good += !filter.field.is_some_and(|f| f != core.doc_field[d]) as usize;
    }
    (good, per_field)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mask with word bits at offsets of its two halves.
    fn mask(words: &[(u32, u32)], pairs: &[(u32, u32)]) -> Mask {
        let half = |l: &[(u32, u32)]| l.iter().fold(0u64, |h, (offset, w)| h | (*w as u64) << offset);
        Mask { words: half(words), pairs: half(pairs) }
    }

    #[test]
    fn coord_is_a_gentle_pull_toward_documents_with_more_of_the_query() {
        assert_eq!(coord(1.0), 1.0);
        assert!((coord(0.0625) - 0.5).abs() < 1e-6);
        assert_eq!(coord(0.0), coord(COORD_FLOOR));
        assert!(coord(0.3) < coord(0.6));
    }

    #[test]
    fn a_syllable_of_a_known_pair_counts_only_with_the_pair() {
        // Words 0 and 1 in a strong field; word 0 sits in a pair the catalogue uses as one word ("thạc sĩ").
        let words = [(STRONG, 0b11), (ANY, 0b11)];
        let alone = settle(mask(&words, &[]), 0b1);
        assert_eq!(bits(alone.words, STRONG), 0b10, "the lone syllable does not count");
        assert_eq!(bits(alone.pairs, RAW_ANY), 0b11, "but the result still has it, for its «Không có» line");
        let with_pair = settle(mask(&words, &[(PAIR_STRONG, 0b1)]), 0b1);
        assert_eq!(bits(with_pair.words, STRONG), 0b11);
        // A pair only in the description counts the word half (anywhere), not fully.
        let pair_in_body = settle(mask(&words, &[(PAIR_ANY, 0b1)]), 0b1);
        assert_eq!((bits(pair_in_body.words, STRONG), bits(pair_in_body.words, ANY)), (0b10, 0b11));
        // A word in no known pair counts wherever it is.
        assert_eq!(bits(settle(mask(&words, &[]), 0).words, STRONG), 0b11);
    }

    #[test]
    fn a_repeated_word_is_found_where_its_first_is() {
        let raw = mask(&[(STRONG, 0b1), (NAME, 0b1), (ANY, 0b1)], &[]);
        let r = repeat(raw, &[(0, 2)]);
        assert_eq!((bits(r.words, STRONG), bits(r.words, NAME), bits(r.words, ANY)), (0b101, 0b101, 0b101));
        assert_eq!(repeat(raw, &[(1, 2)]), raw, "nothing to copy when the first is not found");
    }
}

#[cfg(all(test, feature = "ssr"))]
#[path = "engine_tests.rs"]
mod ranking;
