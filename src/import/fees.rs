//! Fees as the portal prints them in the methods table: "Miễn phí", "Không có thông tin",
//! "100,000 Việt Nam Đồng", "2,000 Việt Nam Đồng(2.000 đồng/trang; từ trang thứ 3 …)", " VNĐ(Phí …)",
//! possibly several in a row, followed by the method's description.
//!
//! Amounts are whole đồng; "Miễn phí" is amount 0. The prose in brackets becomes the fee's rule. Two portal
//! defects are caught and flagged rather than copied: amounts printed in thousands ("135 VNĐ(… 135.000
//! đồng/lần)") and a currency with no number (" VNĐ(…)"), where the amount is taken from the rule only when
//! the rule names exactly one amount.

use crate::content::Fee;
use regex::Regex;
use std::sync::LazyLock;

/// How a method's fees were obtained, for the report.
#[derive(Debug, Clone, PartialEq)]
pub enum FeeParse {
    /// Printed cleanly ("Miễn phí", or an amount with its currency).
    Clean,
    /// Corrected or completed from the rule's prose; the reason says how.
    Fallback(String),
    /// The portal gave no fee ("Không có thông tin").
    Empty,
    /// Read as printed, but the source contradicts itself (e.g. "Miễn phí" with amounts in the rule): a
    /// person should check; the reason says what.
    Check(String),
    /// Kept, but unsure: the reason says why.
    Uncertain(String),
}

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d{1,3}(?:[.,]\d{3})+|\d+)?\s*(Việt Nam Đồng|VNĐ|VND|Đồng|đồng)").unwrap()
});
static PROSE_AMOUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(\d{1,3}(?:\.\d{3})+|\d{4,})\s*(?:đồng|vnđ|vnd|đ)").unwrap());
static FOREIGN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(\d+(?:[.,]\d+)?)\s*(USD|EUR)").unwrap());

/// Every amount in đồng that prose names ("20.000 vnđ /tờ khai" → 20000).
pub fn prose_amounts(s: &str) -> Vec<u64> {
    PROSE_AMOUNT.captures_iter(s).filter_map(|c| parse_amount(&c[1])).collect()
}

