//! Native only (feature `ssr`): builds the tantivy index of a catalogue when the site is built, and exports the
//! browser's compact index from it, so the browser ranks with tantivy's own statistics without shipping tantivy.
//!
//! Everything stays in memory: the tantivy index (the oracle of the fidelity test), the exported files (see
//! `format.rs`) and the document order. Nothing here is compiled from content: `motcua build`, `motcua search`
//! and `motcua eval` build the index from the content folder they are given, in a second or two.

use super::analyzer::{self, FieldTokens, SynonymGroup, Word};
use super::format::{self, F_NAME, FIELDS, Writer};
use super::outside::{self, Outside, Problem};
use super::question::QuestionWords;
use super::variant_words::VariantWords;
use crate::content::{Channel, Level, Procedure};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use tantivy::schema::{FAST, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{PreTokenizedString, Token};
use tantivy::{Index, TantivyDocument};

/// Colloquial words and what they mean in the catalogue's words (`content/synonyms.toml`).
#[derive(serde::Deserialize)]
struct Synonyms {
    #[serde(default)]
    synonym: Vec<Synonym>,
}

#[derive(serde::Deserialize)]
struct Synonym {
    words: Vec<String>,
    means: String,
}

/// Regional and older ways of saying the catalogue's words (`content/regional.toml`): word-for-word variants,
/// rewritten in texts and queries (`analyzer::rewrite`), and synonyms, which join those of `synonyms.toml`.
/// Each entry says where it comes from (`source`), so an editor can judge it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Regional {
    #[serde(default)]
    variant: Vec<RegionalVariant>,
    #[serde(default)]
    synonym: Vec<RegionalSynonym>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionalVariant {
    say: Vec<String>,
    means: String,
    source: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionalSynonym {
    words: Vec<String>,
    means: String,
    source: String,
}

/// The words that frame a question (`content/question_words.toml`, see `question.rs`).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    #[serde(default)]
    frame: Vec<toml::Spanned<String>>,
    #[serde(default)]
    last: Vec<toml::Spanned<String>>,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    units: Vec<String>,
    #[serde(default)]
    dates: Vec<String>,
    #[serde(default)]
    filler: Vec<String>,
}

/// The lists of `content/variant_words.toml` (see `variant_words.rs`), with their lines for errors.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct VariantFile {
    #[serde(default)]
    name: Vec<toml::Spanned<String>>,
    #[serde(default)]
    anywhere: Vec<toml::Spanned<String>>,
    #[serde(default)]
    ask: Vec<toml::Spanned<String>>,
    #[serde(default)]
    marked: Vec<toml::Spanned<String>>,
    #[serde(default)]
    lost: Vec<toml::Spanned<String>>,
    #[serde(default)]
    death: Vec<toml::Spanned<String>>,
}

