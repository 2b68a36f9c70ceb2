//! Search input hardening (issue 8): whatever people type or paste, and whatever bytes arrive for an index file,
//! the analyzer and the engine never panic, always finish, and keep their promises.
//!
//! Inputs come from a seeded generator (same cases every run, no flaky failures) plus a list of hostile
//! classics: arbitrary Unicode, 10 KB queries, only punctuation, only combining marks, RTL text, emoji and ZWJ
//! sequences, NUL and control characters, U+FFFD, very long single words, many spaces, codes with garbage and
//! Telex leftovers. A seeded generator rather than proptest: the same coverage without a new dependency.
//! "Always finish" is the test completing; the engine's work bound is checked by counting, never by a clock.

use motcua::content::Catalogue;
use motcua::search::analyzer::{self, FieldTokens};
use motcua::search::engine::{self, Core, Filter, MAX_QUERY_CHARS, MAX_QUERY_WORDS, TermShard};
use motcua::search::format::{self, FLAG_ONLINE, FLAG_TINH, FLAG_XA, TERM_SHARDS, Writer};
use motcua::search::outside::Outside;
use motcua::search::question::QuestionWords;
use motcua::search::variant_words::VariantWords;
use motcua::search::native::{Local, site_files};
use motcua::text;
use std::path::Path;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// xorshift64*: a tiny seeded generator, so every run tries the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const VIET: &str = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđĐĂÂÊÔƠƯÁÀẢÃẠ";
const SYLLABLES: &[&str] = &[
    "đăng", "ký", "khai", "sinh", "hộ", "chiếu", "cấp", "lại", "giấy", "phép", "lái", "xe", "sổ", "đỏ", "thường",
    "trú", "kết", "hôn", "bảo", "hiểm", "xã", "hội", "thuế", "doanh", "nghiệp", "hoà", "hòa", "thuỷ", "căn", "cước",
    "CCCD", "BHXH", "1.001193", "001456", "ddawng", "kys", "cuwowcs", "d9ang1", "lam", "xin", "o", "dau",
];

/// One character from the classes that break text code: ASCII, Vietnamese, combining marks, RTL scripts and
/// marks, emoji with ZWJ and variation selectors, controls and NUL, U+FFFD, other scripts, any scalar value.
fn any_char(r: &mut Rng) -> char {
    let ranges: &[(u32, u32)] = &[
        (0x20, 0x7e),
        (0x00, 0x1f),
        (0x7f, 0x9f),
        (0x300, 0x36f),
        (0x590, 0x5ff),
        (0x600, 0x6ff),
        (0x200b, 0x200f),
        (0x202a, 0x202e),
        (0x1f300, 0x1faff),
        (0x1f3fb, 0x1f3ff),
        (0xfe00, 0xfe0f),
        (0xfffd, 0xfffd),
        (0xc0, 0x24f),
        (0x1e00, 0x1eff),
        (0x370, 0x3ff),
        (0x400, 0x4ff),
        (0x4e00, 0x4fff),
        (0xac00, 0xacff),
        (0x1100, 0x11ff),
        (0x2126, 0x212b),
        (0, 0x10ffff),
    ];
    loop {
        let (lo, hi) = *r.pick(ranges);
        let c = lo + (r.next() % (hi - lo + 1) as u64) as u32;
        if let Some(c) = char::from_u32(c) {
            return c;
        }
    }
}

/// A random string: arbitrary characters, Vietnamese letters, real syllables and separators mixed.
fn any_string(r: &mut Rng, max_len: usize) -> String {
    let n = r.below(max_len + 1);
    let mut s = String::new();
    let viet: Vec<char> = VIET.chars().collect();
    for _ in 0..n {
        match r.below(6) {
            0 | 1 => s.push(any_char(r)),
            2 => s.push(*r.pick(&viet)),
            3 => s.push_str(*r.pick(SYLLABLES)),
            4 => s.push(*r.pick(&[' ', ' ', '.', '-', '\u{200d}', '\u{301}', '\u{323}', '\u{302}', '\u{31b}'])),
            _ => s.push(*r.pick(&b"abcdeghiklmnopqrstuvxyw0123456789"[..]) as char),
        }
    }
    s
}

