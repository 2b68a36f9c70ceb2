//! What changed in the catalogue, and when (`content/changes.toml`): written by `motcua import` each time a new
//! export differs from `content/` (new, removed and changed procedures, with the parts that changed), and read
//! by the build for the "Mới cập nhật" page and the Atom feed `/cap-nhat.xml`, so officers see what changed in
//! their catalogue. People may add entries by hand for their own edits.

use super::validate::ContentError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// The file's name inside `content/`.
pub const FILE: &str = "changes.toml";

/// One change to one procedure.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The day the change reached the catalogue, `YYYY-MM-DD`.
    pub date: String,
    /// The procedure's code.
    pub code: String,
    /// Its name at the time (a removed procedure has no file left to name it).
    pub name: String,
    /// What happened to it.
    pub kind: ChangeKind,
    /// The parts that changed, in people's words ("Phí, lệ phí", "Thành phần hồ sơ"); empty for new and removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
}

/// What happened to a procedure.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ChangeKind {
    /// It is new in the catalogue.
    #[serde(rename = "mới")]
    #[default]
    New,
    /// Some of its parts changed.
    #[serde(rename = "sửa")]
    Changed,
    /// It left the catalogue (abolished or replaced).
    #[serde(rename = "bỏ")]
    Removed,
}

impl ChangeKind {
    /// The label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::New => "Thủ tục mới",
            ChangeKind::Changed => "Sửa đổi",
            ChangeKind::Removed => "Bãi bỏ",
        }
    }
}

/// The file as written: `[[change]]` tables, newest first.
#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ChangesFile {
    /// The changes, newest first.
    #[serde(default)]
    pub change: Vec<Change>,
}

/// True for a date written `YYYY-MM-DD` with a plausible month and day.
pub fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r.clone()).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let month: u32 = d[5..7].parse().unwrap_or(0);
    let day: u32 = d[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Reads and checks `dir/changes.toml` (absent is fine: no changes recorded yet). A change that names an unknown
/// procedure is refused unless it is a removal.
pub fn check_dir(dir: &Path, known: &BTreeSet<String>) -> (Vec<Change>, Vec<ContentError>) {
    let path = dir.join(FILE);
    let Ok(text) = std::fs::read_to_string(&path) else { return (Vec::new(), Vec::new()) };
    let mut errors = Vec::new();
    let line_at = |offset: usize| Some(text[..offset.min(text.len())].bytes().filter(|&b| b == b'\n').count() + 1);
    let error = |line, field: String, message: String| ContentError { file: path.clone(), line, field, message };
    let file: ChangesFile = match toml::from_str(&text) {
        Ok(f) => f,
        Err(e) => {
            errors.push(error(e.span().and_then(|s| line_at(s.start)), String::new(), format!("not a valid changes file: {}", e.message())));
            return (Vec::new(), errors);
        }
    };
    // Each `[[change]]` header in order, for locating problems.
    let starts: Vec<usize> = text.match_indices("[[change]]").map(|(i, _)| i).collect();
    for (i, c) in file.change.iter().enumerate() {
        let line = starts.get(i).and_then(|&s| line_at(s));
        if !valid_date(&c.date) {
            errors.push(error(line, format!("change[{i}].date"), format!("\"{}\" is not a date; write it as YYYY-MM-DD, e.g. \"2026-11-29\"", c.date)));
        }
        if c.kind != ChangeKind::Removed && !known.contains(&c.code) {
            errors.push(error(line, format!("change[{i}].code"), format!(
                "no procedure has the code \"{}\"; fix the code, or write kind = \"bỏ\" if it was removed", c.code
            )));
        }
    }
    (file.change, errors)
}
