//! Arbitrary bytes, read as UTF-8 (lossy), through every analyzer entry and a query over the real index: no
//! panic, no hang, and the result promises hold (at most `limit` hits, best first, real documents, bounded plan).
#![no_main]

use libfuzzer_sys::fuzz_target;
use motcua_fuzz::search::analyzer::{self, FieldTokens};
use motcua_fuzz::search::engine::{self, Filter, MAX_QUERY_WORDS};
use motcua_fuzz::{index, text};

fuzz_target!(|data: &[u8]| {
    let (knobs, rest) = data.split_first().map(|(k, r)| (*k, r)).unwrap_or((0, data));
    let q = String::from_utf8_lossy(rest);

    let words = analyzer::words(&q);
    for w in &words {
        assert!(w.folded.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        let _ = analyzer::code_tokens(w);
        let _ = analyzer::telex(&w.folded);
    }
    let _ = analyzer::telex(&q);
    let mut tokens = Vec::new();
    analyzer::index_tokens(&q, FieldTokens { pairs: true, marked: true }, &[], &mut tokens);
    let once = text::fold(&q);
    assert_eq!(text::fold(&once), once);
    let slug = text::slug(&q);
    assert_eq!(text::slug(&slug), slug);

    let idx = index();
    let plan = engine::plan(&idx.core, &q, knobs & 1 == 1);
    assert!(plan.units <= MAX_QUERY_WORDS);
    let limit = [0, 1, 10, 100][(knobs >> 1 & 3) as usize];
    let filter = Filter {
        field: (knobs & 8 != 0).then_some(knobs as u16 >> 4),
        levels: if knobs & 16 != 0 { knobs >> 5 } else { 0 },
        online: knobs & 128 != 0,
    };
    let r = engine::search(&idx.core, &idx.shards, &plan, &filter, limit);
    assert!(r.hits.len() <= limit);
    assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(r.hits.iter().all(|h| (h.doc as usize) < idx.core.docs));
});
