//! The dossier basket ("Giỏ hồ sơ", `/gio-ho-so/`): several procedures, one checklist to carry to the counter.
//!
//! Life rarely needs one procedure: a birth brings registration, residence and a health card. The basket lists
//! a paper several of its procedures need once, with every procedure that needs it (the ID card once); each
//! procedure's own papers under its name; the fees added up per way of submitting; the longest time; where each
//! is submitted. Papers are matched only where an editor said they are the same (`same = "<id>"` in a summary,
//! ids in `content/shared_papers.toml`) or where two procedures word a paper identically; the page says so when
//! a procedure's papers could not be matched.
//!
//! Three parts, in the order data flows (this file, `merge.rs`, `island.rs`):
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

use serde::{Deserialize, Serialize};

mod island;
mod merge;

pub use island::Basket;
pub use merge::{FeeTotal, Merged, OwnPapers, SharedRow, as_text, fee_line, merge, need_words};

/// Where the basket's procedure codes are kept on the device, comma-separated in the order added. It starts
/// with the ticks prefix ([`super::storage::TICKS_PREFIX`]): a kiosk forgets it with the ticks at every reset.
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
    use crate::pages::facts::{self, paper_counts};
    use crate::pages::glance::{Glance, Room};
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
            fees.push(ChannelFee { channel, amount: facts::channel_amount(p, m), words: facts::channel_short(p, m) });
        }
    }
    let days = p.methods.iter().filter_map(|m| facts::time_days(&m.time)).reduce(f64::max);
    let g = Glance::of(p);
    Entry {
        code: p.code.clone(),
        name: p.name.clone(),
        edited: p.summary.as_ref().is_some_and(|s| !s.bring.is_empty()),
        papers,
        place: g.place_in(Room::Message, ""),
        fee: g.fee,
        fees,
        time: g.time,
        days,
        joint,
    }
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

/// `/gio-ho-so/`: the page around the [`Basket`] island.
#[cfg(feature = "ssr")]
pub fn basket_page(idx: &crate::pages::site_index::SiteIndex) -> (crate::pages::PageMeta, leptos::prelude::AnyView) {
    use leptos::prelude::*;
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

