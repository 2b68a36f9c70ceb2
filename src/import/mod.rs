//! The importer: turns a portal export (`portal-pages/*.jsonl`, `portal-api-samples/*.json`,
//! `usage-weights.tsv`) into `content/procedures/<code>.toml`, `content/IMPORT_REPORT.md` and, when missing,
//! `content/site.toml`.
//!
//! After the first import `content/` is the source of truth, edited by hand; the importer is a refresh tool.
//! Its rules, so a refresh never surprises anyone:
//! - deterministic: records are sorted by code, files have no timestamps, so the same export gives
//!   byte-identical files (unchanged files are not even rewritten);
//! - when both formats give the same code, the structured API record wins (it is the portal's own structure,
//!   and what provinces export); the report lists those codes;
//! - files under `procedures/` whose code is not in the export are never deleted: the report lists them;
//! - `site.toml` is written only when it does not exist (it holds the deploying centre's own settings);
//! - usage weights: a code listed for several audiences (citizen, business) carries the same portal count on
//!   each line, so the weight is the maximum, not the sum (summing would double-count).

pub mod clean;
pub mod diff;
pub mod fees;
pub mod forms;
pub mod furniture;
pub mod ledger;
pub mod legal;
pub mod portal_api;
pub mod portal_pages;
pub mod report;
pub mod sections;
pub mod steps;
pub mod syllables;
pub mod tables;
pub mod times;
pub mod write;

use crate::content::Procedure;
use anyhow::Context;
use report::{Record, Report};
use std::collections::BTreeMap;
use std::path::Path;

/// `motcua import <dir>`: reads the export in `source`, writes `content_dir/procedures/*.toml` and
/// `content_dir/IMPORT_REPORT.md`, and records what changed (dated `date`, default today) at the top of
/// `content_dir/changes.toml` unless `record` is off (a re-parse of the same export by a newer importer);
/// prints the report too when `print_report` is set.
pub fn run(source: &Path, content_dir: &Path, print_report: bool, date: Option<&str>, record: bool) -> anyhow::Result<()> {
    let date = date.map(str::to_string).unwrap_or_else(diff::today);
    if !crate::content::changes::valid_date(&date) {
        anyhow::bail!("--date {date}: write the date as YYYY-MM-DD");
    }
    let (mut procedures, mut report) = read_export(source, true)?;
    write::write_all(&mut procedures, content_dir, &mut report, true, &date)?;
    if record {
        record_changes(content_dir, &report.changes)?;
    }
    // The report shows the newest import's changes as recorded, so re-importing the same export changes nothing.
    report.changes = newest_changes(content_dir);
    report.to_review = procedures
        .iter()
        .filter_map(|p| {
            let parts: Vec<String> = report.changes.iter().filter(|c| c.code == p.code).flat_map(|c| c.parts.clone()).collect();
            diff::summary_review(p, &parts).map(|why| (p.code.clone(), why))
        })
        .collect();
    let text = report.render(&procedures);
    std::fs::write(content_dir.join("IMPORT_REPORT.md"), &text)
        .with_context(|| format!("writing {}", content_dir.join("IMPORT_REPORT.md").display()))?;
    if print_report {
        // Through a write that returns its error: a closed pipe (`… | head`) then ends the command quietly.
        std::io::Write::write_all(&mut std::io::stdout().lock(), format!("{text}\n").as_bytes())?;
    } else {
        eprintln!(
            "{} procedures ({} files changed, {} unchanged) in {}; report in {}",
            procedures.len(),
            report.written.0,
            report.written.1,
            content_dir.join("procedures").display(),
            content_dir.join("IMPORT_REPORT.md").display()
        );
    }
    Ok(())
}

/// Puts `changes` at the top of `content_dir/changes.toml` (newest first), keeping what it held.
fn record_changes(content_dir: &Path, changes: &[crate::content::changes::Change]) -> anyhow::Result<()> {
    use crate::content::changes::{ChangesFile, FILE};
    if changes.is_empty() {
        return Ok(());
    }
    let path = content_dir.join(FILE);
    let mut file: ChangesFile = match std::fs::read_to_string(&path) {
        Ok(text) => toml::from_str(&text).with_context(|| format!("{} is not valid; fix it (motcua check) and import again", path.display()))?,
        Err(_) => ChangesFile::default(),
    };
    file.change.splice(0..0, changes.iter().cloned());
    let text = format!(
        "# Thay đổi trong danh mục, mới nhất trước: `motcua import` ghi khi bản xuất mới khác nội dung hiện có;\n\
         # trang /cap-nhat/ và nguồn tin /cap-nhat.xml lấy từ đây. Có thể thêm tay (kind = \"mới\" | \"sửa\" | \"bỏ\").\n\n{}",
        toml::to_string_pretty(&file)?
    );
    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
}