/// The hostile classics, each spelled out.
fn hostile() -> Vec<String> {
    let mut v: Vec<String> = vec![
        String::new(),
        " ".into(),
        " ".repeat(10_000),
        "\t\n\r ".repeat(500),
        "!@#$%^&*()_+-=[]{}|;':\",./<>?`~".into(),
        "…—–·•¡¿«»“”‘’".repeat(300),
        "\u{0301}\u{0323}".repeat(2000),
        "\u{0300}".repeat(5000),
        "a\u{0301}\u{0301}\u{0301}\u{0323}\u{0302}\u{0306}\u{031b}".repeat(300),
        "đăng ký\u{0301}\u{0301} khai\u{0323} sinh".into(),
        "مرحبا بالعالم تسجيل المواليد".into(),
        "שלום עולם רישום לידה".into(),
        "\u{202e}dang ky khai sinh\u{202c}".into(),
        "\u{200f}ký\u{200e} khai\u{200b}sinh".into(),
        "👨‍👩‍👧‍👦 👍🏽 🏳️‍🌈 ❤️ 🇻🇳".repeat(200),
        "khai👨‍👩‍👧sinh".into(),
        "\0".into(),
        "\0".repeat(10_000),
        "dang\0ky\u{1}khai\u{7f}sinh\u{9f}".into(),
        (0u8..32).map(|b| b as char).collect(),
        "\u{fffd}".repeat(3000),
        "khai\u{fffd}sinh \u{fffd}".into(),
        "a".repeat(10_000),
        "đ".repeat(5000),
        "1".repeat(10_000),
        "nghiêng".repeat(1500),
        "khaisinhhochieudangkykethon".repeat(40),
        "dang ky khai sinh ".repeat(600),
        "1.001193".into(),
        "1.001193abc!!".into(),
        "1..001193".into(),
        "1.0011930000".into(),
        "1.001193.1.001193.2.000815".into(),
        ".001193".into(),
        "001193.".into(),
        "1.001193".repeat(1000),
        "9999999999999999999999999999".into(),
        "١.٠٠١١٩٣".into(),
        "1.001193\u{0301}".into(),
        "ddawng kys khai sinh".into(),
        "ddddddddddddddddddd".into(),
        "aaaaaaaaaaaaaaaaaaaaaa".into(),
        "wwwwwwwwwwwwww".into(),
        "s f r x j".into(),
        "uowuowuowuow".into(),
        "d9d9d9d9d9 a6a6a6 o7o7 u7".into(),
        "ddd1111 aw8 oo6 sss fff rrr xxx jjj".into(),
        "ky kys kysf kysfrxj".into(),
        "cuwowcs ddieejn thoaij".into(),
        "ẞ ß İ ı ǅ ﬁ Ω K Å".into(),
        "señor naïve façade ṍ ṹ ǹ î".into(),
        "\u{feff}khai sinh\u{feff}".into(),
        "<script>alert(1)</script>".into(),
        "%00%ff%c3%28".into(),
        "x".repeat(255) + " khai sinh",
        "khai sinh ".repeat(40),
    ];
    let mut r = Rng(7);
    let big: String = (0..10_240).map(|_| any_char(&mut r)).collect();
    v.push(big);
    v
}

/// The inputs every invariant is checked on: the classics and seeded random strings, short and long.
fn inputs() -> Vec<String> {
    let mut v = hostile();
    let mut r = Rng(0x5eed_1234_abcd_9876);
    for i in 0..400 {
        v.push(any_string(&mut r, if i % 20 == 0 { 3000 } else { 24 }));
    }
    v
}

/// The shortest input (removing one character at a time) that still fails `bad`, so a failure names a
/// readable case rather than a 10 KB string.
fn shrink(s: &str, bad: impl Fn(&str) -> bool) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let mut shorter = chars.clone();
        shorter.remove(i);
        if bad(&shorter.iter().collect::<String>()) { chars = shorter } else { i += 1 }
    }
    chars.into_iter().collect()
}

