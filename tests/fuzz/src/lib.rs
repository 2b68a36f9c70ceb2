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
}

/// Accent folding and slugs (`src/text.rs`).
#[path = "../../../src/text.rs"]
pub mod text;

use search::engine::{Core, TermShard};
use search::format::Reader;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The real index: `core.bin` and every term shard.
pub struct Index {
    /// The core file.
    pub core: Core,
    /// Term shards by number.
    pub shards: Vec<Option<TermShard>>,
}

/// The newest `search.bundle` build.rs wrote (`$MOTCUA_SEARCH_BUNDLE` overrides): any `cargo build` or
/// `cargo test` of the main crate leaves one in `target/*/build/motcua-*/out/`.
fn bundle_path() -> PathBuf {
    if let Some(p) = std::env::var_os("MOTCUA_SEARCH_BUNDLE") {
        return PathBuf::from(p);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    for profile in ["debug", "release"] {
        let Ok(dirs) = std::fs::read_dir(root.join("target").join(profile).join("build")) else { continue };
        for d in dirs.flatten() {
            let p = d.path().join("out/search.bundle");
            if let Ok(m) = std::fs::metadata(&p) {
                if m.len() > 0 {
                    found.push((m.modified().unwrap_or(std::time::UNIX_EPOCH), p));
                }
            }
        }
    }
    found.sort();
    found.pop().map(|(_, p)| p).expect("no search.bundle: run `cargo build` in the repository first (or set MOTCUA_SEARCH_BUNDLE)")
}

/// The real index, loaded once per fuzzing process.
pub fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| {
        let path = bundle_path();
        let bytes = std::fs::read(&path).expect("read search.bundle");
        let mut r = Reader::new(&bytes);
        let mut core = None;
        let mut shards: Vec<Option<TermShard>> = Vec::new();
        while !r.done() {
            let name = r.str().expect("bundle name").to_string();
            let len = r.varint().expect("bundle length") as usize;
            let body = r.bytes(len).expect("bundle file");
            if name == "core.bin" {
                core = Some(Core::parse(body).expect("valid core.bin"));
            } else if let Some(i) = name.strip_prefix('t').and_then(|s| s.strip_suffix(".bin")).and_then(|s| s.parse::<usize>().ok()) {
                if shards.len() <= i {
                    shards.resize_with(i + 1, || None);
                }
                shards[i] = Some(TermShard::parse(body).expect("valid term shard"));
            }
        }
        eprintln!("fuzzing over {} ({} term shards)", path.display(), shards.len());
        Index { core: core.expect("core.bin in the bundle"), shards }
    })
}