/// Parses a money amount "100,000" / "100.000" / "1000" into đồng.
pub fn parse_amount(s: &str) -> Option<u64> {
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// The result of reading the fee part of a method row.
#[derive(Debug, Clone)]
pub struct FeeRead {
    /// The fees, in order; empty when the portal lists none.
    pub fees: Vec<Fee>,
    /// What follows the fees: the method's description.
    pub rest: String,
    /// How they were read.
    pub how: FeeParse,
}

/// Reads the fees at the start of `s` (the row text after the processing time).
pub fn read(s: &str) -> FeeRead {
    let mut rest = s;
    let mut fees = Vec::new();
    let mut how = FeeParse::Clean;
    if let Some(r) = rest.strip_prefix(crate::import::clean::NO_INFO) {
        return FeeRead { fees, rest: r.to_string(), how: FeeParse::Empty };
    }
    loop {
        let trimmed = rest.trim_start();
        if let Some(r) = trimmed.strip_prefix("Miễn phí") {
            let (rule, r) = bracketed(r);
            if rule.as_deref().is_some_and(|t| PROSE_AMOUNT.is_match(t)) {
                how = worse(how, FeeParse::Check(
                    "cổng ghi \"Miễn phí\" nhưng phần quy định lại nêu mức thu; cần kiểm tra".into(),
                ));
            }
            fees.push(fee(Some(0), rule));
            rest = r;
            continue;
        }
        if let Some(c) = FOREIGN.captures(trimmed) {
            let end = c.get(0).map_or(0, |m| m.end());
            let (rule, r) = bracketed(&trimmed[end..]);
            let printed = format!("{} {}", &c[1], &c[2]);
            let rule = match rule {
                Some(rule) => format!("{printed} ({})", rule.trim()),
                None => printed.clone(),
            };
            how = worse(how, FeeParse::Uncertain(format!(
                "mức thu bằng ngoại tệ ({printed}); giữ trong phần quy định, không quy ra đồng"
            )));
            fees.push(fee(None, Some(rule)));
            rest = r;
            continue;
        }
        if let Some(c) = AMOUNT.captures(trimmed) {
            let end = c.get(0).map_or(0, |m| m.end());
            let (rule, r) = bracketed(&trimmed[end..]);
            let printed = c.get(1).and_then(|m| parse_amount(m.as_str()));
            let prose: Vec<u64> = rule
                .as_deref()
                .map(|t| PROSE_AMOUNT.captures_iter(t).filter_map(|c| parse_amount(&c[1])).collect())
                .unwrap_or_default();
            let amount = match printed {
                Some(a) if a > 0 && a < 1000 && prose.contains(&(a * 1000)) => {
                    how = worse(how, FeeParse::Fallback(format!(
                        "cổng ghi {a} VNĐ nhưng phần quy định ghi {} đồng; lấy {} đồng",
                        group(a * 1000),
                        group(a * 1000)
                    )));
                    Some(a * 1000)
                }
                Some(a) if a > 0 && a < 1000 => {
                    how = worse(how, FeeParse::Uncertain(format!(
                        "mức thu {a} đồng nhỏ bất thường (có thể cổng ghi theo nghìn đồng); cần kiểm tra"
                    )));
                    Some(a)
                }
                Some(a) => Some(a),
                None => {
                    let mut distinct = prose.clone();
                    distinct.sort_unstable();
                    distinct.dedup();
                    if let [one] = distinct[..] {
                        how = worse(how, FeeParse::Fallback(format!(
                            "cổng không ghi số tiền; lấy {} đồng từ phần quy định",
                            group(one)
                        )));
                        Some(one)
                    } else {
                        how = worse(how, FeeParse::Fallback(
                            "cổng không ghi số tiền, chỉ có phần quy định bằng lời (giữ trong rule); cần kiểm tra".into(),
                        ));
                        None
                    }
                }
            };
            fees.push(fee(amount, rule));
            rest = r;
            continue;
        }
        break;
    }
    if fees.is_empty() {
        how = FeeParse::Uncertain("không đọc được phí, lệ phí trong bảng cách thức thực hiện".into());
    }
    FeeRead { fees, rest: rest.to_string(), how }
}

fn fee(amount: Option<u64>, rule: Option<String>) -> Fee {
    let rule = rule.map(|r| crate::import::clean::value(&r)).unwrap_or_default();
    let rule = match rule.to_lowercase().trim_end_matches('.').trim() {
        "không" | "không có" | "không quy định" => String::new(),
        _ => rule,
    };
    let folded = crate::text::fold(&rule).to_lowercase();
    let kind = if folded.starts_with("le phi") {
        "lệ phí"
    } else if folded.starts_with("phi ") || folded.starts_with("phi:") {
        "phí"
    } else {
        ""
    };
    Fee { kind: kind.to_string(), amount, rule }
}

/// Keeps the more serious outcome: Uncertain > Fallback > Clean.
fn worse(a: FeeParse, b: FeeParse) -> FeeParse {
    let rank = |f: &FeeParse| match f {
        FeeParse::Clean | FeeParse::Empty => 0,
        FeeParse::Check(_) => 1,
        FeeParse::Fallback(_) => 2,
        FeeParse::Uncertain(_) => 3,
    };
    if rank(&b) > rank(&a) { b } else { a }
}

/// "2000000" → "2.000.000", the Vietnamese way.
pub fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Splits "(…balanced…)rest" into the bracket's content and the rest; no bracket → (None, s).
/// An unbalanced bracket takes the rest of the text.
fn bracketed(s: &str) -> (Option<String>, &str) {
    let Some(inner) = s.strip_prefix('(') else { return (None, s) };
    let mut depth = 1;
    for (i, c) in inner.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return (Some(inner[..i].to_string()), &inner[i + 1..]);
                }
            }
            _ => {}
        }
    }
    (Some(inner.to_string()), "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_amounts_prose_and_thousands() {
        let r = read("Miễn phíTrực tiếp");
        assert_eq!(r.fees[0].amount, Some(0));
        assert_eq!(r.rest, "Trực tiếp");
        let r = read("2,000 Việt Nam Đồng(2.000 đồng/trang; từ trang thứ 3 trở lên thu 1.000 đồng/trang)Mô tả");
        assert_eq!(r.fees[0].amount, Some(2000));
        assert!(r.fees[0].rule.starts_with("2.000 đồng/trang"));
        assert_eq!(r.rest, "Mô tả");
        let r = read("135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)");
        assert_eq!(r.fees[0].amount, Some(135_000));
        assert_eq!(r.fees[0].kind, "lệ phí");
        assert!(matches!(r.how, FeeParse::Fallback(_)));
        assert_eq!(read("Không có thông tinabc").how, FeeParse::Empty);
        assert_eq!(group(1_234_567), "1.234.567");
    }
}
