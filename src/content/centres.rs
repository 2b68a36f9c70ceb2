//! Public service centres: the site's own (`[centre]` in `site.toml`, the default) and one file per centre in
//! `content/centres/<slug>.toml`, for a province that runs one site for all its communes.
//!
//! After the 2025 reform a commune is often several old ones merged; people still say the old names, a centre
//! may receive dossiers at an old commune's office, and the commune police (residence, ID cards) may sit at
//! another address. A centre file says all of that, and per field which desk and whose phone. Checked like
//! the rest of `content/`: a field no procedure has, a bad phone, a slug used twice fail the build with
//! `file:line`.

use super::model::{Centre, DEFAULT_CENTRE_SLUG};
use super::lines::{line_of, line_of_quoted};
use super::validate::ContentError;
use crate::routes::valid_centre_slug;
use crate::text::fold;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The folder of centre files inside `content/`.
pub const DIR: &str = "centres";

fn error(path: &Path, line: Option<usize>, field: &str, message: String) -> ContentError {
    ContentError { file: path.to_path_buf(), line, field: field.to_string(), message }
}

/// What is wrong with a phone number as written, if anything. Vietnamese numbers have 10 or 11 digits from
/// `0` (`+84` abroad), hotlines 1800/1900 numbers of 8 to 10 digits, emergency numbers 3; separators are
/// spaces, dots and dashes.
pub fn phone_problem(phone: &str) -> Option<&'static str> {
    if phone.chars().any(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '+' | '(' | ')'))) {
        return Some("has characters a phone cannot dial (letters, commas?); write one number, digits with spaces or dots");
    }
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let national = if let Some(rest) = phone.trim().strip_prefix("+84") {
        format!("0{}", rest.chars().filter(char::is_ascii_digit).collect::<String>())
    } else if phone.contains('+') {
        return Some("has a \"+\" that is not the country code +84");
    } else {
        digits
    };
    let ok = match national.len() {
        3 => national.starts_with('1'),
        8..=10 if national.starts_with("1800") || national.starts_with("1900") => true,
        10 | 11 => national.starts_with('0'),
        _ => false,
    };
    (!ok).then_some("is not a phone number: write 10 or 11 digits starting with 0 (e.g. \"0234 3512 345\"), or a 1800/1900 number")
}


/// Where the `n`th `[[<header>]]` block starts (0 when there is no such block).
fn block_start(text: &str, header: &str, n: usize) -> usize {
    super::lines::block_starts(text, header).get(n).copied().unwrap_or(0)
}

/// Whether a value is still the placeholder `site.toml` ships with ("THAY: …"), which the build accepts so a
/// fresh copy builds; the deploying centre replaces it.
fn placeholder(value: &str) -> bool {
    value.trim_start().starts_with("THAY")
}

