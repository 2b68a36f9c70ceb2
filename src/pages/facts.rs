//! What a procedure costs and how long it takes, in the words every place shows them: the glance box, the
//! methods table, the posters, the search result line, list pages, the copied text and the link preview.
//!
//! The portal's own table is often wrong in ways a citizen cannot see: "Miễn phí" in the fee column while the
//! fee's note names an amount or says the provincial People's Council sets it, a bare "1" with no unit in the
//! time column. These functions read a fee or a time together with its note and never say more than the
//! official text supports: "Miễn phí" only when nothing in the note names a fee, a number only with its unit.
//! An editor's summary, when a procedure has one, is the procedure's short fee and time everywhere.

use crate::content::{Fee, Method, Procedure, ProcessingTime, TimeUnit};
use crate::content::Row;
use crate::pages::format::{counts, excerpt, number, thousands};

/// What the official text says about one fee, read with its note.
#[derive(Debug, Clone, PartialEq)]
pub enum FeeSays {
    /// No fee, and nothing in the note says otherwise.
    Free,
    /// An amount in đồng.
    Amount(u64),
    /// The provincial People's Council (or the province) sets it.
    Province,
    /// A rule in words (an amount per unit, a percentage, a circular to look up): the rule.
    Rule(String),
    /// The portal printed something that cannot be a correct fee ("20 VNĐ"), or nothing at all.
    Unclear(String),
}

/// Amounts under this many đồng are not real fees: the portal dropped the thousands ("20 VNĐ" for 20.000).
pub const SMALLEST_FEE: u64 = 1000;

/// Reads one fee with its note.
pub fn fee_says(fee: &Fee) -> FeeSays {
    let rule = fee.rule.trim();
    let has_rule = rule.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    match fee.amount {
        Some(0) if !has_rule || says_free(rule) => FeeSays::Free,
        // The note, when there is one, says the amount in words ("áp dụng mức phí 25.000 đồng/hồ sơ…").
        Some(n) if n > 0 && n < SMALLEST_FEE && has_rule => FeeSays::Rule(tidy_rule(rule)),
        Some(n) if n > 0 && n < SMALLEST_FEE => {
            FeeSays::Unclear(format!("Cổng ghi “{n} VNĐ”, có thể thiếu ba số 0; hỏi nơi nộp"))
        }
        Some(n) if n > 0 => FeeSays::Amount(n),
        _ if has_rule && province_sets(rule) => FeeSays::Province,
        _ if has_rule => FeeSays::Rule(tidy_rule(rule)),
        Some(_) => FeeSays::Free,
        None => FeeSays::Unclear("Không ghi".into()),
    }
}

/// The short words for one reading, as a glance box shows them.
fn short(says: &FeeSays) -> String {
    match says {
        FeeSays::Free => "Miễn phí".into(),
        FeeSays::Amount(n) => format!("{} đồng", thousands(*n)),
        FeeSays::Province => "Theo mức của HĐND tỉnh".into(),
        FeeSays::Rule(r) => excerpt(r, 70),
        FeeSays::Unclear(s) => s.clone(),
    }
}

/// A note that only says there is no fee ("Không thu lệ phí", "Chưa quy định", "Miễn lệ phí (Thông tư …)"),
/// with no amount, no condition ("đối với", "trường hợp": free for some means others pay) and no fee rule.
fn says_free(rule: &str) -> bool {
    let f = crate::text::fold(rule).to_lowercase();
    let f = f.trim_start_matches(|c: char| !c.is_alphanumeric());
    let free_words = ["khong thu", "mien phi", "mien le phi", "khong co", "chua quy dinh", "khong phai nop", "khong"];
    let conditional = ["doi voi", "truong hop", "cho nguoi", "neu ", "tru ", "ke tu", "den het", "dang ky qua mang"];
    free_words.iter().any(|w| f.starts_with(w))
        && !conditional.iter().any(|w| f.contains(w))
        && !names_amount(&f)
        && !province_sets(rule)
}