/// Reads `variant_words.toml` (none is fine: no procedure is a variant). Refused, with its line: an entry with no
/// words, a `marked` word typed without marks (it would ask wherever its folded form is typed: "lai" is also
/// "lái"), and a `marked` or `lost` entry of more than one word.
fn variant_words(path: &Path) -> Result<VariantWords, String> {
    let Ok(text) = std::fs::read_to_string(path) else { return Ok(VariantWords::default()) };
    let file: VariantFile = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let line = |p: &toml::Spanned<String>| text[..p.span().start].matches('\n').count() + 1;
    let mut problems = Vec::new();
    let lists = [(&file.name, "name"), (&file.anywhere, "anywhere"), (&file.ask, "ask"), (&file.marked, "marked"), (&file.lost, "lost"), (&file.death, "death")];
    for (list, key) in lists {
        for p in list {
            let words = analyzer::words(p.get_ref());
            let at = format!("{}:{}: {key}: «{}»", path.display(), line(p), p.get_ref());
            if words.is_empty() {
                problems.push(format!("{at} has no words; remove it"));
            } else if (key == "marked" || key == "lost") && words.len() > 1 {
                problems.push(format!("{at} is more than one word; put a phrase in `ask`"));
            } else if key == "marked" && words[0].marked.is_none() {
                problems.push(format!("{at} has no marks, so it would ask wherever its letters are typed; put it in `ask` or write its marks"));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    let plain = |l: &[toml::Spanned<String>]| l.iter().map(|p| p.get_ref().clone()).collect::<Vec<_>>();
    Ok(VariantWords::new(&plain(&file.name), &plain(&file.anywhere), &plain(&file.ask), &plain(&file.marked), &plain(&file.lost), &plain(&file.death)))
}

/// Reads `question_words.toml` (none is fine: no word frames a question). A frame phrase of several words that
/// a procedure's name or keywords say (with the same marks) is refused, with its line: it names part of a need,
/// not a question.
fn question_words(path: &Path, procs: &[&Procedure]) -> Result<QuestionWords, String> {
    let Ok(text) = std::fs::read_to_string(path) else { return Ok(QuestionWords::default()) };
    let file: QuestionFile = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    // Compared with marks: "cho hỏi" is no "cho hội viên", though a query typed without marks cannot tell.
    let keys = |t: &str| analyzer::words(t).into_iter().map(|w| w.marked.unwrap_or(w.folded)).collect::<Vec<_>>();
    let names: Vec<(&str, &str, Vec<String>)> = procs
        .iter()
        .flat_map(|p| std::iter::once(&p.name).chain(&p.keywords).map(move |n| (p.code.as_str(), n.as_str(), keys(n))))
        .collect();
    let mut problems = Vec::new();
    for p in file.frame.iter().chain(&file.last) {
        let words = keys(p.get_ref());
        if words.is_empty() {
            problems.push(format!("{}:{}: «{}» has no words; remove it", path.display(), text[..p.span().start].matches('\n').count() + 1, p.get_ref()));
        } else if let Some((code, name, _)) = names.iter().find(|(_, _, n)| words.len() > 1 && analyzer::has_phrase(n, &words)) {
            problems.push(format!(
                "{}:{}: «{}» is in the name or keywords of {code} «{name}», so it names part of a need; remove it or make it longer",
                path.display(),
                text[..p.span().start].matches('\n').count() + 1,
                p.get_ref()
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    let plain = |l: &[toml::Spanned<String>]| l.iter().map(|p| p.get_ref().clone()).collect::<Vec<_>>();
    Ok(QuestionWords::new(&plain(&file.frame), &plain(&file.last), &file.context, &file.units, &file.dates, &file.filler))
}

/// The colloquial phrases of `file` (synonyms' `words`, variants' `say`) that are two things: a phrase of several
/// words that, typed without marks, is other words in a procedure's name, keywords or everyday names, and is never
/// itself there. A query typed without marks cannot tell them apart, and the engine reads the phrase wherever its
/// folded words are: «đóng cửa công ty» is «hoạt động của công ty» in several names, so «tam dung hoat dong cua
/// cong ty» would be read as dissolving a company. One message per phrase, naming a procedure that says the other
/// words.
fn two_things<'a>(file: &Path, phrases: impl Iterator<Item = &'a String>, procs: &[&Procedure]) -> Vec<String> {
    let texts: Vec<(&str, &str, Vec<Word>)> = procs
        .iter()
        .flat_map(|p| {
            std::iter::once(&p.name).chain(&p.keywords).chain(&p.also_called).map(move |n| (p.code.as_str(), n.as_str(), analyzer::words(n)))
        })
        .collect();
    let key = |w: &Word| w.marked.clone().unwrap_or_else(|| w.folded.clone());
    let mut problems = Vec::new();
    for phrase in phrases {
        let words = analyzer::words(phrase);
        if words.len() < 2 {
            continue;
        }
        let folded: Vec<&str> = words.iter().map(|w| w.folded.as_str()).collect();
        let marked: Vec<String> = words.iter().map(key).collect();
        let (mut own, mut other) = (false, None);
        for (code, name, ws) in &texts {
            // The name's words as written, to quote them (when they are as many as the analyzer's).
            let raw: Vec<&str> = name.split(|c: char| !c.is_alphanumeric()).filter(|s| !s.is_empty()).collect();
            for (at, run) in ws.windows(words.len()).enumerate() {
                if !run.iter().map(|w| w.folded.as_str()).eq(folded.iter().copied()) {
                    continue;
                }
                if run.iter().map(key).eq(marked.iter().cloned()) {
                    own = true;
                } else if other.is_none() {
                    let said = match raw.get(at..at + run.len()) {
                        Some(r) if raw.len() == ws.len() => r.join(" ").to_lowercase(),
                        _ => folded.join(" "),
                    };
                    other = Some((code, name, said));
                }
            }
        }
        if let (false, Some((code, name, said))) = (own, other) {
            problems.push(format!(
                "{}: «{phrase}» typed without marks is «{said}» in {code} «{name}», and a query saying that would be read \
                 as «{phrase}»; remove it or make it longer",
                file.display()
            ));
        }
    }
    problems
}

/// Needs the catalogue leaves out (`content/outside.toml`, see `outside.rs`).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct OutsideFile {
    #[serde(default)]
    everywhere: Vec<toml::Spanned<String>>,
    #[serde(default)]
    outside: Vec<OutsideTopic>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct OutsideTopic {
    note: String,
    phrases: Vec<toml::Spanned<String>>,
}

/// Reads `outside.toml` (none is fine: nothing is left out) and folds and checks its phrases
/// ([`outside::fold_lists`]). Errors name the file and line of each phrase that is wrong.
fn outside(path: &Path, procs: &[&Procedure]) -> Result<Outside, Vec<String>> {
    let Ok(text) = std::fs::read_to_string(path) else { return Ok(Outside::default()) };
    let file: OutsideFile = toml::from_str(&text).map_err(|e| vec![format!("{}: {e}", path.display())])?;
    // A procedure's name and the portal's keywords for it (what the name field indexes).
    let names: Vec<(&str, &str)> = procs
        .iter()
        .flat_map(|p| std::iter::once(&p.name).chain(&p.keywords).map(move |n| (p.code.as_str(), n.as_str())))
        .collect();
    // Where each phrase is written (its first place, if a phrase is written twice), for the error messages.
    let mut lines: HashMap<&str, usize> = HashMap::new();
    for p in file.everywhere.iter().chain(file.outside.iter().flat_map(|t| &t.phrases)) {
        lines.entry(p.get_ref()).or_insert_with(|| text[..p.span().start].matches('\n').count() + 1);
    }
    let plain = |list: &[toml::Spanned<String>]| list.iter().map(|p| p.get_ref().clone()).collect::<Vec<_>>();
    let topics: Vec<(String, Vec<String>)> = file.outside.iter().map(|t| (t.note.clone(), plain(&t.phrases))).collect();
    outside::fold_lists(&plain(&file.everywhere), &topics, &names).map_err(|problems| {
        problems
            .into_iter()
            .map(|(phrase, problem)| {
                let line = lines.get(phrase.as_str()).copied().unwrap_or(1);
                let what = match problem {
                    Problem::NoWords => "has no words; remove it".to_string(),
                    Problem::TooManyTopics => "is more than the 254 topics an index can number; merge some".to_string(),
                    Problem::Named { code, name } => format!(
                        "is in the name or keywords of {code} «{name}» (compared without marks), so the catalogue has \
                         this need; remove the phrase or make it more specific"
                    ),
                };
                format!("{}:{line}: «{phrase}» {what}", path.display())
            })
            .collect()
    })
}

fn pretokenized(tokens: Vec<String>) -> PreTokenizedString {
    let tokens = tokens
        .into_iter()
        .enumerate()
        .map(|(i, text)| Token { offset_from: 0, offset_to: 0, position: i, text, position_length: 1 })
        .collect();
    PreTokenizedString { text: String::new(), tokens }
}

/// The tokens of each index field of a procedure, with the token of each synonym group the field says, after
/// rewriting regional variants as a query's are.
fn field_tokens(p: &Procedure, groups: &[SynonymGroup], variants: &[analyzer::Variant]) -> [Vec<String>; 4] {
    let index_tokens = |text: &str, opts: FieldTokens, groups: &[SynonymGroup], out: &mut Vec<String>| {
        let mut ws = analyzer::words(text);
        // Texts carry their marks: a one-word variant rewrites only a word written as the variant is.
        analyzer::rewrite(&mut ws, variants, &|_| true);
        analyzer::index_words(&ws, opts, groups, out);
    };
    let full = FieldTokens { pairs: true, marked: true };
    let mid = FieldTokens { pairs: true, marked: false };
    let body = FieldTokens { pairs: false, marked: false };
    let mut name = Vec::new();
    index_tokens(&p.name, full, groups, &mut name);
    for k in &p.keywords {
        // The portal's keywords sometimes carry a breadcrumb ("CSDL…»Bộ Công An»…"): keep the last part.
        let k = k.rsplit('»').next().unwrap_or(k);
        index_tokens(k, full, groups, &mut name);
    }
    // The names people use for it (`also_called`, written by editors) name it as the official name does: the
    // words they add to it are name words too, each once. (Left among the papers and results, they weighed next
    // to nothing; said again in the name, they made a procedure with many such names outrank its siblings; in a
    // field of their own, ranked lower on every judged set: measured, see the README.)
    let official: std::collections::HashSet<String> = name.iter().cloned().collect();
    let mut aka = Vec::new();
    let mut m = Vec::new();
    for n in &p.also_called {
        let (names, circumstances) = name_part(n);
        index_tokens(names, mid, groups, &mut aka);
        index_tokens(circumstances, mid, groups, &mut m);
    }
    let mut added = std::collections::HashSet::new();
    name.extend(aka.into_iter().filter(|t| !official.contains(t) && added.insert(t.clone())));
    index_tokens(&p.field, mid, groups, &mut m);
    for r in &p.results {
        index_tokens(r, mid, groups, &mut m);
    }
    for g in &p.papers {
        for paper in &g.papers {
            if !paper.note {
                // The first words name the paper; the rest is conditions, which belong to the body.
                let head: String = paper.name.split(['.', ';', '(', ':']).next().unwrap_or("").chars().take(120).collect();
                index_tokens(&head, mid, groups, &mut m);
            }
        }
    }
    let mut b = Vec::new();
    index_tokens(&p.description, body, groups, &mut b);
    index_tokens(&p.requirements, body, groups, &mut b);
    let mut c = Vec::new();
    for w in analyzer::words(&p.code) {
        c.extend(analyzer::code_tokens(&w));
    }
    [name, m, b, c]
}

/// What an everyday name names, without the circumstances it adds: «Nộp trước bạ khi sang tên sổ đỏ» names the
/// registration fee, not the transfer of the land certificate (another procedure, which that clause would pull
/// this one above). Returns the name and the clause; the clause is indexed among the papers and results.
fn name_part(name: &str) -> (&str, &str) {
    let (head, clause) = name.split_once(" khi ").unwrap_or((name, ""));
    (head.strip_suffix(" trước").or_else(|| head.strip_suffix(" sau")).unwrap_or(head), clause)
}

/// The prior of a procedure the portal's usage file does not count (two in three of the catalogue), by the
/// lowest level that carries it out: people's needs are met at the commune, so among procedures that share the
/// words (a short official name held by commune, province and ministry variants, or by the household and the
/// enterprise procedure) the commune's and then the province's come first. 40 is the prior of about a dozen
/// uses, 20 of about three: below any procedure people are known to use much. Measured on the dev and extra
/// sets against other weights, an audience term (citizen vs business) and none; see the commit message.
const UNUSED_PRIOR_XA: u8 = 40;
/// See [`UNUSED_PRIOR_XA`]: a province-level procedure nobody is counted using.
const UNUSED_PRIOR_TINH: u8 = 20;

/// The popularity prior, 0–255, log-scaled against the most used procedure; by level for one without usage
/// ([`UNUSED_PRIOR_XA`]).
fn priors(procs: &[&Procedure]) -> Vec<u8> {
    let max = procs.iter().map(|p| p.usage_weight).max().unwrap_or(0) as f64;
    procs
        .iter()
        .map(|p| {
            if p.usage_weight == 0 {
                let level = |l: &Level| match l {
                    Level::Commune => UNUSED_PRIOR_XA,
                    Level::Province => UNUSED_PRIOR_TINH,
                    Level::Ministry | Level::Other => 0,
                };
                p.levels.iter().map(level).max().unwrap_or(0)
            } else if max <= 0.0 {
                0
            } else {
                ((p.usage_weight as f64).ln_1p() / max.ln_1p() * 255.0).round() as u8
            }
        })
        .collect()
}

/// The document flags of a procedure: its levels, whether it can be submitted online, and whether it is a
/// variant of another (`variant_words.toml`).
fn flags(p: &Procedure, variants: &VariantWords) -> u8 {
    let mut f = 0;
    for l in &p.levels {
        f |= match l {
            Level::Commune => format::FLAG_XA,
            Level::Province => format::FLAG_TINH,
            Level::Ministry => format::FLAG_BO,
            Level::Other => format::FLAG_KHAC,
        };
    }
    if p.methods.iter().any(|m| m.channel == Channel::Online) {
        f |= format::FLAG_ONLINE;
    }
    if variants.names_variant(&p.name) {
        f |= format::FLAG_VARIANT;
    }
    f
}

/// tantivy's indexing memory: the export needs one segment, so the whole catalogue must fit before the first
/// flush (today's 2,642 procedures use about 40 MB; the budget leaves room for ten times as many).
const INDEXING_MEMORY: usize = 1_000_000_000;

/// The search index of a catalogue: made by tantivy, exported for the browser.
pub struct SearchIndex {
    /// The browser's index files, `core.bin` and the term shards `t<N>.bin`, each sealed with its checksum.
    pub files: Vec<(String, Vec<u8>)>,
    /// Procedure codes in document order (by field, then code): document `i` of the index is `order[i]`.
    pub order: Vec<String>,
    /// The tantivy index itself, in memory: the oracle the browser engine's ranking is checked against.
    pub tantivy: Index,
}

/// Indexes `procedures` with tantivy, with the synonyms and outside needs of the `content` folder, and exports the
/// browser's files. Errors name the content file and line at fault.
pub fn build(procedures: &[Procedure], content: &Path) -> Result<SearchIndex, String> {
    let synonyms_path = &content.join("synonyms.toml");
    let err = |e: tantivy::TantivyError| e.to_string();
    // Document order: by field, then code, so neighbours share words and postings compress well.
    let mut procs: Vec<&Procedure> = procedures.iter().collect();
    procs.sort_by(|a, b| (&a.field, &a.code).cmp(&(&b.field, &b.code)));
    let outside = outside(&content.join("outside.toml"), &procs).map_err(|e| e.join("\n"))?;
    let syn: Synonyms = match std::fs::read_to_string(synonyms_path) {
        Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", synonyms_path.display()))?,
        Err(_) => Synonyms { synonym: Vec::new() },
    };
    let regional_path = &content.join("regional.toml");
    let regional: Regional = match std::fs::read_to_string(regional_path) {
        Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", regional_path.display()))?,
        Err(_) => Regional { variant: Vec::new(), synonym: Vec::new() },
    };
    // Every entry says where it comes from, so an editor can judge it.
    let unsourced: Vec<String> = regional
        .variant
        .iter()
        .filter(|v| v.source.trim().is_empty())
        .map(|v| v.say.join(", "))
        .chain(regional.synonym.iter().filter(|s| s.source.trim().is_empty()).map(|s| s.words.join(", ")))
        .collect();
    if !unsourced.is_empty() {
        return Err(format!("{}: no source for «{}»: say where each entry comes from", regional_path.display(), unsourced.join("», «")));
    }
    let mut variant_pairs: Vec<(&str, &str)> = Vec::new();
    for v in &regional.variant {
        for say in &v.say {
            if analyzer::Variant::new(say, &v.means).is_none() {
                return Err(format!(
                    "{}: «{say}» → «{}»: a variant must say as many words as its meaning (use a [[synonym]] otherwise)",
                    regional_path.display(),
                    v.means
                ));
            }
            variant_pairs.push((say.as_str(), v.means.as_str()));
        }
    }
    let variants: Vec<analyzer::Variant> = variant_pairs.iter().filter_map(|(a, b)| analyzer::Variant::new(a, b)).collect();
    let question = question_words(&content.join("question_words.toml"), &procs)?;
    let variant_words = variant_words(&content.join("variant_words.toml"))?;
    let mut problems = two_things(synonyms_path, syn.synonym.iter().flat_map(|s| &s.words), &procs);
    problems.extend(two_things(
        regional_path,
        regional.variant.iter().flat_map(|v| &v.say).chain(regional.synonym.iter().flat_map(|s| &s.words)),
        &procs,
    ));
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    let pairs: Vec<(&str, &str)> = syn
        .synonym
        .iter()
        .flat_map(|s| s.words.iter().map(move |w| (w.as_str(), s.means.as_str())))
        .chain(regional.synonym.iter().flat_map(|s| s.words.iter().map(move |w| (w.as_str(), s.means.as_str()))))
        .collect();
    // The synonym groups' index tokens (analyzer::synonym_groups): the engine derives the same groups from the
    // pairs core.bin carries, and asks for a group's one token when a query names it.
    let groups = analyzer::synonym_groups(&pairs);
    let meaning_tokens: std::collections::HashSet<String> =
        groups.iter().flat_map(|g| (0..g.meaning_phrases).map(|i| g.token(i))).collect();

    let mut schema = Schema::builder();
    let opts = TextOptions::default()
        .set_indexing_options(TextFieldIndexing::default().set_index_option(IndexRecordOption::WithFreqs));
    let fields: Vec<_> = FIELDS.iter().map(|f| schema.add_text_field(f, opts.clone())).collect();
    let prior_field = schema.add_u64_field("prior", FAST);
    // 1 for a variant (format::FLAG_VARIANT), so the fidelity test can score as the engine does.
    let variant_field = schema.add_u64_field("variant", FAST);
    let schema = schema.build();
    let index = Index::create_in_ram(schema);
    let prior = priors(&procs);
    {
        let mut writer = index.writer_with_num_threads(1, INDEXING_MEMORY).map_err(err)?;
        for (i, p) in procs.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            for (f, tokens) in fields.iter().zip(field_tokens(p, &groups, &variants)) {
                doc.add_pre_tokenized_text(*f, pretokenized(tokens));
            }
            doc.add_u64(prior_field, prior[i] as u64);
            doc.add_u64(variant_field, (flags(p, &variant_words) & format::FLAG_VARIANT != 0) as u64);
            writer.add_document(doc).map_err(err)?;
        }
        writer.commit().map_err(err)?;
        writer.wait_merging_threads().map_err(err)?;
    }
    let reader = index.reader().map_err(err)?;
    let searcher = reader.searcher();
    let segments = searcher.segment_readers();
    if segments.len() != 1 {
        return Err(format!("expected one tantivy segment, got {}", segments.len()));
    }
    let seg = &segments[0];

    // Postings per token: field → [(doc, tf, fieldnorm id)].
    type Postings = Vec<(u32, u32, u8)>;
    let mut terms: BTreeMap<String, Vec<(u8, Postings)>> = BTreeMap::new();
    let mut totals = [0u64; 4];
    let mut vocab: BTreeMap<String, u32> = BTreeMap::new();
    for (fi, f) in fields.iter().enumerate() {
        let inv = seg.inverted_index(*f).map_err(err)?;
        totals[fi] = inv.total_num_tokens();
        let norms = seg.get_fieldnorms_reader(*f).map_err(err)?;
        let mut stream = inv.terms().stream().map_err(|e| e.to_string())?;
        while stream.advance() {
            let key = String::from_utf8_lossy(stream.key()).into_owned();
            let info = stream.value().clone();
            let mut postings = inv
                .read_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)
                .map_err(|e| e.to_string())?;
            let mut list = Vec::new();
            use tantivy::DocSet;
            use tantivy::postings::Postings as _;
            while postings.doc() != tantivy::TERMINATED {
                let d = postings.doc();
                list.push((d, postings.term_freq(), norms.fieldnorm_id(d)));
                postings.advance();
            }
            // Words and the tokens of synonym meanings have a document frequency in the vocabulary (typo and
            // prefix expansion; the weights of a query's words and synonym groups); pairs, marked forms, numbers
            // and the tokens of colloquial forms do not. No typed word can reach a group token there: it is
            // neither a completion nor one edit of a word without the mark. Only the names' words (official and
            // everyday) are in it: the papers' and the body's words cost 1.3 KB on every first search, and without
            // them the judged sets moved both ways by a query or two (see the README).
            let is_word = meaning_tokens.contains(&key)
                || key.bytes().all(|b| b.is_ascii_alphanumeric()) && !key.bytes().all(|b| b.is_ascii_digit());
            if is_word && fi as u8 == F_NAME {
                let df = vocab.entry(key.clone()).or_default();
                *df = (*df).max(list.len() as u32);
            }
            terms.entry(key).or_default().push((fi as u8, list));
        }
    }

    // Term shards.
    let mut shards: Vec<Writer> = (0..format::TERM_SHARDS).map(|_| Writer::default()).collect();
    let mut counts = vec![0u64; format::TERM_SHARDS as usize];
    let mut grouped: HashMap<u32, Vec<(&String, &Vec<(u8, Postings)>)>> = HashMap::new();
    for (t, v) in &terms {
        grouped.entry(format::shard_of(t)).or_default().push((t, v));
    }
    for (s, list) in &grouped {
        counts[*s as usize] = list.len() as u64;
    }
    for (i, w) in shards.iter_mut().enumerate() {
        w.varint(counts[i]);
        for (t, per_field) in grouped.get(&(i as u32)).map(|v| v.as_slice()).unwrap_or(&[]) {
            w.str(t);
            w.u8(per_field.len() as u8);
            for (f, list) in per_field.iter() {
                w.u8(*f);
                w.varint(list.len() as u64);
                let mut last = 0u32;
                for (d, _, _) in list {
                    w.varint((d - last) as u64);
                    last = *d;
                }
                for (_, tf, _) in list {
                    w.varint(*tf as u64);
                }
            }
        }
    }

    // Core.
    let mut core = Writer::default();
    core.buf.extend_from_slice(format::CORE_MAGIC);
    core.varint(procs.len() as u64);
    for t in totals {
        core.varint(t);
    }
    let mut field_names: Vec<&str> = procs.iter().map(|p| p.field.as_str()).collect();
    field_names.dedup();
    core.varint(field_names.len() as u64);
    for f in &field_names {
        core.str(f);
    }
    // Column by column (every document's field, then flags, then prior): like values side by side compress
    // better than rows of three (0.5 KB of brotli on every first search).
    for p in &procs {
        core.varint(field_names.iter().position(|f| *f == p.field).unwrap_or(0) as u64);
    }
    for p in &procs {
        core.u8(flags(p, &variant_words));
    }
    for pr in &prior {
        core.u8(*pr);
    }
    // Each document's fieldnorm id per field, once here rather than in every posting (column by column).
    for f in &fields {
        let norms = seg.get_fieldnorms_reader(*f).map_err(err)?;
        for d in 0..procs.len() as u32 {
            core.u8(norms.fieldnorm_id(d));
        }
    }
    core.varint(vocab.len() as u64);
    let mut prev = String::new();
    // Words (each as what it shares with the one before and the rest), then their document frequencies: column
    // by column, as the documents' facts above.
    for (t, _) in &vocab {
        let shared = prev.bytes().zip(t.bytes()).take_while(|(a, b)| a == b).count();
        core.varint(shared as u64);
        core.str(&t[shared..]);
        prev = t.clone();
    }
    for (_, df) in &vocab {
        core.varint(*df as u64);
    }
    // Each meaning once, then the phrases that say it (as the files group them): a meaning said over again for each
    // of its phrases cost 0.2 KB of brotli on every first search.
    let mut meanings: Vec<(&str, Vec<&str>)> = Vec::new();
    for (w, m) in pairs {
        match meanings.last_mut() {
            Some((last, words)) if *last == m => words.push(w),
            _ => meanings.push((m, vec![w])),
        }
    }
    core.varint(meanings.len() as u64);
    for (m, words) in &meanings {
        core.str(m);
        core.strs(words);
    }
    outside.write(&mut core);
    core.varint(variant_pairs.len() as u64);
    for (say, means) in &variant_pairs {
        core.str(say);
        core.str(means);
    }
    question.write(&mut core);
    variant_words.write(&mut core);

    // Each index file carries its checksum, so the browser can tell a damaged download (format::seal).
    let mut files = vec![(format::CORE_FILE.to_string(), format::seal(core.buf))];
    for (i, w) in shards.into_iter().enumerate() {
        files.push((super::session::term_file(i as u32), format::seal(w.buf)));
    }
    let order = procs.iter().map(|p| p.code.clone()).collect();
    Ok(SearchIndex { files, order, tantivy: index })
}
