//! The dossier basket ("Giỏ hồ sơ", `/gio-ho-so/`): several procedures, one checklist to carry to the counter.
//!
//! Life rarely needs one procedure: a birth brings registration, residence and a health card. The basket lists
//! a paper several of its procedures need once, with every procedure that needs it (the ID card once); each
//! procedure's own papers under its name; the fees added up per way of submitting; the longest time; where each
//! is submitted. Papers are matched only where an editor said they are the same (`same = "<id>"` in a summary,
//! ids in `content/shared_papers.toml`) or where two procedures word a paper identically; the page says so when
//! a procedure's papers could not be matched.
//!
//! Three parts, in the order data flows:
//! - [`entry`] (native): what one procedure brings to a basket, written at build time to
//!   `/gio-ho-so/d/<code>.json` ([`crate::routes::basket_entry`]).
//! - [`merge`] (both targets, unit-tested natively): the entries become one checklist.
//! - [`Basket`] (the island, in the poster tools bundle, which already carries the QR encoder and JSON): keeps
//!   the codes on the device, fetches the entries, draws the checklist with its ticks, prints it with the
//!   basket's QR code, copies it as text and shares it as a link that names the procedures (no server).
//!
//! Adding needs no code on the page that adds: "Thêm vào giỏ hồ sơ" is a plain link to
//! [`crate::routes::basket_add`], which the island reads on arrival. The citizen's own pages stay within their
//! byte budget.

use crate::pages::format::thousands;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Where the basket's procedure codes are kept on the device, comma-separated in the order added. It starts
/// with the ticks prefix ([`super::tools::TICKS_PREFIX`]): a kiosk forgets it with the ticks at every reset.
pub const BASKET_KEY: &str = "motcua.giay-to.gio";

/// Where the basket's ticked papers are kept (their keys, see [`Merged`]), `\n`-separated.
pub const BASKET_TICKS_KEY: &str = "motcua.giay-to.gio-tick";

/// The most procedures a basket holds: a short link, a QR code that scans at arm's length, a list that prints
/// on a few pages.
pub const MAX_PROCEDURES: usize = 12;

/// One procedure as the basket needs it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Entry {
    /// The procedure code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Whether the papers are an editor's summary (true) or the official list arranged (false): only an
    /// editor's items carry shared-paper ids.
    pub edited: bool,
    /// What to bring, everyone's papers first, then each case's.
    pub papers: Vec<EntryPaper>,
    /// The fee in one line, as every page says it.
    pub fee: String,
    /// The fee per way of submitting, to add up.
    pub fees: Vec<ChannelFee>,
    /// The time in one line, as every page says it.
    pub time: String,
    /// The longest method's time in days, to say which procedure takes longest; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<f64>,
    /// Where to submit, in a few words.
    pub place: String,
    /// Liên thông procedures that do this one together with others in one file (`covers` in
    /// `content/life_events.toml`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joint: Vec<Joint>,
}

/// A liên thông procedure: one file for several procedures.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Joint {
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// The procedures it does in one file.
    pub covers: Vec<String>,
}

/// One paper of an [`Entry`].
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct EntryPaper {
    /// The paper in words.
    pub text: String,
    /// How many, in what form; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub count: String,
    /// Empty for everyone; else the case it is for ("Chỉ khi …").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub when: String,
    /// The shared paper's id when an editor marked it (`same`), and that paper's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub same: String,
    /// The shared paper's name ([`crate::content::shared_papers`]), shown once for all its procedures.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub same_name: String,
}

/// One way of submitting and what it costs.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ChannelFee {
    /// "Nộp trực tiếp", "Nộp trực tuyến", "Qua bưu chính".
    pub channel: String,
    /// The sum in đồng when the official text gives amounts; absent when a rule or the province decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
    /// The fee in a few words.
    pub words: String,
}

