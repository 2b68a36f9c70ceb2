//! Re-parses the portal's flattened tables, which the crawl glued together without separators:
//!
//! - methods: `Hình thức nộpThời gianPhí, lệ phíMô tả` + rows `<channel><time><fees><description>`, e.g.
//!   `Trực tuyến1Miễn phíDịch vụ bưu chính1Miễn phíTrực tiếp1Miễn phí` is three rows;
//! - papers: groups `<group heading>Tên giấy tờMẫu đơn, tờ khaiSố lượng<rows>`, each row ending with its
//!   quantity (`… theo Mẫu số 01.1 bản chính`, `…0 bản chính,1 bản sao`), forms as file names before it;
//! - legal basis: see [`super::legal`];
//! - results: names separated by their result codes (`Giấy khai sinhMã: KQ.G15.000031`);
//! - related procedures: `#Tên thủ tục1<name>#1Tên thủ tục<name>` (the table, then its mobile copy).

use super::clean::{self, strip_bullet, value};
use super::fees::{self, FeeParse};
use super::forms::{FormSplit, ends_with_file_name, split_form};
use super::times::{self, TimeParse};
use crate::content::{Channel, Method, Paper, PaperGroup, Related};
use regex::Regex;
use std::sync::LazyLock;

/// Header of the methods table.
pub const METHODS_HEADER: &str = "Hình thức nộpThời gianPhí, lệ phíMô tả";
/// Header of each papers table.
pub const PAPERS_HEADER: &str = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
/// Header of the legal basis table.
pub const LEGAL_HEADER: &str = "Tên văn bản pháp lýMã văn bản";

/// The methods table, read.
#[derive(Debug, Default)]
pub struct MethodsRead {
    /// One per row.
    pub methods: Vec<Method>,
    /// How each row's time was read.
    pub times: Vec<TimeParse>,
    /// How each row's fees were read.
    pub fees: Vec<FeeParse>,
    /// Text the rows could not account for (kept nowhere else: reported and flagged).
    pub problem: Option<String>,
}

static METHOD_ROW: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(Trực tuyến|Trực tiếp|Dịch vụ bưu chính)(\d|\p{Lu})").unwrap());
static FEE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Miễn phí|Không có thông tin|\d{1,3}(?:,\d{3})+ ?(?:Việt Nam Đồng|VNĐ)|\d+ ?(?:Việt Nam Đồng|VNĐ|USD)| VNĐ").unwrap()
});
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Không có thông tin|(\d+(?:[.,]\d+)?)(?: ?(Ngày làm việc|Ngày|Giờ|Tháng))?)").unwrap()
});
static GROUPED_AMOUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[1-9]\d{0,2}(?:,\d{3})+$").unwrap());
static CURRENCY_NEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:Việt Nam Đồng|VNĐ|VND|Đồng)").unwrap());

/// Reads the methods section (header included).
pub fn methods(section: &str) -> MethodsRead {
    let mut out = MethodsRead::default();
    let body = section.trim();
    let body = body.strip_prefix(METHODS_HEADER).unwrap_or(body);
    let starts: Vec<(usize, usize, Channel)> = METHOD_ROW
        .captures_iter(body)
        .map(|c| {
            let channel = match &c[1] {
                "Trực tuyến" => Channel::Online,
                "Trực tiếp" => Channel::InPerson,
                _ => Channel::Post,
            };
            (c.get(0).unwrap().start(), c.get(2).unwrap().start(), channel)
        })
        .collect();
    let lead = value(&body[..starts.first().map_or(body.len(), |s| s.0)]);
    if !lead.is_empty() {
        out.problem = Some(format!("bảng cách thức thực hiện có nội dung không thuộc dòng nào: \"{}\"", short(&lead)));
    }
    let rows: Vec<(&str, Channel)> = starts
        .iter()
        .enumerate()
        .map(|(i, &(_, content, channel))| (&body[content..starts.get(i + 1).map_or(body.len(), |s| s.0)], channel))
        .collect();
    let first: Vec<RowRead> = rows.iter().map(|&(row, channel)| method_row(row, channel, None)).collect();
    // One procedure's time column: when every row whose time could be read gives the same number, a row whose
    // time is glued to its fee ("Trực tuyến1Miễn phíTrực tiếp125 VNĐ") is split at that number.
    let sure: std::collections::BTreeSet<&str> = first.iter().filter_map(|r| r.sure_time.as_deref()).collect();
    let sibling = match sure.len() {
        1 => sure.first().map(|t| (t.to_string(), SIBLING_TIME)),
        // No row prints its time alone: the glued rows may still admit one common time ("1100 VNĐ" is 1 or
        // 110, "125 VNĐ" is 1 or 12: both are 1).
        0 => common_time(first.iter().filter_map(|r| r.unsplit.as_deref())).map(|t| (t, COMMON_TIME)),
        _ => None,
    };
    for (read, &(row, channel)) in first.iter().zip(&rows) {
        let evidence = match (&read.unsplit, &sibling) {
            (Some(q), Some((t, because))) if splits_at(q, t) => Some((t.clone(), *because)),
            _ => None,
        };
        let read = match &evidence {
            Some((t, because)) => method_row(row, channel, Some((t.as_str(), because))),
            None => read.clone(),
        };
        out.methods.push(read.method);
        out.times.push(read.time);
        out.fees.push(read.fee);
    }
    out
}