fn folded(s: &str) -> Vec<String> {
    analyzer::words(s).into_iter().map(|w| w.folded).collect()
}

/// Every public entry of the analyzer and the text helpers accepts anything, and folded words are plain
/// lowercase ASCII letters and digits.
#[test]
fn analyzer_accepts_any_text() {
    for s in inputs() {
        let ws = analyzer::words(&s);
        for w in &ws {
            assert!(!w.folded.is_empty(), "{s:?}: empty word");
            assert!(w.folded.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{s:?}: folded {:?}", w.folded);
            if let Some(m) = &w.marked {
                assert!(!m.is_empty());
            }
            let codes = analyzer::code_tokens(w);
            assert!(codes.is_empty() || (w.code && codes.len() == 2), "{s:?}: code tokens {codes:?}");
            if let Some(t) = analyzer::telex(&w.folded) {
                assert!(t.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{s:?}: telex {t:?}");
            }
        }
        let _ = analyzer::telex(&s);
        for pair in ws.windows(2) {
            let p = analyzer::pair(&pair[0].folded, &pair[1].folded);
            assert_eq!(p.split(analyzer::PAIR_SEP).count(), 2);
        }
        for opts in [FieldTokens { pairs: true, marked: true }, FieldTokens { pairs: false, marked: false }] {
            let mut out = Vec::new();
            analyzer::index_tokens(&s, opts, &[], &mut out);
            assert!(out.len() >= ws.len());
        }
        let f = text::fold(&s);
        let _ = s.chars().map(text::fold_char).count();
        let slug = text::slug(&s);
        assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{s:?}: slug {slug:?}");
        let _ = f;
    }
}

/// Folding twice is folding once: for the text helpers and for the analyzer's folded words.
#[test]
fn folding_is_idempotent() {
    for s in inputs() {
        let once = text::fold(&s);
        assert_eq!(text::fold(&once), once, "text::fold of {s:?}");
        let slug = text::slug(&s);
        assert_eq!(text::slug(&slug), slug, "text::slug of {s:?}");
        let words = folded(&s);
        assert_eq!(folded(&words.join(" ")), words, "analyzer folding of {s:?}");
    }
}

/// Decomposed (NFD) and precomposed (NFC) forms of the same text give the same words, marks and codes —
/// for any text, not only Vietnamese (a precomposed ñ or ṍ separates words, and so does its decomposed form),
/// as long as its combining marks are ones the analyzer knows ([`analyzer::is_mark`]: Latin, Vietnamese,
/// Greek, Cyrillic, Hebrew, Arabic; a Devanagari nukta between a Latin letter and its accent is out of scope).
#[test]
fn nfc_and_nfd_give_the_same_tokens() {
    use unicode_normalization::char::canonical_combining_class;
    let in_scope = |s: &str| s.chars().all(|c| canonical_combining_class(c) == 0 || analyzer::is_mark(c));
    let differ = |s: &str| {
        if !in_scope(s) {
            return false;
        }
        let nfc: String = s.nfc().collect();
        let nfd: String = s.nfd().collect();
        analyzer::words(&nfc) != analyzer::words(&nfd)
    };
    let mut tried = 0;
    for s in inputs() {
        tried += in_scope(&s) as usize;
        if differ(&s) {
            let small = shrink(&s, differ);
            let nfc: String = small.nfc().collect();
            let nfd: String = small.nfd().collect();
            panic!("NFC {nfc:?} {:?}\n vs NFD {nfd:?} {:?}", analyzer::words(&nfc), analyzer::words(&nfd));
        }
    }
    assert!(tried >= 300, "only {tried} inputs in scope");
    // Vietnamese as it arrives from keyboards that write decomposed text.
    for s in ["Đăng ký khai sinh", "hộ chiếu phổ thông", "Cấp lại giấy phép lái xe", "thuỷ lợi", "ỘẤỮỰỢẶ"] {
        let nfd: String = s.nfd().collect();
        assert_eq!(analyzer::words(&nfd), analyzer::words(s), "{s}");
    }
}

/// Regression (found by the NFC/NFD property): a combining mark that makes no Vietnamese letter used to be
/// folded into the word (`n` + ◌̃ → `n` with a tone), while the precomposed letter (ñ) separated words.
#[test]
fn marks_that_make_no_vietnamese_letter_separate_words_in_both_forms() {
    for (nfc, words) in [("señor", vec!["se", "or"]), ("hoṍ x", vec!["ho", "x"]), ("îa", vec!["a"]), ("ǹa", vec!["a"])] {
        let nfd: String = nfc.nfd().collect();
        assert_eq!(folded(nfc), words, "{nfc}");
        assert_eq!(analyzer::words(&nfd), analyzer::words(nfc), "{nfc}");
    }
    // The word before keeps its own tone: "hoṍ" is "ho" with no tone, as precomposed.
    let nfd: String = "hoṍ".nfd().collect();
    assert_eq!(analyzer::words(&nfd)[0].marked, None);
}

fn local() -> &'static Local {
    static L: OnceLock<Local> = OnceLock::new();
    L.get_or_init(|| Local::from_content(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).expect("index loads"))
}

/// The engine over the real index (as tests/search.rs loads it) plans and ranks any query: at most `limit`
/// results, best first, only real documents, only real shards, and a bounded plan.
#[test]
fn engine_answers_any_query_within_its_bounds() {
    let local = local();
    let filters = [
        Filter::default(),
        Filter { field: Some(0), levels: FLAG_XA | FLAG_TINH, online: true },
        Filter { field: Some(u16::MAX), levels: 0xff, online: false },
        Filter { field: None, levels: 0, online: true },
    ];
    for (i, q) in inputs().iter().enumerate() {
        for typing in [false, true] {
            let plan = engine::plan(&local.core, q, typing);
            assert!(plan.units <= MAX_QUERY_WORDS, "{q:?}: {} units", plan.units);
            assert_eq!(plan.unit_weight.len(), plan.units);
            assert!(plan.shards().iter().all(|s| *s < TERM_SHARDS));
            let limit = [0, 1, 3, 10, 50][i % 5];
            let filter = &filters[i % filters.len()];
            let r = engine::search(&local.core, &local.shards, &plan, filter, limit);
            assert!(r.hits.len() <= limit, "{q:?}: {} hits > limit {limit}", r.hits.len());
            assert!(r.hits.len() <= r.total && r.good <= r.total);
            assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score), "{q:?}: not best first");
            assert!(r.hits.iter().all(|h| (h.doc as usize) < local.core.docs && h.score.is_finite()));
            assert!((0.0..=1.0).contains(&r.coverage) || r.hits.is_empty(), "{q:?}: coverage {}", r.coverage);
        }
    }
}

