//! Reads the legal basis table, which the crawl flattened to `Tên văn bản pháp lýMã văn bản` + rows
//! `<title><number>` with no separator (`…Luật Hộ tịch123/2015/NĐ-CP`): a row ends where its document number
//! ends, which is told from the shape of the text around the number.

use super::clean::{self, value};
use super::syllables::begins_word;
use super::tables::{LEGAL_HEADER, short};
use crate::content::LegalDoc;
use regex::Regex;
use std::sync::LazyLock;

/// The legal basis table, read.
#[derive(Debug, Default)]
pub struct LegalRead {
    /// The documents, in the portal's order.
    pub docs: Vec<LegalDoc>,
    /// Text that could not be split into title + number.
    pub problems: Vec<String>,
    /// Repairs made, by rule (each rule once).
    pub repaired: Vec<&'static str>,
}

/// The legal-basis repair rules, as the import report names them.
pub const YEAR_RULE: &str = "năm ở cuối tên văn bản dính vào số hiệu (\"…năm 201102/2011/QH13\"): trả năm về tên";
/// See [`YEAR_RULE`].
pub const DECREE_RULE: &str = "số hiệu nghị định bị cổng cắt còn \"/NĐ-C\": nghị định luôn do Chính phủ ban hành, \"NĐ-CP\"";
static YEAR_GLUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^((?:19|20)\d{2}\.?)(\d{1,4}(?:\.\d+)?/(?:\d{2,4}/)?\D.*)$").unwrap());
/// First words of titles the portal writes in capitals ("LUẬT", "QUY ĐỊNH", "THÔNG TƯ"): never the end of a
/// document number, whose issuer codes are ASCII capitals and Đ ("NĐ-CP", "QĐ-TTg", "TT-BNNMT").
const CAPS_TITLE_START: [&str; 14] =
    ["LUẬT", "QUY", "QUYẾT", "NGHỊ", "THÔNG", "SỬA", "VỀ", "HƯỚNG", "BAN", "PHÁP", "CHỈ", "VĂN", "QUẢN", "ĐIỀU"];
static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d+[a-z]?(?:\.\d+)?/(?:\d{2,4}/)?(?:TTg|\p{Lu}*QH\d{1,2}|\p{Lu}+)(?:-(?:TTg|\p{Lu}*QH\d{1,2}|\p{Lu}+))*").unwrap()
});
/// See [`YEAR_RULE`].
pub const REPEAT_RULE: &str =
    "số hiệu dính liền dòng sau là một số hiệu tự lặp lại (\"…sản54/2024/QH15193/2025/NĐ-CP193/2025/NĐ-CP\"): hết dòng ở số hiệu đầu";
/// See [`YEAR_RULE`].
pub const ISSUER_RULE: &str =
    "ký hiệu cơ quan ban hành dính chữ đầu của dòng sau (\"…/TT-BTChướng dẫn\", \"…/NĐ-CPBỘ LUẬT\"): cắt sau ký hiệu cơ quan đã biết";
/// See [`YEAR_RULE`].
pub const TYPED_NUMBER_RULE: &str =
    "cột số hiệu ghi cả loại văn bản, dính liền tên (\"…Môi trường.Nghị quyết số 17/2026/NQ-CP Luật…\"): hết dòng ở số hiệu";
/// See [`YEAR_RULE`].
pub const DASH_RULE: &str = "dòng sau mở đầu bằng gạch đầu dòng, dính liền số hiệu (\"…/QH15- Luật Doanh nghiệp\"): hết dòng ở số hiệu";
/// See [`YEAR_RULE`].
pub const LOOKALIKE_RULE: &str =
    "số hiệu có chữ Kirin giống chữ Latinh (\"…/TT-BTС\" với С Kirin): đổi sang chữ Latinh để tìm được số hiệu";
/// Cyrillic capitals that look like Latin ones, as the portal sometimes typed them inside a document number
/// ("85/2024/TT-BTС"): a reader sees "BTC", but a search for "TT-BTC" would not find it.
const LOOKALIKES: [(char, char); 12] = [
    ('А', 'A'), ('В', 'B'), ('Е', 'E'), ('К', 'K'), ('М', 'M'), ('Н', 'H'),
    ('О', 'O'), ('Р', 'P'), ('С', 'C'), ('Т', 'T'), ('Х', 'X'), ('У', 'Y'),
];

