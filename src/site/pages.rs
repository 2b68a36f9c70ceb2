//! Stage 5, pages: every page rendered to static HTML on every core, and `public/` copied as it is (but the
//! stylesheets, which the bundles stage wrote under hashed names).

use super::output::Output;
use crate::pages::{Page, SiteIndex, render_page};
use anyhow::{Context, Result, bail};
use std::path::Path;

/// Renders every page into the site and copies `public/`; returns the pages (the sitemap lists them).
pub fn write(out: &Output, index: &SiteIndex, public: &Path) -> Result<Vec<Page>> {
    copy_public(out, public)?;
    let pages = Page::all(index);
    super::on_all_cores(&pages, "Dựng trang", |page| {
        out.write(&page.output_path(index), render_page(*page, index).as_bytes())
    })?;
    Ok(pages)
}

/// Copies `public/` into the site, except the stylesheets (written hashed).
pub fn copy_public(out: &Output, public: &Path) -> Result<()> {
    if !public.is_dir() {
        bail!("the public folder {} does not exist", public.display());
    }
    let mut stack = vec![public.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            let rel = path.strip_prefix(public).expect("walked from public").to_string_lossy().replace('\\', "/");
            if path.is_dir() {
                stack.push(path);
            } else if !["style.css", "poster.css", "basket.css"].contains(&rel.as_str()) {
                let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
                out.write(&rel, &bytes)?;
            }
        }
    }
    Ok(())
}
