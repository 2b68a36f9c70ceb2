//! One arrangement of a procedure's official paper list, used by the page, the posters and the copied text.
//!
//! The portal lists papers in a messy order: conditional cases ("Trường hợp …", "Nếu …", "Đối với …",
//! "(nếu có)") before the papers everyone needs, explanatory rows ("0 bản") mixed in, the main form buried.
//! [`arrange`] separates them by rules over the text's structure, never per procedure, and keeps every row
//! whole: it restructures and labels, it never drops or rewrites the official words.
//!
//! - **everyone's papers** ([`Arranged::everyone`]): per portal group ("Giấy tờ phải nộp" and "Giấy tờ phải
//!   xuất trình" stay apart), forms and declarations first, then the rest in portal order;
//! - **conditional papers** ([`Arranged::cases`]): one group per condition, headed in words a person reads
//!   ("Chỉ khi trẻ em bị bỏ rơi"), rows with the same condition together; the portal's own case groups get the
//!   same treatment;
//! - **notes** ([`Arranged::notes`]): the rows the portal marks as explanations, last, per portal group.

use super::model::{Paper, PaperGroup};

/// The heading of a conditional row whose condition cannot be cut out cleanly (the row is kept whole under it).
pub const SOME_CASES: &str = "Chỉ trong một số trường hợp";
/// The heading of rows the portal marks "(nếu có)": bring them only if you have them.
pub const IF_ANY: &str = "Nếu có";

/// The heading of everyone's papers when the portal gives their group no name and conditional groups follow.
pub const EVERYONE: &str = "Ai cũng cần mang";

/// A procedure's papers arranged for a person to act on; every row of the portal's list is in exactly one place.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arranged {
    /// What everyone brings, per portal group, forms and declarations first in each.
    pub everyone: Vec<Section>,
    /// What only some people bring, one section per condition, in the order the conditions first appear.
    pub cases: Vec<Section>,
    /// The portal's explanatory rows (`note = true`), per portal group, in portal order.
    pub notes: Vec<Section>,
}

/// A titled run of rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    /// The heading: a portal group's name for everyone's papers and notes ("" when it has none), a condition
    /// ("Chỉ khi …", [`SOME_CASES`], [`IF_ANY`]) for a case.
    pub heading: String,
    /// The portal's own words the heading does not say in full (a case group's whole name, or the group a
    /// conditional row came from), shown under the heading so no word of the official text is lost; often "".
    pub detail: String,
    /// The rows, in the order to show them.
    pub rows: Vec<Row>,
}

/// One row of the official list, whole, with what the arrangement learned about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// The paper as the portal lists it.
    pub paper: Paper,
    /// Its position among the procedure's papers (notes not counted) in portal order: a stable key for the
    /// citizen's saved checklist ticks, whatever order the rows are shown in. Unused for notes.
    pub tick: usize,
    /// True when the portal lists it under papers to show (xuất trình) rather than to hand in (nộp).
    pub present: bool,
    /// True for a form or declaration to fill in (tờ khai, đơn, mẫu, phiếu…), which everyone's list puts first.
    pub form: bool,
}

impl Arranged {
    /// The papers to bring (not notes), in the order shown: everyone's, then each case's.
    pub fn papers(&self) -> impl Iterator<Item = &Row> {
        self.everyone.iter().chain(&self.cases).flat_map(|s| &s.rows)
    }

    /// How many papers to bring (notes not counted).
    pub fn paper_count(&self) -> usize {
        self.papers().count()
    }

    /// The sections of papers to bring in the order shown, each with the heading to show and whether it is a
    /// condition's: everyone's groups keep their names (an unnamed one reads [`EVERYONE`] when conditional
    /// groups follow it), then each case under its condition. Page, posters and copied text all use this.
    pub fn shown(&self) -> Vec<(&str, &Section, bool)> {
        let everyone = self.everyone.iter().map(|s| {
            let heading = if s.heading.is_empty() && !self.cases.is_empty() { EVERYONE } else { s.heading.as_str() };
            (heading, s, false)
        });
        everyone.chain(self.cases.iter().map(|s| (s.heading.as_str(), s, true))).collect()
    }