/// Issuer codes of the bodies that publish legal documents (the last part of a number: "…/TT-BTC",
/// "…/NĐ-CP"), so a code that ran into the next row's first letters can be cut where it ends.
const ISSUERS: [&str; 36] = [
    "CP", "TTg", "BCA", "BCT", "BGDĐT", "BGTVT", "BKHCN", "BKHĐT", "BLĐTBXH", "BNG", "BNNMT", "BNNPTNT", "BNV", "BQP",
    "BTC", "BTNMT", "BTP", "BTTTT", "BVHTTDL", "BXD", "BYT", "NHNN", "VPCP", "TTCP", "UBDT", "KTNN", "BHXH", "UBND",
    "HĐND", "TANDTC", "VKSNDTC", "HĐTP", "BDT", "CTN", "TCHQ", "TCT",
];
static DOC_TYPE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết|Quyết định|Bộ luật|Luật|Pháp lệnh|Văn bản hợp nhất)(?: số:?)?|[Ss]ố:?) ?$").unwrap()
});
/// A number column's own words before the number ("số ", "Thông tư ", "Nghị quyết số ").
static DOC_TYPE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết|Quyết định|Bộ luật|Luật|Pháp lệnh)(?: số:?)? ?|[Ss]ố:? ?)").unwrap()
});
/// A number the portal printed without its year or its issuer, glued to the title before it and followed by the
/// next row's capital or the end of the table: "…Đầu tư côngLuật số 58Nghị định", "…hưu trí bổ sungNghị định số
/// 85/2026", "…HẢI QUAN.42/2020Nghị định".
static SHORT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\p{Ll}((?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Pháp lệnh) số \d+(?:/\d{4})?)|[\p{Ll}.](\d{1,4}/\d{4}))(?:\p{Lu}|$)").unwrap()
});

/// Reads the legal basis section (header included).
pub fn legal(section: &str) -> LegalRead {
    let mut out = LegalRead::default();
    let text = clean::nfc(section.trim());
    let text = text.strip_prefix(LEGAL_HEADER).unwrap_or(&text).to_string();
    if value(&text).is_empty() {
        return out;
    }
    let mut prev = 0;
    let mut pos = 0;
    loop {
        let m = DOC_NUMBER.find_at(&text, pos);
        if let Some(short) = short_number_at(&text, pos).filter(|sh| m.is_none_or(|m| sh.start < m.start())) {
            // "…Đầu tư côngLuật số 58Nghị định…": the row ends at the number as printed; it lacks its year or issuer.
            out.problems.push(format!("cổng ghi số hiệu không đủ (thiếu năm hoặc cơ quan ban hành): \"{}\"; giữ như cổng ghi, cần kiểm tra", &text[short.clone()]));
            out.docs.push(LegalDoc { number: value(&text[short.clone()]), title: value(&text[prev..short.start]) });
            prev = short.end;
            pos = short.end;
            continue;
        }
        let Some(m) = m else { break };
        let (found, rule) = row_end(&text, m.start(), m.end());
        let end = match found {
            Some(RowEnd::At(e)) => e,
            Some(RowEnd::SearchFrom(e)) => {
                pos = e;
                continue;
            }
            None => {
                pos = m.end();
                continue;
            }
        };
        out.repaired.extend(rule);
        let mut title = text[prev..m.start()].to_string();
        let mut number = text[m.start()..end].to_string();
        // "…Bộ Tư phápThông tư số 03/2023/TT-BTP": the number column itself starts with the document type.
        if let Some(t) = DOC_TYPE_TAIL.find(&title) {
            // Glued to a word, a sentence, or a title that is itself a number ("59/2025/TT-NHNNsố 59/2025/TT-NHNN").
            let before = title[..t.start()].chars().last();
            let after_word = before.is_some_and(|c| c.is_lowercase() || ".)".contains(c));
            let after_number = before.is_some_and(char::is_alphanumeric) && t.as_str().ends_with(' ');
            let glued = after_word || after_number;
            if glued && t.start() > 0 {
                number = format!("{}{}", &title[t.start()..], number);
                title.truncate(t.start());
            }
        }
        // "…Luật Khiếu nại năm 201102/2011/QH13": the title's closing year ran into the number.
        if let Some(c) = YEAR_GLUED.captures(&number.clone()) {
            let year = &c[1];
            let joiner = if title.ends_with(['/', '-']) || title.ends_with(char::is_whitespace) { "" } else { " " };
            title = format!("{title}{joiner}{year}");
            number = c[2].to_string();
            out.repaired.push(YEAR_RULE);
        }
        // "…/NĐ-C" cut by the portal: a decree (nghị định) is always the Government's, "NĐ-CP".
        if number.ends_with("/NĐ-C") {
            number.push('P');
            out.repaired.push(DECREE_RULE);
        }
        if number.chars().any(|c| LOOKALIKES.iter().any(|(cyr, _)| *cyr == c)) {
            number = number.chars().map(|c| LOOKALIKES.iter().find(|(cyr, _)| *cyr == c).map_or(c, |(_, lat)| *lat)).collect();
            out.repaired.push(LOOKALIKE_RULE);
        }
        // The full stop after the previous row's number column is not this title's ("….Nghị định số 262/…").
        out.docs.push(LegalDoc { number: value(&number), title: value(title.trim_start_matches(['.', ';'])) });
        prev = end;
        pos = end;
    }
    let leftover = value(&text[prev..]);
    if !leftover.is_empty() {
        out.problems.push(format!("không tách được số hiệu văn bản: \"{}\"", short(&leftover)));
        out.docs.push(LegalDoc { number: String::new(), title: leftover });
    }
    out
}

