//! `motcua search-bench [queries.tsv]`: how long a keystroke takes, natively, once its files are held — the
//! app's own keystroke ([`Session`]: plan, search, the rows), timed over queries typed key by key.

use super::eval::read_judged;
use super::files::{build_index, full_session, site_files};
use crate::search::engine::Filter;
use crate::search::session::Session;
use anyhow::{Context, Result, bail};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// What `motcua search-bench --json` prints (`tests/e2e/search-bench.mjs` reads it).
#[derive(Serialize)]
struct BenchJson {
    queries: usize,
    keystrokes: usize,
    passes: usize,
    median_ms: f64,
    p90_ms: f64,
    max_ms: f64,
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
/// fetched: [`Session::plan`], [`Session::search`] with no filter, and each hit's [`Session::row`]. Blank prefixes are
/// skipped, as the app skips them. One warm-up pass, then `passes` timed passes.
pub fn time_keystrokes(session: &Session, queries: &[String], passes: usize) -> KeyTimes {
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
            let plan = session.plan(text);
            let results = session.search(&plan, &filter);
            sink += results.hits.iter().filter_map(|h| session.row(h)).map(|d| d.code.len()).sum::<usize>();
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
    let mut out = std::io::stdout().lock();
    let mut queries: Vec<String> = extra.to_vec();
    if let Some(tsv) = tsv {
        let text = std::fs::read_to_string(tsv).with_context(|| format!("cannot read {}", tsv.display()))?;
        queries.extend(read_judged(&text).into_iter().map(|j| j.query));
    }
    if queries.is_empty() {
        bail!("no queries: give a TSV (e.g. ../shared/eval/queries-dev.tsv) or --query");
    }
    let catalogue = crate::site::load_catalogue(content)?;
    let index = build_index(&catalogue, content)?;
    let session = full_session(&site_files(&catalogue, &index)?)?;
    let passes = passes.max(1);
    let t = time_keystrokes(&session, &queries, passes);
    let (median, p90, max) = (t.quantile(0.5), t.quantile(0.9), t.quantile(1.0));
    if json {
        // Four decimals, as the text report gives three: the noise of one run is larger.
        let ms = |v: f64| (v * 1e4).round() / 1e4;
        let report = BenchJson {
            queries: queries.len(),
            keystrokes: t.keystrokes,
            passes,
            median_ms: ms(median),
            p90_ms: ms(p90),
            max_ms: ms(max),
        };
        writeln!(out, "{}", serde_json::to_string(&report)?)?;
        return Ok(());
    }
    let profile = if cfg!(debug_assertions) { "debug build: use --release for real figures" } else { "release build" };
    writeln!(
        out,
        "Per-keystroke query time, native ({profile}): {} queries typed key by key, {} keystrokes × {passes} passes",
        queries.len(),
        t.keystrokes,
    )?;
    writeln!(out, "median {median:.3} ms   p90 {p90:.3} ms   max {max:.3} ms   (target: median ≤ 2 ms)")?;
    Ok(())
}