/// The note says the province (its People's Council or People's Committee) sets the fee.
fn province_sets(rule: &str) -> bool {
    let f = crate::text::fold(rule).to_lowercase();
    f.contains("hoi dong nhan dan") || f.contains("hdnd") || f.contains("uy ban nhan dan cap tinh") || f.contains("ubnd cap tinh")
}

/// The folded text names a sum of money ("25.000 dong", "5%", "100 usd").
fn names_amount(folded: &str) -> bool {
    let b = folded.as_bytes();
    folded.contains('%')
        || folded.match_indices("dong").chain(folded.match_indices("usd")).chain(folded.match_indices("vnd")).any(|(i, _)| {
            let before = folded[..i].trim_end();
            before.ends_with(|c: char| c.is_ascii_digit()) && i > 0 && b[i - 1] != b'/'
        })
}

/// A rule as one line: no leading dash or bracket, no "Căn cứ pháp lý:" label.
fn tidy_rule(rule: &str) -> String {
    let r = rule.trim_start_matches(|c: char| c == '-' || c == '(' || c == '+' || c.is_whitespace());
    let r = r.strip_prefix("Căn cứ pháp lý:").unwrap_or(r).trim();
    let r = r.strip_suffix(')').filter(|s| s.matches('(').count() < s.matches(')').count() + 1).unwrap_or(r);
    r.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One method's fees in the methods table (the official text): every fee, with the portal's "Miễn phí" kept
/// in quotes when its note contradicts it, so nothing the portal printed is hidden.
pub fn method_fee(fees: &[Fee]) -> String {
    if fees.is_empty() {
        return "Không ghi".into();
    }
    let parts: Vec<String> = fees
        .iter()
        .map(|f| match (f.amount, fee_says(f)) {
            (Some(0), FeeSays::Province | FeeSays::Rule(_)) => "Cổng ghi “Miễn phí”, nhưng quy định nêu mức thu (xem dưới)".into(),
            (_, FeeSays::Rule(_)) => "Theo quy định (xem dưới)".into(),
            (_, says) => short(&says),
        })
        .collect();
    if parts.iter().all(|p| p == "Miễn phí") { "Miễn phí".into() } else { parts.join(" + ") }
}

/// One method's fees as a sum that can be added to others (the dossier basket's totals): the đồng when every
/// fee is free or an amount; `None` when a rule, the province or an unclear figure decides, or nothing is listed.
pub fn method_amount(fees: &[Fee]) -> Option<u64> {
    if fees.is_empty() || fees.iter().any(|f| per_unit(f).is_some()) {
        return None;
    }
    fees.iter().map(|f| match fee_says(f) { FeeSays::Amount(n) => Some(n), FeeSays::Free => Some(0), _ => None }).sum()
}

/// The unit an amount is charged per when it grows with how many one asks for ("/trang", "/bản"): the
/// portal splits "2.000 đồng/trang" into an amount and the rule "/trang". Per dossier or per time ("/hồ sơ",
/// "/lần") is once per procedure, so not a unit here.
fn per_unit(f: &Fee) -> Option<&str> {
    let rule = f.rule.trim();
    let unit = rule.strip_prefix('/')?;
    let folded = crate::text::fold(unit).to_lowercase();
    let counted = ["trang", "ban", "khau", "chiec", "nguoi", "m2", "con", "cay", "tau"];
    (f.amount.is_some_and(|n| n >= SMALLEST_FEE) && counted.iter().any(|w| folded.starts_with(w)))
        .then(|| rule.split(|c: char| c == '(' || c == '.' || c == ',').next().unwrap_or(rule).trim())
}

/// One method's fees in a few words.
pub fn method_short(fees: &[Fee]) -> String {
    if fees.is_empty() {
        return "Không ghi".into();
    }
    if fees.iter().any(|f| per_unit(f).is_some()) {
        let parts: Vec<String> = fees
            .iter()
            .map(|f| match (per_unit(f), f.amount) {
                (Some(unit), Some(n)) => format!("{} đồng{unit}", thousands(n)),
                _ => short(&fee_says(f)),
            })
            .collect();
        return parts.join(" + ");
    }
    let says: Vec<FeeSays> = fees.iter().map(fee_says).collect();
    if says.iter().all(|s| *s == FeeSays::Free) {
        return "Miễn phí".into();
    }
    if let Some(total) = method_amount(fees) {
        return format!("{} đồng", thousands(total));
    }
    // A rule or the province decides: say that, once.
    let first = says.iter().find(|s| !matches!(s, FeeSays::Free | FeeSays::Amount(_))).unwrap_or(&says[0]);
    short(first)
}

/// The procedure's fee in one line (glance box, posters, lists, search results, copied text, link preview):
/// the editor's words when there is a summary; else the same for every method, else per method
/// ("Trực tiếp: 50.000 đồng; trực tuyến: 25.000 đồng").
pub fn fee(p: &Procedure) -> String {
    local_fee(p).unwrap_or_else(|| national_fee(p))
}

/// What the national text says the fee is, in one line: [`fee`] without the province's own figure. Pages show
/// it beside a local fee, so the official text stays one tap away.
pub fn national_fee(p: &Procedure) -> String {
    if let Some(s) = &p.summary {
        return s.cost.clone();
    }
    per_method(&p.methods, |m| method_short(&m.fees))
}

/// One local fee's amount in words: "100.000 đồng", "2.000 đồng/trang", "Miễn phí", or its rule.
fn local_amount(f: &crate::content::LocalFee) -> String {
    let amount = match f.amount {
        Some(0) => Some("Miễn phí".to_string()),
        Some(n) if f.per.is_empty() => Some(format!("{} đồng", thousands(n))),
        Some(n) => Some(format!("{} đồng/{}", thousands(n), f.per)),
        None => None,
    };
    match (amount, f.rule.trim()) {
        (Some(a), "") => a,
        (Some(a), rule) => format!("{a} ({rule})"),
        (None, rule) => rule.to_string(),
    }
}

/// The province's fee with its source, when `content/local_fees.toml` sets one: "Trực tiếp 100.000 đồng, trực
/// tuyến 50.000 đồng (mức của địa phương theo Nghị quyết số 12/2025/NQ-HĐND, từ 01/08/2025)". Ways of
/// submitting the overlay does not cover keep the national figure, said so ("; qua bưu chính: miễn phí theo
/// Cổng Dịch vụ công quốc gia"). Rows never overlap (`content/local_fees.rs` refuses it).
pub fn local_fee(p: &Procedure) -> Option<String> {
    if p.local_fees.is_empty() {
        return None;
    }
    let parts: Vec<String> = p
        .local_fees
        .iter()
        .map(|f| match f.channel {
            Some(ch) => format!("{} {}", channel_word(ch), lower_first(&local_amount(f))),
            None => local_amount(f),
        })
        .collect();
    let uncovered: Vec<String> = p
        .methods
        .iter()
        .filter(|m| !p.local_fees.iter().any(|f| f.channel.is_none_or(|c| c == m.channel)))
        .map(|m| format!("{} {}", channel_word(m.channel), lower_first(&method_short(&m.fees))))
        .collect();
    let mut sources: Vec<String> = Vec::new();
    for f in &p.local_fees {
        let s = format!("{}, từ {}", f.resolution.trim(), crate::pages::format::vn_date(&f.effective));
        if !sources.contains(&s) {
            sources.push(s);
        }
    }
    let mut line = format!("{} (mức của địa phương theo {})", parts.join(", "), sources.join("; "));
    if !uncovered.is_empty() {
        line.push_str(&format!("; {} (theo Cổng Dịch vụ công quốc gia)", uncovered.join(", ")));
    }
    if let Some(first) = line.chars().next() {
        line.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    Some(line)
}

/// "Miễn phí" inside a sentence: "miễn phí".
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// A way of submitting in a few lower-case words, inside a sentence: "trực tiếp".
fn channel_word(ch: crate::content::Channel) -> &'static str {
    match ch {
        crate::content::Channel::InPerson => "trực tiếp",
        crate::content::Channel::Online => "trực tuyến",
        crate::content::Channel::Post => "qua bưu chính",
    }
}

/// The fee on one line of a list or a search result, about 40 characters: a province's fee as its amount or
/// range ("50.000–100.000 đồng (mức địa phương)"), else the start of [`fee`].
pub fn fee_line(p: &Procedure) -> String {
    if p.local_fees.is_empty() {
        return excerpt(&fee(p), 40);
    }
    let amounts: Option<Vec<u64>> = p.local_fees.iter().map(|f| if f.per.is_empty() && f.rule.trim().is_empty() { f.amount } else { None }).collect();
    let amount = match amounts.as_deref() {
        Some([]) | None => "Theo quy định".to_string(),
        Some(list) => {
            let (lo, hi) = (list.iter().min().copied().unwrap_or(0), list.iter().max().copied().unwrap_or(0));
            match (lo, hi) {
                (0, 0) => "Miễn phí".to_string(),
                (lo, hi) if lo == hi => format!("{} đồng", thousands(lo)),
                (lo, hi) => format!("{}–{} đồng", thousands(lo), thousands(hi)),
            }
        }
    };
    format!("{amount} (mức địa phương)")
}

/// What one way of submitting costs as a sum the dossier basket can add: the province's amount when it sets
/// one for that way (or for every way), else [`method_amount`] of the national text.
pub fn channel_amount(p: &Procedure, m: &Method) -> Option<u64> {
    let local: Vec<&crate::content::LocalFee> = p.local_fees.iter().filter(|f| f.channel.is_none_or(|c| c == m.channel)).collect();
    if local.is_empty() {
        return method_amount(&m.fees);
    }
    local.iter().map(|f| if f.per.is_empty() && f.rule.trim().is_empty() { f.amount } else { None }).sum()
}

/// [`method_short`] with the province's figure for that way of submitting, when it sets one.
pub fn channel_short(p: &Procedure, m: &Method) -> String {
    let local: Vec<String> = p.local_fees.iter().filter(|f| f.channel.is_none_or(|c| c == m.channel)).map(local_amount).collect();
    if local.is_empty() { method_short(&m.fees) } else { local.join(" + ") }
}

/// How long one method takes, for the methods table: the number with its unit; a number the portal left
/// without a unit is shown as printed and said to be so.
pub fn method_time(t: &ProcessingTime) -> String {
    match (t.amount, t.unit) {
        (Some(a), TimeUnit::Unspecified) if t.text.is_empty() => format!("{} (trang gốc không ghi đơn vị)", number(a)),
        _ => time_short(t),
    }
}

/// How long one method takes in a few words; never a bare number.
fn time_short(t: &ProcessingTime) -> String {
    match (t.amount, t.unit) {
        (_, TimeUnit::SameDay) => "Trong ngày".into(),
        (Some(a), unit) if !matches!(unit, TimeUnit::Text | TimeUnit::Unspecified) => format!("{} {}", number(a), unit.label()),
        _ if !t.text.trim().is_empty() => t.text.trim().to_string(),
        (Some(_), _) => NO_TIME.into(),
        _ => "Không ghi thời hạn".into(),
    }
}

/// How long one method takes in days, to compare procedures (the dossier basket names the longest): hours as
/// a fraction of a working day, months as 30 days, "trong ngày" as half a day; `None` for prose or no unit.
pub fn time_days(t: &ProcessingTime) -> Option<f64> {
    match (t.amount, t.unit) {
        (_, TimeUnit::SameDay) => Some(0.5),
        (Some(a), TimeUnit::WorkingDays | TimeUnit::Days) => Some(a),
        (Some(a), TimeUnit::Hours) => Some(a / 8.0),
        (Some(a), TimeUnit::Months) => Some(a * 30.0),
        _ => None,
    }
}

/// What a time whose unit the portal lost says at a glance: the number alone would mislead ("1" of what?).
pub const NO_TIME: &str = "Không ghi rõ thời hạn";

/// The procedure's processing time in one line (same places as [`fee`]).
pub fn time(p: &Procedure) -> String {
    if let Some(s) = &p.summary {
        return s.time.clone();
    }
    per_method(&p.methods, |m| time_short(&m.time))
}

/// One value when every method agrees, else each method's value after its channel.
fn per_method(methods: &[Method], value: impl Fn(&Method) -> String) -> String {
    let values: Vec<String> = methods.iter().map(&value).collect();
    let Some(first) = values.first() else { return "Không ghi".into() };
    if values.iter().all(|v| v == first) {
        return first.clone();
    }
    // Channels that agree share one value: "Nộp trực tuyến, Qua bưu chính: 100.000 đồng; Nộp trực tiếp: …".
    let mut groups: Vec<(Vec<&str>, &String)> = Vec::new();
    for (m, v) in methods.iter().zip(&values) {
        match groups.iter_mut().find(|(_, gv)| *gv == v) {
            Some((channels, _)) if !channels.contains(&m.channel.label()) => channels.push(m.channel.label()),
            Some(_) => {}
            None => groups.push((vec![m.channel.label()], v)),
        }
    }
    groups.iter().map(|(channels, v)| format!("{}: {v}", channels.join(", "))).collect::<Vec<_>>().join("; ")
}

/// How many of a paper to bring ("1 bản chính"), and in a condition's group "xuất trình …" for a paper the portal
/// lists to show rather than hand in (everyone's groups say so in their heading). Posters and copied text too.
pub fn paper_counts(row: &Row, case: bool) -> String {
    let counts = counts(&row.paper);
    match (case && row.present, counts.is_empty()) {
        (true, true) => "xuất trình".to_string(),
        (true, false) => format!("xuất trình {counts}"),
        (false, _) => counts,
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Channel;

    fn fee(amount: Option<u64>, rule: &str) -> Fee {
        Fee { amount, rule: rule.into(), ..Default::default() }
    }

    #[test]
    fn free_only_when_the_note_names_no_fee() {
        assert_eq!(fee_says(&fee(Some(0), "")), FeeSays::Free);
        assert_eq!(fee_says(&fee(Some(0), "Không thu lệ phí")), FeeSays::Free);
        assert_eq!(fee_says(&fee(Some(0), "- Miễn lệ phí (Thông tư số 47/2019/TT-BTC).")), FeeSays::Free);
        assert_eq!(
            fee_says(&fee(Some(0), "Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định. Miễn lệ phí cho người thuộc hộ nghèo")),
            FeeSays::Province
        );
        assert!(matches!(fee_says(&fee(Some(0), "áp dụng mức phí 2.500.000 đồng/hồ sơ")), FeeSays::Rule(_)));
        assert!(matches!(fee_says(&fee(Some(0), "Miễn lệ phí đối với những trường hợp sau: người có công")), FeeSays::Rule(_)));
        assert!(matches!(fee_says(&fee(Some(0), "Theo quy định của Luật phí và lệ phí")), FeeSays::Rule(_)));
    }

    #[test]
    fn a_province_fee_replaces_the_national_line_with_its_source_and_adds_up_by_way() {
        let m = |channel| Method { channel, time: Default::default(), fees: vec![fee(Some(0), "Mức thu do Hội đồng nhân dân tỉnh quyết định")], description: String::new() };
        let local = |channel, amount| crate::content::LocalFee {
            procedure: "1.000001".into(),
            channel: Some(channel),
            amount: Some(amount),
            resolution: "Nghị quyết số 12/2025/NQ-HĐND".into(),
            effective: "2025-08-01".into(),
            ..Default::default()
        };
        let mut p = Procedure { methods: vec![m(Channel::InPerson), m(Channel::Online)], ..Default::default() };
        let national = super::fee(&p);
        p.local_fees = vec![local(Channel::InPerson, 100_000), local(Channel::Online, 50_000)];
        assert_eq!(super::fee(&p), "Trực tiếp 100.000 đồng, trực tuyến 50.000 đồng (mức của địa phương theo Nghị quyết số 12/2025/NQ-HĐND, từ 01/08/2025)");
        assert_eq!(national_fee(&p), national, "the national text stays as it was");
        assert_eq!(fee_line(&p), "50.000–100.000 đồng (mức địa phương)");
        // A way the province does not cover keeps the national figure, said so.
        let mut one = p.clone();
        one.local_fees.truncate(1);
        assert!(super::fee(&one).ends_with("; trực tuyến theo mức của HĐND tỉnh (theo Cổng Dịch vụ công quốc gia)"), "{}", super::fee(&one));
        assert_eq!((channel_amount(&p, &p.methods[0]), channel_amount(&p, &p.methods[1])), (Some(100_000), Some(50_000)));
        assert_eq!(channel_amount(&Procedure { local_fees: Vec::new(), ..p.clone() }, &p.methods[0]), None, "the province decides: no sum");
    }

    #[test]
    fn an_amount_per_page_is_said_per_page_and_not_added_up() {
        let per_page = [fee(Some(2000), "/trang")];
        assert_eq!(method_short(&per_page), "2.000 đồng/trang");
        assert_eq!(method_amount(&per_page), None);
        let per_file = [fee(Some(20_000), "/hồ sơ (Thông tư số 61/2023/TT-BTC)")];
        assert_eq!(method_amount(&per_file), Some(20_000));
        assert_eq!(method_amount(&[fee(Some(0), ""), fee(Some(8000), "")]), Some(8000));
    }

    #[test]
    fn amounts_that_lost_their_thousands_are_not_shown_as_dong() {
        assert!(matches!(fee_says(&fee(Some(20), "")), FeeSays::Unclear(_)));
        assert!(matches!(fee_says(&fee(Some(50), "áp dụng mức phí 25.000 đồng/hồ sơ")), FeeSays::Rule(_)));
        assert_eq!(fee_says(&fee(Some(20_000), "")), FeeSays::Amount(20_000));
    }

    #[test]
    fn times_never_show_a_bare_number() {
        let t = ProcessingTime { amount: Some(1.0), unit: TimeUnit::Unspecified, text: String::new() };
        assert_eq!(time_short(&t), NO_TIME);
        assert_eq!(method_time(&t), "1 (trang gốc không ghi đơn vị)");
        let t = ProcessingTime { amount: Some(3.0), unit: TimeUnit::WorkingDays, text: String::new() };
        assert_eq!(time_short(&t), "3 ngày làm việc");
    }

    #[test]
    fn methods_that_differ_are_named() {
        let m = |channel, amount| Method {
            channel,
            time: ProcessingTime { amount: Some(3.0), unit: TimeUnit::WorkingDays, text: String::new() },
            fees: vec![fee(Some(amount), "")],
            description: String::new(),
        };
        let p = Procedure { methods: vec![m(Channel::InPerson, 50_000), m(Channel::Online, 25_000)], ..Default::default() };
        assert_eq!(super::fee(&p), "Nộp trực tiếp: 50.000 đồng; Nộp trực tuyến: 25.000 đồng");
        assert_eq!(super::time(&p), "3 ngày làm việc");
    }
}
