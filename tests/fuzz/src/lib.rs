//! The search code under fuzzing, compiled from the main crate's own files (they have no dependencies), plus
//! the real index the build exported, loaded once.

/// The analyzer, the index format, the engine and its sorting helpers, exactly as the browser and
/// `motcua search` compile them (a new module the engine uses must be listed here too).
#[path = "../../../src/search"]
pub mod search {
    pub mod analyzer;
    pub mod engine;
    pub mod format;
    pub mod order;
    pub mod outside;
    pub mod question;
    pub mod variant_words;
}

/// Accent folding and slugs (`src/text.rs`).
#[path = "../../../src/text.rs"]
pub mod text;

use search::engine::{Core, TermShard};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The real index: `core.bin` and every term shard.
pub struct Index {
    /// The core file.
    pub core: Core,
    /// Term shards by number.
    pub shards: Vec<Option<TermShard>>,
}

/// The search index files of a built site: `$MOTCUA_SEARCH_DIR`, else the site `cargo test`'s end-to-end test
/// builds (`target/tmp/e2e-dist`, whose `search.txt` names the folder of `core.bin` and the term shards).
fn index_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("MOTCUA_SEARCH_DIR") {
        return PathBuf::from(p);
    }
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/tmp/e2e-dist");
    let named = std::fs::read_to_string(site.join("search.txt"))
        .expect("no built site in target/tmp/e2e-dist: run `cargo test` first (or set MOTCUA_SEARCH_DIR)");
    site.join(named.trim().trim_start_matches('/'))
}

/// The real index, loaded once per fuzzing process.
pub fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| {
        let path = index_dir();
        let mut core = None;
        let mut shards: Vec<Option<TermShard>> = Vec::new();
        for entry in std::fs::read_dir(&path).expect("read the index folder").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let body = std::fs::read(entry.path()).expect("read an index file");
            if name == "core.bin" {
                core = Some(Core::parse(&body).expect("valid core.bin"));
            } else if let Some(i) = name.strip_prefix('t').and_then(|s| s.strip_suffix(".bin")).and_then(|s| s.parse::<usize>().ok()) {
                if shards.len() <= i {
                    shards.resize_with(i + 1, || None);
                }
                shards[i] = Some(TermShard::parse(&body).expect("valid term shard"));
            }
        }
        eprintln!("fuzzing over {} ({} term shards)", path.display(), shards.len());
        Index { core: core.expect("core.bin in the index folder"), shards }
    })
}
