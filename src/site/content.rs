//! Stage 1, load and check content: reads `site.toml`, every procedure, the life events and the search lists of
//! a content folder, and reports every problem at once as `file:line: field: what is wrong; what to do`.
//! `motcua check` runs this stage (and the search lists' checks) alone, for editors and CI.

use crate::content::Catalogue;
use anyhow::Result;
use std::path::Path;

/// Loads and checks the content folder `dir` (the build's first stage, and the commands that need the catalogue
/// without building a site); on problems, the error lists each one on its own line.
pub fn load_catalogue(dir: &Path) -> Result<Catalogue> {
    if !dir.is_dir() {
        anyhow::bail!(
            "không thấy thư mục nội dung {} (content folder not found); give --content, or run `motcua import <export>` to create it",
            dir.display()
        );
    }
    Catalogue::load(dir).map_err(|errors| {
        let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        anyhow::anyhow!(
            "nội dung có {} lỗi, chưa dựng trang (dist/ giữ nguyên); sửa từng chỗ dưới đây rồi dựng lại:\n{}",
            errors.len(),
            list.join("\n")
        )
    })
}

/// `motcua check`: every problem in the content folder, including the search lists (`synonyms.toml`,
/// `regional.toml`, `question_words.toml`, `variant_words.toml`, `outside.toml`), which are checked by building the search index. Prints a one-line verdict on success.
pub fn check(dir: &Path) -> Result<()> {
    let catalogue = load_catalogue(dir)?;
    crate::search::build_index::build(&catalogue.procedures, dir)
        .map_err(|e| anyhow::anyhow!("danh sách tìm kiếm có lỗi (search lists):\n{e}"))?;
    let summaries = catalogue.procedures.iter().filter(|p| p.summary.is_some()).count();
    let local_fees: usize = catalogue.procedures.iter().map(|p| p.local_fees.len()).sum();
    println!(
        "{}: nội dung hợp lệ — {} thủ tục ({} có tóm tắt biên tập), {} sự kiện đời sống, {} trung tâm, {} mức phí của tỉnh",
        dir.display(),
        catalogue.procedures.len(),
        summaries,
        catalogue.life_events.len(),
        catalogue.centres.len(),
        local_fees
    );
    Ok(())
}
