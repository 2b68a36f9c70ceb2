//! Processing times: "15 Ngày làm việc", "42 Ngày", "4 Giờ", a bare "1", or "Không có thông tin".
//!
//! A bare number is a portal defect (the unit was lost). The importer then looks for the same number with a
//! unit in the method's own description ("Trong thời hạn 02 ngày làm việc …"); if it finds exactly one unit it
//! uses it and flags the inference; otherwise the unit stays [`TimeUnit::Unspecified`] and is flagged.

use crate::content::{ProcessingTime, TimeUnit};
use regex::Regex;
use std::sync::LazyLock;

/// How a time was obtained, for the report.
#[derive(Debug, Clone, PartialEq)]
pub enum TimeParse {
    /// Number and unit printed by the portal.
    Clean,
    /// The unit was missing and was found in the description; the reason says where.
    Inferred(String),
    /// Number without a unit; nothing to infer it from.
    NoUnit,
    /// The portal gave no time.
    Empty,
    /// The time's digits are glued to the fee's and cannot be told apart; no time is kept. The reason says what
    /// was printed.
    Glued(String),
}

/// Maps the portal's unit words (any case) to a unit.
pub fn unit_from_word(word: &str) -> Option<TimeUnit> {
    match crate::text::fold(word).to_lowercase().trim() {
        "ngay lam viec" => Some(TimeUnit::WorkingDays),
        "ngay" => Some(TimeUnit::Days),
        "gio" => Some(TimeUnit::Hours),
        "thang" => Some(TimeUnit::Months),
        "trong ngay" => Some(TimeUnit::SameDay),
        _ => None,
    }
}

/// Parses a decimal quantity written "1", "0,5" or "1.5".
pub fn parse_quantity(s: &str) -> Option<f64> {
    let v: f64 = s.trim().replace(',', ".").parse().ok()?;
    (v.is_finite() && v >= 0.0).then_some(v)
}

static IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d+(?:[.,]\d+)?)\s*(?:\([^)]{0,20}\)\s*)?(ngày làm việc|ngày|giờ|tháng)").unwrap()
});

/// Builds a time from a quantity text and an optional unit word, using `context` (the method description) to
/// recover a missing unit.
pub fn build(quantity: Option<&str>, unit: Option<&str>, context: &str) -> (ProcessingTime, TimeParse) {
    let Some(q) = quantity else {
        return (ProcessingTime { amount: None, unit: TimeUnit::Unspecified, text: String::new() }, TimeParse::Empty);
    };
    let amount = parse_quantity(q);
    if let Some(unit) = unit.and_then(unit_from_word) {
        return (ProcessingTime { amount, unit, text: String::new() }, TimeParse::Clean);
    }
    // A bare number: look for "<same number> <unit>" in the description.
    if let Some(unit) = amount.and_then(|a| infer(a, context)) {
        let why = format!(
            "cổng chỉ ghi số \"{q}\" không có đơn vị; đơn vị \"{}\" lấy từ phần mô tả của cách thức nộp",
            unit.label()
        );
        return (ProcessingTime { amount, unit, text: String::new() }, TimeParse::Inferred(why));
    }
    (ProcessingTime { amount, unit: TimeUnit::Unspecified, text: String::new() }, TimeParse::NoUnit)
}

/// The unit written after `amount` in `context` ("… trong thời hạn 03 ngày làm việc …"), when the context
/// names exactly one unit for that number; `None` when it names none or several (then nothing is guessed).
pub fn infer(amount: f64, context: &str) -> Option<TimeUnit> {
    let mut found: Vec<TimeUnit> = Vec::new();
    for c in IN_TEXT.captures_iter(context) {
        if parse_quantity(&c[1]) == Some(amount) {
            if let Some(u) = unit_from_word(&c[2]) {
                if !found.contains(&u) {
                    found.push(u);
                }
            }
        }
    }
    match found[..] {
        [unit] => Some(unit),
        _ => None,
    }
}

/// True when `context` gives `amount` only in working days ("… 30 ngày làm việc …"): the portal's "30 Ngày"
/// then lost "làm việc" (a calendar month against six weeks). False when the text also says "30 ngày" alone.
pub fn only_working_days(amount: f64, context: &str) -> bool {
    let units: Vec<TimeUnit> = IN_TEXT
        .captures_iter(context)
        .filter(|c| parse_quantity(&c[1]) == Some(amount))
        .filter_map(|c| unit_from_word(&c[2]))
        .collect();
    !units.is_empty() && units.iter().all(|u| *u == TimeUnit::WorkingDays)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_bare_numbers() {
        let (t, p) = build(Some("15"), Some("Ngày làm việc"), "");
        assert_eq!((t.amount, t.unit, p), (Some(15.0), TimeUnit::WorkingDays, TimeParse::Clean));
        let (t, p) = build(Some("1"), None, "");
        assert_eq!((t.amount, t.unit, p), (Some(1.0), TimeUnit::Unspecified, TimeParse::NoUnit));
        let (t, p) = build(Some("2"), None, "Trong thời hạn 02 ngày làm việc kể từ ngày nhận hồ sơ");
        assert_eq!(t.unit, TimeUnit::WorkingDays);
        assert!(matches!(p, TimeParse::Inferred(_)));
        assert_eq!(parse_quantity("0,5"), Some(0.5));
        assert!(only_working_days(30.0, "trong thời hạn 30 ngày làm việc kể từ ngày nhận đủ hồ sơ"));
        assert!(!only_working_days(30.0, "30 ngày làm việc; quá 30 ngày thì trả lại"));
        assert!(!only_working_days(30.0, "không nêu thời hạn"));
    }
}
