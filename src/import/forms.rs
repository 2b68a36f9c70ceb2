//! Splits the form's file name ("Mẫu số 13.docx") off a paper row's text.
//!
//! The crawl flattened the papers table, so the form column's file names sit glued to the end of the paper's
//! text. Where the file name starts is found from the shape of the text, in three passes, each only when the one
//! before found nothing:
//! 1. a mark the portal printed: a separator (`;`, `:`, `)`), a full stop, a capital glued to a word
//!    ("…đầu tưMẫu I.1.8.docx"), the word "Mẫu"/"Mau" glued to what precedes it;
//! 2. a boundary the crawl erased without a mark: two lowercase words run together ("…hết hạnmau so 20.doc"),
//!    a word run into digits ("…theo mẫu1.000312.docx"), a document number run into the file name
//!    ("…/NĐ-CPmau so 12.doc", "…/TT-NHNNPhụ lục V.docx"), a closing quote, a comma or a full stop glued to
//!    the name ("…”Phụ lục….doc", "…),PL 01 TT 62.docx", "…cửa khẩu.2.docx");
//! 3. the same points, now allowing a comma inside the file name ("Mau don de nghi cap, gia han giay phep.docx")
//!    as long as every comma lies after the last possible start, so no clause of the paper's text is taken;
//! 4. a printed mark before a file name that names a form and cites its decree ("…;giấy đề nghị cấp lại -Mẫu 85
//!    ban hành kèm theo NĐ 155.docx");
//! 5. a full stop glued to the capital of a long file name ("…đầu tư.Thông báo về việc tự quyết định … .docx").
//!
//! Each pass takes the earliest point whose remainder reads as a file name. Passes 2 to 5 are repairs the
//! import report counts by rule.

use super::clean::{strip_bullet, tidy};
use super::syllables::{begins_word, glued_word_break, is_syllable};
use regex::Regex;
use std::sync::LazyLock;

/// A paper row's text, split into the paper's name and its form files.
#[derive(Debug, Default, PartialEq)]
pub struct FormSplit {
    /// The paper's name, without the file names.
    pub name: String,
    /// The form files, joined by "; ".
    pub form: String,
    /// The repair rule that found where the file names start, when no printed mark did.
    pub rule: Option<&'static str>,
}

/// Repair rule: two words or a word and digits glued where the file name starts.
pub const GLUED_WORD_RULE: &str =
    "tên tệp mẫu dính liền chữ cuối của giấy tờ (\"…hết hạnmau so 20.doc\", \"…theo mẫu1.000312.docx\"): tách ở ranh giới âm tiết hoặc chữ số";
/// Repair rule: a document number's issuer code glued to the file name.
pub const NUMBER_END_RULE: &str =
    "tên tệp mẫu dính liền số hiệu văn bản (\"…/NĐ-CPmau so 12.doc\", \"…/TT-NHNNPhụ lục V.docx\"): tách sau ký hiệu cơ quan ban hành";
/// Repair rule: a file name after a closing quote, a comma or a full stop with no space.
pub const GLUED_MARK_RULE: &str =
    "tên tệp mẫu sau dấu ngoặc kép, dấu phẩy hoặc dấu chấm không cách (\"…),PL 01 TT 62.docx\", \"…cửa khẩu.2.docx\"): tách ở dấu";
/// Repair rule: a form's file name that cites its decree ("…khiếu nạiMẫu ban hành kèm theo Nghị định 124-2020.doc").
pub const CITING_NAME_RULE: &str =
    "tên tệp mẫu ghi cả văn bản ban hành (\"…khiếu nạiMẫu ban hành kèm theo Nghị định 124-2020.doc\"): tách ở chữ Mẫu dính liền, khi không còn chỗ tách nào khác";
/// Repair rule: a long file name after a full stop glued to its first capital.
pub const LONG_NAME_RULE: &str =
    "tên tệp mẫu dài sau dấu chấm dính liền (\"…dự án đầu tư.Thông báo về việc tự quyết định chấm dứt hoạt động dự án đầu tư.docx\"): tách ở dấu chấm, khi không còn chỗ tách nào khác";