/// One row of the methods table, read.
#[derive(Debug, Clone)]
struct RowRead {
    method: Method,
    time: TimeParse,
    fee: FeeParse,
    /// The time's digits when they were read without doubt (not glued to the fee, or split where the rule
    /// confirmed it): what the other rows of the same table can be split by.
    sure_time: Option<String>,
    /// The printed digits, when the time's and the fee's were glued and could not be told apart.
    unsplit: Option<String>,
}

/// Why a glued time was split at the time the table's other rows print.
const SIBLING_TIME: &str = "các hình thức nộp khác của thủ tục này ghi thời gian đó";

/// Why a glued time was split at the only time every glued row of the table can share.
const COMMON_TIME: &str = "đó là thời gian duy nhất mọi hình thức nộp của thủ tục này cùng đọc được";

/// The times the glued digits `q` can hold: every prefix followed by a fee (or by a lone "0").
fn time_readings(q: &str) -> Vec<&str> {
    (1..q.len()).map(|k| &q[..k]).filter(|t| splits_at(q, t) || &q[t.len()..] == "0").collect()
}

/// The one time all the glued cells can share, when they are at least two different cells and it splits each
/// into a time and a fee.
fn common_time<'a>(cells: impl Iterator<Item = &'a str>) -> Option<String> {
    let cells: std::collections::BTreeSet<&str> = cells.collect();
    let mut shared: Vec<&str> = time_readings(cells.first()?).into_iter().filter(|t| cells.iter().all(|q| time_readings(q).contains(t))).collect();
    match (cells.len(), shared.pop(), shared.is_empty()) {
        (2.., Some(t), true) if cells.iter().all(|q| splits_at(q, t)) => Some(t.to_string()),
        _ => None,
    }
}

/// Whether the glued digits `q` can be the time `t` then a fee (a fee never starts with 0).
fn splits_at(q: &str, t: &str) -> bool {
    q.len() > t.len() && q.starts_with(t) && !q[t.len()..].starts_with('0')
}

