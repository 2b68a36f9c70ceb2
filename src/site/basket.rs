//! Stage 6, dossier basket entries: what each procedure brings to a basket, as `/gio-ho-so/d/<code>.json`
//! (see [`crate::pages::basket`]). One small file per procedure, so a basket fetches only its own procedures
//! and the service worker keeps each for offline use.

use super::output::Output;
use crate::pages::SiteIndex;
use crate::pages::basket::entry;
use anyhow::{Context, Result};

/// Writes every procedure's basket entry.
pub fn write(out: &Output, index: &SiteIndex) -> Result<()> {
    super::on_all_cores(&index.catalogue.procedures, "Giỏ hồ sơ", |p| {
        let json = serde_json::to_vec(&entry(p, &index.catalogue)).with_context(|| format!("basket entry of {}", p.code))?;
        out.write(&crate::routes::file_of(&crate::routes::basket_entry(&p.code)), &json)
    })
}