/// The entries of the newest date in `content_dir/changes.toml` (none when there is no such file).
fn newest_changes(content_dir: &Path) -> Vec<crate::content::changes::Change> {
    let text = std::fs::read_to_string(content_dir.join(crate::content::changes::FILE)).unwrap_or_default();
    let file: crate::content::changes::ChangesFile = toml::from_str(&text).unwrap_or_default();
    let newest = file.change.iter().map(|c| c.date.clone()).max().unwrap_or_default();
    file.change.into_iter().filter(|c| c.date == newest).collect()
}

/// Reads every input of an export folder into procedures sorted by code, with the report's records.
/// `progress` shows a progress bar on stderr.
pub fn read_export(source: &Path, progress: bool) -> anyhow::Result<(Vec<Procedure>, Report)> {
    let mut report = Report::default();
    let mut by_code: BTreeMap<String, (Procedure, Record)> = BTreeMap::new();

    let pages_dir = source.join("portal-pages");
    let api_dir = source.join("portal-api-samples");
    let pages = list(&pages_dir, "jsonl")?;
    let apis = list(&api_dir, "json")?;
    if pages.is_empty() && apis.is_empty() {
        anyhow::bail!(
            "{} has no portal-pages/*.jsonl nor portal-api-samples/*.json: give the export folder (e.g. ../shared/data/dvcqg)",
            source.display()
        );
    }
    let mut lines_total = 0u64;
    let mut texts = Vec::new();
    for path in &pages {
        let text = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let text = String::from_utf8_lossy(&text).into_owned();
        lines_total += text.lines().filter(|l| !l.trim().is_empty()).count() as u64;
        texts.push((path, text));
    }
    let bar = if progress { indicatif::ProgressBar::new(lines_total + apis.len() as u64) } else { indicatif::ProgressBar::hidden() };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message("nhập dữ liệu");
    for (path, text) in &texts {
        let name = relative(source, path);
        report.inputs.push(name.clone());
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            bar.inc(1);
            let rec: portal_pages::PageRecord = match serde_json::from_str(line) {
                Ok(r) => r,
                Err(e) => {
                    report.errors.push(format!("{name}:{}: not a JSON record ({e}); line skipped", n + 1));
                    continue;
                }
            };
            let (p, mut r) = portal_pages::to_procedure(&rec);
            r.source = format!("{name}:{}", n + 1);
            if p.code.is_empty() {
                report.errors.push(format!("{name}:{}: record has no ma_thu_tuc; skipped", n + 1));
                continue;
            }
            if let Some((_, old)) = by_code.get(&p.code) {
                report.errors.push(format!("{name}:{}: code {} already read from {}; the later record is used", n + 1, p.code, old.source));
            }
            by_code.insert(p.code.clone(), (p, r));
        }
    }
    for path in &apis {
        bar.inc(1);
        let name = relative(source, path);
        report.inputs.push(name.clone());
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let rec: portal_api::ApiRecord = match serde_json::from_slice(&bytes) {
            Ok(r) => r,
            Err(e) => {
                report.errors.push(format!("{name}: not an API record ({e}); skipped"));
                continue;
            }
        };
        let (p, mut r) = portal_api::to_procedure(&rec);
        r.source = name.clone();
        if p.code.is_empty() {
            report.errors.push(format!("{name}: record has no code; skipped"));
            continue;
        }
        if by_code.contains_key(&p.code) {
            report.overridden.push(p.code.clone());
        }
        by_code.insert(p.code.clone(), (p, r));
    }
    bar.finish_and_clear();

    // Usage weights.
    let weights_path = source.join("usage-weights.tsv");
    if weights_path.exists() {
        let text = String::from_utf8_lossy(&std::fs::read(&weights_path)?).into_owned();
        let mut weights: BTreeMap<String, u64> = BTreeMap::new();
        let mut rows = 0;
        for (n, line) in text.lines().enumerate().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                continue;
            }
            rows += 1;
            match cols[2].trim().parse::<u64>() {
                Ok(w) => {
                    let e = weights.entry(cols[0].trim().to_string()).or_default();
                    *e = (*e).max(w);
                }
                Err(_) => report.errors.push(format!("usage-weights.tsv:{}: weight \"{}\" is not a whole number; row skipped", n + 1, cols[2])),
            }
        }
        let mut matched = 0;
        for (code, w) in &weights {
            if let Some((p, _)) = by_code.get_mut(code) {
                p.usage_weight = *w;
                matched += 1;
            }
        }
        report.weights = (rows, matched, weights.len() - matched);
        report.inputs.push("usage-weights.tsv".into());
    }

    let mut procedures = Vec::with_capacity(by_code.len());
    for (code, (p, r)) in by_code {
        report.records.insert(code, r);
        procedures.push(p);
    }
    Ok((procedures, report))
}

fn list(dir: &Path, ext: &str) -> anyhow::Result<Vec<std::path::PathBuf>> {
    match crate::content::folder::files_with_extension(dir, ext) {
        Ok(paths) => Ok(paths),
        Err(e) if e.is_missing() => Ok(Vec::new()),
        Err(e) => Err(e.into()),
    }
}

fn relative(base: &Path, path: &Path) -> String {
    path.strip_prefix(base).unwrap_or(path).to_string_lossy().replace('\\', "/")
}