/// The work bound: a query is read up to [`MAX_QUERY_CHARS`] characters and [`MAX_QUERY_WORDS`] words, so a
/// 10 KB paste plans exactly like its first 256 characters (counted, not timed).
#[test]
fn long_queries_are_capped() {
    let local = local();
    let mut r = Rng(42);
    let mut long: Vec<String> = hostile().into_iter().filter(|q| q.chars().count() > MAX_QUERY_CHARS).collect();
    long.push("dang ky khai sinh ".repeat(600));
    long.push((0..10_240).map(|_| any_char(&mut r)).collect());
    for q in &long {
        let head: String = q.chars().take(MAX_QUERY_CHARS).collect();
        for typing in [false, true] {
            let a = engine::plan(&local.core, q, typing);
            let b = engine::plan(&local.core, &head, typing);
            assert_eq!(a.terms, b.terms, "{:?}…", &head[..head.len().min(40)]);
            assert!(a.units <= MAX_QUERY_WORDS);
        }
    }
    // (Words that no synonym group names: a group's tokens replace its words' and pairs.)
    let many = "khai sinh ket hon ".repeat(100);
    let plan = engine::plan(&local.core, &many, false);
    assert!(plan.units <= MAX_QUERY_WORDS);
    // Words past the cap add no terms: 32 words of a 4-word cycle give the same tokens as the cycle.
    assert_eq!(plan.terms.len(), engine::plan(&local.core, "khai sinh ket hon khai", false).terms.len());
}

