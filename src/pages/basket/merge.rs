//! The basket's procedures as one checklist: papers several need listed once, each procedure's own under its
//! name, the fees added up per way of submitting, the longest time, the places; and the same as plain text.
//! Compiled for both targets: the island runs it in the browser, the unit tests natively.

use super::{ChannelFee, Entry, EntryPaper, Joint};
use crate::pages::format::thousands;

/// The basket as one checklist.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Merged {
    /// Papers two or more procedures need, each listed once: those someone always needs first.
    pub shared: Vec<SharedRow>,
    /// Each procedure's own papers, in basket order.
    pub own: Vec<OwnPapers>,
    /// The fees added up per way of submitting.
    pub fees: Vec<FeeTotal>,
    /// The procedure that takes longest, and its time in words.
    pub longest: Option<(String, String)>,
    /// Where to submit, each place once with the procedures submitted there.
    pub places: Vec<(String, Vec<String>)>,
    /// Procedures whose papers are the official list, not an editor's summary: their papers could be matched
    /// only when worded the same.
    pub unmatched: Vec<String>,
    /// Liên thông procedures that would do several of the basket's procedures in one file, with the names of
    /// those they replace.
    pub joint: Vec<(Joint, Vec<String>)>,
}

/// A paper several procedures need.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SharedRow {
    /// Stable key for the citizen's tick.
    pub key: String,
    /// The paper in words.
    pub name: String,
    /// Each procedure that needs it: its name, how many, and its condition (empty: always).
    pub needs: Vec<(String, String, String)>,
}

impl SharedRow {
    /// Whether each procedure keeps its own copy: the paper is handed in (a form, a letter, a copy), not only
    /// shown at the counter ("xuất trình") like an ID card, so two procedures need two.
    pub fn one_each(&self) -> bool {
        self.needs.len() > 1 && self.needs.iter().any(|(_, count, _)| !crate::text::fold(count).to_lowercase().contains("xuat trinh"))
    }

    /// What the row says under the paper: who needs it, and how many to bring when each keeps its own.
    pub fn for_words(&self) -> String {
        let (_, count, when) = &self.needs[0];
        let alike = self.needs.iter().all(|(_, c, w)| c == count && w == when);
        let mut s = if alike && self.needs.len() > 1 {
            // One count and condition for all: say it once.
            let names: Vec<&str> = self.needs.iter().map(|(name, _, _)| name.as_str()).collect();
            need_words(&format!("Cho: {}.", names.join("; ")), count, when).replacen(".: ", ". ", 1)
        } else {
            let who: Vec<String> = self.needs.iter().map(|(name, count, when)| need_words(name, count, when)).collect();
            format!("Cho: {}", who.join("; "))
        };
        if self.one_each() {
            s.truncate(s.trim_end_matches('.').len());
            s.push_str(&format!(". Mỗi hồ sơ nộp riêng: mang đủ {} bộ.", self.needs.len()));
        }
        s
    }
}

/// One procedure's papers that no other procedure in the basket shares.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct OwnPapers {
    /// The procedure code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its papers by case ("" first: everyone), each paper with its tick key, words and count.
    pub groups: Vec<(String, Vec<(String, String, String)>)>,
}

/// One way of submitting, for the whole basket.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FeeTotal {
    /// "Nộp trực tiếp"…
    pub channel: String,
    /// The sum of every amount known for this way, in đồng.
    pub total: u64,
    /// Procedures whose fee this way is a rule or set by the province, not an amount: name and words.
    pub others: Vec<(String, String)>,
    /// Procedures that cannot be submitted this way.
    pub missing: Vec<String>,
}