/// Repair rule: a file name that has a comma of its own.
pub const COMMA_NAME_RULE: &str =
    "tên tệp mẫu có dấu phẩy (\"…Mau don de nghi cap, gia han giay phep.docx\"): tách khi mọi dấu phẩy nằm trong tên tệp";

static FORM_FILE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\.(?:docx|doc|pdf|xlsx|xls|zip|rar|odt)").unwrap());
/// A document number up to its issuer code, which may run on into the next word ("…/TT-NHNNPhụ lục").
static NUMBER_HEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+/(?:\d{2,4}/)?\p{Lu}+(?: ?- ?\p{Lu}+)*").unwrap());
const FORM_WORDS: [&str; 4] = ["Mau", "Mẫu", "MAU", "MẪU"];
/// The phrase a form's file name may keep when it cites its decree.
const CITING: &str = "ban hành kèm theo";
/// Phrases of a paper's text that a file name does not hold.
const PROSE: [&str; 8] =
    ["ban hành kèm theo", "theo quy định", "quy định tại", "trong đó", "đối với", "trường hợp", "theo mẫu", "nếu có"];
/// Words that join a clause to the text before it, never the first word of a file name.
const CONNECTIVES: [&str; 9] = ["theo", "và", "hoặc", "của", "kèm", "với", "tại", "do", "để"];

/// Whether a paper's name still ends with a file name ("…Quyết định chấm dứt hoạt động của dự án đầu tư.Thông
/// báo về việc tự quyết định chấm dứt hoạt động dự án đầu tư.docx", too long a stem to call a file name): the row is
/// flagged, since where the file name starts could not be told.
pub fn ends_with_file_name(name: &str) -> bool {
    FORM_FILE.find_iter(name).last().is_some_and(|m| name[m.end()..].trim_matches(|c: char| c.is_whitespace() || ".)".contains(c)).is_empty())
}

/// Splits the form file names off the end of a paper row's text.
pub fn split_form(raw: &str) -> FormSplit {
    let raw = tidy(raw);
    let whole = || FormSplit { name: strip_bullet(&raw).to_string(), ..Default::default() };
    let Some(first) = FORM_FILE.find(&raw) else { return whole() };
    let Some((cut, rule)) = form_start(&raw[..first.start()]) else { return whole() };
    let files = &raw[cut..];
    let mut forms = Vec::new();
    let mut from = 0;
    for m in FORM_FILE.find_iter(files) {
        forms.push(files[from..m.end()].trim().trim_start_matches([';', ':', '.', ',', ' ']).to_string());
        from = m.end();
    }
    let trailing = files[from..].trim();
    let mut name = strip_bullet(raw[..cut].trim().trim_end_matches([';', ',', ' '])).to_string();
    if !trailing.is_empty() {
        name = format!("{name} {trailing}");
    }
    FormSplit { name: name.trim().to_string(), form: forms.join("; "), rule }
}

/// Where the first file name starts in `before` (the row's text up to the first extension), and the repair rule
/// when no printed mark showed it; `None` when no point leaves a name for the paper and a file name after it.
fn form_start(before: &str) -> Option<(usize, Option<&'static str>)> {
    let points = start_points(before);
    // The paper keeps a name of its own: a cut after a list label alone ("a)") is not the form's start.
    let names_something = |j: usize| before[..j].chars().filter(|c| c.is_alphabetic()).count() >= 4;
    let candidates = || points.iter().copied().filter(|&(j, _)| names_something(j));
    let plain = Allow::default();
    let printed = candidates().find(|&(j, rule)| rule.is_none() && looks_like_file_name(&before[j..], plain));
    let unmarked = || candidates().find(|&(j, _)| looks_like_file_name(&before[j..], plain));
    let last = points.last().map_or(0, |p| p.0);
    let with_comma = || {
        candidates()
            .find(|&(j, _)| !before[j..last].contains(',') && looks_like_file_name(&before[j..], Allow { comma: true, ..plain }))
            .map(|(j, _)| (j, Some(COMMA_NAME_RULE)))
    };
    // Last: a file name that cites its decree, which a paper's own text also does ("Mẫu số 13 Phụ lục I ban
    // hành kèm theo Nghị định…"), so only at a printed mark glued to a word or after ".", ";" or ")" (not
    // after "-": in "…;giấy đề nghị cấp lại -Mẫu 85 ban hành kèm theo NĐ 155.docx" the name began at ";"),
    // and only when nothing else fits.
    let citing = || {
        candidates()
            .find(|&(j, rule)| {
                let mark = before[..j].chars().last().is_some_and(|c| c.is_lowercase() || ".;)".contains(c));
                rule.is_none() && mark && looks_like_file_name(&before[j..], Allow { citing: true, ..plain })
            })
            .map(|(j, _)| (j, Some(CITING_NAME_RULE)))
    };
    // Last of all: a long file name after a full stop glued to its capital, the crawl's join between the two
    // columns ("…của dự án đầu tư.Thông báo về việc tự quyết định chấm dứt hoạt động dự án đầu tư.docx").
    let long_after_stop = || {
        candidates()
            .find(|&(j, rule)| {
                let glued_stop = before[..j].ends_with('.') && before[j..].chars().next().is_some_and(char::is_uppercase);
                rule.is_none() && glued_stop && looks_like_file_name(&before[j..], Allow { long: true, ..plain })
            })
            .map(|(j, _)| (j, Some(LONG_NAME_RULE)))
    };
    printed.or_else(unmarked).or_else(with_comma).or_else(citing).or_else(long_after_stop)
}