/// A tiny valid `core.bin` with the given synonym pairs (word, meaning), for decoder and planner edge cases.
fn tiny_core(synonyms: &[(&str, &str)]) -> Vec<u8> {
    let mut w = Writer::default();
    w.buf.extend_from_slice(format::CORE_MAGIC);
    w.varint(2);
    for _ in 0..4 {
        w.varint(4);
    }
    w.varint(1);
    w.str("Hộ tịch");
    // Column by column: each document's field, then flags, then prior.
    for _ in 0..2 {
        w.varint(0);
    }
    w.buf.extend_from_slice(&[FLAG_XA | FLAG_ONLINE; 2]);
    w.buf.extend_from_slice(&[10, 10]);
    for _ in 0..4 {
        w.buf.extend_from_slice(&[2, 2]);
    }
    // The vocabulary's words, then their document frequencies.
    w.varint(2);
    for (shared, rest) in [(0, "khai"), (0, "sinh")] {
        w.varint(shared);
        w.str(rest);
    }
    for df in [1, 2] {
        w.varint(df);
    }
    // Each synonym as a meaning with its one phrase.
    w.varint(synonyms.len() as u64);
    for (a, b) in synonyms {
        w.str(b);
        w.strs(&[a]);
    }
    Outside::default().write(&mut w);
    w.varint(0); // no regional variants
    QuestionWords::default().write(&mut w);
    VariantWords::default().write(&mut w);
    format::seal(w.buf)
}

/// Regression: a synonym whose meaning has no words (only punctuation) made the planner index an empty
/// alternative and panic when the synonym was typed.
#[test]
fn a_synonym_meaning_nothing_does_not_panic() {
    let core = Core::parse(&tiny_core(&[("abc", "!!!"), ("xyz", "khai sinh"), ("", ""), ("...", "?")])).expect("valid core");
    for q in ["abc", "abc khai", "xyz", "...", "abc xyz abc", ""] {
        let plan = engine::plan(&core, q, true);
        let _ = engine::search(&core, &[], &plan, &Filter::default(), 10);
    }
}

/// Regression: postings naming a document past the end of `core.bin` (a term shard from another build, or
/// damaged bytes behind a valid checksum) are ignored instead of indexing out of bounds.
#[test]
fn postings_past_the_last_document_are_ignored() {
    let core = Core::parse(&tiny_core(&[])).unwrap();
    let mut w = Writer::default();
    w.varint(1);
    w.str("khai");
    w.u8(1);
    w.u8(0);
    w.varint(3);
    for gap in [0, 1, 1_000_000] {
        w.varint(gap);
    }
    for tf in [1, 2, 3] {
        w.varint(tf);
    }
    let shard = TermShard::parse(&format::seal(w.buf)).expect("well-formed shard");
    let plan = engine::plan(&core, "khai", false);
    let mut shards: Vec<Option<TermShard>> = (0..TERM_SHARDS).map(|_| None).collect();
    shards[format::shard_of("khai") as usize] = Some(shard);
    let r = engine::search(&core, &shards, &plan, &Filter::default(), 10);
    assert_eq!(r.hits.len(), 2);
}

