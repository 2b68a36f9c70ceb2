//! The province's own fees (`content/local_fees.toml`): for many procedures the national text says only that
//! the provincial People's Council sets the fee, or its figure is not the one charged here ("lệ phí hồ sơ trên
//! phần mềm không thể hiện mức thu đúng quy định"). A province writes each fee once, with the resolution that
//! sets it; pages, posters, search lines and copied text then show it with that source (`pages/facts.rs`), and
//! the national text stays on the page.
//!
//! An overlay, not an edit: procedures' files keep the national text, so a re-import never loses a local fee
//! and never mixes the two. A row naming a procedure or a way of submitting the catalogue does not have fails
//! the build with `file:line`.

use super::model::{LocalFee, Procedure};
use super::validate::ContentError;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The file's name inside `content/`.
pub const FILE: &str = "local_fees.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    fee: Vec<LocalFee>,
}

fn error(path: &Path, line: Option<usize>, field: &str, message: String) -> ContentError {
    ContentError { file: path.to_path_buf(), line, field: field.to_string(), message }
}

/// Parses and checks `text` against the catalogue's codes (`known`, every file's, even one that failed its own
/// checks) and the procedures that parsed (sorted by code, for their ways of submitting). Returns the rows and
/// every problem.
pub fn check(path: &Path, text: &str, known: &BTreeSet<String>, procedures: &[Procedure]) -> (Vec<LocalFee>, Vec<ContentError>) {
    let file: File = match super::validate::parse_file(path, text, "local fees") {
        Ok(f) => f,
        Err(e) => return (Vec::new(), vec![e]),
    };
    let starts = super::lines::block_starts(text, "fee");
    let mut errors = Vec::new();
    // Which rows already cover which ways of each procedure: two rows for the same way would leave pages to
    // guess which figure holds (an old and a new resolution), so they are refused.
    let mut covered: BTreeMap<&str, Vec<(Option<crate::content::Channel>, usize)>> = BTreeMap::new();
    for (i, f) in file.fee.iter().enumerate() {
        let line = starts.get(i).map(|s| super::lines::line_of(text, *s));
        let field = |name: &str| format!("fee[{i}].{name}");
        if !known.contains(&f.procedure) {
            errors.push(error(path, line, &field("procedure"), format!("no procedure has the code \"{}\"; check the code on its page (/p/<code>/)", f.procedure)));
            continue;
        }
        let rows = covered.entry(f.procedure.as_str()).or_default();
        if let Some((_, first)) = rows.iter().find(|(c, _)| c.is_none() || f.channel.is_none() || *c == f.channel) {
            errors.push(error(path, line, &field("channel"), format!(
                "fee[{first}] already sets {}'s fee for this way of submitting; keep one row per way (the one in force), or give each its `channel`",
                f.procedure
            )));
        }
        rows.push((f.channel, i));
        // A procedure whose own file has problems is reported there; its ways are checked once it parses.
        let Ok(at) = procedures.binary_search_by(|p| p.code.as_str().cmp(&f.procedure)) else { continue };
        let p = &procedures[at];
        if let Some(ch) = f.channel {
            if !p.methods.iter().any(|m| m.channel == ch) {
                let has: Vec<&str> = p.methods.iter().map(|m| m.channel.label()).collect();
                errors.push(error(path, line, &field("channel"), format!(
                    "{} cannot be submitted that way ({}); its ways are: {}; remove `channel` to cover every way",
                    f.procedure,
                    ch.label(),
                    if has.is_empty() { "none listed".to_string() } else { has.join(", ") }
                )));
            }
        }
        if f.amount.is_none() && f.rule.trim().is_empty() {
            errors.push(error(path, line, &field("amount"), "gives neither `amount` (in đồng) nor `rule` (in words); write what is charged".into()));
        }
        if f.resolution.trim().is_empty() {
            errors.push(error(path, line, &field("resolution"), "names no resolution; write the one that sets the fee (\"Nghị quyết số 12/2025/NQ-HĐND\")".into()));
        }
        for (name, date) in [("effective", &f.effective), ("signed", &f.signed)] {
            if (name == "effective" || !date.is_empty()) && !super::changes::valid_date(date) {
                errors.push(error(path, line, &field(name), format!("\"{date}\" is not a date; write it as YYYY-MM-DD, e.g. \"2025-08-01\"")));
            }
        }
    }
    (file.fee, errors)
}

/// Reads `dir/local_fees.toml` when it exists and attaches each row to its procedure.
pub fn apply_dir(dir: &Path, known: &BTreeSet<String>, procedures: &mut [Procedure]) -> Vec<ContentError> {
    let (fees, errors) = super::validate::check_optional(dir, FILE, |path, text| check(path, text, known, procedures));
    if errors.is_empty() {
        for f in fees {
            if let Ok(at) = procedures.binary_search_by(|p| p.code.as_str().cmp(&f.procedure)) {
                procedures[at].local_fees.push(f);
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Channel, Method};

    #[test]
    fn unknown_codes_channels_and_missing_sources_are_reported_with_their_line() {
        let procs = vec![Procedure { code: "1.000001".into(), methods: vec![Method { channel: Channel::InPerson, time: Default::default(), fees: Vec::new(), description: String::new() }], ..Default::default() }];
        let text = "[[fee]]\nprocedure = \"1.000001\"\namount = 8000\nresolution = \"NQ 1\"\neffective = \"2025-08-01\"\n\n[[fee]]\nprocedure = \"9.999999\"\namount = 1\nresolution = \"x\"\neffective = \"2025-01-01\"\n\n[[fee]]\nprocedure = \"1.000001\"\nchannel = \"trực tuyến\"\nresolution = \"\"\neffective = \"1/8/2025\"\n";
        let known: BTreeSet<String> = ["1.000001".to_string()].into();
        let (fees, errors) = check(Path::new("local_fees.toml"), text, &known, &procs);
        assert_eq!(fees.len(), 3);
        let got: Vec<_> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        // fee[2] overlaps fee[0] (which covers every way), and names a way the procedure does not have.
        assert_eq!(got, [(Some(7), "fee[1].procedure"), (Some(13), "fee[2].channel"), (Some(13), "fee[2].channel"), (Some(13), "fee[2].amount"), (Some(13), "fee[2].resolution"), (Some(13), "fee[2].effective")]);
        assert!(errors[1].message.contains("fee[0] already sets"), "{}", errors[1].message);
    }
}
