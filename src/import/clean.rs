//! Text hygiene applied to every value the importer writes: Unicode NFC, invisible characters, whitespace,
//! and the portal's "nothing here" placeholder.
//!
//! The portal mixes precomposed and decomposed Vietnamese (about 500 of the 2,642 records have decomposed
//! marks), tabs, non-breaking spaces and left-to-right marks inside words ("đăng k\u{200e}ý"). Search, sorting
//! and hand editing all need one spelling, so everything goes through [`tidy`].

use unicode_normalization::UnicodeNormalization;

/// What the portal prints when a section is empty. Treated as "empty at the source", never as content.
pub const NO_INFO: &str = "Không có thông tin";

/// Unicode NFC, without any other change. Used for single-line values such as codes and URLs.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Normalises a text value: NFC; tabs, non-breaking and other odd spaces become plain spaces; zero-width and
/// direction marks are removed; runs of spaces collapse; every line is trimmed; blank lines collapse to one;
/// the whole value is trimmed. Line breaks are kept: they carry the structure of steps and notes.
pub fn tidy(s: &str) -> String {
    let normal: String = s
        .nfc()
        .filter(|c| !matches!(c, '\u{200b}'..='\u{200f}' | '\u{feff}' | '\u{2060}' | '\u{00ad}'))
        .map(|c| match c {
            '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{3000}' => ' ',
            '\r' => '\n',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(normal.len());
    let mut blank_run = 0;
    for line in normal.split('\n') {
        let mut collapsed = String::with_capacity(line.len());
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            if !collapsed.is_empty() {
                collapsed.push(' ');
            }
            collapsed.push_str(word);
        }
        if collapsed.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run > 0 {
                out.push('\n');
            }
        }
        blank_run = 0;
        out.push_str(&collapsed);
    }
    out
}

/// [`tidy`], then maps the portal's placeholders ("Không có thông tin", "--", "-") to the empty string.
pub fn value(s: &str) -> String {
    let t = tidy(s);
    if is_placeholder(&t) { String::new() } else { t }
}

/// True for text that says "nothing here" rather than giving content.
pub fn is_placeholder(t: &str) -> bool {
    let t = t.trim().trim_end_matches('.');
    t.is_empty() || t.eq_ignore_ascii_case(NO_INFO) || t.chars().all(|c| matches!(c, '-' | '–' | '*' | ' '))
}

/// Splits a comma-separated list of names ("Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX)")
/// at top-level commas that start a new capitalised item, so commas inside parentheses or inside one name
/// ("Cục Hải quan tỉnh, thành phố") do not split it.
pub fn split_names(s: &str) -> Vec<String> {
    let s = value(s);
    if s.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (i, &(pos, c)) in chars.iter().enumerate() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            ',' | ';' if depth == 0 => {
                let next = chars[i + 1..].iter().map(|&(_, c)| c).find(|c| !c.is_whitespace());
                if next.is_some_and(|n| n.is_uppercase()) {
                    out.push(s[start..pos].trim().to_string());
                    start = pos + c.len_utf8();
                }
            }
            _ => {}
        }
    }
    out.push(s[start..].trim().to_string());
    out.retain(|x| !x.is_empty());
    out
}

/// Upper-cases the first letter: "đăng ký khai sinh" → "Đăng ký khai sinh".
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Strips list markers a row starts with ("- ", "+ ", "• ", "– ") so the site can render its own bullets.
pub fn strip_bullet(s: &str) -> &str {
    s.trim_start_matches(|c: char| matches!(c, '-' | '+' | '•' | '–' | '*') || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_normalises_and_keeps_lines() {
        assert_eq!(tidy("  Đa\u{0306}ng  k\u{200e}ý\t\n\n\n  b  "), "Đăng ký\n\nb");
        assert_eq!(value("Không có thông tin"), "");
    }

    #[test]
    fn splits_top_level_names_only() {
        assert_eq!(
            split_names("Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX)"),
            vec!["Công dân Việt Nam", "Tổ chức (không bao gồm doanh nghiệp, HTX)"]
        );
        assert_eq!(split_names("Cục Hải quan tỉnh, thành phố"), vec!["Cục Hải quan tỉnh, thành phố"]);
    }
}