    /// How many note rows there are.
    pub fn note_count(&self) -> usize {
        self.notes.iter().map(|s| s.rows.len()).sum()
    }
}

/// Arranges a procedure's paper groups: everyone's papers (forms first), then each condition's, then notes.
pub fn arrange(groups: &[PaperGroup]) -> Arranged {
    // An unnamed group beside a "Giấy tờ phải nộp" group holds papers to hand in too (1.001193's form).
    let submit = groups.iter().position(|g| same(&g.name, "Giấy tờ phải nộp"));
    let mut everyone: Vec<(usize, Section)> = Vec::new();
    let mut cases: Vec<Section> = Vec::new();
    let mut notes: Vec<Section> = Vec::new();
    let mut tick = 0;
    for (gi, g) in groups.iter().enumerate() {
        let case = case_group(&g.name);
        let present = is_present(&g.name);
        let home = if g.name.trim().is_empty() { submit.unwrap_or(gi) } else { gi };
        let mut group_notes = Vec::new();
        for paper in &g.papers {
            if paper.note {
                group_notes.push(Row { paper: paper.clone(), tick: 0, present, form: false });
                continue;
            }
            let row = Row { paper: paper.clone(), tick, present, form: is_form(paper) };
            tick += 1;
            if let Some((heading, detail)) = &case {
                add(&mut cases, heading, detail, row);
            } else if let Some(heading) = condition(&paper.name) {
                let detail = if generic_group(&g.name) { "" } else { g.name.trim() };
                add(&mut cases, &heading, detail, row);
            } else {
                match everyone.iter_mut().find(|(k, _)| *k == home) {
                    Some((_, s)) => s.rows.push(row),
                    None => everyone.push((home, Section { heading: groups[home].name.trim().to_string(), detail: String::new(), rows: vec![row] })),
                }
            }
        }
        if !group_notes.is_empty() {
            notes.push(Section { heading: g.name.trim().to_string(), detail: String::new(), rows: group_notes });
        }
    }
    // Sections in portal group order (an unnamed group's rows sit in the "phải nộp" group's place).
    everyone.sort_by_key(|(k, _)| *k);
    let everyone = everyone
        .into_iter()
        .map(|(_, mut s)| {
            // Forms first, the rest in portal order (a stable sort).
            s.rows.sort_by_key(|r| !r.form);
            s
        })
        .collect();
    Arranged { everyone, cases, notes }
}

/// Adds a row to the case section with this heading and detail, or starts one.
fn add(cases: &mut Vec<Section>, heading: &str, detail: &str, row: Row) {
    match cases.iter_mut().find(|s| s.heading == heading && s.detail == detail) {
        Some(s) => s.rows.push(row),
        None => cases.push(Section { heading: heading.to_string(), detail: detail.to_string(), rows: vec![row] }),
    }
}

/// Whether a group's name says nothing beyond "the papers" (so a conditional row's section need not name it).
fn generic_group(name: &str) -> bool {
    ["", "Giấy tờ phải nộp", "Giấy tờ phải xuất trình", "Thành phần hồ sơ"].iter().any(|g| same(name, g))
}

/// Whether a group holds papers to show (xuất trình) rather than hand in.
fn is_present(name: &str) -> bool {
    find_ci(name, "xuất trình").is_some() && find_ci(name, "nộp").is_none()
}

/// A portal case group ("Trường hợp ủy quyền …", "a) Đối với cấp lại"): its plain heading, and its whole name
/// as the detail when the heading does not say all of it. `None` for any other group.
fn case_group(name: &str) -> Option<(String, String)> {
    let t = strip_bullet(name);
    let (kind, rest, paren) = leading_marker(t)?;
    let x = clause(rest, paren, true);
    let heading = x.map(|x| heading(kind, x)).unwrap_or_else(|| SOME_CASES.to_string());
    // The heading says the whole name when only the marker and end punctuation were left out.
    let whole = rest.trim().trim_end_matches(['.', ':', ';', ',', ')', ' ']);
    let said = t == name.trim() && !paren && x == Some(whole);
    Some((heading, if said { String::new() } else { name.trim().to_string() }))
}

