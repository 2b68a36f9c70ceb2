//! Papers many procedures ask for (`content/shared_papers.toml`): the ID card, proof of residence, an
//! authorisation letter. Each has an id; an editor's summary item that says `same = "<id>"` is that paper.
//!
//! The dossier basket ("Giỏ hồ sơ") lists such a paper once for every procedure that needs it, so a person doing
//! three procedures reads about their ID card once. Matching is an editor's decision written in the content,
//! never guessed from similar words: two papers with similar names can differ in what they must show.
//! Checked like the rest of `content/`: a bad id, a duplicate, or a summary naming an unknown id fails the
//! build with `file:line`.

use super::lines::line_of_quoted;
use super::validate::ContentError;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;

/// The file's name inside `content/`.
pub const FILE: &str = "shared_papers.toml";

/// One paper that several procedures ask for.
#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct SharedPaper {
    /// What summaries write in `same = "…"`: lower-case ASCII letters, digits and dashes.
    pub id: String,
    /// The paper in plain words, as the basket shows it once for all its procedures.
    pub name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    paper: Vec<SharedPaper>,
}

fn error(path: &Path, line: Option<usize>, field: &str, message: String) -> ContentError {
    ContentError { file: path.to_path_buf(), line, field: field.to_string(), message }
}

/// Whether `id` can be a shared paper's id.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parses and checks `text` (read from `path`). Returns the usable papers and every problem found.
pub fn check(path: &Path, text: &str) -> (Vec<SharedPaper>, Vec<ContentError>) {
    let mut errors = Vec::new();
    let file: File = match super::validate::parse_file(path, text, "shared papers") {
        Ok(f) => f,
        Err(e) => return (Vec::new(), vec![e]),
    };
    let mut ids = BTreeSet::new();
    let starts = super::lines::block_starts(text, "paper");
    for (i, p) in file.paper.iter().enumerate() {
        let line = line_of_quoted(text, &p.id, starts.get(i).copied().unwrap_or(0));
        let field = |name: &str| format!("paper[{i}].{name}");
        if !valid_id(&p.id) {
            errors.push(error(path, line, &field("id"), format!(
                "id \"{}\" must be lower-case ASCII letters, digits and dashes, e.g. \"giay-to-tuy-than\"",
                p.id
            )));
        } else if !ids.insert(p.id.clone()) {
            errors.push(error(path, line, &field("id"), format!("id \"{}\" is used twice; every paper needs its own", p.id)));
        }
        if p.name.trim().is_empty() {
            errors.push(error(path, line, &field("name"), "the name is empty; write the paper in plain words".into()));
        }
    }
    (file.paper, errors)
}

/// Reads and checks `dir/shared_papers.toml` when it exists (optional: no file, no shared papers).
pub fn check_dir(dir: &Path) -> (Vec<SharedPaper>, Vec<ContentError>) {
    super::validate::check_optional(dir, FILE, check)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_and_duplicate_ids_are_reported_with_their_line() {
        let text = "[[paper]]\nid = \"can-cuoc\"\nname = \"Căn cước\"\n\n[[paper]]\nid = \"Cư trú\"\nname = \"x\"\n\n[[paper]]\nid = \"can-cuoc\"\nname = \"\"\n";
        let (papers, errors) = check(Path::new("shared_papers.toml"), text);
        assert_eq!(papers.len(), 3);
        let lines: Vec<_> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(lines, [(Some(6), "paper[1].id"), (Some(10), "paper[2].id"), (Some(10), "paper[2].name")]);
    }
}