/// Every point of `before` where a file name may start, in text order, with the repair rule that found it
/// (`None` for a mark the portal printed).
fn start_points(before: &str) -> Vec<(usize, Option<&'static str>)> {
    let chars: Vec<(usize, char)> = before.char_indices().collect();
    let mut points = Vec::new();
    for (k, w) in chars.windows(2).enumerate() {
        let ((_, a), (j, b)) = (w[0], w[1]);
        let before_a = k.checked_sub(1).map(|p| chars[p].1);
        if printed_mark(a, b, &before[j..]) {
            points.push((j, None));
        } else if glued_mark(a, b, before_a) {
            points.push((j, Some(GLUED_MARK_RULE)));
        } else if a.is_lowercase() && b.is_ascii_digit() && ends_with_syllable(&before[..j]) {
            points.push((j, Some(GLUED_WORD_RULE)));
        }
    }
    points.extend(glued_words(before).map(|j| (j, Some(GLUED_WORD_RULE))));
    points.extend(doubled_capitals(before).map(|j| (j, Some(GLUED_WORD_RULE))));
    points.extend(number_ends(before).into_iter().map(|j| (j, Some(NUMBER_END_RULE))));
    points.sort_by_key(|&(j, rule)| (j, rule.is_some()));
    points.dedup_by_key(|p| p.0);
    points
}

/// A mark the portal printed between the paper's text and the file name: a separator (a colon only when glued:
/// "Số lượng hồ sơ: 01 bộ" is the paper's text), a full stop before a letter, a capital glued to a word or a number ("…đầu tưMẫu"), or "Mẫu"/"Mau" glued to what precedes it.
fn printed_mark(a: char, b: char, rest: &str) -> bool {
    let separator = matches!(a, ';' | ')' | '\n') || (a == ':' && !b.is_whitespace());
    let full_stop = a == '.' && !b.is_whitespace() && !b.is_ascii_digit();
    let glued = (a.is_lowercase() || a.is_ascii_digit()) && b.is_uppercase();
    let form_word = !a.is_whitespace() && FORM_WORDS.iter().any(|w| rest.starts_with(w));
    let web_address = rest.starts_with("http://") || rest.starts_with("https://");
    separator || full_stop || glued || form_word || web_address
}

/// A mark with no space after it that the crawl left between text and file name: a closing quote
/// ("…trú”Phụ lục"), a comma before a letter ("…),PL 01"), a full stop between a word and digits ("…khẩu.2").
fn glued_mark(a: char, b: char, before_a: Option<char>) -> bool {
    let quote = matches!(a, '”' | '"') && !b.is_whitespace();
    let comma = a == ',' && b.is_alphabetic();
    let stop_digit = a == '.' && b.is_ascii_digit() && before_a.is_some_and(char::is_alphabetic);
    quote || comma || stop_digit
}

/// Whether `text` ends with a Vietnamese word of two letters or more ("…theo mẫu", not the "x" of "4x").
fn ends_with_syllable(text: &str) -> bool {
    let word_start = text.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    let word = &text[word_start..];
    word.chars().count() >= 2 && is_syllable(word)
}

