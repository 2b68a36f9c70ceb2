//! Stage 12, compression: a `.br` and a `.gz` beside every text file written so far, so a server sends
//! compressed bytes without compressing on each request (`motcua serve`, nginx `brotli_static`/`gzip_static`,
//! most CDNs). Variants of bytes compressed by an earlier build come from the cache (see `output.rs`).
//!
//! Brotli's effort is spent where people wait for the bytes. Measured with this crate's brotli on 300–400
//! procedure pages (31 KB each raw, one core): quality 11 takes 33 ms a page, 10 takes 16 ms for 2.2 % more
//! bytes, 9 takes 14 ms for 5.8 % more, and 8 and 7 take 1–2 ms for the same bytes as 9. So 10 for what most
//! visitors open, 7 for the pages few ever do.
//!
//! A page fits in a 256 KB window, and the smaller window's tables cost less to set up for each file: on the
//! same pages it makes quality 7 five times faster for the same bytes (see [`window_for`]).

use super::output::{Output, brotli_with};
use crate::content::{Procedure, core_set};
use crate::routes;
use anyhow::Result;
use std::collections::HashSet;

/// How much brotli effort a file gets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Effort {
    /// The hashed assets: the browser app and stylesheet every visitor downloads (the app's byte budget is
    /// measured on these) and the search index files fetched as people type: quality 11.
    App,
    /// Pages on a citizen's path (procedures people use, home, search, offline): quality 10.
    Page,
    /// Pages of the procedures few people open: quality 7, or 10 when 7 would leave the page near its byte
    /// budget.
    RarePage,
    /// Everything else (print pages, field lists, QR and basket files): quality 7, 40× faster than 11 for
    /// about 10 % more bytes.
    Other,
}

impl Effort {
    /// Its name in the cache key of a `.br` file.
    fn tag(self) -> &'static str {
        match self {
            Effort::App => "11",
            Effort::Page => "10",
            Effort::RarePage => "7p",
            Effort::Other => "7",
        }
    }

    /// The brotli bytes of `bytes` at this effort.
    pub fn brotli(self, bytes: &[u8]) -> Vec<u8> {
        let at = |quality| brotli_with(bytes, quality, window_for(bytes.len()));
        match self {
            Effort::App => at(11),
            Effort::Page => at(10),
            Effort::RarePage => {
                let quick = at(7);
                // A procedure page's budget is 14 KB; 7 is about 6 % larger than 10, so near the budget pay for 10.
                if quick.len() as u64 > super::budget::PROCEDURE_PAGE_BUDGET * 9 / 10 { at(10) } else { quick }
            }
            Effort::Other => at(7),
        }
    }
}

/// The brotli window (log2 of its bytes) for a file of `len` bytes: 256 KB when the file fits in it (brotli's
/// window holds 16 bytes less than its size), so it compresses exactly as with a larger one; 4 MB otherwise.
fn window_for(len: usize) -> u32 {
    if len <= (1 << 18) - 16 { 18 } else { 22 }
}

/// The page files of the procedures few people open, which get [`Effort::RarePage`]: those outside the core
/// set (`content::core_set`: the most used, and what commune centres live on) and outside the most used
/// procedures that together make [`MOST_USES`] of the portal's recorded uses. On today's catalogue that is five
/// pages in six, opened in less than one recorded use in a thousand.
pub fn rarely_opened(procedures: &[Procedure]) -> HashSet<String> {
    let mut busy: HashSet<usize> = core_set::core_set(procedures).into_iter().collect();
    let all_uses: u64 = procedures.iter().map(|p| p.usage_weight).sum();
    let mut counted = 0u64;
    for i in core_set::by_use(procedures) {
        if counted as f64 >= all_uses as f64 * MOST_USES {
            break;
        }
        counted += procedures[i].usage_weight;
        busy.insert(i);
    }
    let rare = (0..procedures.len()).filter(|i| !busy.contains(i)).map(|i| &procedures[i].code);
    rare.flat_map(|code| [routes::procedure(code), routes::requirements(code)]).map(|url| routes::file_of(&url)).collect()
}

