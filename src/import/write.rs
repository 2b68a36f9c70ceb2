//! Writes procedures as TOML files, one per procedure, plus the default `site.toml`.
//!
//! `toml::to_string_pretty` writes multi-line text as `"""` strings and lists of tables as `[[methods]]`
//! blocks, which a provincial officer can read and correct in any editor. A one-line comment on top says what
//! the file is. Files whose bytes would not change are left alone.

use super::report::Report;
use crate::content::Procedure;
use anyhow::Context;
use std::collections::BTreeSet;
use std::path::Path;

/// The default site settings, written once; the deploying centre replaces the placeholders.
pub const DEFAULT_SITE: &str = r#"# Cài đặt chung của trang. Trung tâm triển khai trang SỬA các giá trị dưới đây cho đúng với mình.
# Site-wide settings. The deploying centre MUST replace the placeholders below (marked "THAY").

title = "Tra cứu thủ tục hành chính"
description = "Cần mang giấy tờ gì, mất bao nhiêu tiền, bao lâu, nộp ở đâu: tra cứu 2.642 thủ tục hành chính theo dữ liệu Cổng Dịch vụ công Quốc gia."
# THAY: the public address of the site, https, without a trailing slash (used for canonical links and QR codes).
base_url = "https://motcua.example.vn"

# THAY: the public service centre where this copy of the site is deployed.
[centre]
name = "Trung tâm Phục vụ hành chính công xã (THAY: tên xã, phường)"
address = "THAY: số nhà, đường, xã/phường, tỉnh/thành phố"
phone = "THAY: số điện thoại, ví dụ 0200 3xxx xxx"
hours = "Sáng 7:30–11:30, chiều 13:30–17:00, thứ Hai đến thứ Sáu"
"#;

/// Renders one procedure file.
pub fn render(p: &Procedure) -> anyhow::Result<String> {
    let body = toml::to_string_pretty(p).with_context(|| format!("serialising {}", p.code))?;
    let title = p.name.replace('\n', " ");
    Ok(format!(
        "# {} — {}\n# Nhập từ Cổng Dịch vụ công Quốc gia bằng `motcua import`; sửa trực tiếp được (xem flags ở cuối tệp).\n\n{body}",
        p.code, title
    ))
}

/// Writes every procedure under `content_dir/procedures/`, `site.toml` if missing, and records counts, stale
/// files and what changed (dated `date`) in the report. Editors' work in the current files (`also_called`, the
/// `[summary]`) is carried into the new ones.
pub fn write_all(procedures: &mut [Procedure], content_dir: &Path, report: &mut Report, progress: bool, date: &str) -> anyhow::Result<()> {
    let dir = content_dir.join("procedures");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let bar = if progress { indicatif::ProgressBar::new(procedures.len() as u64) } else { indicatif::ProgressBar::hidden() };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message("ghi tệp");
    let mut codes = BTreeSet::new();
    let first_import = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok())
        .all(|e| e.path().extension().is_none_or(|x| x != "toml"))
        .then_some(());
    for p in procedures.iter_mut() {
        bar.inc(1);
        codes.insert(p.code.clone());
        let path = dir.join(format!("{}.toml", p.code));
        let old: Option<Procedure> = std::fs::read_to_string(&path).ok().and_then(|t| toml::from_str(&t).ok());
        if let Some(old) = &old {
            super::diff::keep_editorial(old, p);
        }
        // The first import into an empty folder records nothing: every procedure would be "new".
        if first_import.is_none() {
            report.changes.extend(super::diff::change(date, old.as_ref(), p));
        }
        let text = render(p)?;
        if std::fs::read(&path).ok().as_deref() == Some(text.as_bytes()) {
            report.written.1 += 1;
            continue;
        }
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        report.written.0 += 1;
    }
    bar.finish_and_clear();
    let mut stale: Vec<String> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let code = name.strip_suffix(".toml")?.to_string();
            (!codes.contains(&code)).then_some(name)
        })
        .collect();
    stale.sort();
    report.stale = stale;
    let site = content_dir.join("site.toml");
    if !site.exists() {
        std::fs::write(&site, DEFAULT_SITE).with_context(|| format!("writing {}", site.display()))?;
    }
    Ok(())
}
