//! The fidelity ledger of the import report: what the pages say about fees, times, legal numbers and results
//! after the importer's repairs and [`crate::pages::facts`]' reading, counted over every procedure, and the
//! core set's editorial status. Tests over the real catalogue check the same facts (`tests/catalogue_quality.rs`).

use crate::content::{Procedure, TimeUnit, core_set::core_set};
use crate::pages::facts::{self, FeeSays};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Writes the ledger's sections into the report.
pub fn render(s: &mut String, procedures: &[Procedure]) {
    let mut fee: BTreeMap<&str, usize> = BTreeMap::new();
    let mut time: BTreeMap<&str, usize> = BTreeMap::new();
    for p in procedures {
        let says: Vec<FeeSays> = p.methods.iter().flat_map(|m| m.fees.iter().map(facts::fee_says)).collect();
        let portal_free = p.methods.iter().flat_map(|m| &m.fees).any(|f| f.amount == Some(0));
        let class = if p.methods.iter().all(|m| m.fees.is_empty()) {
            "nothing at the source"
        } else if says.iter().any(|s| matches!(s, FeeSays::Unclear(_))) {
            "unclear at the source (an amount without its thousands, or glued to the time): said so, with what the portal printed"
        } else if portal_free && says.iter().any(|s| matches!(s, FeeSays::Province)) {
            "portal column \"Miễn phí\", note: set by the provincial People's Council → \"Theo mức của HĐND tỉnh\""
        } else if portal_free && says.iter().any(|s| matches!(s, FeeSays::Rule(_))) {
            "portal column \"Miễn phí\", note names a fee or a fee rule → the rule in words"
        } else if says.iter().any(|s| matches!(s, FeeSays::Province)) {
            "set by the provincial People's Council"
        } else if says.iter().any(|s| matches!(s, FeeSays::Rule(_))) {
            "a rule in words"
        } else if says.iter().all(|s| *s == FeeSays::Free) {
            "free, and no note says otherwise"
        } else {
            "amounts in đồng"
        };
        *fee.entry(class).or_default() += 1;
        let times: Vec<_> = p.methods.iter().map(|m| &m.time).collect();
        let inferred = p.flags.iter().any(|f| f.field.ends_with(".time") && f.reason.contains("lấy"));
        let class = if times.is_empty() || times.iter().all(|t| t.amount.is_none() && t.text.trim().is_empty() && t.unit != TimeUnit::SameDay) {
            "nothing at the source → \"Không ghi thời hạn\""
        } else if times.iter().any(|t| t.amount.is_some() && t.unit == TimeUnit::Unspecified && t.text.is_empty()) {
            "a number without a unit, none in the procedure's own text → \"Không ghi rõ thời hạn\" (the number stays in the official table)"
        } else if inferred {
            "unit recovered from the procedure's own text (flagged with where)"
        } else if times.iter().all(|t| t.amount.is_some() || t.unit == TimeUnit::SameDay) {
            "number and unit as printed"
        } else {
            "in words"
        };
        *time.entry(class).or_default() += 1;
    }
    let _ = writeln!(s, "## What the pages say (fidelity ledger)\n");
    let _ = writeln!(
        s,
        "Per procedure, how its one-line fee and time (glance box, poster, search result, lists, copied text, link \
         preview) are obtained. \"Miễn phí\" is shown only when no note names a fee; a number is shown only with its \
         unit.\n"
    );
    for (title, counts) in [("Fee", &fee), ("Time", &time)] {
        let _ = writeln!(s, "| {title} | procedures |\n| --- | ---: |");
        for (class, n) in counts {
            let _ = writeln!(s, "| {class} | {n} |");
        }
        let _ = writeln!(s);
    }
    let docs: Vec<_> = procedures.iter().flat_map(|p| &p.legal_basis).collect();
    let glued = docs.iter().filter(|d| number_is_glued(&d.number)).count();
    let furniture = procedures.iter().filter(|p| p.results.iter().any(|r| r.contains("Mã:"))).count();
    let _ = writeln!(
        s,
        "Legal basis: {} documents, {} with a number, {glued} numbers still glued to their title's year. Results \
         still carrying the portal's \"Mã: …\" codes: {furniture} procedures.\n",
        docs.len(),
        docs.iter().filter(|d| !d.number.is_empty()).count()
    );

    let core = core_set(procedures);
    let done = core.iter().filter(|&&i| procedures[i].summary.is_some()).count();
    let _ = writeln!(s, "## Core set: editorial status ({done} of {} summarised)\n", core.len());
    let _ = writeln!(
        s,
        "The {} most used procedures by usage weight, then every commune-level procedure of {}. \"summary\": an \
         editor's `[summary]` is in the file (checked at build against the official papers).\n",
        crate::content::core_set::MOST_USED,
        crate::content::core_set::COMMUNE_FIELDS.join(", ")
    );
    let _ = writeln!(s, "| code | name | status |\n| --- | --- | --- |");
    for &i in &core {
        let p = &procedures[i];
        let status = match &p.summary {
            Some(sm) if !sm.corrections.is_empty() => format!("summary, {} corrections", sm.corrections.len()),
            Some(_) => "summary".to_string(),
            None => "todo".to_string(),
        };
        let _ = writeln!(s, "| {} | {} | {status} |", p.code, p.name);
    }
    let _ = writeln!(s);
}

/// A number that still starts with its title's year ("201102/2011/QH13").
pub fn number_is_glued(number: &str) -> bool {
    let Some((head, rest)) = number.split_once('/') else { return false };
    head.len() >= 5
        && head.chars().all(|c| c.is_ascii_digit())
        && (head.starts_with("19") || head.starts_with("20"))
        && !rest.is_empty()
}
