//! Arbitrary bytes as an index file (core, term shard or document shard), both as they arrive and sealed with a
//! valid checksum (so the decoders themselves are exercised, not only the checksum): never a panic; a term
//! shard that decodes is then used for a search over the real core, which must ignore whatever it names.
#![no_main]

use libfuzzer_sys::fuzz_target;
use motcua_fuzz::index;
use motcua_fuzz::search::engine::{self, Core, Filter, TermShard};
use motcua_fuzz::search::format::{self, TERM_SHARDS};

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else { return };
    let sealed = format::seal(body.to_vec());
    for bytes in [body, &sealed[..]] {
        match kind % 3 {
            0 => {
                if let Some(core) = Core::parse(bytes) {
                    let plan = engine::plan(&core, "dang ky khai sinh", true);
                    let _ = engine::search(&core, &[], &plan, &Filter::default(), 10);
                }
            }
            1 => {
                if let Some(shard) = TermShard::parse(bytes) {
                    let idx = index();
                    let mut shards: Vec<Option<TermShard>> = (0..TERM_SHARDS).map(|_| None).collect();
                    let plan = engine::plan(&idx.core, "khai sinh ho chieu", false);
                    for s in plan.shards() {
                        shards[s as usize] = TermShard::parse(bytes);
                    }
                    drop(shard);
                    let r = engine::search(&idx.core, &shards, &plan, &Filter::default(), 10);
                    assert!(r.hits.iter().all(|h| (h.doc as usize) < idx.core.docs));
                }
            }
            _ => {
                let _ = engine::parse_docs(bytes);
            }
        }
    }
});
