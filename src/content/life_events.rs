//! Life events (`content/life_events.toml`): the moments people come to a centre for — a birth, a marriage, a
//! death, land, a vehicle, a business, an ID card — each with the procedures it usually takes, in order.
//!
//! They give each procedure page its neighbours ("often done together") and the `/su-kien/<slug>/` pages.
//! Checked like the rest of `content/`: a code that is not a procedure fails the build with `file:line`.

use super::lines::line_of_quoted;
use super::validate::ContentError;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;

/// The file's name inside `content/`.
pub const FILE: &str = "life_events.toml";

/// One life event.
#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct LifeEvent {
    /// URL segment: `/su-kien/<slug>/`; lower-case ASCII letters, digits and dashes.
    pub slug: String,
    /// Vietnamese title, e.g. "Sinh con".
    pub title: String,
    /// One short sentence saying what the event covers.
    #[serde(default)]
    pub description: String,
    /// Liên thông procedures that do several of `procedures` in one file; shown first.
    #[serde(default)]
    pub combined: Vec<String>,
    /// Procedure codes in the order people usually do them.
    pub procedures: Vec<String>,
    /// For a liên thông procedure of `combined`, the procedures of `procedures` it does in one file: a dossier
    /// basket holding all of them is offered the liên thông procedure in their place.
    #[serde(default)]
    pub covers: std::collections::BTreeMap<String, Vec<String>>,
}

impl LifeEvent {
    /// Every code of the event: combined procedures first, then the others.
    pub fn codes(&self) -> impl Iterator<Item = &String> {
        self.combined.iter().chain(&self.procedures)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    event: Vec<LifeEvent>,
}

fn error(path: &Path, line: Option<usize>, field: &str, message: String) -> ContentError {
    ContentError { file: path.to_path_buf(), line, field: field.to_string(), message }
}

/// Parses and checks the life events in `text` (read from `path`) against the known procedure codes.
/// Returns the events that are usable and every problem found.
pub fn check(path: &Path, text: &str, known: &BTreeSet<String>) -> (Vec<LifeEvent>, Vec<ContentError>) {
    let mut errors = Vec::new();
    let file: File = match super::validate::parse_file(path, text, "life events") {
        Ok(f) => f,
        Err(e) => return (Vec::new(), vec![e]),
    };
    let mut slugs = BTreeSet::new();
    for (i, ev) in file.event.iter().enumerate() {
        let field = |name: &str| format!("event[{i}].{name}");
        // Where this event starts, so codes are located in the right block.
        let start = line_start(text, &ev.slug);
        let line = line_of_quoted(text, &ev.slug, 0);
        if ev.slug.is_empty() || !ev.slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            errors.push(error(path, line, &field("slug"), format!(
                "slug \"{}\" must be lower-case ASCII letters, digits and dashes (it is the URL /su-kien/<slug>/), e.g. \"sinh-con\"",
                ev.slug
            )));
        } else if !slugs.insert(ev.slug.clone()) {
            errors.push(error(path, line, &field("slug"), format!("slug \"{}\" is used twice; every event needs its own", ev.slug)));
        }
        if ev.title.trim().is_empty() {
            errors.push(error(path, line, &field("title"), "the title is empty; write the event's Vietnamese name, e.g. \"Sinh con\"".into()));
        }
        if ev.procedures.is_empty() && ev.combined.is_empty() {
            errors.push(error(path, line, &field("procedures"), "the event lists no procedures; add their codes, e.g. [\"1.001193\"]".into()));
        }
        // Where this event's `covers` starts, so its codes are not found in `procedures` above it.
        let covers_at = text.get(start..).and_then(|t| t.find("covers")).map_or(start, |i| start + i);
        for (joint, parts) in &ev.covers {
            // The key's own line (`"2.000986" = [...]`), not an earlier mention inside another key's list.
            let key_at = text.get(covers_at..).and_then(|t| t.find(&format!("\"{joint}\" ="))).map_or(covers_at, |i| covers_at + i);
            let at = line_of_quoted(text, joint, key_at);
            if !ev.combined.contains(joint) {
                errors.push(error(path, at, &field("covers"), format!(
                    "\"{joint}\" is not in this event's `combined`; covers says what a liên thông procedure of `combined` does in one file"
                )));
            }
            for part in parts {
                if !ev.procedures.contains(part) {
                    errors.push(error(path, line_of_quoted(text, part, covers_at), &field("covers"), format!(
                        "\"{part}\" is not in this event's `procedures`; list only procedures of the event that \"{joint}\" does"
                    )));
                }
            }
        }
        let mut seen = BTreeSet::new();
        for code in ev.codes() {
            let at = line_of_quoted(text, code, start);
            if !known.contains(code) {
                errors.push(error(path, at, &field("procedures"), format!(
                    "unknown procedure code \"{code}\": there is no content/procedures/{code}.toml; fix the code or remove it"
                )));
            } else if !seen.insert(code.clone()) {
                errors.push(error(path, at, &field("procedures"), format!("code \"{code}\" is listed twice in this event; keep one")));
            }
        }
    }
    (file.event, errors)
}

/// Byte offset of the line holding `slug = "<slug>"`, or 0.
fn line_start(text: &str, slug: &str) -> usize {
    text.find(&format!("\"{slug}\"")).map(|at| text[..at].rfind('\n').map_or(0, |n| n + 1)).unwrap_or(0)
}

/// Reads and checks `dir/life_events.toml` when it exists (it is optional: no file, no events).
pub fn check_dir(dir: &Path, known: &BTreeSet<String>) -> (Vec<LifeEvent>, Vec<ContentError>) {
    super::validate::check_optional(dir, FILE, |path, text| check(path, text, known))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> BTreeSet<String> {
        ["1.001193", "2.000986"].iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn covers_names_only_the_events_own_procedures() {
        let text = "[[event]]\nslug = \"sinh-con\"\ntitle = \"Sinh con\"\ncombined = [\"2.000986\"]\nprocedures = [\"1.001193\"]\n\n[event.covers]\n\"2.000986\" = [\"1.001193\", \"2.000986\"]\n\"1.001193\" = []\n";
        let (_, errors) = check(Path::new("life_events.toml"), text, &known());
        let found: Vec<_> = errors.iter().map(|e| (e.line, e.message.split(';').next().unwrap_or("").to_string())).collect();
        assert_eq!(found, [
            (Some(9), "\"1.001193\" is not in this event's `combined`".to_string()),
            (Some(8), "\"2.000986\" is not in this event's `procedures`".to_string()),
        ]);
    }

    #[test]
    fn unknown_codes_are_reported_with_their_line() {
        let text = "[[event]]\nslug = \"sinh-con\"\ntitle = \"Sinh con\"\ncombined = [\"2.000986\"]\nprocedures = [\n  \"1.001193\",\n  \"9.999999\",\n]\n";
        let (events, errors) = check(Path::new("content/life_events.toml"), text, &known());
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].codes().count(), 3);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let e = errors[0].to_string();
        assert!(e.starts_with("content/life_events.toml:7:"), "{e}");
        assert!(e.contains("unknown procedure code \"9.999999\""), "{e}");
    }

    #[test]
    fn bad_slugs_and_syntax_are_reported() {
        let text = "[[event]]\nslug = \"Sinh Con\"\ntitle = \"\"\nprocedures = [\"1.001193\"]\n";
        let (_, errors) = check(Path::new("x.toml"), text, &known());
        assert_eq!(errors.len(), 2, "{errors:?}");
        let (_, errors) = check(Path::new("x.toml"), "[[event]]\nslug = 3\n", &known());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(2));
    }
}
