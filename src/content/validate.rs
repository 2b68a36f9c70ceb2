//! Checking content: syntax, types, required fields, unknown keys, code format, uniqueness, file names,
//! quantities and URLs, in `content/site.toml` and every `content/procedures/*.toml`.
//!
//! Every problem in every file is collected in one run and reported as `file:line: field: what is wrong and
//! what to do`, the line taken from the TOML parser's spans. Nothing here panics on bad input (huge values,
//! invalid UTF-8, wrong types): a bad file is one more error in the list.
//!
//! `motcua check` runs these checks alone; `motcua build` runs them first and builds nothing when they fail.

use super::lines::line_of;
use super::model::{Procedure, Site};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// Content files larger than this are refused: a procedure is a few kilobytes, so a bigger file is almost
/// certainly not what its name says (and would slow every build).
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// One problem in one content file, located precisely enough for a person to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentError {
    /// The file, as given (relative to where `motcua` runs when the content dir was given relatively).
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The field path, e.g. `methods[1].fees[0].amount`; empty for whole-file problems.
    pub field: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if !self.field.is_empty() {
            write!(f, ": {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Everything read from a content folder: what parsed, and every problem found.
#[derive(Debug, Default)]
pub struct Checked {
    /// The site settings, when `site.toml` parsed.
    pub site: Option<Site>,
    /// Every procedure that parsed, sorted by code (including ones with semantic problems).
    pub procedures: Vec<Procedure>,
    /// Every problem, in file order.
    pub errors: Vec<ContentError>,
    /// The life events of `life_events.toml` (none when the file is absent).
    pub life_events: Vec<super::life_events::LifeEvent>,
    /// The changes of `changes.toml`, newest first (none when the file is absent).
    pub changes: Vec<super::changes::Change>,
    /// The papers of `shared_papers.toml` (none when the file is absent).
    pub shared_papers: Vec<super::shared_papers::SharedPaper>,
    /// Every centre: the default (`site.toml`'s) first, then `centres/*.toml` by file name.
    pub centres: Vec<super::model::Centre>,
}

/// Reads every content file under `dir` and checks it.
pub fn check_dir(dir: &Path) -> Checked {
    let mut out = Checked::default();
    let site_path = dir.join("site.toml");
    if let Some(text) = read_text(&site_path, &mut out.errors) {
        out.site = check_site(&site_path, &text, &mut out.errors);
    }
    let (shared, errors) = super::shared_papers::check_dir(dir);
    out.errors.extend(errors);
    let shared_ids: std::collections::BTreeSet<String> = shared.iter().map(|p| p.id.clone()).collect();
    out.shared_papers = shared;
    let proc_dir = dir.join("procedures");
    let paths = match super::folder::files_with_extension(&proc_dir, "toml") {
        Ok(paths) => paths,
        Err(e) => {
            out.errors.push(err(&proc_dir, None, "", format!("{e}; create {} with one <code>.toml per procedure (`motcua import`)", proc_dir.display())));
            Vec::new()
        }
    };
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut unparsed = 0;
    for path in paths {
        let Some(text) = read_text(&path, &mut out.errors) else { continue };
        let (procedure, code_line) = check_procedure(&path, &text, &shared_ids, &mut out.errors);
        if let Some((code, line)) = code_line {
            if let Some(first) = seen.get(&code) {
                out.errors.push(err(&path, line, "code", format!(
                    "code \"{code}\" is also used by {}; every procedure needs its own code: fix one of them",
                    first.display()
                )));
            } else {
                seen.insert(code, path.clone());
            }
        }
        match procedure {
            Some(p) => out.procedures.push(p),
            None => unparsed += 1,
        }
    }
    out.procedures.sort_by(|a, b| a.code.cmp(&b.code));
    let known: std::collections::BTreeSet<String> = seen.into_keys().collect();
    let (events, errors) = super::life_events::check_dir(dir, &known);
    out.life_events = events;
    out.errors.extend(errors);
    let (changes, errors) = super::changes::check_dir(dir, &known);
    out.changes = changes;
    out.errors.extend(errors);
    // Fields are known only when every procedure file parsed: a broken one would otherwise make its field
    // "unknown" at every centre's desk, a hundred errors for one mistake.
    let fields: Option<std::collections::BTreeSet<String>> = (unparsed == 0).then(|| out.procedures.iter().map(|p| p.field.clone()).collect());
    let (centres, errors) = super::centres::check_dir(dir, out.site.as_ref().map(|s| (site_path.as_path(), &s.centre)), fields.as_ref());
    out.centres = centres;
    out.errors.extend(errors);
    out.errors.extend(super::local_fees::apply_dir(dir, &known, &mut out.procedures));
    out
}

fn err(file: &Path, line: Option<usize>, field: &str, message: String) -> ContentError {
    ContentError { file: file.to_path_buf(), line, field: field.to_string(), message }
}

/// Reads a file as UTF-8 text, reporting size and encoding problems with the line where they start.
fn read_text(path: &Path, errors: &mut Vec<ContentError>) -> Option<String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            errors.push(err(path, None, "", format!("cannot read the file ({e})")));
            return None;
        }
    };
    if bytes.len() > MAX_FILE_BYTES {
        // Point at the longest line: a huge file is nearly always one runaway value (a pasted document, a
        // file glued into a string), and its key says which field to shorten.
        let (index, longest) = bytes.split(|&b| b == b'\n').enumerate().max_by_key(|(_, l)| l.len()).unwrap_or((0, &[][..]));
        let key = longest
            .iter()
            .take(200)
            .position(|&b| b == b'=')
            .map(|eq| String::from_utf8_lossy(&longest[..eq]).trim().trim_matches('"').to_string())
            .filter(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.'))
            .unwrap_or_default();
        errors.push(err(path, Some(index + 1), &key, format!(
            "the file is {} bytes, more than the {} allowed, and this line alone is {} bytes; a procedure is a few kilobytes of text: shorten this value (or check that this is the right file)",
            bytes.len(),
            MAX_FILE_BYTES,
            longest.len()
        )));
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(t) => Some(t),
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..good].iter().filter(|&&b| b == b'\n').count() + 1;
            errors.push(err(path, Some(line), "", "the file is not valid UTF-8 here; save it as UTF-8 (Vietnamese text must be Unicode)".into()));
            None
        }
    }
}