/// A conditional row's heading, or `None` when the row is for everyone.
///
/// Leading "Trường hợp X thì/phải/,/:", "Nếu X thì", "Đối với X:" give "Chỉ khi X" / "Chỉ đối với X"; a trailing
/// "trong trường hợp X" in the row's first sentence gives "Chỉ khi X"; "(nếu có)" gives [`IF_ANY`]. A condition
/// too long or too tangled to be a heading gives [`SOME_CASES`].
pub fn condition(text: &str) -> Option<String> {
    let t = strip_bullet(text);
    if let Some((kind, rest, paren)) = leading_marker(t) {
        return Some(clause(rest, paren, false).map(|x| heading(kind, x)).unwrap_or_else(|| SOME_CASES.to_string()));
    }
    let first = first_sentence(t);
    for marker in [" trong trường hợp ", " đối với trường hợp ", "(trong trường hợp ", "(trường hợp ", "(đối với trường hợp "] {
        if let Some(i) = find_ci(first, marker) {
            let rest = &first[i + marker.len()..];
            let paren = marker.starts_with('(');
            let end = if paren { rest.find(')').unwrap_or(rest.len()) } else { rest.len() };
            return Some(clean(&rest[..end]).map(|x| heading(Kind::When, x)).unwrap_or_else(|| SOME_CASES.to_string()));
        }
    }
    if find_ci(t, "(nếu có").is_some() {
        return Some(IF_ANY.to_string());
    }
    None
}

/// Whether a row is a form or declaration to fill in: the portal names a form for it, or its name says so.
pub fn is_form(p: &Paper) -> bool {
    if !p.form.trim().is_empty() {
        return true;
    }
    let t = strip_bullet(&p.name);
    if starts_ci(t, "đơn vị").is_some() {
        return false;
    }
    ["tờ khai", "đơn ", "đơn,", "mẫu ", "mẫu:", "phiếu ", "bản khai", "giấy đề nghị", "văn bản đề nghị", "bản đề nghị", "tờ trình"]
        .iter()
        .any(|w| starts_ci(t, w).is_some())
}

/// Which words a condition's heading starts with.
#[derive(Clone, Copy)]
enum Kind {
    /// "Trường hợp …", "Nếu …": "Chỉ khi …".
    When,
    /// "Đối với …": "Chỉ đối với …".
    For,
}

fn heading(kind: Kind, x: &str) -> String {
    match kind {
        _ if starts_ci(x, "quy định").is_some() || starts_ci(x, "được quy định").is_some() => format!("Chỉ trong trường hợp {x}"),
        Kind::When => format!("Chỉ khi {x}"),
        Kind::For => format!("Chỉ đối với {x}"),
    }
}

/// The marker a conditional text opens with, what follows it, and whether the text opened with "(".
fn leading_marker(t: &str) -> Option<(Kind, &str, bool)> {
    let (t, paren) = match t.strip_prefix('(') {
        Some(r) => (r.trim_start(), true),
        None => (t, false),
    };
    // A bare number before the marker: "2 Trường hợp tổ chức tín dụng …".
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let t = if (1..=2).contains(&digits) && t[digits..].starts_with(' ') { t[digits..].trim_start() } else { t };
    for (marker, kind) in [("trong trường hợp ", Kind::When), ("trường hợp ", Kind::When), ("nếu ", Kind::When), ("đối với ", Kind::For)] {
        if let Some(rest) = starts_ci(t, marker) {
            return Some((kind, rest, paren));
        }
    }
    None
}

/// The condition X of "<marker> X thì/phải/:/, …": up to the earliest of " thì ", ":", " phải " (not "không
/// phải"), else the first comma, within the first sentence; the whole sentence when `whole` (a group's name).
fn clause(rest: &str, paren: bool, whole: bool) -> Option<&str> {
    // A group's name is one heading: its ";" joins cases ("Trường hợp cấp; cấp lại khi …"), it ends no sentence.
    let mut s = if whole { rest.split(". ").next().unwrap_or(rest).trim_end_matches('.') } else { first_sentence(rest) };
    if paren {
        s = &s[..s.find(')').unwrap_or(s.len())];
    }
    // "Trường hợp 2: Đăng ký lần đầu thì …": the case is what follows its number.
    if let Some(i) = s.find(':') {
        let label = s[..i].trim();
        if !label.is_empty() && label.chars().count() <= 4 && label.chars().all(|c| c.is_alphanumeric()) {
            return clause(&s[i + 1..], false, whole);
        }
    }
    let strong = [find_ci(s, " thì "), s.find(':'), find_must(s)].into_iter().flatten().min();
    let cut = [strong, clause_comma(s, strong)].into_iter().flatten().min();
    match cut {
        Some(i) => clean(&s[..i]),
        None if whole => clean(s),
        None => None,
    }
}