/// Reads one row (`<time><fees><description>`, its channel already cut off). `evidence` is a time the table's
/// other rows give, and why; a glued row that starts with it is split there.
fn method_row(row: &str, channel: Channel, evidence: Option<(&str, &str)>) -> RowRead {
    let (mut qty, unit, time_end) = match TIME.captures(row) {
        Some(t) if t.get(0).is_some_and(|m| !m.is_empty()) => {
            (t.get(1).map(|m| m.as_str().to_string()), t.get(2).map(|m| m.as_str()), t.get(0).unwrap().end())
        }
        _ => (None, None, 0),
    };
    if time_end == 0 {
        // The time is prose ("Không quy định", "Không phải trả kết quả …"): it runs up to the fee.
        let fee_at = FEE_START.find(row).map(|m| m.start());
        let prose = value(&row[..fee_at.unwrap_or(row.len())]);
        let fee = fees::read(&row[fee_at.unwrap_or(row.len())..]);
        let description = value(&fee.rest);
        return RowRead {
            method: Method {
                channel,
                time: crate::content::ProcessingTime { amount: None, unit: crate::content::TimeUnit::Text, text: prose },
                fees: fee.fees,
                description,
            },
            time: TimeParse::Clean,
            fee: if fee_at.is_some() { fee.how } else { FeeParse::Uncertain("không tìm thấy cột phí, lệ phí sau thời hạn bằng lời".into()) },
            sure_time: None,
            unsplit: None,
        };
    }
    let mut rest = row[time_end..].to_string();
    let mut glued = None;
    // "Trực tuyến1100,000 Việt Nam Đồng": a unit-less time glued to the amount.
    if let (Some(q), None) = (&qty, unit) {
        if CURRENCY_NEXT.is_match(&rest) {
            if let Some(k) = (1..q.len()).find(|&k| GROUPED_AMOUNT.is_match(&q[k..])) {
                rest = format!("{}{}", &q[k..], rest);
                glued = Some(format!("thời gian và phí dính liền \"{q}\"; tách thành {} (thời gian) và {} (phí)", &q[..k], &q[k..]));
                qty = Some(q[..k].to_string());
            }
        }
    }
    // "Trực tuyến120 VNĐ(20.000 vnđ /tờ khai)": a 1–2 digit time glued to an amount in thousands; split where
    // the rule confirms the amount, or where the table's other rows give the time without doubt. Otherwise
    // neither number can be trusted: both are set aside.
    let mut unsplit = None;
    if let (Some(q), None, None) = (&qty, unit, &glued) {
        if CURRENCY_NEXT.is_match(&rest) && q.len() >= 3 && q.chars().all(|c| c.is_ascii_digit()) {
            let named = fees::prose_amounts(&rest);
            let confirmed = (1..=2).find(|&k| {
                !q[k..].starts_with('0') && q[k..].parse::<u64>().is_ok_and(|f| named.contains(&f) || named.contains(&(f * 1000)))
            });
            let elsewhere = evidence.filter(|(t, _)| splits_at(q, t));
            let why = match (confirmed, elsewhere) {
                (Some(k), _) => Some((k, "khớp mức thu trong phần quy định")),
                (None, Some((t, because))) => Some((t.len(), because)),
                (None, None) => None,
            };
            match why {
                Some((k, because)) => {
                    glued = Some(format!(
                        "thời gian và phí dính liền \"{q}\"; tách thành {} (thời gian) và {} (phí), {because}",
                        &q[..k],
                        &q[k..]
                    ));
                    rest = format!("{}{}", &q[k..], rest);
                    qty = Some(q[..k].to_string());
                }
                None => {
                    unsplit = Some(q.clone());
                    qty = None;
                }
            }
        }
    }
    let mut fee = fees::read(&rest);
    if let Some(q) = &unsplit {
        // The currency had no number of its own: the printed digits were the time and the fee together.
        let why = format!("cổng ghi \"{q} VNĐ\" (thời gian và phí dính liền, không tách được); cần kiểm tra");
        for f in fee.fees.iter_mut().filter(|f| f.amount.is_none()) {
            // What a citizen reads in the glance box: the printed digits, and that the fee is not known from them.
            f.rule = if f.rule.is_empty() {
                format!("Cổng ghi “{q} VNĐ”, không rõ mức thu; hỏi nơi nộp")
            } else {
                format!("Cổng ghi “{q} VNĐ”, không rõ mức thu; hỏi nơi nộp. Ghi chú của cổng: {}", f.rule)
            };
        }
        fee.how = FeeParse::Uncertain(why);
    }
    let description = value(&fee.rest);
    let (time, mut how) = times::build(qty.as_deref(), unit, &description);
    if let Some(q) = &unsplit {
        how = TimeParse::Glued(format!("cổng ghi \"{q} VNĐ\": thời gian và phí dính liền, không tách được; không ghi thời hạn"));
    }
    if let Some(g) = glued {
        // The split is recorded on the fee too: a unit found later in the procedure's text replaces the time's
        // reason, and what was done to the printed digits must stay said.
        fee.how = match fee.how {
            FeeParse::Clean => FeeParse::Fallback(g.clone()),
            FeeParse::Fallback(r) => FeeParse::Fallback(format!("{g}; {r}")),
            FeeParse::Check(r) => FeeParse::Check(format!("{g}; {r}")),
            FeeParse::Uncertain(r) => FeeParse::Uncertain(format!("{g}; {r}")),
            FeeParse::Empty => FeeParse::Empty,
        };
        how = match how {
            TimeParse::NoUnit => TimeParse::NoUnit,
            TimeParse::Inferred(r) => TimeParse::Inferred(format!("{g}; {r}")),
            _ => TimeParse::Inferred(g),
        };
    }
    RowRead {
        method: Method { channel, time, fees: fee.fees, description },
        time: how,
        fee: fee.how,
        sure_time: if unsplit.is_none() { qty } else { None },
        unsplit,
    }
}

/// The papers section, read.
#[derive(Debug, Default)]
pub struct PapersRead {
    /// The groups, in order.
    pub groups: Vec<PaperGroup>,
    /// Rows or text that could not be read as papers, with why.
    pub problems: Vec<String>,
    /// Rows whose quantity digits were glued to the paper name (`…Mẫu số 01.1 bản chính`): split, not flagged.
    pub glued_quantities: usize,
    /// Repairs made, by rule (a rule once per row it repaired).
    pub repaired: Vec<&'static str>,
}

static QUANTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d+) bản chính(?:\s*,\s*(\d+) bản sao)?|(\d+) bản sao").unwrap());