/// Where the document number matched at `start..end` ends, if it ends a row, with the repair rule that told
/// so when the shape of the text alone ([`row_end_by_shape`]) would have read it otherwise. A known issuer code
/// ends the number even when the next row's letters ran into it; a number followed by the next row's number
/// that repeats itself ends its row; a number that repeats itself, after the number column's own words
/// ("59/2025/TT-NHNNsố 59/2025/TT-NHNN"), is the title of a row whose number is the repeat; a list dash
/// glued to the number starts the next row.
fn row_end(text: &str, start: usize, end: usize) -> (Option<RowEnd>, Option<&'static str>) {
    let by_shape = row_end_by_shape(text, start, end);
    let cut = known_issuer_end(text, start, end);
    let end = cut.unwrap_or(end);
    let with_rule = |found: RowEnd, rule: &'static str| {
        let same = match (&found, &by_shape) {
            (RowEnd::At(a), Some(RowEnd::At(b))) | (RowEnd::SearchFrom(a), Some(RowEnd::SearchFrom(b))) => a == b,
            _ => false,
        };
        (Some(found), (!same).then_some(rule))
    };
    if repeats(&text[end..], &text[start..end]) {
        return with_rule(RowEnd::SearchFrom(end), REPEAT_RULE);
    }
    if next_row_repeats_its_number(&text[end..]) {
        return with_rule(RowEnd::At(end), REPEAT_RULE);
    }
    let known_code = issuer_code(&text[start..end]).is_some_and(|c| ISSUERS.contains(&c));
    if cut.is_some() || (known_code && text[end..].starts_with(char::is_alphabetic)) {
        return with_rule(RowEnd::At(end), ISSUER_RULE);
    }
    if number_column_glued(text, start, end) {
        return with_rule(RowEnd::At(end), TYPED_NUMBER_RULE);
    }
    if text[end..].strip_prefix('-').filter(|t| t.starts_with(char::is_whitespace)).is_some_and(|t| starts_with_a_word(t.trim_start())) {
        return with_rule(RowEnd::At(end), DASH_RULE);
    }
    (by_shape, None)
}