/// The first comma that ends a clause rather than separates the items of a list ("cha, mẹ", "họ, dân tộc,
/// quê quán", "họ, dân tộc thì"): at least four words before it, and neither another comma nor the clause's end
/// (`strong`: " thì ", ":", " phải ") within the three words after it.
fn clause_comma(s: &str, strong: Option<usize>) -> Option<usize> {
    s.match_indices(',').map(|(i, _)| i).find(|&i| {
        let after: Vec<&str> = s[i + 1..].split_whitespace().take(3).collect();
        let listed = after.iter().any(|w| w.ends_with(','));
        let ends_soon = strong.is_some_and(|j| j > i && s[i + 1..j].split_whitespace().count() <= 3);
        s[..i].split_whitespace().count() >= 4 && !listed && !ends_soon
    })
}

/// The first " phải " not after "không" or "chưa" ("không phải là bưu chính công ích" is part of a condition).
fn find_must(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = find_ci(&s[from..], " phải ") {
        let at = from + i;
        let before = s[..at].trim_end();
        if !(before.ends_with("không") || before.ends_with("chưa")) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// A condition fit for a heading: trimmed, 2 to 28 syllables and 110 characters (cut before a trailing
/// " theo …" qualifier if that makes it fit); `None` otherwise.
fn clean(x: &str) -> Option<&str> {
    let x = x.trim().trim_end_matches([',', '.', ':', ';', ' ', ')', '(']).trim();
    let fits = |x: &str| x.split_whitespace().count() >= 2 && x.split_whitespace().count() <= 28 && x.chars().count() <= 110;
    if fits(x) {
        return Some(x);
    }
    let i = find_ci(x, " theo ")?;
    let head = x[..i].trim();
    (head.split_whitespace().count() >= 3 && fits(head)).then_some(head)
}

/// The text up to its first sentence end (". ", ";", a line break), or all of it.
fn first_sentence(t: &str) -> &str {
    let ends = [t.find(". "), t.find(';'), t.find('\n')];
    let end = ends.into_iter().flatten().min().unwrap_or(t.len());
    t[..end].trim_end_matches('.')
}

/// The text without a leading list marker: "-", "+", "•", "a)", "(i)", "1.", "(1.2)".
fn strip_bullet(s: &str) -> &str {
    let mut t = s.trim();
    loop {
        let before = t;
        if let Some(r) = t.strip_prefix("(*)") {
            t = r.trim_start();
        }
        // Dashes, bullets and symbol-font glyphs the portal pasted ("", "•"): anything before a letter,
        // digit or bracket.
        t = t.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(').trim_start();
        let (body, open) = match t.strip_prefix('(') {
            Some(r) => (r, true),
            None => (t, false),
        };
        let label: String = body.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '.').collect();
        if !label.is_empty() && label.len() <= 6 {
            let after = &body[label.len()..];
            let closed = after.strip_prefix(')');
            // "1. ": the label took the dot.
            let dotted = (!open && label.ends_with('.') && label.trim_end_matches('.').chars().all(|c| c.is_ascii_digit())).then_some(after);
            let roman_or_letter = label.len() <= 4 && label.chars().all(|c| c.is_ascii_lowercase());
            let numbered = label.chars().all(|c| c.is_ascii_digit() || c == '.');
            if let Some(r) = closed.filter(|_| roman_or_letter || numbered).or(dotted) {
                if r.starts_with(' ') {
                    t = r.trim_start();
                }
            }
        }
        if t == before {
            return t;
        }
    }
}

/// Whether two names are the same ignoring case and surrounding space.
fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.to_lowercase()
}

/// `s` after `prefix` when `s` starts with it, ignoring case (`prefix` in lower case).
fn starts_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let mut chars = s.char_indices();
    for p in prefix.chars() {
        let (_, c) = chars.next()?;
        if c != p && !c.to_lowercase().eq(std::iter::once(p)) {
            return None;
        }
    }
    Some(chars.next().map_or("", |(i, _)| &s[i..]))
}