/// Reads the papers section (group headings and table headers included).
pub fn papers(section: &str) -> PapersRead {
    let mut out = PapersRead::default();
    let parts: Vec<&str> = section.split(PAPERS_HEADER).collect();
    if parts.len() == 1 {
        let text = value(section);
        if !text.is_empty() {
            out.problems.push("thành phần hồ sơ không có bảng giấy tờ; giữ nguyên văn bản thành một ghi chú".into());
            out.groups.push(PaperGroup {
                name: String::new(),
                papers: vec![Paper { name: text, note: true, ..Default::default() }],
            });
        }
        return out;
    }
    let mut heading = parts[0].to_string();
    for (i, body) in parts.iter().enumerate().skip(1) {
        let last = i + 1 == parts.len();
        let mut group = PaperGroup { name: group_name(&heading), papers: Vec::new() };
        let mut prev = 0;
        let before_heading = if last { None } else { count_before_heading(body) };
        for m in QUANTITY.captures_iter(body) {
            let whole = m.get(0).unwrap();
            let next = body[whole.end()..].chars().next();
            let ends_group = before_heading == Some(whole.start());
            if ends_group {
                out.repaired.push(HEADING_NEXT_RULE);
            }
            let starts_row = next_row_follows(&body[whole.end()..]) || ends_group;
            if next.is_some_and(|c| c.is_whitespace() || ",;).:".contains(c)) && !starts_row {
                continue; // "01 bản chính" inside a sentence, not the quantity column
            }
            if stated_in_the_name(&body[..whole.start()], &body[whole.end()..]) {
                out.repaired.push(STATED_COUNT_RULE);
                continue;
            }
            let (run, copies) = match (m.get(1), m.get(2), m.get(3)) {
                (Some(o), c, _) => (o, c.map_or(0, |c| c.as_str().parse().unwrap_or(0))),
                (None, _, Some(c)) => (c, u32::MAX),
                _ => unreachable!("the regex has one of the two forms"),
            };
            // The quantity is the last digit of the run; earlier digits end the name ("Mẫu số 01.1 bản chính").
            let digits = run.as_str();
            let qty: u32 = digits[digits.len() - 1..].parse().unwrap_or(0);
            if digits.len() > 1 {
                out.glued_quantities += 1;
            }
            let (originals, copies) = if copies == u32::MAX { (0, qty) } else { (qty, copies) };
            let name_raw = format!("{}{}", &body[prev..run.start()], &digits[..digits.len() - 1]);
            // The stray ")" the portal left before the next row (") Bản sao giấy chứng nhận…") is no one's text.
            prev = whole.end() + if starts_row && body[whole.end()..].starts_with(')') { 1 } else { 0 };
            if starts_row && !ends_group && next.is_some_and(|c| c.is_whitespace() || ",;).:".contains(c)) {
                out.repaired.push(NEXT_ROW_RULE);
            }
            let FormSplit { name, form, rule } = split_form(&name_raw);
            out.repaired.extend(rule);
            if ends_with_file_name(&name) {
                out.problems.push(format!("tên giấy tờ còn dính tên tệp mẫu, không rõ chỗ tách: \"…{}\"", tail_chars(&name, 80)));
            }
            if name.is_empty() && form.is_empty() {
                continue;
            }
            if is_result_code(&name) && form.is_empty() {
                // "G19-KQ006178": a result's code, left in the papers table by the portal, is no one's paper.
                out.repaired.push(RESULT_CODE_RULE);
                continue;
            }
            let note = originals == 0 && copies == 0 && !names_own_count(&name);
            group.papers.push(Paper { name, originals, copies, form, note });
        }
        let tail = &body[prev..];
        if last {
            let leftover = value(tail);
            if !leftover.is_empty() {
                out.problems.push(format!("dòng giấy tờ không có số lượng: \"{}\"", short(&leftover)));
                group.papers.push(Paper { name: leftover, note: true, ..Default::default() });
            }
        } else {
            heading = tail.to_string();
        }
        if !group.papers.is_empty() || !group.name.is_empty() {
            out.groups.push(group);
        }
    }
    out.problems.extend(repeated_headings(&out.groups));
    out
}

/// A case heading the table gives twice to different papers: the portal's case titles are then often shifted
/// (1.004222 lists a boat's papers under "thuộc quyền sở hữu của mình", and the same title again at the end with
/// the right papers). Which title is right is not certain from the text, so it is said, for an editor.
fn repeated_headings(groups: &[PaperGroup]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        let first = groups.iter().position(|h| h.name == g.name);
        if g.name.is_empty() || first != Some(i) {
            continue;
        }
        let same: Vec<&PaperGroup> = groups.iter().filter(|h| h.name == g.name).collect();
        let papers = |h: &PaperGroup| h.papers.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        if same.len() > 1 && same.iter().any(|h| papers(h) != papers(same[0])) {
            out.push(format!(
                "tên nhóm giấy tờ \"{}\" có {} lần, mỗi lần với giấy tờ khác: cổng có thể đặt lệch tên nhóm; cần kiểm tra với văn bản công bố",
                short(&g.name),
                same.len()
            ));
        }
    }
    out
}

fn group_name(heading: &str) -> String {
    let t = value(heading);
    let t = t.trim_matches(|c: char| matches!(c, '*' | '-' | '–' | ':' | ' '));
    if clean::is_placeholder(t) { String::new() } else { t.to_string() }
}

