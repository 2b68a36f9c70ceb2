//! How numbers, times and counts read on a page: "2.000 đồng", "5 ngày làm việc", "1 bản chính, 2 bản sao".

use crate::content::{Fee, Paper, ProcessingTime, TimeUnit};

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

/// A fee in a few words: "Miễn phí", "50.000 đồng", or the rule when there is no single amount.
pub fn fee(fee: &Fee) -> String {
    match fee.amount {
        Some(0) => "Miễn phí".to_string(),
        Some(n) => format!("{} đồng", thousands(n)),
        None if !fee.rule.is_empty() => fee.rule.clone(),
        None => "Xem quy định".to_string(),
    }
}

/// All fees of a method, short: "Miễn phí" or "50.000 đồng + 20.000 đồng".
pub fn fees(fees: &[Fee]) -> String {
    if fees.is_empty() {
        return "Không ghi".to_string();
    }
    if fees.iter().all(|f| f.amount == Some(0)) {
        return "Miễn phí".to_string();
    }
    fees.iter().map(fee).collect::<Vec<_>>().join(" + ")
}

/// A processing time: "1 ngày làm việc", "Trong ngày", "0,5 ngày", or the portal's words.
pub fn time(t: &ProcessingTime) -> String {
    match (t.amount, t.unit) {
        (_, TimeUnit::SameDay) => "Trong ngày".to_string(),
        (Some(a), TimeUnit::Text | TimeUnit::Unspecified) if t.text.is_empty() => format!("{} (chưa rõ đơn vị)", number(a)),
        (Some(a), unit) if !matches!(unit, TimeUnit::Text | TimeUnit::Unspecified) => {
            format!("{} {}", number(a), unit.label())
        }
        _ if !t.text.is_empty() => t.text.clone(),
        _ => "Không ghi".to_string(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_like_vietnamese() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(2000), "2.000");
        assert_eq!(thousands(1234567), "1.234.567");
        assert_eq!(fee(&Fee { amount: Some(0), ..Default::default() }), "Miễn phí");
        assert_eq!(fee(&Fee { amount: Some(50000), ..Default::default() }), "50.000 đồng");
    }

    #[test]
    fn times_read_like_vietnamese() {
        let t = ProcessingTime { amount: Some(0.5), unit: TimeUnit::Days, text: String::new() };
        assert_eq!(time(&t), "0,5 ngày");
        let t = ProcessingTime { amount: Some(1.0), unit: TimeUnit::Unspecified, text: String::new() };
        assert_eq!(time(&t), "1 (chưa rõ đơn vị)");
    }
}