/// The checks every centre gets, wherever it is written: names, phones, fields that exist, each field at
/// one desk. `prefix` is the field path's start (`centre.` in `site.toml`).
/// `fields` is `None` when some procedure file could not be read: fields are then not checked.
pub fn check_centre(path: &Path, text: &str, prefix: &str, c: &Centre, fields: Option<&BTreeSet<String>>) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let at = |needle: &str| if needle.is_empty() { None } else { line_of_quoted(text, needle, 0) };
    // A value inside the `n`th `[[desk]]` or `[[point]]`: its own line, not the same words in an earlier block;
    // the block's first line when the value is empty (nothing to find).
    let in_block = |kind: &str, n: usize, needle: &str| {
        let start = block_start(text, &format!("{prefix}{kind}"), n);
        let found = if needle.is_empty() { None } else { line_of_quoted(text, needle, start) };
        found.or_else(|| (start > 0 || text.trim_start().starts_with(&format!("[[{prefix}{kind}]]"))).then(|| line_of(text, start)))
    };
    if c.name.trim().is_empty() {
        // An empty value has no words to find: point at its key, under `[centre]` in `site.toml`.
        let table = if prefix.is_empty() { 0 } else { text.find(&format!("[{}]", prefix.trim_end_matches('.'))).unwrap_or(0) };
        let key = text[table..].split_inclusive('\n').scan(table, |at, l| { let start = *at; *at += l.len(); Some((start, l)) })
            .find(|(_, l)| l.trim_start().starts_with("name")).map(|(start, _)| line_of(text, start));
        errors.push(error(path, key, &format!("{prefix}name"), "the centre's name is empty; write the name of the public service centre".into()));
    }
    let mut phones: Vec<(String, Option<usize>, &str)> = vec![(format!("{prefix}phone"), at(&c.phone), c.phone.as_str())];
    for (i, p) in c.points.iter().enumerate() {
        if p.name.trim().is_empty() || p.address.trim().is_empty() {
            errors.push(error(path, in_block("point", i, &p.name).or(in_block("point", i, &p.address)), &format!("{prefix}point[{i}]"), "a reception point needs its name and its address".into()));
        }
        phones.push((format!("{prefix}point[{i}].phone"), in_block("point", i, &p.phone), p.phone.as_str()));
    }
    let mut desk_of: BTreeMap<&str, usize> = BTreeMap::new();
    let folded: BTreeMap<String, &String> = fields.into_iter().flatten().map(|f| (fold(f).to_lowercase(), f)).collect();
    for (i, d) in c.desks.iter().enumerate() {
        let field = |name: &str| format!("{prefix}desk[{i}].{name}");
        if d.place.trim().is_empty() {
            errors.push(error(path, in_block("desk", i, &d.phone), &field("place"), "the desk has no place; say who receives the dossiers (\"Quầy số 2\", \"Công an xã\")".into()));
        }
        if d.fields.is_empty() {
            errors.push(error(path, in_block("desk", i, &d.place), &field("fields"), "the desk names no field; list the fields it handles, as procedures name them (\"Hộ tịch\")".into()));
        }
        for f in &d.fields {
            if fields.is_some_and(|known| !known.contains(f)) {
                let hint = match folded.get(&fold(f).to_lowercase()) {
                    Some(right) => format!("write it as procedures do: \"{right}\""),
                    None => "write a field exactly as procedures name it (see the field pages, /linh-vuc/)".into(),
                };
                errors.push(error(path, in_block("desk", i, f), &field("fields"), format!("no procedure is in the field \"{f}\"; {hint}")));
            } else if let Some(first) = desk_of.insert(f.as_str(), i) {
                errors.push(error(path, in_block("desk", i, f), &field("fields"), format!("\"{f}\" is already at desk {first}; a field has one desk, so people know where to go")));
            }
        }
        phones.push((field("phone"), in_block("desk", i, &d.phone), d.phone.as_str()));
    }
    for (field, line, phone) in phones {
        if let Some(why) = (!phone.trim().is_empty() && !placeholder(phone)).then(|| phone_problem(phone)).flatten() {
            errors.push(error(path, line, &field, format!("\"{phone}\" {why}")));
        }
    }
    errors
}