/// Which papers are the same: an editor's shared id, else the words themselves, ignoring marks, case and spacing.
fn identity(p: &EntryPaper) -> String {
    if p.same.is_empty() {
        let words = crate::text::fold(&p.text).to_lowercase();
        format!("t:{}", words.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        format!("s:{}", p.same)
    }
}

/// Makes one checklist of `entries` (in basket order).
pub fn merge(entries: &[Entry]) -> Merged {
    // How many procedures need each identity.
    let mut users: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        for p in &e.papers {
            let id = identity(p);
            match users.iter_mut().find(|(k, _)| *k == id) {
                Some((_, who)) if !who.contains(&i) => who.push(i),
                Some(_) => {}
                None => users.push((id, vec![i])),
            }
        }
    }
    let is_shared = |id: &str| users.iter().any(|(k, who)| k == id && who.len() > 1);

    let mut shared: Vec<SharedRow> = Vec::new();
    let mut own = Vec::new();
    for e in entries {
        let mut groups: Vec<(String, Vec<(String, String, String)>)> = Vec::new();
        for (n, p) in e.papers.iter().enumerate() {
            let id = identity(p);
            if is_shared(&id) {
                let row = match shared.iter_mut().position(|r| r.key == id) {
                    Some(at) => &mut shared[at],
                    None => {
                        let name = if p.same_name.is_empty() { p.text.clone() } else { p.same_name.clone() };
                        shared.push(SharedRow { key: id.clone(), name, needs: Vec::new() });
                        shared.last_mut().expect("just pushed")
                    }
                };
                if !row.needs.iter().any(|(name, _, _)| *name == e.name) {
                    row.needs.push((e.name.clone(), p.count.clone(), p.when.clone()));
                }
                continue;
            }
            let item = (format!("{}:{n}", e.code), p.text.clone(), p.count.clone());
            match groups.iter_mut().find(|(when, _)| *when == p.when) {
                Some((_, items)) => items.push(item),
                None => groups.push((p.when.clone(), vec![item])),
            }
        }
        // Everyone's papers first, whatever order the entry gave.
        groups.sort_by_key(|(when, _)| !when.is_empty());
        own.push(OwnPapers { code: e.code.clone(), name: e.name.clone(), groups });
    }
    // A paper someone always needs before one only some cases need.
    shared.sort_by_key(|r| r.needs.iter().all(|(_, _, when)| !when.is_empty()));

    let mut fees: Vec<FeeTotal> = Vec::new();
    for e in entries {
        for f in &e.fees {
            if fees.iter().all(|t| t.channel != f.channel) {
                fees.push(FeeTotal { channel: f.channel.clone(), ..Default::default() });
            }
        }
    }
    for t in &mut fees {
        for e in entries {
            match e.fees.iter().find(|f| f.channel == t.channel) {
                Some(ChannelFee { amount: Some(n), .. }) => t.total += n,
                Some(f) => t.others.push((e.name.clone(), f.words.clone())),
                None => t.missing.push(e.name.clone()),
            }
        }
    }

    let longest = entries
        .iter()
        .filter_map(|e| e.days.map(|d| (d, e)))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, e)| (e.name.clone(), e.time.clone()));

    let mut places: Vec<(String, Vec<String>)> = Vec::new();
    for e in entries {
        match places.iter_mut().find(|(p, _)| *p == e.place) {
            Some((_, names)) => names.push(e.name.clone()),
            None => places.push((e.place.clone(), vec![e.name.clone()])),
        }
    }
    let in_basket = |code: &str| entries.iter().any(|e| e.code == code);
    let mut joint: Vec<(Joint, Vec<String>)> = Vec::new();
    for j in entries.iter().flat_map(|e| &e.joint) {
        let all_there = !j.covers.is_empty() && j.covers.iter().all(|c| in_basket(c));
        if all_there && !in_basket(&j.code) && joint.iter().all(|(k, _)| k.code != j.code) {
            let names = entries.iter().filter(|e| j.covers.contains(&e.code)).map(|e| e.name.clone()).collect();
            joint.push((j.clone(), names));
        }
    }
    let unmatched = if entries.len() > 1 { entries.iter().filter(|e| !e.edited).map(|e| e.name.clone()).collect() } else { Vec::new() };
    Merged { shared, own, fees, longest, places, unmatched, joint }
}

/// The basket as plain text for Zalo or SMS: the shared papers, each procedure's own, the fees, the link.
pub fn as_text(m: &Merged, link: &str) -> String {
    let mut out = String::from("Giỏ hồ sơ\n");
    let mut n = 0;
    if !m.shared.is_empty() {
        out.push_str("Giấy tờ dùng chung:\n");
        for r in &m.shared {
            n += 1;
            out.push_str(&format!("{n}. {} ({})\n", r.name, r.for_words()));
        }
    }
    for o in &m.own {
        out.push_str(&format!("{}:\n", o.name));
        for (when, items) in &o.groups {
            if !when.is_empty() {
                out.push_str(&format!("{when}:\n"));
            }
            for (_, text, count) in items {
                n += 1;
                let count = if count.is_empty() { String::new() } else { format!(" ({count})") };
                out.push_str(&format!("{n}. {text}{count}\n"));
            }
        }
    }
    for t in &m.fees {
        out.push_str(&format!("{}\n", fee_line(t)));
    }
    out.push_str(link);
    out
}

/// One procedure's need of a shared paper in words: "Đăng ký khai sinh: 1 bản chính, chỉ khi …".
pub fn need_words(name: &str, count: &str, when: &str) -> String {
    let mut s = name.to_string();
    let extra: Vec<&str> = [count, when].into_iter().filter(|x| !x.is_empty()).collect();
    if !extra.is_empty() {
        s.push_str(": ");
        s.push_str(&extra.join(", ").replace(", Chỉ khi", ", chỉ khi"));
    }
    s
}