/// Whether `text` starts with a capitalised word ("Luật…"), not a code in capitals ("BKHĐT").
fn starts_with_a_word(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

/// The number's issuer code: its last part, after the last `-` or `/` ("TT-BTC" → "BTC").
fn issuer_code(number: &str) -> Option<&str> {
    number.rfind(['-', '/']).map(|i| &number[i + 1..])
}

/// Where a known issuer code ends inside the number matched at `start..end`, when the match took letters of
/// the next row after it ("…/TT-BTCThông tư" → after "BTC", "…/NĐ-CPBỘ LUẬT" → after "CP"): the longest
/// known code the last part starts with. `None` when the last part is a known code as it stands, or starts
/// with none.
fn known_issuer_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let number = &text[start..end];
    let code = issuer_code(number)?;
    let code_at = end - code.len();
    if code.contains(|c: char| c.is_ascii_digit()) {
        return None; // "UBTVQH13", "QH15": the National Assembly's codes carry their term
    }
    let known = ISSUERS.iter().filter(|c| code.starts_with(*c)).map(|c| c.len()).max()?;
    (known < code.len()).then_some(code_at + known)
}

/// Whether `after` starts with `number` again, after the number column's own words ("số ", "Thông tư ").
fn repeats(after: &str, number: &str) -> bool {
    let words = DOC_TYPE_HEAD.find(after).map_or(0, |m| m.end());
    !number.is_empty() && after[words..].starts_with(number)
}

/// Whether `rest` starts with a number that then repeats itself: the next row is a title that is its own
/// number ("193/2025/NĐ-CP193/2025/NĐ-CP"), so whatever number precedes it ends its row.
fn next_row_repeats_its_number(rest: &str) -> bool {
    let Some(n) = DOC_NUMBER.find(rest).filter(|n| n.start() == 0) else { return false };
    let end = known_issuer_end(rest, 0, n.end()).unwrap_or(n.end());
    repeats(&rest[end..], &rest[..end])
}

/// Whether the number at `start..end`, followed by a space or a full stop and a capital, is the number column: its own
/// words ("Nghị quyết số ") are glued to the title before them ("…Môi trường.Nghị quyết số 17/2026/NQ-CP
/// Luật…"), or the title's year ran into it ("…2026 - 2030182/2025/NQ-HĐND Quy định…").
fn number_column_glued(text: &str, start: usize, end: usize) -> bool {
    let rest = &text[end..];
    let after_stop = rest.strip_prefix(['.', ';']).unwrap_or(rest);
    let spaced = after_stop.len() < rest.len() || rest.starts_with(char::is_whitespace);
    let next_title = spaced && after_stop.trim_start().starts_with(char::is_uppercase);
    let type_at = DOC_TYPE_TAIL.find(&text[..start]).filter(|t| t.start() > 0 && t.as_str().starts_with(char::is_uppercase));
    let typed = type_at.is_some_and(|t| text[..t.start()].ends_with(|c: char| !c.is_whitespace()));
    // Glued to a title's last word ("…Môi trườngNghị quyết số 66.19/2026/NQ-CP quy định chi tiết…"), the number
    // column ends its row even when the next title starts in lower case; glued to a number it may be a title
    // that starts with its own number ("…QH15Nghị quyết số 66.19/2026/NQ-CP của Chính phủ về…").
    let after_word = type_at.is_some_and(|t| text[..t.start()].ends_with(char::is_lowercase));
    let year = YEAR_GLUED.is_match(&text[start..end]);
    (next_title && (typed || year)) || (spaced && after_word)
}

/// The next number printed without its year or issuer ("Luật số 58", "42/2020"; see [`SHORT_NUMBER`]) at or after
/// `pos`, as a byte range.
fn short_number_at(text: &str, pos: usize) -> Option<std::ops::Range<usize>> {
    let from = text[..pos].char_indices().last().map_or(0, |(i, _)| i);
    SHORT_NUMBER.captures_at(text, from).and_then(|c| c.get(1).or(c.get(2))).filter(|m| m.start() >= pos).map(|m| m.range())
}

