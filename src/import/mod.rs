//! The importer: turns a portal export (`portal-pages/*.jsonl`, `portal-api-samples/*.json`) into
//! `content/procedures/*.toml` and a quality report. (Being written.)

use std::path::Path;

/// `motcua import <dir>`: reads the export in `source`, writes `content_dir/procedures/*.toml` and
/// `content_dir/IMPORT_REPORT.md`; prints the report too when `print_report` is set.
pub fn run(source: &Path, content_dir: &Path, print_report: bool) -> anyhow::Result<()> {
    let _ = (source, content_dir, print_report);
    anyhow::bail!("the importer is not written yet")
}
