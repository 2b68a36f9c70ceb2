//! How numbers and counts read on a page: "2.000", "0,5", "1 bản chính, 2 bản sao". Fees and times are
//! read in [`super::facts`].

use crate::content::Paper;

/// Groups thousands the Vietnamese way: 1234567 → "1.234.567".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A quantity with a Vietnamese decimal comma: 0.5 → "0,5", 3.0 → "3".
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}").replace('.', ",")
    }
}

/// How many of a paper to bring: "1 bản chính, 1 bản sao"; empty for a note.
pub fn counts(p: &Paper) -> String {
    let mut parts = Vec::new();
    if p.originals > 0 {
        parts.push(format!("{} bản chính", p.originals));
    }
    if p.copies > 0 {
        parts.push(format!("{} bản sao", p.copies));
    }
    parts.join(", ")
}

/// The first sentence-ish of a long text, for descriptions and previews (at most `max` characters).
pub fn excerpt(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

/// `s` in whole sentences, as many as fit in `max` characters, then "…" when any were left out; a first sentence
/// longer than `max` is cut at a word ([`excerpt`]). For facts printed beside a QR code: an editor's "Miễn phí
/// nếu đúng hạn. Quá hạn: theo mức của tỉnh." must not lose its second half mid-word.
pub fn sentences(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut kept = String::new();
    for sentence in s.split_inclusive(". ") {
        if kept.chars().count() + sentence.trim_end().chars().count() > max {
            break;
        }
        kept.push_str(sentence);
    }
    if kept.is_empty() { excerpt(s, max) } else { format!("{} …", kept.trim_end()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_kept_whole() {
        let fee = "Miễn phí nếu đúng hạn. Quá hạn: theo mức của tỉnh. Bản sao thì nộp phí cấp bản sao.";
        assert_eq!(sentences(fee, 200), fee);
        assert_eq!(sentences(fee, 55), "Miễn phí nếu đúng hạn. Quá hạn: theo mức của tỉnh. …");
        assert_eq!(sentences(fee, 10), "Miễn phí…");
    }

    #[test]
    fn money_reads_like_vietnamese() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(2000), "2.000");
        assert_eq!(thousands(1234567), "1.234.567");
    }

    #[test]
    fn quantities_read_like_vietnamese() {
        assert_eq!(number(0.5), "0,5");
        assert_eq!(number(3.0), "3");
    }
}

/// `2026-11-29` → `29/11/2026`, as dates are written in Vietnam.
pub fn vn_date(iso: &str) -> String {
    let mut parts = iso.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}