/// The row end told from the shape of the text around the number alone: the next title starts right
/// after it (a capital, glued), or the text ends, or — when the title itself ends with the number
/// ("Luật 60/2014/QH1360/2014/QH13") — the number column follows at once. A greedy match that took the
/// capital starting the next title ("TT-BTCNghị định") or the digits starting the next number is shortened.
fn row_end_by_shape(text: &str, start: usize, end: usize) -> Option<RowEnd> {
    let cur = &text[start..end];
    // "136/2025/NĐ-CPQUY ĐỊNH VIỆC…": the next title is in capitals and its first word ran into the number.
    if let Some(word) = CAPS_TITLE_START.iter().find(|w| cur.ends_with(*w) && cur.len() > w.len() + 4) {
        return Some(RowEnd::At(end - word.len()));
    }
    let rest = &text[end..];
    let after_slash = start + cur.rfind('/')? + 1;
    let glued_before = text[..start].chars().last().is_some_and(|c| !c.is_whitespace());
    match rest.chars().next() {
        None => Some(RowEnd::At(end)),
        Some(c) if c.is_uppercase() => Some(RowEnd::At(end)),
        Some(c) if c.is_whitespace() => {
            (glued_before && rest.trim_start().chars().next().is_some_and(|c| c.is_uppercase())).then_some(RowEnd::At(end))
        }
        Some(c) if c.is_lowercase() => {
            // The match took the capital that starts the next title ("TT-BTCNghị định"), unless that capital
            // and the lowercase after it cannot begin a Vietnamese word ("NĐ-CPsửa đổi": the P is the number's).
            let last = cur.chars().last()?;
            let e = end - last.len_utf8();
            // "NĐ-CPhướng dẫn" is the Government's code CP + "hướng dẫn", not "NĐ-C" (no issuer is "C").
            let government = last == 'P' && text[start..end - 1].ends_with("-C");
            if !begins_word(last, c) || government {
                return Some(RowEnd::At(end));
            }
            (last.is_uppercase() && e > after_slash && !text[start..e].ends_with('-')).then_some(RowEnd::At(e))
        }
        Some(c) if c == '/' || c.is_ascii_digit() => {
            // The title ends with the number and the number column repeats it: this copy belongs to the
            // title; the row ends after the repeat, which the caller finds by searching again from `e`.
            (after_slash + 1..=end)
                .rev()
                .filter(|&e| text.is_char_boundary(e))
                .find(|&e| {
                    DOC_NUMBER.find(&text[e..]).is_some_and(|n| n.start() == 0 && n.as_str().starts_with(&text[start..e]))
                })
                .map(RowEnd::SearchFrom)
                // A number ending in letters ("NĐ-CP") is complete; the digits after it start the next row
                // ("…NĐ-CP14/2025/TT-BNNMT14/2025/TT-BNNMT": a title that is its own number).
                .or_else(|| cur.chars().last().is_some_and(char::is_alphabetic).then_some(RowEnd::At(end)))
        }
        _ => None,
    }
}

/// Where a document number leaves the scan.
#[derive(Debug)]
enum RowEnd {
    /// The row ends here.
    At(usize),
    /// Not a row end; search again from here (the repeat of a number that ends the title).
    SearchFrom(usize),
}