/// Reads and checks every `centres/*.toml` under `dir`, after the default centre (`site.toml`'s, given with
/// its file for messages). Returns every centre, the default first (its slug filled in), and every problem.
pub fn check_dir(dir: &Path, default: Option<(&Path, &Centre)>, fields: Option<&BTreeSet<String>>) -> (Vec<Centre>, Vec<ContentError>) {
    let mut errors = Vec::new();
    let mut centres = Vec::new();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    if let Some((site_path, c)) = default {
        let mut c = c.clone();
        if c.slug.is_empty() {
            c.slug = DEFAULT_CENTRE_SLUG.to_string();
        }
        let text = std::fs::read_to_string(site_path).unwrap_or_default();
        if !valid_centre_slug(&c.slug) {
            errors.push(error(site_path, line_of_quoted(&text, &c.slug, 0), "centre.slug", format!("\"{}\" cannot be part of a web address; write lower-case letters without marks, digits and dashes, e.g. \"phong-dien\"", c.slug)));
        }
        errors.extend(check_centre(site_path, &text, "centre.", &c, fields));
        seen.insert(c.slug.clone(), site_path.to_path_buf());
        centres.push(c);
    }
    let folder = dir.join(DIR);
    let paths = match super::folder::files_with_extension(&folder, "toml") {
        Ok(paths) => paths,
        Err(e) if e.is_missing() => Vec::new(),
        Err(e) => return (centres, vec![error(&folder, None, "", format!("{e}; make it a readable folder of <slug>.toml files, one per centre, or remove it"))]),
    };
    for path in paths {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(error(&path, None, "", format!("cannot read the file ({e}); save it as UTF-8 text")));
                continue;
            }
        };
        let mut c: Centre = match super::validate::parse_file(&path, &text, "centre") {
            Ok(c) => c,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        if !c.slug.is_empty() {
            errors.push(error(&path, line_of_quoted(&text, &c.slug, 0), "slug", "a centre file's slug is its file name; remove `slug` (rename the file to change it)".into()));
        }
        if !valid_centre_slug(&stem) {
            errors.push(error(&path, None, "", format!("the file name \"{stem}\" is the centre's web address (/tt/{stem}/): use lower-case letters without marks, digits and dashes, e.g. \"phong-dien.toml\"")));
            continue;
        }
        if let Some(first) = seen.get(&stem) {
            errors.push(error(&path, None, "", format!("the slug \"{stem}\" is also used by {}; every centre needs its own: rename one", first.display())));
            continue;
        }
        c.slug = stem.clone();
        errors.extend(check_centre(&path, &text, "", &c, fields));
        seen.insert(stem, path.clone());
        centres.push(c);
    }
    (centres, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_people_dial_pass_and_others_say_why() {
        for ok in ["0234 3512 345", "0912.345.678", "+84 912 345 678", "1900 1234", "113", "024-3825-1234"] {
            assert_eq!(phone_problem(ok), None, "{ok}");
        }
        for bad in ["0912 345", "gọi 0912345678", "0912345678, 0912345679", "912345678", "+1 555 0100"] {
            assert!(phone_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn a_centre_file_is_checked_with_lines() {
        let text = "name = \"TT xã A\"\nphone = \"12 34\"\n\n[[desk]]\nfields = [\"Hộ tịch\", \"ho tich\"]\nplace = \"Quầy 1\"\n\n[[desk]]\nfields = [\"Hộ tịch\"]\nplace = \"Quầy 2\"\nphone = \"0912 345 678\"\n";
        let c: Centre = toml::from_str(text).unwrap();
        let fields: BTreeSet<String> = ["Hộ tịch".to_string()].into();
        let errors = check_centre(Path::new("a.toml"), text, "", &c, Some(&fields));
        let got: Vec<_> = errors.iter().map(|e| (e.line, e.field.as_str(), e.message.split(';').next().unwrap_or(""))).collect();
        assert_eq!(got.len(), 3, "{errors:#?}");
        assert_eq!((got[0].0, got[0].1), (Some(5), "desk[0].fields"));
        assert!(errors[0].message.contains("\"Hộ tịch\""), "suggests the right spelling: {}", errors[0].message);
        assert_eq!((got[1].0, got[1].1), (Some(9), "desk[1].fields"));
        assert!(got[1].2.contains("already at desk 0"));
        assert_eq!((got[2].0, got[2].1), (Some(2), "phone"));
    }

    #[test]
    fn slugs_are_web_addresses() {
        assert!(valid_centre_slug("phong-dien") && valid_centre_slug("xa-2"));
        assert!(!valid_centre_slug("Phong-Dien") && !valid_centre_slug("phong dien") && !valid_centre_slug("-a") && !valid_centre_slug("phòng"));
    }
}
