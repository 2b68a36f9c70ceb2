//! Stage 7, centre data: each centre as `/tt/<slug>/tt.json`, what a procedure page needs to say "Ở <centre>:
//! nộp tại …, giờ …, gọi …" for the reader's centre (`site/centre.js` fetches it once and keeps it on the
//! device). One small file per centre, so a national site of 3,321 communes costs a phone one centre's bytes.

use super::output::Output;
use crate::pages::SiteIndex;
use anyhow::{Context, Result};

/// Writes every centre's data file.
pub fn write(out: &Output, index: &SiteIndex) -> Result<()> {
    for c in &index.catalogue.centres {
        let json = serde_json::to_vec(c).with_context(|| format!("centre data of {}", c.slug))?;
        out.write(&crate::routes::file_of(&crate::routes::centre_data(&c.slug)), &json)?;
    }
    Ok(())
}