/// What one procedure brings to a basket: its papers (the editor's summary when there is one, else the page's
/// arrangement of the official list), and the same fee, time and place every page shows.
#[cfg(feature = "ssr")]
pub fn entry(p: &crate::content::Procedure, catalogue: &crate::content::Catalogue) -> Entry {
    use crate::pages::{facts, procedure::paper_counts, summary::where_to_submit};
    let shared = &catalogue.shared_papers;
    let procedures = &catalogue.procedures;
    let name_of = |code: &str| procedures.binary_search_by(|x| x.code.as_str().cmp(code)).ok().map(|i| procedures[i].name.clone());
    let joint = catalogue
        .life_events
        .iter()
        .flat_map(|ev| &ev.covers)
        .filter(|(_, parts)| parts.contains(&p.code))
        .filter_map(|(code, parts)| Some(Joint { code: code.clone(), name: name_of(code)?, covers: parts.clone() }))
        .collect();
    let papers: Vec<EntryPaper> = match p.summary.as_ref().filter(|s| !s.bring.is_empty()) {
        Some(s) => s
            .bring
            .iter()
            .map(|b| EntryPaper {
                text: b.item.clone(),
                count: b.count.clone(),
                when: b.when.clone(),
                same: b.same.clone(),
                same_name: shared.iter().find(|sp| sp.id == b.same).map(|sp| sp.name.clone()).unwrap_or_default(),
            })
            .collect(),
        None => {
            let arranged = crate::content::arrange(&p.papers);
            arranged
                .shown()
                .into_iter()
                .flat_map(|(heading, section, case)| {
                    section.rows.iter().map(move |r| EntryPaper {
                        text: r.paper.name.clone(),
                        count: paper_counts(r, case),
                        when: if case { heading.to_string() } else { String::new() },
                        ..Default::default()
                    })
                })
                .collect()
        }
    };
    let mut fees: Vec<ChannelFee> = Vec::new();
    for m in &p.methods {
        let channel = m.channel.label().to_string();
        if fees.iter().all(|f| f.channel != channel) {
            fees.push(ChannelFee { channel, amount: facts::method_amount(&m.fees), words: facts::method_short(&m.fees) });
        }
    }
    let days = p.methods.iter().filter_map(|m| facts::time_days(&m.time)).reduce(f64::max);
    let place = match &p.summary {
        Some(s) => s.place.clone(),
        None => where_to_submit(p),
    };
    Entry {
        code: p.code.clone(),
        name: p.name.clone(),
        edited: p.summary.as_ref().is_some_and(|s| !s.bring.is_empty()),
        papers,
        fee: facts::fee(p),
        fees,
        time: facts::time(p),
        days,
        place,
        joint,
    }
}

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
    for (i, e) in entries.iter().enumerate() {
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
        let _ = i;
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

/// The basket on `/gio-ho-so/`: reads the codes kept on the device (and a link's `?them=` or `?p=`), fetches
/// each procedure's entry, and draws one checklist with ticks kept on the device, the fees added up, the longest
/// time and the places; prints it with the QR code of its link, copies it as text, shares the link.
///
/// Rendered natively as "Đang mở giỏ hồ sơ…" (the basket lives on the device, so the static page cannot know
/// it); `noscript` on the page says what to do without JavaScript.
#[island]
pub fn Basket(
    /// The site's public address, for the basket's link and QR code.
    base_url: String,
) -> impl IntoView {
    let state = State::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| browser::start(state));
    let link = {
        let base_url = base_url.clone();
        move || crate::routes::absolute(&base_url, &crate::routes::basket_shared(&state.codes.get()))
    };
    let merged = Memo::new(move |_| state.entries.with(|e| merge(e)));
    let status = RwSignal::new(String::new());
    let manual = RwSignal::new(String::new());
    let copy = {
        let link = link.clone();
        move |_| {
            let text = as_text(&merged.get_untracked(), &link());
            #[cfg(feature = "hydrate")]
            super::tools::copy_or_show(text, status, manual);
            let _ = text;
        }
    };
    let share = {
        let link = link.clone();
        move |_| {
            let url = link();
            #[cfg(feature = "hydrate")]
            browser::share_link(url, status, manual);
            let _ = url;
        }
    };
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let clear = move |_| {
        #[cfg(feature = "hydrate")]
        browser::clear(state);
    };
    let adopt = move |_| {
        #[cfg(feature = "hydrate")]
        browser::adopt(state);
    };
    let on_tick = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        browser::tick(state, &ev);
        let _ = ev;
    };
    let remove = move |code: String| {
        move |_| {
            #[cfg(feature = "hydrate")]
            browser::remove(state, &code);
            let _ = &code;
        }
    };
    let ticked = move |key: &str| state.ticks.with(|t| t.iter().any(|k| k == key));
    let tick_box = move |key: String| {
        let on = ticked(&key);
        view! { <input type="checkbox" data-key=key checked=on/> }
    };

    view! {
        <div class="basket" data-ready=move || state.ready.get().then_some("1") on:change=on_tick>
            {move || {
                if !state.ready.get() {
                    return view! { <p class="basket-wait">"Đang mở giỏ hồ sơ…"</p> }.into_any();
                }
                let codes = state.codes.get();
                if codes.is_empty() {
                    return view! {
                        <div class="basket-empty">
                            <p>"Giỏ hồ sơ đang trống."</p>
                            <p>"Mở một thủ tục rồi bấm “Thêm vào giỏ hồ sơ”, hoặc chọn một việc cần làm ở trang chủ (sinh con, kết hôn, người thân mất…) rồi bấm “Làm cả bộ này”."</p>
                            <p><a href="/">"Về trang chủ"</a></p>
                        </div>
                    }.into_any();
                }
                let m = merged.get();
                let entries = state.entries.get();
                let failed = state.failed.get();
                let mut n = 0usize;
                let mut number = move || { n += 1; n };
                view! {
                    {state.shared.get().then(|| view! {
                        <div class="basket-note basket-shared" role="note">
                            <p>"Đây là giỏ hồ sơ người khác gửi cho bạn. Giỏ của bạn trên máy này vẫn được giữ nguyên."</p>
                            <button type="button" class="tool" on:click=adopt>"Dùng giỏ này trên máy của tôi"</button>
                        </div>
                    })}
                    <h2 class="basket-count">{format!("{} thủ tục trong giỏ", codes.len())}</h2>
                    <ul class="basket-procs">
                        {entries.iter().map(|e| {
                            let href = crate::routes::procedure(&e.code);
                            view! {
                                <li>
                                    <span><a href=href>{e.name.clone()}</a>" "<span class="basket-code">{format!("(mã {})", e.code)}</span></span>
                                    <button type="button" class="basket-remove no-print" aria-label=format!("Bỏ khỏi giỏ: {}", e.name) on:click=remove(e.code.clone())>"Bỏ ra"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {m.joint.iter().map(|(j, names)| {
                        let j2 = j.clone();
                        let swap = move |_| {
                            #[cfg(feature = "hydrate")]
                            browser::swap(state, &j2);
                            let _ = &j2;
                        };
                        view! {
                            <div class="basket-note basket-joint">
                                <p>"Làm gộp được: " <a href=crate::routes::procedure(&j.code)>{j.name.clone()}</a></p>
                                <p>{format!("Thủ tục liên thông: nộp một bộ hồ sơ thay cho {}.", names.join("; "))}</p>
                                <button type="button" class="tool no-print" on:click=swap>"Đổi sang thủ tục liên thông"</button>
                            </div>
                        }
                    }).collect_view()}
                    {(!failed.is_empty()).then(|| view! {
                        <p class="basket-failed" role="status">{format!("Chưa tải được thủ tục {}: cần có mạng lần đầu mở giỏ.", failed.join(", "))}</p>
                    })}
                    {move || {
                        let gone = state.gone.get();
                        (!gone.is_empty()).then(|| view! {
                            <p class="basket-failed" role="status">{format!("Không còn thủ tục mã {} trong danh mục: có thể đã bị bãi bỏ hoặc thay thế. Hãy tìm lại theo tên.", gone.join(", "))}</p>
                        })
                    }}
                    <div class="tools basket-tools no-print">
                        <button type="button" class="tool" on:click=print.clone()>"In giỏ hồ sơ"</button>
                        <button type="button" class="tool" on:click=copy.clone()>"Sao chép"</button>
                        <button type="button" class="tool" on:click=share.clone()>"Gửi giỏ này"</button>
                        <button type="button" class="tool" on:click=clear>"Xoá giỏ"</button>
                        <p class="tool-status" role="status">{move || status.get()}</p>
                        {move || {
                            let text = manual.get();
                            (!text.is_empty()).then(|| view! {
                                <label class="manual-copy">"Chọn và sao chép đoạn dưới đây:"<textarea readonly rows="8">{text}</textarea></label>
                            })
                        }}
                    </div>
                    <h2>"Giấy tờ cần mang"</h2>
                    {(!m.shared.is_empty()).then(|| view! {
                        <section class="basket-group">
                            <h3>"Dùng chung cho nhiều thủ tục"</h3>
                            <ol class="papers basket-papers">
                                {m.shared.iter().map(|r| {
                                    let no = number();
                                    view! {
                                        <li value=no.to_string()>
                                            <label class="tick">
                                                {tick_box(r.key.clone())}
                                                <span>
                                                    <span class="paper-name">{r.name.clone()}</span>
                                                    <span class="basket-for">{r.for_words()}</span>
                                                </span>
                                            </label>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        </section>
                    })}
                    {m.own.iter().filter(|o| !o.groups.is_empty()).map(|o| view! {
                        <section class="basket-group">
                            <h3>{o.name.clone()}</h3>
                            {o.groups.iter().map(|(when, items)| view! {
                                {(!when.is_empty()).then(|| view! { <h4 class="case">{when.clone()}</h4> })}
                                <ol class="papers basket-papers">
                                    {items.iter().map(|(key, text, count)| {
                                        let no = number();
                                        view! {
                                            <li value=no.to_string()>
                                                <label class="tick">
                                                    {tick_box(key.clone())}
                                                    <span>
                                                        <span class="paper-name">{text.clone()}</span>
                                                        {(!count.is_empty()).then(|| view! { " " <span class="count">{count.clone()}</span> })}
                                                    </span>
                                                </label>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ol>
                            }).collect_view()}
                        </section>
                    }).collect_view()}
                    {(!m.unmatched.is_empty()).then(|| view! {
                        <p class="basket-unmatched">
                            {format!(
                                "Giấy tờ của {} lấy nguyên từ danh sách chính thức, chưa được đối chiếu với các thủ tục khác: chỉ giấy tờ ghi giống hệt nhau mới được gộp. Giấy tờ na ná nhau có thể là một, hỏi cán bộ tiếp nhận.",
                                m.unmatched.join("; ")
                            )}
                        </p>
                    })}
                    <h2>"Lệ phí cộng lại"</h2>
                    <ul class="basket-fees">{m.fees.iter().map(|t| view! { <li>{fee_line(t)}</li> }).collect_view()}</ul>
                    <p class="basket-sub">"Lệ phí từng thủ tục:"</p>
                    <ul class="basket-each">{entries.iter().map(|e| view! { <li>{format!("{}: {}", e.name, e.fee)}</li> }).collect_view()}</ul>
                    <h2>"Thời gian"</h2>
                    {m.longest.clone().map(|(name, time)| view! { <p class="basket-longest">{format!("Lâu nhất: {name}: {time}")}</p> })}
                    <ul class="basket-times">{entries.iter().map(|e| view! { <li>{format!("{}: {}", e.name, e.time)}</li> }).collect_view()}</ul>
                    <h2>"Nơi nộp"</h2>
                    <ul class="basket-places">
                        {m.places.iter().map(|(place, names)| view! { <li>{format!("{place} ({})", names.join("; "))}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {move || (state.ready.get() && !state.codes.get().is_empty()).then(|| {
                let url = link();
                view! {
                    <div class="basket-qr-box">
                        <super::sheet::QrSvg url=url.clone() class="basket-qr"/>
                        <p>"Quét mã để mở giỏ hồ sơ này trên điện thoại khác:"<br/><span class="basket-link">{url}</span></p>
                    </div>
                }
            })}
        </div>
    }
}

/// The island's state: the codes shown, whether they came from someone else's link, the fetched entries (in
/// basket order), the codes that could not be fetched and those the catalogue no longer has, the ticked keys, and whether the device has been read.
#[derive(Clone, Copy)]
struct State {
    codes: RwSignal<Vec<String>>,
    shared: RwSignal<bool>,
    entries: RwSignal<Vec<Entry>>,
    failed: RwSignal<Vec<String>>,
    gone: RwSignal<Vec<String>>,
    ticks: RwSignal<Vec<String>>,
    ready: RwSignal<bool>,
}

impl State {
    fn new() -> State {
        State {
            codes: RwSignal::new(Vec::new()),
            shared: RwSignal::new(false),
            entries: RwSignal::new(Vec::new()),
            failed: RwSignal::new(Vec::new()),
            gone: RwSignal::new(Vec::new()),
            ticks: RwSignal::new(Vec::new()),
            ready: RwSignal::new(false),
        }
    }
}

/// The basket in the browser: the device's storage, the link's parameters, fetching entries.
#[cfg(feature = "hydrate")]
mod browser {
    use super::*;
    use crate::pages::tools::browser::{is_abort, save, saved, share};
    use wasm_bindgen::JsCast;

    fn window() -> web_sys::Window {
        web_sys::window().expect("a browser window")
    }

    /// One parameter of the page's address.
    fn param(name: &str) -> Option<String> {
        let search = window().location().search().ok()?;
        web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
    }

    /// Shows `/gio-ho-so/` in the address bar without reloading (after a link's codes were taken in).
    fn plain_address() {
        if let Ok(h) = window().history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&crate::routes::basket()));
        }
    }

    fn own() -> Vec<String> {
        parse_codes(&saved(BASKET_KEY).unwrap_or_default())
    }

    fn keep(codes: &[String]) {
        let list = codes.join(",");
        save(BASKET_KEY, (!list.is_empty()).then_some(list.as_str()));
    }

    /// Reads the device and the address, then fetches the entries.
    pub fn start(state: State) {
        let mut mine = own();
        if let Some(add) = param("them") {
            for c in parse_codes(&add) {
                if !mine.contains(&c) && mine.len() < MAX_PROCEDURES {
                    mine.push(c);
                }
            }
            keep(&mine);
            plain_address();
        }
        let mut shown = mine.clone();
        if let Some(link) = param("p") {
            let theirs = parse_codes(&link);
            if mine.is_empty() || mine == theirs {
                keep(&theirs);
                plain_address();
            } else {
                state.shared.set(true);
            }
            shown = theirs;
        }
        state.ticks.set(saved(BASKET_TICKS_KEY).unwrap_or_default().split('\n').filter(|s| !s.is_empty()).map(String::from).collect());
        state.codes.set(shown.clone());
        state.ready.set(true);
        load(state, shown);
    }

    /// Fetches every entry (the service worker keeps them for offline use) and shows them in basket order.
    fn load(state: State, codes: Vec<String>) {
        leptos::task::spawn_local(async move {
            let mut entries = Vec::new();
            let mut failed = Vec::new();
            let mut gone = Vec::new();
            for code in codes {
                match fetch(&code).await {
                    Ok(e) => entries.push(e),
                    Err(true) => gone.push(code),
                    Err(false) => failed.push(code),
                }
            }
            state.entries.set(entries);
            state.failed.set(failed);
            // A code the catalogue no longer has stays out of the basket; the page says which it was.
            if !gone.is_empty() {
                state.codes.update(|c| c.retain(|x| !gone.contains(x)));
                if !state.shared.get_untracked() {
                    keep(&state.codes.get_untracked());
                }
            }
            state.gone.set(gone);
        });
    }

    /// One entry; `Err(true)` when the site has no such procedure (404), `Err(false)` when it could not be
    /// reached (offline, never fetched).
    async fn fetch(code: &str) -> Result<Entry, bool> {
        use wasm_bindgen_futures::JsFuture;
        let response: web_sys::Response = JsFuture::from(window().fetch_with_str(&crate::routes::basket_entry(code)))
            .await
            .map_err(|_| false)?
            .dyn_into()
            .map_err(|_| false)?;
        if !response.ok() {
            return Err(response.status() == 404);
        }
        let text = JsFuture::from(response.text().map_err(|_| false)?).await.map_err(|_| false)?.as_string().ok_or(false)?;
        serde_json::from_str(&text).map_err(|_| false)
    }

    /// A tick changed: keep every ticked key.
    pub fn tick(state: State, ev: &web_sys::Event) {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(key) = input.get_attribute("data-key") else { return };
        state.ticks.update(|t| {
            t.retain(|k| *k != key);
            if input.checked() {
                t.push(key);
            }
        });
        let joined = state.ticks.with_untracked(|t| t.join("\n"));
        save(BASKET_TICKS_KEY, (!joined.is_empty()).then_some(joined.as_str()));
    }

    /// Takes a procedure out of the basket (and out of the device's basket, unless this is someone else's).
    pub fn remove(state: State, code: &str) {
        state.codes.update(|c| c.retain(|x| x != code));
        state.entries.update(|e| e.retain(|x| x.code != code));
        state.failed.update(|f| f.retain(|x| x != code));
        state.gone.update(|f| f.retain(|x| x != code));
        if !state.shared.get_untracked() {
            keep(&state.codes.get_untracked());
        }
    }

    /// Empties the basket and its ticks.
    pub fn clear(state: State) {
        state.codes.set(Vec::new());
        state.entries.set(Vec::new());
        state.failed.set(Vec::new());
        state.gone.set(Vec::new());
        state.ticks.set(Vec::new());
        state.shared.set(false);
        keep(&[]);
        save(BASKET_TICKS_KEY, None);
        plain_address();
    }

    /// Puts a liên thông procedure in place of the procedures it does in one file, where the first of them was.
    pub fn swap(state: State, joint: &Joint) {
        let mut codes = state.codes.get_untracked();
        let at = codes.iter().position(|c| joint.covers.contains(c)).unwrap_or(codes.len());
        codes.retain(|c| !joint.covers.contains(c));
        codes.insert(at.min(codes.len()), joint.code.clone());
        if !state.shared.get_untracked() {
            keep(&codes);
        }
        state.codes.set(codes.clone());
        load(state, codes);
    }

    /// Makes someone else's basket this device's basket.
    pub fn adopt(state: State) {
        keep(&state.codes.get_untracked());
        state.shared.set(false);
        plain_address();
    }

    /// Shares the basket's link through the phone's share sheet, else copies it.
    pub fn share_link(url: String, status: RwSignal<String>, manual: RwSignal<String>) {
        let text = format!("Giỏ hồ sơ: {url}");
        match share(&text) {
            Some(promise) => leptos::task::spawn_local(async move {
                if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
                    if !is_abort(&e) {
                        crate::pages::tools::copy_or_show(text, status, manual);
                    }
                }
            }),
            None => crate::pages::tools::copy_or_show(text, status, manual),
        }
    }
}

/// `/gio-ho-so/`: the page around the [`Basket`] island.
#[cfg(feature = "ssr")]
pub fn basket_page(idx: &crate::pages::SiteIndex) -> (crate::pages::PageMeta, AnyView) {
    let base_url = idx.catalogue.site.base_url.clone();
    let meta = crate::pages::PageMeta {
        title: "Giỏ hồ sơ".into(),
        description: "Làm nhiều thủ tục cùng lúc: một danh sách giấy tờ, lệ phí cộng lại, in hoặc gửi cho người khác.".into(),
        path: crate::routes::basket(),
        og_type: "website",
    };
    let body = view! {
        <h1>"Giỏ hồ sơ"</h1>
        <p class="lead no-print">"Làm nhiều thủ tục cùng lúc: giấy tờ trùng nhau chỉ ghi một lần, lệ phí được cộng lại. Giỏ được giữ trên máy này, dùng được cả khi mất mạng."</p>
        <crate::pages::tools::ReadAloud say="basket"/>
        <noscript><p>"Giỏ hồ sơ cần bật JavaScript. Bạn vẫn xem được từng thủ tục: tìm ở ô phía trên."</p></noscript>
        <Basket base_url=base_url/>
    };
    (meta, body.into_any())
}

/// The basket's codes from a stored or linked list ("1.001193,1.004222"): known-looking codes only, each once,
/// at most [`MAX_PROCEDURES`].
pub fn parse_codes(list: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in list.split([',', ' ', '\n']).map(str::trim) {
        let looks_like_code = !c.is_empty() && c.len() <= 16 && c.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        if looks_like_code && !out.iter().any(|o| o == c) && out.len() < MAX_PROCEDURES {
            out.push(c.to_string());
        }
    }
    out
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