/// Every index file the site serves: a damaged or truncated copy is refused (checksum), never decoded into
/// garbage, and no byte input makes a decoder panic — including bytes behind a valid checksum.
#[test]
fn index_decoders_refuse_damaged_files_and_never_panic() {
    let catalogue = Catalogue::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).expect("content loads");
    let index = motcua::search::native::build_index(&catalogue, &Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).expect("index builds");
    let files = site_files(&catalogue, &index).expect("index files");
    let decode = |name: &str, b: &[u8]| -> bool {
        if name == "core.bin" {
            Core::parse(b).is_some()
        } else if name.starts_with('t') {
            TermShard::parse(b).is_some()
        } else {
            engine::parse_docs(b).is_some()
        }
    };
    let mut r = Rng(99);
    let mut checked = 0;
    for (i, (name, bytes)) in files.iter().enumerate() {
        let core = name == "core.bin";
        if !(core || i % 37 == 0 || name == "d0.bin") {
            continue;
        }
        assert!(decode(name, bytes), "{name} as built decodes");
        assert_eq!(format::unseal(bytes).map(|b| b.len()), Some(bytes.len() - 4));
        // Truncated anywhere (every length for small files, a sample for core.bin).
        let step = if bytes.len() > 4096 { bytes.len() / 97 + 1 } else { 1 };
        for len in (0..bytes.len()).step_by(step) {
            assert!(!decode(name, &bytes[..len]), "{name} cut at {len} of {} was accepted", bytes.len());
        }
        // One byte changed anywhere: FNV-1a always notices.
        for _ in 0..40 {
            let mut b = bytes.clone();
            let at = r.below(b.len());
            b[at] ^= 1 + r.below(255) as u8;
            assert!(!decode(name, &b), "{name} with byte {at} changed was accepted");
        }
        // Damage behind a valid checksum (a broken build, not the network): no panic, whatever it decodes to.
        let body = format::unseal(bytes).unwrap();
        for _ in 0..if core { 30 } else { 60 } {
            let mut b = body.to_vec();
            match r.below(3) {
                0 => {
                    let at = r.below(b.len().max(1));
                    if let Some(x) = b.get_mut(at) {
                        *x = r.next() as u8;
                    }
                }
                1 => b.truncate(r.below(b.len() + 1)),
                _ => {
                    let at = r.below(b.len() + 1);
                    let junk: Vec<u8> = (0..r.below(16)).map(|_| r.next() as u8).collect();
                    b.splice(at..at, junk);
                }
            }
            let _ = decode(name, &format::seal(b));
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} files checked");
    // Random bytes, sealed or not.
    for n in 0..2000 {
        let len = r.below(if n % 100 == 0 { 5000 } else { 64 });
        let mut b: Vec<u8> = (0..len).map(|_| r.next() as u8).collect();
        if n % 2 == 0 {
            if n % 4 == 0 && b.len() >= 3 {
                b[..3].copy_from_slice(format::CORE_MAGIC);
            }
            b = format::seal(b);
        }
        for name in ["core.bin", "t0.bin", "d0.bin"] {
            let _ = decode(name, &b);
        }
    }
    // Huge counts announced by a few bytes must not reserve memory they cannot fill.
    for name in ["core.bin", "t0.bin", "d0.bin"] {
        let mut w = Writer::default();
        if name == "core.bin" {
            w.buf.extend_from_slice(format::CORE_MAGIC);
        }
        w.varint(u64::MAX >> 1);
        w.varint(u64::MAX >> 1);
        assert!(!decode(name, &format::seal(w.buf)), "{name}");
    }
}

/// Regressions found by the `decode` fuzz target (tests/fuzz) on the engine before this hardening: document
/// gaps adding up past `u32::MAX` overflowed (a panic in debug builds), and a damaged count made a decoder
/// reserve terabytes (an abort). Both now give "not a valid file".
#[test]
fn fuzz_findings_overflowing_gaps_and_huge_counts() {
    let mut w = Writer::default();
    w.varint(1);
    w.str("khai");
    w.u8(1);
    w.u8(0);
    w.varint(2);
    w.varint(u32::MAX as u64);
    w.varint(2);
    w.varint(1);
    w.varint(1);
    assert!(TermShard::parse(&format::seal(w.buf)).is_none());
    let mut w = Writer::default();
    w.varint(1);
    w.str("khai");
    w.u8(1);
    w.u8(0);
    w.varint(0x0000_7726_0000_0000);
    assert!(TermShard::parse(&format::seal(w.buf)).is_none());
    let mut w = Writer::default();
    w.varint(0x0000_7726_0000_0000);
    assert!(engine::parse_docs(&format::seal(w.buf)).is_none());
}