/// Reads and checks an optional file of the content folder (`life_events.toml`, `shared_papers.toml`) with
/// `check`: no file means nothing of that kind; a file that cannot be read is one error saying so.
pub fn check_optional<T>(
    dir: &Path,
    file: &str,
    check: impl FnOnce(&Path, &str) -> (Vec<T>, Vec<ContentError>),
) -> (Vec<T>, Vec<ContentError>) {
    let path = dir.join(file);
    match std::fs::read_to_string(&path) {
        Ok(text) => check(&path, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Vec::new(), Vec::new()),
        Err(e) => (Vec::new(), vec![err(&path, None, "", format!("cannot read the file ({e}); save it as UTF-8 text"))]),
    }
}

/// The key of a TOML line (`also_called = [`) inside a multi-line string: a key pasted inside a name by a
/// script or an editor, which parses (it is only text) but puts its words into the official name.
fn pasted_key(text: &str) -> Option<&str> {
    text.lines().skip(1).find_map(|l| {
        let (key, _) = l.split_once('=')?;
        let key = key.trim();
        (!key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')).then_some(key)
    })
}

/// Parses a whole file of the content folder into `T`, or says on which line its TOML is wrong (`what` names
/// the kind of file in the message: "life events").
pub fn parse_file<T: serde::de::DeserializeOwned>(path: &Path, text: &str, what: &str) -> Result<T, ContentError> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        err(path, line, "", format!("not a valid {what} file: {}", e.message()))
    })
}

/// Parses the TOML syntax, reporting every syntax error. `None` when the file cannot be read as TOML.
fn parse_table<'a>(path: &Path, text: &'a str, errors: &mut Vec<ContentError>) -> Option<Spanned<DeTable<'a>>> {
    let (table, errs) = DeTable::parse_recoverable(text);
    // Only the first syntax error is reported: the parser's later ones are nearly always the same mistake seen
    // again (an unclosed quote shifts every quote after it), and would send people to lines that are fine.
    let Some(e) = errs.first() else { return Some(table) };
    let line = e.span().map(|s| line_of(text, s.start)).map(|l| opened_before(text, l));
    let more = if errs.len() > 1 { " (the file is checked again once this is fixed)" } else { "" };
    // The key written on that line, when there is one, names the field to look at.
    let key = line.and_then(|l| text.lines().nth(l - 1)).and_then(|l| l.split_once('=')).map(|(k, _)| k.trim()).unwrap_or("");
    let key = if !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.') { key } else { "" };
    errors.push(err(path, line, key, format!("TOML syntax error: {}; fix the syntax (quotes, brackets, `key = value`){more}", e.message().trim())));
    None
}

/// The line a syntax error really is on. An array or string left open (`levels = ["xã"`) is noticed only at the
/// next key, so the parser names the line after the mistake; when the nearest non-blank line before `line`
/// opens more brackets than it closes, or leaves a quote open, that line is the one to fix.
fn opened_before(text: &str, line: usize) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let Some(before) = (1..line).rev().find(|&l| lines.get(l - 1).is_some_and(|t| !t.trim().is_empty())) else { return line };
    let t = lines[before - 1];
    let (mut depth, mut quoted, mut escaped) = (0i32, false, false);
    for c in t.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '#' if !quoted => break,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth -= 1,
            _ => {}
        }
    }
    // A table header (`[[papers]]`) balances; a key's value that opens an array and stops does not.
    if (depth > 0 && t.contains('=')) || quoted { before } else { line }
}

/// A lookup in the spanned tree: `key` in a table.
fn get<'v, 'a>(v: &'v DeTable<'a>, key: &str) -> Option<&'v Spanned<DeValue<'a>>> {
    v.iter().find(|(k, _)| k.get_ref().as_ref() == key).map(|(_, v)| v)
}