/// The share of recorded uses whose procedures' pages get the most compression effort (see [`rarely_opened`]).
const MOST_USES: f64 = 0.999;

/// Compresses every compressible file written so far, on every core. `rarely_opened` holds the files (paths
/// under the site root) of the procedure pages few people open; they get [`Effort::RarePage`]. Returns how many
/// files were compressed afresh (the rest came from the cache).
pub fn all(out: &Output, rarely_opened: &HashSet<String>) -> Result<usize> {
    let before = out.compressed_fresh.load(std::sync::atomic::Ordering::Relaxed);
    let mut files: Vec<(String, Effort)> = out
        .files()
        .into_iter()
        .filter(|(_, compress)| *compress)
        .map(|(rel, _)| {
            let effort = if rarely_opened.contains(&rel) { Effort::RarePage } else { effort_of(&rel) };
            (rel, effort)
        })
        .collect();
    // The slowest first, so that both cores finish together.
    files.sort_by_key(|(_, effort)| matches!(effort, Effort::RarePage | Effort::Other));
    super::on_all_cores(&files, "Nén br/gz", |(rel, effort)| one(out, rel, *effort))?;
    Ok(out.compressed_fresh.load(std::sync::atomic::Ordering::Relaxed) - before)
}

/// Gives one written file its `.br` (at `effort`) and `.gz`.
pub fn one(out: &Output, rel: &str, effort: Effort) -> Result<()> {
    out.precompress(rel, effort.tag(), |bytes| effort.brotli(bytes))
}

/// The effort for a file by where it sits: the hashed assets and the pages on the critical path of a citizen's
/// first visit get the most.
fn effort_of(rel: &str) -> Effort {
    let first = rel.split('/').next().unwrap_or("");
    match first {
        "assets" => Effort::App,
        "p" | "tim-kiem" | "index.html" | "offline" | "sw.js" | "precache.json" => Effort::Page,
        _ => Effort::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::output::brotli_at;

    #[test]
    fn effort_follows_where_people_wait() {
        assert_eq!(effort_of("assets/motcua_bg.0123456789.wasm"), Effort::App);
        assert_eq!(effort_of("assets/search-0123456789/t/ab.bin"), Effort::App);
        assert_eq!(effort_of("p/1.001193/index.html"), Effort::Page);
        assert_eq!(effort_of("index.html"), Effort::Page);
        assert_eq!(effort_of("in/p/1.001193/index.html"), Effort::Other);
        assert_eq!(effort_of("linh-vuc/ho-tich/index.html"), Effort::Other);
    }

    #[test]
    fn a_rare_page_near_its_budget_gets_the_full_effort() {
        // Bytes brotli cannot shrink (a xorshift stream): quality 8 leaves them over 90 % of the budget, so 10 is
        // used, the same bytes as a page people open often.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut noise = Vec::new();
        for _ in 0..13 * 1024 / 8 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            noise.extend_from_slice(&state.to_le_bytes());
        }
        assert!(brotli_with(&noise, 7, 18).len() as u64 > super::super::budget::PROCEDURE_PAGE_BUDGET * 9 / 10);
        assert_eq!(Effort::RarePage.brotli(&noise), Effort::Page.brotli(&noise));
        let text = "Giấy khai sinh, bản chính. ".repeat(400);
        assert_eq!(Effort::RarePage.brotli(text.as_bytes()), brotli_with(text.as_bytes(), 7, 18));
    }

    #[test]
    fn the_smaller_window_loses_no_byte_on_a_file_it_holds() {
        // Only the window's size in the stream's first byte differs.
        let page: String = (0..3000).map(|i| format!("<li>Giấy tờ số {i}: bản sao {}</li>", i % 7)).collect();
        assert!(page.len() < 1 << 18);
        for quality in [7, 8, 10, 11] {
            let small = brotli_with(page.as_bytes(), quality, window_for(page.len()));
            let large = brotli_at(page.as_bytes(), quality);
            assert_eq!(small.len(), large.len(), "quality {quality}");
            assert_eq!(small[1..], large[1..], "quality {quality}");
        }
        assert_eq!(window_for(1 << 20), 22);
    }
}