/// Repair rule: a count the paper's text states, right before the quantity column.
pub const STATED_COUNT_RULE: &str =
    "số bản ghi trong tên giấy tờ, dính liền cột số lượng (\"…trị giá thấp: 01 bản chính1 bản chính\"): thuộc tên, số lượng là cột sau";

/// Repair rule: a quantity column the next row follows after a separator a sentence would not have.
pub const NEXT_ROW_RULE: &str =
    "cột số lượng rồi dòng sau mở đầu bằng dấu tab, \"...\", \") \" gạch đầu dòng hoặc chữ hoa dính sau dấu chấm, phẩy (\"….doc1 bản chính\\tBản sao…\", \"…1 bản chính...Tài liệu…\", \"…1 bản chính.+ Đề án…\", \"…1 bản chính,Đơn…\"): hết dòng ở số lượng";

/// Whether the text after a count starts the next paper row although it does not touch the count: a tab
/// (a cell separator), an ellipsis opening the next row's text ("1 bản chính...Tài liệu được lập…"), a
/// stray closing parenthesis before a capital ("0 bản chính,1 bản sao) Bản sao giấy chứng nhận…"), or the
/// next row's bullet after a full stop or semicolon ("1 bản chính.+ Đề án…", "1 bản chính;- Văn bản…"), or
/// its capital glued to a full stop, comma or semicolon ("1 bản chính.Bản chính Giấy…", "1 bản chính,Đơn…"). A space
/// and a capital is not enough: "…nộp 02 bản chính Danh mục miễn thuế…" is one paper's sentence.
fn next_row_follows(after: &str) -> bool {
    static BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:[.;]?[+\-–] ?|[.,;])\p{Lu}").unwrap());
    after.starts_with('\t')
        || after.starts_with("...")
        || after.strip_prefix(") ").is_some_and(|t| t.chars().next().is_some_and(char::is_uppercase))
        || BULLET.is_match(after)
}

/// Repair rule: a result's code standing as a paper row.
pub const RESULT_CODE_RULE: &str = "mã kết quả đứng thành một dòng giấy tờ (\"G19-KQ006178\"): không phải giấy tờ, bỏ";

/// Whether a paper row's text is only a result code ("G19-KQ006178", or "G19 006178" once the page furniture
/// "-KQ" is gone).
fn is_result_code(name: &str) -> bool {
    static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Lu}\d{1,3}(?:-KQ| ?)\d{4,}$").unwrap());
    CODE.is_match(name.trim())
}

/// Repair rule: the last row of a table, its quantity column, then the next table's heading after a space.
pub const HEADING_NEXT_RULE: &str =
    "cột số lượng của dòng cuối rồi tên nhóm giấy tờ sau, cách một dấu cách (\"…nêu trên.0 bản chính * Lưu ý:\"): hết dòng ở số lượng, phần sau là tên nhóm";

/// In a table the portal follows with another, where the last row's quantity column is followed by a space and
/// the next table's heading ("…nêu trên.0 bản chính * Lưu ý:", "…giao dịch.2 bản chính Trường hợp hồ sơ được
/// gửi…:"): the start of that count. The heading is short, opens with "*" or a capital and holds no count;
/// otherwise the text is left to the heading as before.
fn count_before_heading(body: &str) -> Option<usize> {
    let m = QUANTITY.find_iter(body).last()?;
    let after = &body[m.end()..];
    static LABEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\([\w.]{1,5}\)|\w{1,3}[.)])\.?\s*").unwrap());
    let heading = after.trim_start();
    // A numbered heading opens with its label: "(2). Đối với trường hợp…", "(1.5) Đối với công trình…".
    let title = LABEL.find(heading).map_or(heading, |l| &heading[l.end()..]);
    let opens = heading.starts_with('*') || title.chars().next().is_some_and(char::is_uppercase);
    (after.starts_with(char::is_whitespace) && opens && heading.chars().count() <= 300).then_some(m.start())
}

/// Whether a count found in a paper row is the row's own words, not the quantity column: it follows a space
/// ("…: 01 bản chính") and the quantity column follows it at once ("…01 bản chính1 bản chính").
fn stated_in_the_name(before: &str, after: &str) -> bool {
    before.ends_with(char::is_whitespace) && QUANTITY.find(after).is_some_and(|n| n.start() == 0)
}

/// A row the portal counted "0 bản" that still asks for a paper in its own words ("a) Tờ khai hải quan …;",
/// "Chứng từ vận tải …: 01 bản chụp"): a list item or a stated count is a paper to bring, not a note.
fn names_own_count(name: &str) -> bool {
    static OWN_COUNT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^\s*[a-zđ]\)\s|\b0?\d+ bản (?:chụp|sao|chính|gốc)").unwrap());
    OWN_COUNT.is_match(name)
}