/// True when `offset` is inside `v`: its own span, or any of its keys and values (a `[[table]]`'s span is only
/// its header, so its body is found through its keys).
fn covers(v: &Spanned<DeValue<'_>>, offset: usize) -> bool {
    v.span().contains(&offset)
        || match v.get_ref() {
            DeValue::Table(t) => t.iter().any(|(k, c)| k.span().contains(&offset) || covers(c, offset)),
            DeValue::Array(a) => {
                let items: &[Spanned<DeValue<'_>>] = a.as_ref();
                items.iter().any(|c| covers(c, offset))
            }
            _ => false,
        }
}

/// The dotted path of the deepest value whose span contains `offset` (for locating serde errors).
fn path_at(table: &DeTable<'_>, offset: usize) -> String {
    fn walk(v: &DeValue<'_>, offset: usize, path: &mut String) {
        match v {
            DeValue::Table(t) => {
                for (k, child) in t.iter() {
                    if k.span().contains(&offset) || covers(child, offset) {
                        if !path.is_empty() {
                            path.push('.');
                        }
                        path.push_str(k.get_ref());
                        walk(child.get_ref(), offset, path);
                        return;
                    }
                }
            }
            DeValue::Array(a) => {
                let items: &[Spanned<DeValue<'_>>] = a.as_ref();
                for (i, child) in items.iter().enumerate() {
                    if covers(child, offset) {
                        path.push_str(&format!("[{i}]"));
                        walk(child.get_ref(), offset, path);
                        return;
                    }
                }
            }
            _ => {}
        }
    }
    let mut path = String::new();
    for (k, child) in table.iter() {
        if k.span().contains(&offset) || covers(child, offset) {
            path.push_str(k.get_ref());
            walk(child.get_ref(), offset, &mut path);
            break;
        }
    }
    path
}

/// True when the deepest table (below the top level) whose span contains `offset` has no key `name`: serde's
/// "missing field" error then belongs to that table rather than to the top of the file.
fn lacks_nested(table: &DeTable<'_>, offset: usize, name: &str) -> bool {
    fn deepest<'v, 'a>(v: &'v DeValue<'a>, offset: usize) -> Option<&'v DeTable<'a>> {
        let inner = match v {
            DeValue::Table(t) => t.iter().find(|(k, c)| k.span().contains(&offset) || covers(c, offset)).map(|(_, c)| c),
            DeValue::Array(a) => {
                let items: &[Spanned<DeValue<'a>>] = a.as_ref();
                items.iter().find(|c| covers(c, offset))
            }
            _ => None,
        };
        inner.and_then(|c| deepest(c.get_ref(), offset)).or(v.as_table())
    }
    let child = table.iter().find(|(k, c)| k.span().contains(&offset) || covers(c, offset)).map(|(_, c)| c);
    child.and_then(|c| deepest(c.get_ref(), offset)).is_some_and(|t| get(t, name).is_none())
}

/// Turns serde's message into one a person can act on.
fn explain(message: &str) -> String {
    let m = message.trim();
    if m.starts_with("unknown field") {
        format!("{m}; remove it or fix its spelling (only the fields listed in the content model are allowed)")
    } else if m.starts_with("missing field") {
        format!("{m}; add it")
    } else if m.starts_with("invalid type") || m.starts_with("invalid value") || m.starts_with("unknown variant") {
        format!("{m}; write a value of the expected kind")
    } else {
        m.to_string()
    }
}

/// Deserialises a whole file into `T`, reporting serde's error at its line and field.
fn typed<T: serde::de::DeserializeOwned>(path: &Path, text: &str, table: &DeTable<'_>, errors: &mut Vec<ContentError>) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let missing = e.message().strip_prefix("missing field `").and_then(|m| m.split('`').next());
            let (line, field) = match (e.span(), missing) {
                // Missing in a nested table: the span is that table.
                (Some(s), Some(name)) if lacks_nested(table, s.start, name) => {
                    let at = path_at(table, s.start);
                    (Some(line_of(text, s.start)), format!("{at}.{name}"))
                }
                // Missing at the top of the file: the parser's span is then some later table, so point at the
                // file's first key, where top-level fields are written.
                (_, Some(name)) => {
                    let first = table.iter().map(|(k, _)| k.span().start).min();
                    (Some(first.map_or(1, |at| line_of(text, at))), name.to_string())
                }
                (Some(s), None) => (Some(line_of(text, s.start)), path_at(table, s.start)),
                (None, _) => (None, missing.unwrap_or_default().to_string()),
            };
            errors.push(err(path, line, &field, explain(e.message())));
            None
        }
    }
}

fn check_site(path: &Path, text: &str, errors: &mut Vec<ContentError>) -> Option<Site> {
    let table = parse_table(path, text, errors)?;
    let t = table.get_ref();
    let mut problems = Vec::new();
    let string_at = |t: &DeTable<'_>, key: &str| get(t, key).map(|v| (v.get_ref().as_str().map(str::to_string), line_of(text, v.span().start)));
    if let Some((Some(title), line)) = string_at(t, "title") {
        if title.trim().is_empty() {
            problems.push(err(path, Some(line), "title", "the site title is empty; write the name shown in the header, e.g. \"Tra cứu thủ tục hành chính\"".into()));
        }
    }
    if let Some((Some(url), line)) = string_at(t, "base_url") {
        if let Some(why) = url_problem(&url) {
            problems.push(err(path, Some(line), "base_url", format!("{why}; write the public address, e.g. \"https://motcua.example.vn\"")));
        } else if url.ends_with('/') {
            problems.push(err(path, Some(line), "base_url", "ends with \"/\"; write it without the trailing slash".into()));
        }
    }
    let site = typed::<Site>(path, text, t, errors);
    errors.extend(problems);
    site
}

/// What is wrong with a URL the site links to, if anything.
pub fn url_problem(url: &str) -> Option<String> {
    let u = url.trim();
    if u.is_empty() {
        return Some("the address is empty".into());
    }
    if u != url || u.chars().any(char::is_whitespace) {
        return Some(format!("\"{}\" contains spaces", short(url)));
    }
    match u.strip_prefix("https://") {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') => None,
        Some(_) => Some(format!("\"{}\" has no host name", short(url))),
        None => Some(format!("\"{}\" is not an https address (only https links are allowed)", short(url))),
    }
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if s.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// True for `N.NNNNNN`: one digit, a dot, six digits.
pub fn valid_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 8 && b[0].is_ascii_digit() && b[1] == b'.' && b[2..].iter().all(u8::is_ascii_digit)
}

/// Checks one procedure file. Returns the procedure when it deserialised, and its code with the code's line
/// (for the uniqueness check) when the file has a string code.
fn check_procedure(path: &Path, text: &str, shared: &std::collections::BTreeSet<String>, errors: &mut Vec<ContentError>) -> (Option<Procedure>, Option<(String, Option<usize>)>) {
    let Some(table) = parse_table(path, text, errors) else { return (None, None) };
    let t = table.get_ref();
    let mut problems: Vec<ContentError> = Vec::new();
    let line = |v: &Spanned<DeValue<'_>>| Some(line_of(text, v.span().start));
    let mut code_line = None;

    if let Some(v) = get(t, "code") {
        if let Some(code) = v.get_ref().as_str() {
            code_line = Some((code.to_string(), line(v)));
            if !valid_code(code) {
                problems.push(err(path, line(v), "code", format!(
                    "\"{}\" is not a procedure code; write it as on the portal: one digit, a dot, six digits (e.g. \"1.001193\")",
                    short(code)
                )));
            } else if path.file_stem().and_then(|s| s.to_str()) != Some(code) {
                problems.push(err(path, line(v), "code", format!(
                    "the file is named {} but the code is \"{code}\"; rename the file to {code}.toml (the file name must be the code)",
                    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
                )));
            }
        }
    }
    if let Some(v) = get(t, "name") {
        if v.get_ref().as_str().is_some_and(|s| s.trim().is_empty()) {
            problems.push(err(path, line(v), "name", "the name is empty; write the procedure's official name".into()));
        }
        if let Some(key) = v.get_ref().as_str().and_then(pasted_key) {
            problems.push(err(
                path,
                line(v),
                "name",
                format!("the name holds a line `{key} = …`, which belongs after it: close the name's \"\"\" first, then write `{key}` on its own line"),
            ));
        }
    }
    if let Some(v) = get(t, "portal_url") {
        if let Some(url) = v.get_ref().as_str() {
            if let Some(why) = url_problem(url) {
                problems.push(err(path, line(v), "portal_url", format!("{why}; use the procedure's https page on dichvucong.gov.vn")));
            }
        }
    }
    if let Some(v) = get(t, "usage_weight") {
        if let Some(n) = v.get_ref().as_integer().and_then(|i| i.as_str().parse::<i128>().ok()) {
            if n < 0 {
                problems.push(err(path, line(v), "usage_weight", format!("{n} is negative; write 0 when unknown")));
            }
        }
    }
    for (i, m) in array(get(t, "methods")).iter().enumerate() {
        let Some(mt) = m.get_ref().as_table() else { continue };
        if let Some(time) = get(mt, "time").and_then(|x| x.get_ref().as_table()) {
            if let Some(a) = get(time, "amount") {
                if let Some(n) = number(a.get_ref()) {
                    if !n.is_finite() || n < 0.0 {
                        problems.push(err(path, line(a), &format!("methods[{i}].time.amount"), format!("{n} is not a duration; write a number ≥ 0, or remove `amount` and set unit = \"xem mô tả\" with the text")));
                    }
                }
            }
        }
        for (j, f) in array(get(mt, "fees")).iter().enumerate() {
            let Some(ft) = f.get_ref().as_table() else { continue };
            if let Some(a) = get(ft, "amount") {
                if let Some(n) = number(a.get_ref()) {
                    if !n.is_finite() || n < 0.0 || n.fract() != 0.0 {
                        problems.push(err(path, line(a), &format!("methods[{i}].fees[{j}].amount"), format!("{n} is not an amount; write whole đồng ≥ 0 (0 = miễn phí), or remove `amount` and keep the rule")));
                    }
                }
            }
        }
    }
    for (i, g) in array(get(t, "papers")).iter().enumerate() {
        let Some(gt) = g.get_ref().as_table() else { continue };
        for (j, p) in array(get(gt, "papers")).iter().enumerate() {
            let Some(pt) = p.get_ref().as_table() else { continue };
            for key in ["originals", "copies"] {
                if let Some(v) = get(pt, key) {
                    if number(v.get_ref()).is_some_and(|n| n < 0.0) {
                        problems.push(err(path, line(v), &format!("papers[{i}].papers[{j}].{key}"), "is negative; write how many (0 or more)".into()));
                    }
                }
            }
        }
    }

    if let Some(sum) = get(t, "summary") {
        check_summary(path, text, t, sum, shared, &mut problems);
    }
    for v in array(get(t, "also_called")) {
        if v.get_ref().as_str().is_some_and(|s| s.trim().is_empty()) {
            problems.push(err(path, line(v), "also_called", "an empty name; write the name people use, or remove it".into()));
        }
    }

    let procedure = typed::<Procedure>(path, text, t, errors);
    // A semantic problem and serde's error on the same line are the same problem: keep the clearer one.
    if procedure.is_none() {
        if let Some(last) = errors.last() {
            if problems.iter().any(|p| p.line == last.line) {
                errors.pop();
            }
        }
    }
    errors.extend(problems);
    (procedure, code_line)
}

/// Checks an editor's `[summary]`: its facts are filled in, everyone's papers come before the conditional ones,
/// every item cites official papers of this file, and `same` names a paper of `shared_papers.toml` (a piece of a paper's text, ignoring case and spacing) or
/// says where the official text asks for it.
fn check_summary(
    path: &Path,
    text: &str,
    t: &DeTable<'_>,
    sum: &Spanned<DeValue<'_>>,
    shared: &std::collections::BTreeSet<String>,
    problems: &mut Vec<ContentError>,
) {
    let line = |v: &Spanned<DeValue<'_>>| Some(line_of(text, v.span().start));
    let Some(st) = sum.get_ref().as_table() else { return };
    for key in ["cost", "time", "where", "how"] {
        match get(st, key) {
            Some(v) if v.get_ref().as_str().is_some_and(|s| s.trim().is_empty()) => problems.push(err(
                path,
                line(v),
                &format!("summary.{key}"),
                "is empty; write it in plain words from the official text".into(),
            )),
            _ => {}
        }
    }
    // Every official paper's text, folded for comparison.
    let official: Vec<String> = array(get(t, "papers"))
        .iter()
        .filter_map(|g| g.get_ref().as_table())
        .flat_map(|g| array(get(g, "papers")))
        .filter_map(|p| p.get_ref().as_table())
        .map(|p| {
            let field = |k| get(p, k).and_then(|v| v.get_ref().as_str()).unwrap_or("");
            format!("{} {}", fold_for_cite(field("name")), fold_for_cite(field("form")))
        })
        .collect();
    let mut seen_case = false;
    for (i, item) in array(get(st, "bring")).iter().enumerate() {
        let Some(it) = item.get_ref().as_table() else { continue };
        let field = format!("summary.bring[{i}]");
        let has_when = get(it, "when").and_then(|v| v.get_ref().as_str()).is_some_and(|s| !s.trim().is_empty());
        if has_when {
            seen_case = true;
        } else if seen_case {
            problems.push(err(path, line(item), &field, "a paper everyone brings comes after a case's papers; move it above the first item with `when`".into()));
        }
        if let Some(v) = get(it, "same") {
            let id = v.get_ref().as_str().unwrap_or("");
            if !shared.contains(id) {
                problems.push(err(path, line(v), &format!("{field}.same"), format!(
                    "\"{}\" is not a paper of content/{}; use one of its ids, or add the paper there",
                    short(id),
                    super::shared_papers::FILE
                )));
            }
        }
        let cites = array(get(it, "papers"));
        let added = get(it, "added").and_then(|v| v.get_ref().as_str()).is_some_and(|s| !s.trim().is_empty());
        if cites.is_empty() && !added {
            problems.push(err(path, line(item), &field, "cites no official paper; add papers = [\"a piece of the paper's text\"], or added = \"where the official text asks for it\"".into()));
        }
        for c in cites {
            let Some(frag) = c.get_ref().as_str() else { continue };
            let folded = fold_for_cite(frag);
            if folded.is_empty() || !official.iter().any(|o| o.contains(&folded)) {
                problems.push(err(path, line(c), &format!("{field}.papers"), format!(
                    "\"{}\" is not in any official paper of this file; copy a piece of the paper's text exactly (case and spacing may differ)",
                    short(frag)
                )));
            }
        }
    }
}

/// Lower case with runs of white space made one space: how a summary's citation is compared with a paper (here
/// and by the importer's review of summaries after a refresh).
pub fn fold_for_cite(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The items of an array value (empty when absent or not an array).
fn array<'v, 'a>(v: Option<&'v Spanned<DeValue<'a>>>) -> &'v [Spanned<DeValue<'a>>] {
    match v.map(|v| v.get_ref()) {
        Some(DeValue::Array(a)) => a.as_ref(),
        _ => &[],
    }
}

fn number(v: &DeValue<'_>) -> Option<f64> {
    if let Some(i) = v.as_integer() {
        return i.as_str().replace('_', "").parse::<f64>().ok();
    }
    v.as_float().and_then(|f| f.as_str().replace('_', "").parse::<f64>().ok())
}

/// Each check on a small inline file: a valid procedure gives no error, and each broken thing gives exactly one
/// error at its file, line and field, with a message saying what to do. Lines are counted in [`PROCEDURE`].
#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// A valid procedure using every checked part, one thing per line so each test breaks one line.
    const PROCEDURE: &str = r#"code = "9.000001"
name = "Đăng ký nuôi ong"
field = "Chăn nuôi"
levels = ["xã"]
portal_url = "https://dichvucong.gov.vn/p/1"
usage_weight = 10
also_called = ["Nuôi ong"]

[[methods]]
channel = "trực tiếp"

[methods.time]
amount = 3.0
unit = "ngày làm việc"

[[methods.fees]]
amount = 0

[[papers]]
name = "Giấy tờ phải nộp"

[[papers.papers]]
name = "Tờ khai đăng ký nuôi ong"
originals = 1

[summary]
cost = "Miễn phí."
time = "3 ngày làm việc."
where = "UBND xã."
how = "Nộp trực tiếp."

[[summary.bring]]
item = "Tờ khai"
papers = ["tờ  khai ĐĂNG KÝ"]
same = "can-cuoc"
"#;

    const FILE: &str = "content/procedures/9.000001.toml";

    /// `PROCEDURE` with `old` (which must be in it once) replaced by `new`.
    fn with(old: &str, new: &str) -> String {
        assert_eq!(PROCEDURE.matches(old).count(), 1, "{old:?} is in the test procedure once");
        PROCEDURE.replacen(old, new, 1)
    }

    /// Every problem `check_procedure` finds in `text`, read from `file`.
    fn problems_in(file: &str, text: &str) -> Vec<ContentError> {
        let shared: BTreeSet<String> = ["can-cuoc".to_string()].into();
        let mut errors = Vec::new();
        check_procedure(Path::new(file), text, &shared, &mut errors);
        errors
    }

    /// The one problem in `text` (fails when there are none or several), as (line, field, message).
    fn the_problem(text: &str) -> (Option<usize>, String, String) {
        let errors = problems_in(FILE, text);
        assert_eq!(errors.len(), 1, "exactly one problem: {errors:#?}");
        let e = errors.into_iter().next().unwrap();
        assert_eq!(e.file, Path::new(FILE));
        (e.line, e.field, e.message)
    }

    /// Asserts the one problem in `text` is at `line` in `field`, and its message holds every one of `says`.
    fn assert_problem(text: &str, line: usize, field: &str, says: &[&str]) {
        let (at, f, message) = the_problem(text);
        assert_eq!((at, f.as_str()), (Some(line), field), "{message}");
        for s in says {
            assert!(message.contains(s), "{message:?} says {s:?}");
        }
    }

    #[test]
    fn the_valid_procedure_has_no_problem_and_reads_whole() {
        let shared: BTreeSet<String> = ["can-cuoc".to_string()].into();
        let mut errors = Vec::new();
        let (p, code) = check_procedure(Path::new(FILE), PROCEDURE, &shared, &mut errors);
        assert!(errors.is_empty(), "{errors:#?}");
        let p = p.expect("it deserialises");
        assert_eq!((p.code.as_str(), p.methods.len(), p.papers[0].papers.len()), ("9.000001", 1, 1));
        assert_eq!(p.summary.expect("its summary").bring[0].same, "can-cuoc");
        assert_eq!(code, Some(("9.000001".to_string(), Some(1))));
    }

    #[test]
    fn a_syntax_error_is_one_error_at_its_line_and_key() {
        let text = with("name = \"Đăng ký nuôi ong\"", "name = \"Đăng ký nuôi ong");
        assert_problem(&text, 2, "name", &["TOML syntax error", "fix the syntax"]);
    }

    #[test]
    fn an_array_left_open_is_reported_on_its_own_line_not_the_next() {
        let text = with("levels = [\"xã\"]", "levels = [\"xã\"");
        assert_problem(&text, 4, "levels", &["TOML syntax error"]);
    }

    #[test]
    fn an_unknown_field_says_to_remove_or_respell_it() {
        let text = with("usage_weight = 10\n", "usage_weight = 10\ncolour = \"đỏ\"\n");
        assert_problem(&text, 7, "colour", &["unknown field `colour`", "remove it or fix its spelling"]);
    }

    #[test]
    fn an_unknown_field_in_a_nested_table_is_named_by_its_path() {
        let text = with("originals = 1", "original = 1");
        assert_problem(&text, 24, "papers[0].papers[0].original", &["unknown field `original`"]);
    }

    #[test]
    fn a_wrong_type_says_to_write_the_expected_kind() {
        let text = with("usage_weight = 10", "usage_weight = \"mười\"");
        assert_problem(&text, 6, "usage_weight", &["invalid type", "write a value of the expected kind"]);
    }

    #[test]
    fn a_missing_top_level_field_points_at_the_first_key() {
        let text = with("field = \"Chăn nuôi\"\n", "");
        assert_problem(&text, 1, "field", &["missing field `field`", "add it"]);
    }

    #[test]
    fn a_missing_field_in_a_nested_table_is_named_by_its_path() {
        let text = with("how = \"Nộp trực tiếp.\"\n", "");
        let (line, field, message) = the_problem(&text);
        assert_eq!(field, "summary.how", "{message}");
        assert!(message.contains("missing field `how`; add it"), "{message}");
        assert_eq!(line, Some(26), "the [summary] table's line");
    }

    #[test]
    fn a_code_not_in_the_portal_format_is_refused() {
        let text = with("code = \"9.000001\"", "code = \"9.1\"");
        assert_problem(&text, 1, "code", &["\"9.1\" is not a procedure code", "one digit, a dot, six digits"]);
    }

    #[test]
    fn a_code_that_is_not_the_file_name_says_to_rename_the_file() {
        let errors = problems_in("content/procedures/9.000002.toml", PROCEDURE);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!((errors[0].line, errors[0].field.as_str()), (Some(1), "code"));
        assert!(errors[0].message.contains("rename the file to 9.000001.toml"), "{}", errors[0].message);
    }

    #[test]
    fn an_empty_name_is_refused() {
        let text = with("name = \"Đăng ký nuôi ong\"", "name = \"  \"");
        assert_problem(&text, 2, "name", &["the name is empty"]);
    }

    #[test]
    fn a_key_pasted_inside_a_multi_line_name_is_refused() {
        let text = with("name = \"Đăng ký nuôi ong\"", "name = \"\"\"Đăng ký nuôi ong\nalso_called = [\"nuôi ong\"]\nở xã\"\"\"");
        assert_problem(&text, 2, "name", &["`also_called = …`", "close the name's \"\"\" first"]);
    }

    #[test]
    fn a_portal_url_must_be_https() {
        let text = with("https://dichvucong.gov.vn/p/1", "http://dichvucong.gov.vn/p/1");
        assert_problem(&text, 5, "portal_url", &["is not an https address", "dichvucong.gov.vn"]);
    }

    #[test]
    fn a_negative_weight_is_one_clear_error_not_also_serdes() {
        let text = with("usage_weight = 10", "usage_weight = -1");
        assert_problem(&text, 6, "usage_weight", &["-1 is negative; write 0 when unknown"]);
    }

    #[test]
    fn a_negative_duration_is_refused() {
        let text = with("amount = 3.0", "amount = -3.0");
        assert_problem(&text, 13, "methods[0].time.amount", &["-3 is not a duration"]);
    }

    #[test]
    fn a_fee_in_part_of_a_dong_is_refused() {
        let text = with("amount = 0\n", "amount = 1.5\n");
        assert_problem(&text, 17, "methods[0].fees[0].amount", &["1.5 is not an amount", "whole đồng"]);
    }

    #[test]
    fn a_negative_count_of_originals_is_refused() {
        let text = with("originals = 1", "originals = -1");
        assert_problem(&text, 24, "papers[0].papers[0].originals", &["is negative"]);
    }

    #[test]
    fn an_empty_also_called_name_is_refused() {
        let text = with("also_called = [\"Nuôi ong\"]", "also_called = [\"\"]");
        assert_problem(&text, 7, "also_called", &["an empty name"]);
    }

    #[test]
    fn an_empty_summary_fact_is_refused() {
        let text = with("cost = \"Miễn phí.\"", "cost = \"\"");
        assert_problem(&text, 27, "summary.cost", &["is empty; write it in plain words"]);
    }

    #[test]
    fn a_summary_citation_must_be_a_piece_of_an_official_paper() {
        let text = with("papers = [\"tờ  khai ĐĂNG KÝ\"]", "papers = [\"Giấy khai sinh\"]");
        assert_problem(&text, 34, "summary.bring[0].papers", &["\"Giấy khai sinh\" is not in any official paper of this file"]);
    }

    #[test]
    fn a_summary_item_must_cite_something() {
        let text = with("papers = [\"tờ  khai ĐĂNG KÝ\"]\n", "");
        assert_problem(&text, 32, "summary.bring[0]", &["cites no official paper"]);
        // Saying where the official text asks for it is enough.
        let added = with("papers = [\"tờ  khai ĐĂNG KÝ\"]\n", "added = \"Bước 1 của trình tự\"\n");
        assert_eq!(problems_in(FILE, &added), []);
    }

    #[test]
    fn a_summary_same_must_name_a_shared_paper() {
        let text = with("same = \"can-cuoc\"", "same = \"ho-chieu\"");
        assert_problem(&text, 35, "summary.bring[0].same", &["\"ho-chieu\" is not a paper of content/shared_papers.toml"]);
    }

    #[test]
    fn everyones_papers_come_before_a_cases_papers() {
        let text = with(
            "same = \"can-cuoc\"\n",
            "same = \"can-cuoc\"\nwhen = \"Khi ủy quyền\"\n\n[[summary.bring]]\nitem = \"Tờ khai\"\npapers = [\"tờ khai\"]\n",
        );
        assert_problem(&text, 38, "summary.bring[1]", &["move it above the first item with `when`"]);
    }

    /// `check_site` on `text`, as `content/site.toml`.
    fn site_problems(text: &str) -> Vec<(Option<usize>, String, String)> {
        let mut errors = Vec::new();
        check_site(Path::new("content/site.toml"), text, &mut errors);
        errors.into_iter().map(|e| (e.line, e.field, e.message)).collect()
    }

    const SITE: &str = "title = \"Tra cứu\"\nbase_url = \"https://motcua.example.vn\"\n\n[centre]\nname = \"Trung tâm\"\naddress = \"1 Đường Thử\"\nphone = \"0200 000 000\"\nhours = \"Thứ Hai đến Thứ Sáu\"\n";

    #[test]
    fn the_site_file_is_checked_for_title_and_address() {
        assert_eq!(site_problems(SITE), []);
        let empty_title = site_problems(&SITE.replace("\"Tra cứu\"", "\"\""));
        assert_eq!(empty_title.len(), 1, "{empty_title:?}");
        assert_eq!((empty_title[0].0, empty_title[0].1.as_str()), (Some(1), "title"));
        let http = site_problems(&SITE.replace("https://motcua", "http://motcua"));
        assert_eq!(http.len(), 1, "{http:?}");
        assert_eq!((http[0].0, http[0].1.as_str()), (Some(2), "base_url"));
        assert!(http[0].2.contains("not an https address"), "{}", http[0].2);
        let slash = site_problems(&SITE.replace(".vn\"", ".vn/\""));
        assert_eq!(slash.len(), 1, "{slash:?}");
        assert!(slash[0].2.contains("without the trailing slash"), "{}", slash[0].2);
    }

    /// A fresh content folder (the site file, the shared paper `PROCEDURE` names, an empty procedures folder) under
    /// the system's temporary folder, for the checks that read files.
    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("motcua-validate-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("procedures")).unwrap();
        std::fs::write(dir.join("site.toml"), SITE).unwrap();
        std::fs::write(dir.join("shared_papers.toml"), "[[paper]]\nid = \"can-cuoc\"\nname = \"Căn cước\"\n").unwrap();
        dir
    }

    #[test]
    fn a_file_that_is_not_utf8_is_reported_at_the_line_where_it_stops_being_text() {
        let dir = folder("utf8");
        let mut bytes = PROCEDURE.as_bytes().to_vec();
        let at = PROCEDURE.find("field").unwrap();
        bytes[at] = 0xff;
        std::fs::write(dir.join("procedures/9.000001.toml"), bytes).unwrap();
        let checked = check_dir(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(checked.errors.len(), 1, "{:#?}", checked.errors);
        let e = &checked.errors[0];
        assert_eq!((e.file.ends_with("procedures/9.000001.toml"), e.line), (true, Some(3)));
        assert!(e.message.contains("not valid UTF-8"), "{}", e.message);
    }

    #[test]
    fn two_files_with_one_code_are_reported_on_the_second() {
        let dir = folder("twice");
        std::fs::write(dir.join("procedures/9.000001.toml"), PROCEDURE).unwrap();
        std::fs::write(dir.join("procedures/9.000002.toml"), PROCEDURE).unwrap();
        let checked = check_dir(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        let got: Vec<_> = checked.errors.iter().map(|e| (e.file.file_name().unwrap().to_str().unwrap(), e.line, e.field.as_str())).collect();
        // The second file is misnamed, and its code is the first file's.
        assert_eq!(got, [("9.000002.toml", Some(1), "code"), ("9.000002.toml", Some(1), "code")], "{:#?}", checked.errors);
        assert!(checked.errors[1].message.contains("is also used by") && checked.errors[1].message.contains("9.000001.toml"), "{}", checked.errors[1].message);
    }

    #[test]
    fn a_missing_procedures_folder_says_to_create_it() {
        let dir = folder("nofolder");
        std::fs::remove_dir(dir.join("procedures")).unwrap();
        let checked = check_dir(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(checked.errors.len(), 1, "{:#?}", checked.errors);
        assert!(checked.errors[0].file.ends_with("procedures"));
        assert!(checked.errors[0].message.contains("motcua import"), "{}", checked.errors[0].message);
    }

    #[test]
    fn parse_file_names_the_kind_of_file_and_the_line() {
        let e = parse_file::<toml::Value>(Path::new("life_events.toml"), "a = 1\nb = \n", "life events").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.starts_with("not a valid life events file: "), "{}", e.message);
    }

    #[test]
    fn urls_and_codes_are_recognised() {
        assert_eq!(url_problem("https://a.vn/x"), None);
        for bad in ["", " https://a.vn", "https://", "https:///x", "http://a.vn", "https://a .vn"] {
            assert!(url_problem(bad).is_some(), "{bad:?} is refused");
        }
        assert!(valid_code("1.001193"));
        for bad in ["1.00119", "1-001193", "a.001193", "1.0011930", "１.001193"] {
            assert!(!valid_code(bad), "{bad:?} is refused");
        }
    }
}