/// Where `needle` (in lower case) first occurs in `s`, ignoring case: a byte index into `s`.
fn find_ci(s: &str, needle: &str) -> Option<usize> {
    s.char_indices().map(|(i, _)| i).find(|&i| starts_ci(&s[i..], needle).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(name: &str, originals: u32) -> Paper {
        Paper { name: name.into(), originals, ..Default::default() }
    }
    fn note(name: &str) -> Paper {
        Paper { name: name.into(), note: true, ..Default::default() }
    }
    fn group(name: &str, papers: Vec<Paper>) -> PaperGroup {
        PaperGroup { name: name.into(), papers }
    }
    fn names(s: &Section) -> Vec<&str> {
        s.rows.iter().map(|r| r.paper.name.as_str()).collect()
    }

    /// Rows copied from 1.001193 (birth registration), shortened where marked "…".
    fn birth() -> Vec<PaperGroup> {
        vec![
            group("Giấy tờ phải nộp", vec![
                paper("Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.", 1),
                paper("Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh. Trường hợp người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền thì văn bản ủy quyền không phải chứng thực.", 1),
                note("Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh … thì không phải nộp bản giấy."),
                paper("Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ phải có văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ.", 1),
                paper("Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh.", 1),
            ]),
            group("Giấy tờ phải xuất trình", vec![
                note("Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm theo bản sao có chứng thực các giấy tờ phải xuất trình nêu trên."),
                paper("Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các giấy tờ khác có dán ảnh …", 1),
            ]),
            group("Lưu ý", vec![note("Đối với việc xác định họ, dân tộc, quê quán, đặt tên cho trẻ:")]),
            group("", vec![
                note("Người có yêu cầu đăng ký khai sinh thực hiện việc nộp/xuất trình … các giấy tờ sau:"),
                paper("Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính);", 1),
                paper("Mẫu hộ tịch điện tử tương tác đăng ký khai sinh (do người yêu cầu cung cấp thông tin theo hướng dẫn trên Cổng dịch vụ công, nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tuyến)", 1),
            ]),
        ]
    }

    #[test]
    fn birth_registration_leads_with_the_form_and_puts_each_case_under_its_heading() {
        let a = arrange(&birth());
        assert_eq!(a.everyone.len(), 2);
        assert_eq!(a.everyone[0].heading, "Giấy tờ phải nộp");
        let submit = names(&a.everyone[0]);
        assert!(submit[0].starts_with("Tờ khai đăng ký khai sinh"), "{submit:?}");
        assert!(submit[1].starts_with("Mẫu hộ tịch điện tử"));
        assert!(submit[2].starts_with("Giấy chứng sinh"));
        assert_eq!(a.everyone[1].heading, "Giấy tờ phải xuất trình");
        assert!(a.everyone[1].rows[0].present);
        let headings: Vec<&str> = a.cases.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            ["Chỉ khi trẻ em bị bỏ rơi", "Chỉ khi ủy quyền thực hiện việc đăng ký khai sinh", "Chỉ khi khai sinh cho trẻ em sinh ra do mang thai hộ"]
        );
        assert_eq!(a.notes.iter().map(|s| s.heading.as_str()).collect::<Vec<_>>(), ["Giấy tờ phải nộp", "Giấy tờ phải xuất trình", "Lưu ý", ""]);
        // Ticks keep the portal order: the form was the 6th paper to bring.
        assert_eq!(a.everyone[0].rows[0].tick, 5);
        assert_eq!(a.paper_count(), 7);
        assert_eq!(a.note_count(), 4);
    }

    #[test]
    fn every_row_is_kept_whole_exactly_once() {
        let groups = birth();
        let a = arrange(&groups);
        let mut out: Vec<&Paper> = a.everyone.iter().chain(&a.cases).chain(&a.notes).flat_map(|s| &s.rows).map(|r| &r.paper).collect();
        let mut inp: Vec<&Paper> = groups.iter().flat_map(|g| &g.papers).collect();
        let key = |p: &&Paper| p.name.clone();
        out.sort_by_key(key);
        inp.sort_by_key(key);
        assert_eq!(out, inp);
        let mut ticks: Vec<usize> = a.papers().map(|r| r.tick).collect();
        ticks.sort();
        assert_eq!(ticks, (0..7).collect::<Vec<_>>());
    }

    #[test]
    fn conditions_are_cut_from_the_texts_structure() {
        let c = |t: &str| condition(t);
        assert_eq!(c("Đối với Quân đội nhân dân: Giấy giới thiệu đăng ký thường trú của cơ quan, đơn vị cấp trung đoàn").as_deref(), Some("Chỉ đối với Quân đội nhân dân"));
        assert_eq!(c("Nếu là người nước ngoài thì nộp bản sao hộ chiếu").as_deref(), Some("Chỉ khi là người nước ngoài"));
        assert_eq!(
            c("(ii) Trường hợp ủy quyền cho tổ chức thực hiện thủ tục đăng ký hộ kinh doanh, kèm theo hồ sơ đăng ký hộ kinh doanh phải có bản sao hợp đồng").as_deref(),
            Some("Chỉ khi ủy quyền cho tổ chức thực hiện thủ tục đăng ký hộ kinh doanh")
        );
        // "không phải là" belongs to the condition; "thì" ends it.
        assert_eq!(
            c("(iv) Trường hợp ủy quyền cho đơn vị cung cấp dịch vụ bưu chính không phải là bưu chính công ích thực hiện thủ tục thì khi thực hiện").as_deref(),
            Some("Chỉ khi ủy quyền cho đơn vị cung cấp dịch vụ bưu chính không phải là bưu chính công ích thực hiện thủ tục")
        );
        assert_eq!(c("Bản sao giấy tờ chứng minh nơi cư trú (nếu có)").as_deref(), Some(IF_ANY));
        assert_eq!(
            c("Bản sao văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh đối với trường hợp hộ kinh doanh do các thành viên hộ gia đình đăng ký thành lập").as_deref(),
            Some("Chỉ khi hộ kinh doanh do các thành viên hộ gia đình đăng ký thành lập")
        );
        // A clause's comma ends the condition; a list's commas do not.
        assert_eq!(
            c("Trường hợp không khai thác được thông tin hoặc thông tin khai thác được không đầy đủ, không chính xác hoặc chưa được cập nhật").as_deref(),
            Some("Chỉ khi không khai thác được thông tin hoặc thông tin khai thác được không đầy đủ")
        );
        assert_eq!(
            c("Trường hợp cha, mẹ không thỏa thuận được về họ, dân tộc thì họ của con được xác định theo tập quán").as_deref(),
            Some("Chỉ khi cha, mẹ không thỏa thuận được về họ, dân tộc")
        );
        assert_eq!(c("Trường hợp 2: người đề nghị là tổ chức thì nộp thêm điều lệ").as_deref(), Some("Chỉ khi người đề nghị là tổ chức"));
        // Too long, or too short, to be a heading: the generic one, the row kept whole.
        assert_eq!(
            c("Trường hợp không khai thác được thông tin hoặc thông tin khai thác được không đầy đủ hoặc chưa được cập nhật trong cơ sở dữ liệu quốc gia về dân cư và cơ sở dữ liệu chuyên ngành khác thì nộp bản sao").as_deref(),
            Some(SOME_CASES)
        );
        assert_eq!(c("Trường hợp cấp: bản sao giấy phép").as_deref(), Some(SOME_CASES));
        // A condition on how to submit, in brackets, is not a case: everyone brings the form.
        assert_eq!(c("Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp);"), None);
        assert_eq!(c("Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng"), None);
        assert_eq!(c("Giấy đề nghị đăng ký hộ kinh doanh;"), None);
    }

    #[test]
    fn portal_case_groups_get_plain_headings_and_keep_their_words() {
        let groups = vec![
            group("Trường hợp ủy quyền thực hiện thủ tục thì hồ sơ phải kèm theo một trong những giấy tờ sau", vec![
                paper("(i) Trường hợp ủy quyền cho cá nhân thực hiện thủ tục đăng ký hộ kinh doanh, kèm theo hồ sơ phải có văn bản ủy quyền", 0),
            ]),
            group("a) Đối với cấp lại", vec![paper("Đơn đề nghị cấp lại", 1)]),
            group("Trường hợp đăng ký trên môi trường điện tử", vec![paper("Bản scan giấy tờ", 1)]),
            group("", vec![paper("Bản sao hợp đồng", 1), paper("Giấy đề nghị đăng ký hộ kinh doanh;", 1)]),
        ];
        let a = arrange(&groups);
        assert_eq!(names(&a.everyone[0]), ["Giấy đề nghị đăng ký hộ kinh doanh;", "Bản sao hợp đồng"]);
        assert_eq!(a.everyone[0].heading, "");
        let heads: Vec<(&str, &str)> = a.cases.iter().map(|s| (s.heading.as_str(), s.detail.as_str())).collect();
        assert_eq!(
            heads,
            [
                ("Chỉ khi ủy quyền thực hiện thủ tục", "Trường hợp ủy quyền thực hiện thủ tục thì hồ sơ phải kèm theo một trong những giấy tờ sau"),
                ("Chỉ đối với cấp lại", "a) Đối với cấp lại"),
                ("Chỉ khi đăng ký trên môi trường điện tử", ""),
            ]
        );
    }

    #[test]
    fn rows_with_one_condition_share_a_heading_and_named_groups_stay_named() {
        let groups = vec![
            group("Đăng ký thường trú tại nơi đơn vị đóng quân", vec![
                paper("Đối với Quân đội nhân dân: Giấy giới thiệu của đơn vị cấp trung đoàn.", 1),
                paper("Tờ khai thay đổi thông tin cư trú (mẫu CT01).", 1),
                paper("Đối với Quân đội nhân dân: Giấy xác nhận nhà ở công vụ.", 1),
            ]),
            group("", vec![paper("Giấy tờ chứng minh quan hệ (nếu có)", 0), paper("Bản sao giấy khai sinh (nếu có)", 0)]),
        ];
        let a = arrange(&groups);
        assert_eq!(a.everyone[0].heading, "Đăng ký thường trú tại nơi đơn vị đóng quân");
        assert_eq!(a.cases.len(), 2);
        assert_eq!((a.cases[0].heading.as_str(), a.cases[0].detail.as_str()), ("Chỉ đối với Quân đội nhân dân", "Đăng ký thường trú tại nơi đơn vị đóng quân"));
        assert_eq!(a.cases[0].rows.len(), 2);
        assert_eq!((a.cases[1].heading.as_str(), a.cases[1].rows.len()), (IF_ANY, 2));
    }

    #[test]
    fn forms_are_told_by_their_names() {
        for f in ["Tờ khai thay đổi thông tin cư trú", "Đơn đề nghị cấp giấy phép", "a) Đơn xin cấp", "Phiếu yêu cầu", "Mẫu số 01"] {
            assert!(is_form(&paper(f, 1)), "{f}");
        }
        for f in ["Đơn vị tư vấn lập", "Bản sao giấy khai sinh", "Giấy chứng sinh"] {
            assert!(!is_form(&paper(f, 1)), "{f}");
        }
        assert_eq!(strip_bullet("(1.2) Đối với công trình theo tuyến"), "Đối với công trình theo tuyến");
        assert_eq!(strip_bullet("- 1. Bản sao"), "Bản sao");
        assert_eq!(strip_bullet("01 bản sao"), "01 bản sao");
        assert_eq!(strip_bullet("(*) Trường hợp đăng ký"), "Trường hợp đăng ký");
        assert_eq!(strip_bullet("\u{f0b7} 4 Trường hợp chào bán"), "4 Trường hợp chào bán");
        assert_eq!(condition("2 Trường hợp tổ chức tín dụng được kiểm soát đặc biệt: điều lệ").as_deref(), Some("Chỉ khi tổ chức tín dụng được kiểm soát đặc biệt"));
        assert_eq!(condition("02 bản sao giấy phép"), None);
    }
}