/// The results section, read.
#[derive(Debug, Default)]
pub struct ResultsRead {
    /// The results' names, in order, each once.
    pub names: Vec<String>,
    /// Repairs made, by rule (each rule once).
    pub repaired: Vec<&'static str>,
}

/// Repair rule: the next result's first word glued to a result code.
pub const CODE_GLUED_RULE: &str =
    "chữ đầu của kết quả dính vào mã kết quả trước (\"Mã: KQ.G19.000427văn bản…\", \"…000215Kho bạc…\"): mã hết ở chữ số cuối";

/// Repair rule: a result's first capital typed twice.
pub const DOUBLED_CAPITAL_RULE: &str = "chữ hoa đầu kết quả gõ lặp (\"GGiấy xác nhận…\"): bỏ chữ lặp";

/// "GGiấy xác nhận" → "Giấy xác nhận": a first capital typed twice before a lower-case letter, which no
/// Vietnamese word has.
fn undouble_first_capital(name: &str) -> Option<String> {
    let mut chars = name.chars();
    let (a, b, c) = (chars.next()?, chars.next()?, chars.next()?);
    (a == b && a.is_uppercase() && c.is_lowercase()).then(|| name[a.len_utf8()..].to_string())
}

/// Reads the results section: names separated by their result codes.
pub fn results(section: &str) -> ResultsRead {
    let text = clean::nfc(section);
    let mut out = ResultsRead::default();
    let names = &mut out.names;
    let mut undoubled = false;
    let mut push = |s: &str| {
        for line in value(s).lines() {
            let l = strip_bullet(line).trim().trim_start_matches(['.', '-', ' ']).trim_end_matches([';', ',']).trim();
            let fixed = undouble_first_capital(l);
            undoubled |= fixed.is_some();
            let l = fixed.as_deref().unwrap_or(l);
            if !l.is_empty() && !clean::is_placeholder(l) && !names.iter().any(|x: &String| x == l) {
                names.push(l.to_string());
            }
        }
    };
    let mut prev = 0;
    let mut glued = false;
    while let Some(at) = text[prev..].find("Mã:").map(|i| prev + i) {
        push(&text[prev..at]);
        let (len, gave_back) = code_len(&text[at + "Mã:".len()..]);
        glued |= gave_back;
        prev = at + "Mã:".len() + len;
    }
    push(&text[prev..]);
    if glued {
        out.repaired.push(CODE_GLUED_RULE);
    }
    if undoubled {
        out.repaired.push(DOUBLED_CAPITAL_RULE);
    }
    out
}

/// The length of the result code after "Mã:" (spaces included), which the portal glues to the next result,
/// and whether this gave back letters that reading up to the last capital would have kept in the code. A code
/// with digits ends at its last digit ("KQ.G15.000031Giấy…", "KQ.G19.000427văn bản…", "…000215Kho bạc…",
/// "hgvg6Quyết định…"); one without gives back the capital before a Vietnamese letter; "Chưa xác định" is a
/// code.
fn code_len(after: &str) -> (usize, bool) {
    let lead = after.len() - after.trim_start().len();
    let rest = &after[lead..];
    if rest.starts_with("Chưa xác định") {
        return (lead + "Chưa xác định".len(), false);
    }
    let token = rest.find(|c: char| !(c.is_ascii_alphanumeric() || "_.-".contains(c))).unwrap_or(rest.len());
    // A capital right before a Vietnamese letter starts the next result's first word: give it back.
    let next_is_vietnamese = rest[token..].chars().next().is_some_and(|c| c.is_alphabetic() && !c.is_ascii());
    let by_capital = if next_is_vietnamese { rest[..token].rfind(|c: char| c.is_ascii_uppercase()).unwrap_or(0) } else { token };
    match rest[..token].rfind(|c: char| c.is_ascii_digit()) {
        Some(d) => (lead + d + 1, d + 1 != by_capital),
        None => (lead + by_capital, false),
    }
}

/// Reads the related procedures cell.
pub fn related(cell: &str) -> Vec<Related> {
    let text = value(cell);
    let text = text.strip_prefix("#Tên thủ tục").unwrap_or(&text);
    let text = text.split("#1Tên thủ tục").next().unwrap_or("");
    let name = value(text.trim_start_matches(|c: char| c.is_ascii_digit()));
    if name.is_empty() { Vec::new() } else { vec![Related { code: String::new(), name }] }
}

/// The last `n` characters of a text, for messages about its end.
fn tail_chars(s: &str, n: usize) -> String {
    let count = s.chars().count();
    s.chars().skip(count.saturating_sub(n)).collect()
}