/// One way of submitting's total in words: "Nộp trực tiếp: 150.000 đồng, cộng: A (theo mức HĐND tỉnh)".
pub fn fee_line(t: &FeeTotal) -> String {
    let mut s = format!("{}: {} đồng", t.channel, thousands(t.total));
    if t.total == 0 && t.others.is_empty() {
        s = format!("{}: miễn phí", t.channel);
    }
    if !t.others.is_empty() {
        let others: Vec<String> = t.others.iter().map(|(name, words)| format!("{name}: {words}")).collect();
        s.push_str(&format!(", chưa tính {}", others.join("; ")));
    }
    if !t.missing.is_empty() {
        s.push_str(&format!(" ({} không nộp được theo cách này)", t.missing.join("; ")));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::basket::{MAX_PROCEDURES, parse_codes};

    fn paper(text: &str, when: &str, same: &str) -> EntryPaper {
        EntryPaper { text: text.into(), count: "1 bản chính".into(), when: when.into(), same: same.into(), same_name: if same.is_empty() { String::new() } else { format!("Giấy {same}") } }
    }

    fn entry(code: &str, papers: Vec<EntryPaper>, fees: &[(&str, Option<u64>)]) -> Entry {
        Entry {
            code: code.into(),
            name: format!("Thủ tục {code}"),
            edited: true,
            papers,
            fees: fees.iter().map(|(c, a)| ChannelFee { channel: c.to_string(), amount: *a, words: "theo mức HĐND tỉnh".into() }).collect(),
            days: Some(code.len() as f64),
            place: "UBND xã".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_shared_paper_is_listed_once_with_every_procedure_that_needs_it() {
        let a = entry("1", vec![paper("Tờ khai A", "", ""), paper("CCCD của bạn", "", "can-cuoc")], &[("Nộp trực tiếp", Some(50_000))]);
        let b = entry("22", vec![paper("Tờ khai B", "", ""), paper("Căn cước", "Chỉ khi nhờ người khác", "can-cuoc")], &[("Nộp trực tiếp", Some(25_000)), ("Nộp trực tuyến", None)]);
        let c = entry("333", vec![paper("tờ  khai a", "", "")], &[("Nộp trực tiếp", None)]);
        let m = merge(&[a, b, c]);
        assert_eq!(m.shared.len(), 2, "{:#?}", m.shared);
        assert_eq!(m.shared[0].name, "Tờ khai A");
        assert_eq!(m.shared[0].needs.len(), 2, "same words, marks and spacing aside, are one paper");
        assert_eq!(m.shared[1].name, "Giấy can-cuoc");
        assert_eq!(m.shared[1].needs[1].2, "Chỉ khi nhờ người khác");
        assert_eq!(m.own[0].groups.len(), 0);
        assert_eq!(m.own[1].groups, vec![("".to_string(), vec![("22:0".to_string(), "Tờ khai B".to_string(), "1 bản chính".to_string())])]);
        assert_eq!(m.fees[0].total, 75_000);
        assert_eq!(m.fees[0].others, vec![("Thủ tục 333".to_string(), "theo mức HĐND tỉnh".to_string())]);
        assert_eq!(m.fees[1].missing, vec!["Thủ tục 1".to_string(), "Thủ tục 333".to_string()]);
        assert_eq!(m.longest.as_ref().map(|l| l.0.as_str()), Some("Thủ tục 333"));
        assert_eq!(m.places.len(), 1);
    }

    #[test]
    fn a_joint_procedure_is_offered_when_the_basket_holds_all_it_covers() {
        let joint = Joint { code: "2.9".into(), name: "Liên thông A và B".into(), covers: vec!["1".into(), "22".into()] };
        let mut a = entry("1", vec![], &[]);
        a.joint = vec![joint.clone()];
        let mut b = entry("22", vec![], &[]);
        b.joint = vec![joint.clone()];
        assert_eq!(merge(&[a.clone()]).joint, vec![]);
        assert_eq!(merge(&[a.clone(), b.clone()]).joint, vec![(joint.clone(), vec!["Thủ tục 1".to_string(), "Thủ tục 22".to_string()])]);
        let already = entry("2.9", vec![], &[]);
        assert_eq!(merge(&[a, b, already]).joint, vec![], "not offered once it is in the basket");
    }

    #[test]
    fn codes_from_a_link_are_checked_and_kept_once() {
        assert_eq!(parse_codes("1.001193,1.004222,,1.001193,<script>,2.000986"), ["1.001193", "1.004222", "2.000986"]);
        assert_eq!(parse_codes(&"1.0,".repeat(30)).len(), 1);
        let many: Vec<String> = (0..30).map(|i| format!("1.{i}")).collect();
        assert_eq!(parse_codes(&many.join(",")).len(), MAX_PROCEDURES);
    }

    #[test]
    fn the_text_numbers_every_paper_and_adds_the_fees() {
        let a = entry("1", vec![paper("Tờ khai A", "", ""), paper("CCCD", "", "can-cuoc")], &[("Nộp trực tiếp", Some(50_000))]);
        let b = entry("22", vec![paper("Căn cước", "", "can-cuoc")], &[("Nộp trực tiếp", Some(100_000))]);
        let text = as_text(&merge(&[a, b]), "https://x/gio-ho-so/?p=1,22");
        assert!(text.contains("1. Giấy can-cuoc (Cho: Thủ tục 1; Thủ tục 22. 1 bản chính. Mỗi hồ sơ nộp riêng: mang đủ 2 bộ.)"), "{text}");
        assert!(text.contains("2. Tờ khai A (1 bản chính)"), "{text}");
        assert!(text.contains("Nộp trực tiếp: 150.000 đồng"), "{text}");
        assert!(text.ends_with("https://x/gio-ho-so/?p=1,22"));
    }
}