/// Where a second word starts inside each run of letters that is two words glued together.
fn glued_words(text: &str) -> impl Iterator<Item = usize> + '_ {
    runs(text, char::is_alphabetic).filter_map(move |(s, e)| glued_word_break(&text[s..e]).map(|k| s + k))
}

/// Where a run of capitals is one abbreviation written twice, the paper's last word then the file name's first
/// ("…theo Hiệp định GMSGMS - Gia hạn.docx"): the middle of the run.
fn doubled_capitals(text: &str) -> impl Iterator<Item = usize> + '_ {
    runs(text, char::is_uppercase).filter_map(move |(s, e)| {
        let run = &text[s..e];
        let half = run.chars().count() / 2;
        let mid = run.char_indices().nth(half).map_or(run.len(), |(k, _)| k);
        (half >= 2 && run.chars().count() % 2 == 0 && run[..mid] == run[mid..]).then_some(s + mid)
    })
}

/// The maximal runs of characters of one kind in `text`, as byte ranges `(start, end)`.
fn runs(text: &str, kind: fn(char) -> bool) -> impl Iterator<Item = (usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (kind(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}

/// Where a document number's issuer code ends when the next text runs into it: before the capital that starts
/// the next word ("TT-NHNN|Phụ lục"), at the lowercase letter no capital can start ("NĐ -CP|mau so"), at
/// digits ("TT-BTC|01-LP", never after "QH", whose term number is part of the code), or after the
/// Government's "NĐ-CP" ("NĐ-CP|BC. danh gia").
fn number_ends(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for m in NUMBER_HEAD.find_iter(text) {
        let code = m.as_str();
        let group_start = code.rfind(['-', '/']).map_or(0, |i| i + 1);
        let group = code[group_start..].trim_start();
        let next = text[m.end()..].chars().next();
        if code.contains("NĐ") && group.starts_with("CP") && group.len() > 2 {
            out.push(m.start() + code.len() - group.len() + 2);
            continue;
        }
        match next {
            Some(c) if c.is_ascii_digit() && !group.ends_with("QH") => out.push(m.end()),
            Some(c) if c.is_lowercase() => {
                let last = code.chars().last().unwrap_or(' ');
                if !begins_word(last, c) {
                    out.push(m.end());
                } else if group.chars().count() >= 3 {
                    out.push(m.end() - last.len_utf8());
                }
            }
            _ => {}
        }
    }
    out
}

/// What a file name's stem may hold beyond the plain shape, in the passes that allow it.
#[derive(Clone, Copy, Default)]
struct Allow {
    /// A comma of its own ("Mau don de nghi cap, gia han giay phep.docx").
    comma: bool,
    /// The decree it comes with ("Mẫu 85 ban hành kèm theo NĐ 155.docx"), when it names a form ("mẫu").
    citing: bool,
    /// Up to 20 words in plain Vietnamese (a form's whole title as its file name).
    long: bool,
}

/// A file name's stem, not a sentence: at most 14 words (30 when it starts with "Mẫu"/"Mau", is in capitals or
/// four words in five have no Vietnamese marks, as form titles and file names are), balanced brackets, no character a file name
/// cannot hold (`/`, `:`… — unless it is a web address), no separator glued to a word (";Mẫu", ")mẫu": two
/// things, not one name), no connective first word ("theo…", "của…"), none of the phrases a paper's text uses
/// ("theo mẫu", "nếu có", "ban hành kèm theo"…, the last allowed by `allow.citing` in a form's name) and no
/// citation of an article ("khoản 1 Điều 27"), and no comma unless `allow.comma`.
fn looks_like_file_name(stem: &str, allow: Allow) -> bool {
    static CITATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:khoản|điều) \d").unwrap());
    static GLUED_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[;)]\p{L}").unwrap());
    let stem = stem.trim().trim_start_matches([';', ':', '.', ' ', ')', '”', '"']);
    let words = stem.split_whitespace().count();
    let lower = stem.to_lowercase();
    let names_a_form = ["mẫu", "mau "].iter().any(|w| lower.contains(w));
    let titled = FORM_WORDS.iter().any(|w| stem.starts_with(w));
    let ascii_words = stem.split_whitespace().filter(|w| w.is_ascii()).count();
    let plain = ascii_words * 5 >= words * 4 || !stem.chars().any(char::is_lowercase);
    let balanced = stem.matches('(').count() == stem.matches(')').count();
    let web_address = lower.starts_with("http");
    let connective = CONNECTIVES.iter().any(|w| lower.split_whitespace().next() == Some(*w));
    let forbidden = stem.contains(['/', '\\', ':', '*', '?', '<', '>', '|']) && !web_address;
    !stem.is_empty()
        && (words <= 14 || (allow.long && words <= 20) || ((titled || plain) && words <= 30))
        && balanced
        && !forbidden
        && !GLUED_SEPARATOR.is_match(stem)
        && (allow.comma || !stem.contains(','))
        && !stem.starts_with(',')
        && !connective
        && !CITATION.is_match(stem)
        && !PROSE.iter().any(|p| lower.contains(p) && !(allow.citing && *p == CITING && names_a_form))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(raw: &str) -> (String, String) {
        let s = split_form(raw);
        (s.name, s.form)
    }

    fn pair(name: &str, form: &str) -> (String, String) {
        (name.to_string(), form.to_string())
    }

    #[test]
    fn printed_marks() {
        assert_eq!(split("Văn bản đề nghị điều chỉnh dự án đầu tưMẫu I.1.8.docx"), pair("Văn bản đề nghị điều chỉnh dự án đầu tư", "Mẫu I.1.8.docx"));
        assert_eq!(
            split("Bản chính theo Mẫu số 13 Phụ lục I ban hành kèm theo Nghị định số 102/2020/NĐ-CP.Mẫu số 13.docx"),
            pair("Bản chính theo Mẫu số 13 Phụ lục I ban hành kèm theo Nghị định số 102/2020/NĐ-CP.", "Mẫu số 13.docx")
        );
        assert_eq!(split("Danh sách (nếu có);Mau02-DS(BHYT).doc").1, "Mau02-DS(BHYT).doc");
        assert_eq!(split("a) Tờ khai tham gia bảo hiểm y tế;Mau01-BK(BHYT).doc").0, "a) Tờ khai tham gia bảo hiểm y tế");
        assert_eq!(split_form("Tờ khai;Mau01.doc").rule, None);
    }

    #[test]
    fn a_file_name_that_cites_its_decree_is_split_at_its_form_word() {
        let s = split_form("Đơn khiếu nại hoặc bản ghi lời khiếu nạiMẫu ban hành kèm theo Nghị định 124-2020.doc");
        assert_eq!((s.name.as_str(), s.form.as_str()), ("Đơn khiếu nại hoặc bản ghi lời khiếu nại", "Mẫu ban hành kèm theo Nghị định 124-2020.doc"));
        assert_eq!(s.rule, Some(CITING_NAME_RULE));
        let s = split_form("Bản sao hợp đồng lao động.Mẫu số 02 Phụ lục ban hành kèm theo Nghị định số 158.docx");
        assert_eq!(s.form, "Mẫu số 02 Phụ lục ban hành kèm theo Nghị định số 158.docx");
        // A paper's own "theo Mẫu … ban hành kèm theo …" is not cut where a later file name fits.
        assert_eq!(
            split("Bản chính theo Mẫu số 13 Phụ lục I ban hành kèm theo Nghị định số 102/2020/NĐ-CP.Mẫu số 13.docx").1,
            "Mẫu số 13.docx"
        );
    }

    #[test]
    fn a_file_name_after_a_semicolon_may_cite_its_decree() {
        let s = split_form("Giấy đề nghị theo mẫu số 85 Phụ lục của Chính phủ;giấy đề nghị cấp lại -Mẫu 85 ban hành kèm theo NĐ 155.docx");
        assert_eq!(s.form, "giấy đề nghị cấp lại -Mẫu 85 ban hành kèm theo NĐ 155.docx");
        assert_eq!(s.rule, Some(CITING_NAME_RULE));
        // Without a form word, "ban hành kèm theo" is the paper's text.
        assert_eq!(split_form("Giấy đề nghị;quy chế ban hành kèm theo NĐ 155.docx").form, "");
    }

    #[test]
    fn a_long_file_name_after_a_glued_full_stop_is_split_last() {
        let s = split_form("Quyết định chấm dứt hoạt động của dự án đầu tư.Thông báo về việc tự quyết định chấm dứt hoạt động dự án đầu tư.docx");
        assert_eq!(s.name, "Quyết định chấm dứt hoạt động của dự án đầu tư.");
        assert_eq!(s.rule, Some(LONG_NAME_RULE));
    }

    #[test]
    fn an_abbreviation_written_twice_splits_there() {
        let s = split_form("Giấy đề nghị gia hạn theo Hiệp định GMSGMS - Gia hạn.docx");
        assert_eq!((s.name.as_str(), s.form.as_str()), ("Giấy đề nghị gia hạn theo Hiệp định GMS", "GMS - Gia hạn.docx"));
    }

    #[test]
    fn glued_words_and_digits() {
        let s = split_form("Bản khai trong 03 năm trước thời điểm chứng chỉ hết hạnmau so 20.doc");
        assert_eq!((s.name.as_str(), s.form.as_str(), s.rule), ("Bản khai trong 03 năm trước thời điểm chứng chỉ hết hạn", "mau so 20.doc", Some(GLUED_WORD_RULE)));
        assert_eq!(split("Bản chính Văn bản đề nghị theo quy địnhvăn bản đề nghị.docx"), pair("Bản chính Văn bản đề nghị theo quy định", "văn bản đề nghị.docx"));
        assert_eq!(split("Văn bản đề nghị cấp giấy phép theo mẫu1.000312.docx"), pair("Văn bản đề nghị cấp giấy phép theo mẫu", "1.000312.docx"));
        assert_eq!(split("Đơn đề nghị bãi bỏ đường ngang theo quy định1.4. Don de nghi bai bo duong ngang.docx").1, "1.4. Don de nghi bai bo duong ngang.docx");
        assert_eq!(split("Giấy tờ chứng minh nhận con14-HSB.docx01B-HSB.docx").1, "14-HSB.docx; 01B-HSB.docx");
        // "4x6" is a size, not a word run into a file name.
        assert_eq!(split("Đơn kèm theo ảnh màu cỡ 4x6 cm có nền màu trắngmau so 12 (1).doc").1, "mau so 12 (1).doc");
        assert_eq!(split("Phương án xử lý cho công ty quản lý quỹ thay thếmẫu 84 -.docx").1, "mẫu 84 -.docx");
    }

    #[test]
    fn number_ends_before_the_file_name() {
        let s = split_form("Đơn theo Mẫu số 12 ban hành kèm theo Nghị định số 39/2026/NĐ -CPmau so 12.doc");
        assert_eq!((s.form.as_str(), s.rule), ("mau so 12.doc", Some(NUMBER_END_RULE)));
        assert_eq!(split("Đơn theo mẫu tại Phụ lục V ban hành kèm theo Thông tư số 56/2025/TT-NHNNPhụ lục V.docx").1, "Phụ lục V.docx");
        assert_eq!(split("Tờ khai theo Thông tư số 80/2021/TT-BTC01-LP.docx").1, "01-LP.docx");
        assert_eq!(split("Báo cáo theo Nghị định số 43/2026/NĐ-CPBC tom tat. DG rui ro. MT, DDSH.docx").1, "BC tom tat. DG rui ro. MT, DDSH.docx");
        assert_eq!(split("Thuyết minh theo Thông tư số 94/2025/TT-BNNMTThuyết minh nhiệm vụ.docx").1, "Thuyết minh nhiệm vụ.docx");
        // "QH13" is the National Assembly's code with its term: the digits are not a file name.
        assert_eq!(split("Bản sao Luật số 60/2014/QH13Mẫu 01.docx").1, "Mẫu 01.docx");
    }

    #[test]
    fn glued_marks_and_commas() {
        assert_eq!(split("Đơn (bỏ cụm từ “Địa chỉ thường trú”Phụ lục Đơn thanh toán.doc").1, "Phụ lục Đơn thanh toán.doc");
        assert_eq!(split("Bản khai theo Thông tư số 62/2024/TT-NHNN (đã được sửa đổi, bổ sung),PL 01 TT 62.docx").1, "PL 01 TT 62.docx");
        let s = split_form("Đơn đề nghị theo Nghị định số 40/2026/NĐ-CP ngày 25/01/2026);Mau don de nghi cap, gia han giay phep.docx");
        assert_eq!((s.form.as_str(), s.rule), ("Mau don de nghi cap, gia han giay phep.docx", Some(COMMA_NAME_RULE)));
        assert_eq!(split("Báo cáo đánh giá rủi ro đối với vật nuôiBao cao DG rui ro GMO.con nguoi, vat nuoi.docx").1, "Bao cao DG rui ro GMO.con nguoi, vat nuoi.docx");
        // A comma in the paper's own text keeps the file name from starting before it.
        assert_eq!(split("Bản sao giấy tờ tùy thân: CCCD, hộ chiếuMau, bản sao.docx").1, "Mau, bản sao.docx");
        assert_eq!(split("Bản thông tin của Tổng giám đốc (Giám đốc), Giám đốc chi nhánh;Mẫu số 67.docx").1, "Mẫu số 67.docx");
        // Unbalanced brackets or an article's citation are the paper's text, not the file's name.
        assert_eq!(
            split("Tờ khai (công dân dùng mẫu M01; người nước ngoài dùng mẫu M02).Mẫu M02, xnc tự động - BCA.docx").1,
            "Mẫu M02, xnc tự động - BCA.docx"
        );
        assert_eq!(
            split("Phiếu yêu cầu theo Mẫu số 01a (01 bản chính) (khoản 1 Điều 27 Nghị định số 99/2022/NĐ-CP).Mau so 01a_QSDT, TSGLVD.docx").1,
            "Mau so 01a_QSDT, TSGLVD.docx"
        );
    }

    #[test]
    fn prose_is_not_a_file_name() {
        assert_eq!(split("Bản khai kiểm dịch thực vật (nếu có) theo mẫuMauBankhaikiemdichthucvat.docx").1, "MauBankhaikiemdichthucvat.docx");
        assert_eq!(
            split("Nộp cho Biên phòng: Danh sách thuyền viên theo mẫu; Danh sách hành khách (nếu có) theo mẫu.MauDanhsachhanhkhach.docx").1,
            "MauDanhsachhanhkhach.docx"
        );
        assert_eq!(split("Tờ khai theo mẫu của Công ước Basel tại địa chỉ: http://www.basel.int/forms/vCOP8.doc").1, "http://www.basel.int/forms/vCOP8.doc");
        // A form number with its slash, a count with its colon: the paper's text, before the file's name.
        assert_eq!(split("Tờ khai thuế (Mẫu số 01/TCKT)01 TCKT.docx"), pair("Tờ khai thuế (Mẫu số 01/TCKT)", "01 TCKT.docx"));
        assert_eq!(split("Báo cáo thành tích; d) Số lượng hồ sơ: 01 bộ.Mẫu số 1.7.docx").1, "Mẫu số 1.7.docx");
        assert_eq!(split("Các tài liệu liên quan; d) Các tài liệu khác (nếu có)mẫu số 1- 1.001729.docx").1, "mẫu số 1- 1.001729.docx");
        // Long form titles are names when they start with "Mẫu", not when the paper's text says "mẫu quy định tại".
        assert_eq!(
            split("Báo cáo của cơ sở: mẫu quy định tại Mẫu số 22b Phụ lục kèm theo Thông tư số 09/2026/TT-BNNMT.Mẫu số 22b sửa.docx").1,
            "Mẫu số 22b sửa.docx"
        );
        // A mention of an extension inside the paper's text, with no file name: nothing is split off.
        let s = split_form("Báo cáo kèm theo tệp định dạng đuôi “.doc” chứa nội dung của báo cáo, được ký số (nếu nộp trực tuyến).");
        assert_eq!(s.form, "");
        assert!(!ends_with_file_name(&s.name));
        // A file name without Vietnamese marks may be long.
        assert_eq!(
            split("Văn bản đề nghị (theo Thông tư 12/2026/TT-BXD)Van ban de nghi bo nhiem và cap the giam dinh vien tu phap xay dung.docx").1,
            "Van ban de nghi bo nhiem và cap the giam dinh vien tu phap xay dung.docx"
        );
    }
}