/// The first 120 characters of a text, for messages.
pub fn short(s: &str) -> String {
    let one_line = s.replace('\n', " ");
    let mut out: String = one_line.chars().take(120).collect();
    if one_line.chars().count() > 120 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::TimeUnit;

    #[test]
    fn flattened_method_rows() {
        let r = methods("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1Miễn phíDịch vụ bưu chính1Miễn phíTrực tiếp1Miễn phí");
        assert_eq!(r.methods.len(), 3);
        assert_eq!(r.methods[1].channel, Channel::Post);
        assert_eq!(r.methods[2].time.unit, TimeUnit::Unspecified);
        assert_eq!(r.methods[2].fees[0].amount, Some(0));
        let r = methods("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp1100,000 Việt Nam Đồng");
        assert_eq!(r.methods[0].time.amount, Some(1.0));
        assert_eq!(r.methods[0].fees[0].amount, Some(100_000));
    }

    #[test]
    fn a_glued_row_is_split_at_the_time_its_sibling_rows_give() {
        let r = methods("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1Miễn phíDịch vụ bưu chính125 VNĐTrực tiếp125 VNĐ");
        assert_eq!(r.methods[1].time.amount, Some(1.0));
        assert_eq!(r.methods[2].fees[0].amount, Some(25));
        assert!(matches!(&r.times[2], TimeParse::NoUnit | TimeParse::Inferred(_)), "{:?}", r.times[2]);
        // Without a row that gives the time alone, the digits stay unsplit.
        let r = methods("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến120 VNĐTrực tiếp120 VNĐ");
        assert_eq!(r.methods[0].time.amount, None);
        assert!(matches!(r.times[0], TimeParse::Glued(_)));
        // Every row glued, but only one time fits them all.
        let r = methods("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1100 VNĐTrực tiếp125 VNĐ");
        assert_eq!((r.methods[0].time.amount, r.methods[1].fees[0].amount), (Some(1.0), Some(25)));
        // Rows that disagree on the time give no evidence.
        let r = methods("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1Miễn phíDịch vụ bưu chính2Miễn phíTrực tiếp125 VNĐ");
        assert_eq!(r.methods[2].time.amount, None);
    }

    #[test]
    fn a_bullet_after_a_counts_full_stop_or_semicolon_starts_the_next_row() {
        let r = papers("Tên giấy tờMẫu đơn, tờ khaiSố lượng+ Văn bản đề nghị theo mục 3.1 bản chính.+ Đề án chuyển đổi.1 bản chính;- Văn bản chấp thuận.1 bản chính.Bản chính Giấy chứng nhận1 bản chính,Đơn đề nghị1 bản chính");
        assert_eq!(r.groups[0].papers.len(), 5, "{:#?}", r.groups[0].papers);
        assert_eq!(r.repaired, vec![NEXT_ROW_RULE; 4]);
    }

    #[test]
    fn a_heading_given_twice_to_different_papers_is_flagged() {
        let r = papers("Chỗ ở của mìnhTên giấy tờMẫu đơn, tờ khaiSố lượngGiấy đăng ký phương tiện.1 bản chínhThuê, mượnTên giấy tờMẫu đơn, tờ khaiSố lượngHợp đồng thuê.1 bản chínhChỗ ở của mìnhTên giấy tờMẫu đơn, tờ khaiSố lượngGiấy chứng nhận quyền sở hữu nhà.1 bản chính");
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        assert!(r.problems[0].contains("Chỗ ở của mình"));
    }

    #[test]
    fn a_result_code_in_the_papers_table_is_no_paper() {
        let r = papers("Tên giấy tờMẫu đơn, tờ khaiSố lượngHợp đồng liên doanh.1 bản chínhG19-KQ0061781 bản chính10. Hồ sơ của chủ sở hữu.1 bản chính");
        let names: Vec<&str> = r.groups[0].papers.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Hợp đồng liên doanh.", "10. Hồ sơ của chủ sở hữu."]);
        assert!(r.repaired.contains(&RESULT_CODE_RULE));
        assert!(!is_result_code("Mẫu 01"));
    }

    #[test]
    fn the_last_rows_count_ends_it_before_the_next_tables_heading() {
        let r = papers("Tên giấy tờMẫu đơn, tờ khaiSố lượngGiấy tờ tùy thân.1 bản chính- Trường hợp gửi qua bưu chính thì gửi bản sao có chứng thực.0 bản chính * Lưu ý:Tên giấy tờMẫu đơn, tờ khaiSố lượngGhi chú về nơi nhận kết quả.0 bản chính");
        assert_eq!(r.groups.len(), 2);
        assert_eq!(r.groups[0].papers.len(), 2);
        assert!(r.groups[0].papers[1].name.ends_with("bản sao có chứng thực."), "{:?}", r.groups[0].papers[1].name);
        assert_eq!(r.groups[1].name, "Lưu ý");
        assert_eq!(r.repaired, vec![HEADING_NEXT_RULE]);
        let r = papers("Tên giấy tờMẫu đơn, tờ khaiSố lượng- Đơn đề nghị. - Danh mục nội dung;1 bản chính (2). Đối với trường hợp cấp bổ sungTên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị cấp bổ sung1 bản chính");
        assert_eq!(r.groups[1].name, "(2). Đối với trường hợp cấp bổ sung");
        // A count inside the last row's sentence, with no heading after it, stays the row's own words.
        let r = papers("Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai, nộp 02 bản chính theo mẫu.1 bản chính");
        assert_eq!(r.groups[0].papers.len(), 1);
    }

    #[test]
    fn paper_rows_end_with_quantities() {
        let r = papers("* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ khai theo Mẫu số 01.1 bản chínhBản sao giấy tờ0 bản chính,2 bản sao* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượngHộ chiếu (tổ chức)Mẫu số 13.docx1 bản chính");
        assert_eq!(r.groups.len(), 2);
        assert_eq!(r.groups[0].name, "Giấy tờ phải nộp");
        assert_eq!(r.groups[0].papers[0].name, "Tờ khai theo Mẫu số 01.");
        assert_eq!(r.groups[0].papers[1].copies, 2);
        assert_eq!(r.groups[1].papers[0].form, "Mẫu số 13.docx");
        let r = papers("Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai hàng hóa xuất khẩu trị giá thấp: 01 bản chính1 bản chínhHóa đơn thương mại (nếu có): 01 bản chụp0 bản chính,1 bản sao");
        assert_eq!(r.groups[0].papers[0].name, "Tờ khai hàng hóa xuất khẩu trị giá thấp: 01 bản chính");
        assert_eq!((r.groups[0].papers[0].originals, r.groups[0].papers[1].copies), (1, 1));
        assert_eq!(r.repaired, vec![STATED_COUNT_RULE]);
        assert!(r.problems.is_empty());
    }

    #[test]
    fn a_tab_an_ellipsis_or_a_stray_parenthesis_after_a_count_starts_the_next_row() {
        let r = papers("Tên giấy tờMẫu đơn, tờ khaiSố lượngGiấy đề nghị (theo mẫu).Phuluc01.doc1 bản chính\tBản sao giấy đăng ký kinh doanh.0 bản chính,1 bản saoQuyết định thông qua phương án.1 bản chính...Tài liệu bằng tiếng nước ngoài kèm bản dịch.1 bản chínhBản sao giấy công nhận (nếu có).0 bản chính,1 bản sao) Bản sao huy chương.0 bản chính,1 bản sao");
        let names: Vec<&str> = r.groups[0].papers.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), 6, "{names:?}");
        assert!(names[1].starts_with("Bản sao giấy đăng ký"), "{names:?}");
        assert!(names[3].starts_with("...Tài liệu"), "{names:?}");
        assert!(names[4].starts_with("Bản sao giấy công nhận"), "{names:?}");
        assert_eq!(names[5], "Bản sao huy chương.");
        assert_eq!(r.repaired.iter().filter(|x| **x == NEXT_ROW_RULE).count(), 3);
        // A space and a capital after a count is one paper's sentence.
        let r = papers("Tên giấy tờMẫu đơn, tờ khaiSố lượngKhi hệ thống gặp sự cố, nộp 02 bản chính Danh mục miễn thuế bản giấy.1 bản chính");
        assert_eq!(r.groups[0].papers.len(), 1);
    }

    #[test]
    fn results_split_on_codes() {
        assert_eq!(
            results("Thẻ căn cướcMã: KQ.G01.000023Phiếu từ chốiMã: KQ.G01.000067").names,
            vec!["Thẻ căn cước", "Phiếu từ chối"]
        );
        assert_eq!(results("Quyết định A.Mã: hgvg6Quyết định BMã: 1212").names, vec!["Quyết định A.", "Quyết định B"]);
        assert_eq!(results("Mã số cơ sở.Mã: Chưa xác định").names, vec!["Mã số cơ sở."]);
        let r = results("Giấy phépMã: KQ.G19.000427văn bản không chấp thuậnMã: KQ.G12.000215Kho bạc Nhà nước chuyển tiềnMã: KQ.G10.000246...văn bản trả lời..");
        assert_eq!(r.names, vec!["Giấy phép", "văn bản không chấp thuận", "Kho bạc Nhà nước chuyển tiền", "văn bản trả lời.."]);
        assert_eq!(r.repaired, vec![CODE_GLUED_RULE]);
        assert!(results("Thẻ căn cướcMã: KQ.G01.000023Phiếu từ chối").repaired.is_empty());
        let r = results("Không có kết quảMã: KQ.G12.000429GGiấy xác nhận đủ điều kiệnMã: KQ.G12.000240");
        assert_eq!(r.names, vec!["Không có kết quả", "Giấy xác nhận đủ điều kiện"]);
        assert!(r.repaired.contains(&DOUBLED_CAPITAL_RULE));
        assert_eq!(undouble_first_capital("UBND cấp xã"), None);
    }
}