#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_rows_title_then_number() {
        let r = legal("Tên văn bản pháp lýMã văn bảnThông tư hướng dẫn phí85/2019/TT-BTCNghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ123/2015/NĐ-CPThông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư phápThông tư số 03/2023/TT-BTPLuật 60/2014/QH1360/2014/QH13");
        let numbers: Vec<&str> = r.docs.iter().map(|d| d.number.as_str()).collect();
        assert_eq!(numbers, ["85/2019/TT-BTC", "123/2015/NĐ-CP", "Thông tư số 03/2023/TT-BTP", "60/2014/QH13"]);
        assert_eq!(r.docs[3].title, "Luật 60/2014/QH13");
        assert!(r.problems.is_empty(), "{:?}", r.problems);
    }

    fn rows(section: &str) -> Vec<(String, String)> {
        legal(&format!("{LEGAL_HEADER}{section}")).docs.into_iter().map(|d| (d.title, d.number)).collect()
    }

    fn row(title: &str, number: &str) -> (String, String) {
        (title.to_string(), number.to_string())
    }

    #[test]
    fn a_number_followed_by_a_row_that_repeats_its_number_ends_its_row() {
        assert_eq!(
            rows("Luật Địa chất và Khoáng sản54/2024/QH15193/2025/NĐ-CP193/2025/NĐ-CP40/2025/TT-BNNMT40/2025/TT-BNNMT"),
            [row("Luật Địa chất và Khoáng sản", "54/2024/QH15"), row("193/2025/NĐ-CP", "193/2025/NĐ-CP"), row("40/2025/TT-BNNMT", "40/2025/TT-BNNMT")]
        );
        assert_eq!(
            rows("Luật Các tổ chức tín dụngLuật số 32/2024/QH1559/2025/TT-NHNNsố 59/2025/TT-NHNN"),
            [row("Luật Các tổ chức tín dụng", "Luật số 32/2024/QH15"), row("59/2025/TT-NHNN", "số 59/2025/TT-NHNN")]
        );
        let r = legal(&format!("{LEGAL_HEADER}Luật28/2023/QH1514/2025/TT-BNNMT14/2025/TT-BNNMT"));
        assert!(r.repaired.contains(&REPEAT_RULE));
    }

    #[test]
    fn cyrillic_lookalikes_in_a_number_become_latin() {
        let r = legal(&format!("{LEGAL_HEADER}Sửa đổi Thông tư về phí85/2024/TT-BTС"));
        assert_eq!(r.docs[0].number, "85/2024/TT-BTC");
        assert!(r.repaired.contains(&LOOKALIKE_RULE));
    }

    #[test]
    fn a_known_issuer_code_ends_the_number() {
        assert_eq!(
            rows("Thông tư số 19/2021/TT-BTC ngày 18/3/2021 về thuế19/2021/TT-BTChướng dẫn chế độ khấu hao45/2013/TT-BTC"),
            [row("Thông tư số 19/2021/TT-BTC ngày 18/3/2021 về thuế", "19/2021/TT-BTC"), row("hướng dẫn chế độ khấu hao", "45/2013/TT-BTC")]
        );
        assert_eq!(rows("Nghị định về hàng hải144/2025/NĐ-CPBỘ LUẬT HÀNG HẢI95/2015/QH13")[0].1, "144/2025/NĐ-CP");
        assert_eq!(rows("sửa đổi Thông tư về an ninh cảng biển03/2024/TT-BGTVTÁp dụng Công ước27/2011/TT-BGTVT")[0].1, "03/2024/TT-BGTVT");
    }

    #[test]
    fn a_number_column_with_its_own_words_ends_the_row() {
        assert_eq!(
            rows("Nghị quyết về cắt giảm thủ tục thuộc Bộ Nông nghiệp và Môi trường.Nghị quyết số 17/2026/NQ-CP Luật 08/2017/QH1408/2017/QH14"),
            [
                row("Nghị quyết về cắt giảm thủ tục thuộc Bộ Nông nghiệp và Môi trường.", "Nghị quyết số 17/2026/NQ-CP"),
                row("Luật 08/2017/QH14", "08/2017/QH14")
            ]
        );
        assert_eq!(rows("Nghị định về hàng hải58/2017/NĐ-CPHàng hảiBộ luật 95/2015/QH13")[1], row("Hàng hải", "Bộ luật 95/2015/QH13"));
        assert_eq!(rows("Thông tư về phí64/2025/TT-BTC- Luật Doanh nghiệpLuật số: 59/2020/QH14")[1], row("- Luật Doanh nghiệp", "Luật số: 59/2020/QH14"));
        // A number the portal broke with a dash and a space is not a row end; nor is the term of a National
        // Assembly code.
        assert_eq!(rows("Thông tư số 25/2023/TT- BKHĐT ngày 31/12/2023 sửa đổi25/2023/TT-BKHĐT").len(), 1);
        assert_eq!(rows("Pháp lệnh 28/2005/PL-UBTVQH1128/2005/PL-UBTVQH11")[0].1, "28/2005/PL-UBTVQH11");
        assert_eq!(rows("Luật Các tổ chức tín dụngLuật số 32/2024/QH1573/2025/TT-NHNNSố 73/2025/TT-NHNN")[1], row("73/2025/TT-NHNN", "Số 73/2025/TT-NHNN"));
        assert_eq!(
            rows("Thông tư về đăng ký kinh doanhThông tư số 119/2025/TT-BTC.Nghị định số 262/2025/NĐ-CP về thống kê262/2025/NĐ-CP"),
            [row("Thông tư về đăng ký kinh doanh", "Thông tư số 119/2025/TT-BTC"), row("Nghị định số 262/2025/NĐ-CP về thống kê", "262/2025/NĐ-CP")]
        );
        // A title whose closing year ran into the number, then a space and the next title.
        assert_eq!(
            rows("chính sách giai đoạn 2026 - 2030182/2025/NQ-HĐND Quy định trình tự16/2026/QĐ-UBND"),
            [row("chính sách giai đoạn 2026 - 2030", "182/2025/NQ-HĐND"), row("Quy định trình tự", "16/2026/QĐ-UBND")]
        );
    }

    #[test]
    fn a_dash_and_a_tab_after_a_number_start_the_next_row() {
        let r = rows("Quy định về công tác thi đua của Bộ Xây dựngThông tư số 55/2025/TT-BXD-\tThông tư số 15/2025/TT-BNV hướng dẫn Luật Thi đua15/2025/TT-BNV");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0], row("Quy định về công tác thi đua của Bộ Xây dựng", "Thông tư số 55/2025/TT-BXD"));
    }

    #[test]
    fn a_typed_number_glued_to_a_titles_last_word_ends_its_row_before_a_lowercase_title() {
        let r = rows("Luật sửa đổi 15 luật trong lĩnh vực nông nghiệpLuật số 146/2025/QH15Nghị quyết số 66.19/2026/NQ-CP của Chính phủ về cắt giảm thủ tục của Bộ Nông nghiệp và Môi trườngNghị quyết số 66.19/2026/NQ-CP quy định chi tiết Luật Trồng trọtsố 07/2026/TT-BNNMT");
        assert_eq!(r.len(), 3, "{r:?}");
        assert_eq!(r[1].0, "Nghị quyết số 66.19/2026/NQ-CP của Chính phủ về cắt giảm thủ tục của Bộ Nông nghiệp và Môi trường");
        assert_eq!(r[2].0, "quy định chi tiết Luật Trồng trọt");
    }

    #[test]
    fn a_number_without_its_year_or_issuer_is_kept_and_flagged() {
        let r = legal(&format!("{LEGAL_HEADER}Luật số 58/2024/QH15 của Quốc hội: Luật Đầu tư côngLuật số 58Nghị định 101/2024/NĐ-CPNghị định 101/2024/NĐ-CP"));
        let got: Vec<(&str, &str)> = r.docs.iter().map(|d| (d.title.as_str(), d.number.as_str())).collect();
        assert_eq!(got, [("Luật số 58/2024/QH15 của Quốc hội: Luật Đầu tư công", "Luật số 58"), ("Nghị định 101/2024/NĐ-CP", "Nghị định 101/2024/NĐ-CP")]);
        assert_eq!(r.problems.len(), 1);
        // A number with a letter ("30a/2008/NQ-CP") is whole.
        let r = legal(&format!("{LEGAL_HEADER}về chương trình hỗ trợ giảm nghèo đối với 61 huyện nghèoNghị quyết số 30a/2008/NQ-CP"));
        assert_eq!(r.docs[0].number, "Nghị quyết số 30a/2008/NQ-CP");
        let r = legal(&format!("{LEGAL_HEADER}Về bảo hiểm hưu trí bổ sungNghị định số 85/2026"));
        assert_eq!(r.docs[0].number, "Nghị định số 85/2026");
        let r = legal(&format!("{LEGAL_HEADER}QUY ĐỊNH CÁC CHỈ TIÊU THÔNG TIN VỀ HỆ THỐNG QUÁ CẢNH HẢI QUAN.42/2020Nghị định 46/2020/NĐ-CP"));
        assert_eq!(r.docs[0].number, "42/2020");
    }

}
