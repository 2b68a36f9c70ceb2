//! The content model: what one procedure file under `content/procedures/` holds, and the site settings in
//! `content/site.toml`.
//!
//! These types are the contract between the importer (which writes them), `build.rs` (which validates them),
//! the site builder (which renders them) and the browser islands (which receive small pieces of them). They
//! depend on `serde` only, because `build.rs` includes this file directly.
//!
//! Field names are English for the code; values are Vietnamese as the portal publishes them. Enumerations are
//! written in Vietnamese in the files (`"trực tuyến"`, `"ngày làm việc"`) so an officer can read and fix them.

use serde::{Deserialize, Serialize};

/// One administrative procedure (thủ tục hành chính), as stored in `content/procedures/<code>.toml`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// The national code, `N.NNNNNN` (e.g. `1.001193`). Unique; also the page URL `/p/<code>/`.
    pub code: String,
    /// The official name, without the leading "Thủ tục".
    pub name: String,
    /// The names people actually use for it (tên thường gọi: "làm giấy khai sinh"), written by an editor from what
    /// the procedure is. Searched, and shown on the page ("Còn gọi là …") so people learn the official name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_called: Vec<String>,
    /// The field (lĩnh vực), e.g. "Hộ tịch".
    pub field: String,
    /// Which levels of government carry it out.
    pub levels: Vec<Level>,
    /// Who may ask for it (Công dân Việt Nam, Doanh nghiệp, …).
    #[serde(default)]
    pub audiences: Vec<String>,
    /// The portal's procedure type (loại thủ tục).
    #[serde(default, rename = "type")]
    pub kind: String,
    /// Number of the decision that published it, e.g. "163/QĐ-BTP".
    #[serde(default)]
    pub decision: String,
    /// The procedure's page on the National Public Service Portal, where a citizen can submit online. https only.
    pub portal_url: String,
    /// Usage count on the portal (late 2025); 0 when unknown. A popularity prior for ranking and "most used".
    #[serde(default)]
    pub usage_weight: u64,
    /// Requirements and conditions (yêu cầu, điều kiện), prose; empty when the portal has none.
    #[serde(default)]
    pub requirements: String,
    /// What the citizen receives (kết quả), one entry per document.
    #[serde(default)]
    pub results: Vec<String>,
    /// Agencies involved.
    #[serde(default)]
    pub agencies: Agencies,
    /// Related procedures named by the portal.
    #[serde(default)]
    pub related: Vec<Related>,
    /// How to submit, how long it takes and what it costs, one entry per submission method.
    #[serde(default)]
    pub methods: Vec<Method>,
    /// Required papers (thành phần hồ sơ), grouped ("Giấy tờ phải nộp", "Giấy tờ phải xuất trình", a case…).
    #[serde(default)]
    pub papers: Vec<PaperGroup>,
    /// The steps (trình tự thực hiện), in order.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// The legal documents it rests on (căn cứ pháp lý).
    #[serde(default)]
    pub legal_basis: Vec<LegalDoc>,
    /// The portal's free-text description of the procedure (mục "Mô tả"), when it has one. Often holds facts
    /// citizens need that fit nowhere else ("Thời hạn của Quyết định … là 10 năm").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The portal's search keywords (mục "Từ khóa"), e.g. "Cấp lại thẻ căn cước"; extra terms for search.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// What the importer was unsure of: shown in the import report so a person can check the source.
    #[serde(default)]
    pub flags: Vec<Flag>,
    /// An editor's plain-language summary (what to bring, cost, time, where and how), written from the official
    /// text above for the procedures people use most. Pages and posters lead with it; the official text follows.
    /// The importer never writes it and keeps it on re-import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// The province's own fees for it (`content/local_fees.toml`), attached when the catalogue is loaded: never
    /// written in the procedure's file, so a re-import or a new national text keeps them apart.
    #[serde(skip)]
    pub local_fees: Vec<LocalFee>,
}

/// An editor's summary of a procedure (`[summary]` at the end of its file): GOV.UK-style plain words, what
/// everyone must bring first. Every paper item cites the official paper(s) it stands for, so the build refuses a
/// summary that drifts from the official list.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// What it costs, in words ("Miễn phí", "50.000 đồng; nộp trực tuyến 25.000 đồng").
    pub cost: String,
    /// How long it takes, with its unit ("3 ngày làm việc", "Trong ngày nếu nộp trước 15 giờ").
    pub time: String,
    /// Where to submit ("UBND xã, phường nơi bạn thường trú").
    #[serde(rename = "where")]
    pub place: String,
    /// How to submit (at the counter, online, by post), and anything to know about it.
    pub how: String,
    /// The papers, in the order people should gather them: everyone's papers first, then each case's.
    #[serde(default)]
    pub bring: Vec<SummaryItem>,
    /// The portal's own errors the editor corrected here, each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

impl Summary {
    /// The papers as people read them: everyone's first (heading ""), then each case under its `when`, cases in
    /// the order the editor first wrote them.
    pub fn groups(&self) -> Vec<(&str, Vec<&SummaryItem>)> {
        let mut groups: Vec<(&str, Vec<&SummaryItem>)> = vec![("", Vec::new())];
        for b in &self.bring {
            match groups.iter_mut().find(|(when, _)| *when == b.when.as_str()) {
                Some((_, items)) => items.push(b),
                None => groups.push((b.when.as_str(), vec![b])),
            }
        }
        groups.retain(|(_, items)| !items.is_empty());
        groups
    }
}

/// One line of a summary's "what to bring".
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct SummaryItem {
    /// The paper in plain words ("Tờ khai đăng ký khai sinh (theo mẫu)").
    pub item: String,
    /// How many, and in what form ("1 bản chính", "Xuất trình bản chính").
    #[serde(default)]
    pub count: String,
    /// Empty for a paper everyone brings; otherwise the case it is for, as a heading people read
    /// ("Chỉ khi bạn ủy quyền cho người khác đi làm").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub when: String,
    /// The official paper(s) it stands for: each a piece of an official paper's text (compared ignoring case and
    /// spacing), so a reader can trace it and the build can check it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub papers: Vec<String>,
    /// For an item the official paper list lacks: where the official text says it (steps, notes, requirements).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub added: String,
    /// The id of a paper in `content/shared_papers.toml` when this item is that paper (the ID card, proof of
    /// residence…): the dossier basket then lists it once for every procedure that needs it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub same: String,
}

/// A correction an editor made to the portal's text, with a one-line reason.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// What the portal says and what the summary says instead.
    pub what: String,
    /// Why: the official text that makes the correction certain.
    pub why: String,
}

/// A level of government that carries out a procedure. The 2025 reform left two local levels (tỉnh, xã).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Commune, ward or special zone (cấp xã).
    #[serde(rename = "xã")]
    Commune,
    /// Province or centrally-run city (cấp tỉnh).
    #[serde(rename = "tỉnh")]
    Province,
    /// Ministry or central agency (cấp bộ).
    #[serde(rename = "bộ")]
    Ministry,
    /// Anything else the portal names (cơ quan khác).
    #[serde(rename = "khác")]
    Other,
}

impl Level {
    /// Every level, in the order a citizen meets them (closest first).
    pub const ALL: [Level; 4] = [Level::Commune, Level::Province, Level::Ministry, Level::Other];

    /// The label shown to people: "Cấp xã".
    pub fn label(self) -> &'static str {
        match self {
            Level::Commune => "Cấp xã",
            Level::Province => "Cấp tỉnh",
            Level::Ministry => "Cấp bộ",
            Level::Other => "Cơ quan khác",
        }
    }

    /// The URL segment: `/cap/xa/`.
    pub fn slug(self) -> &'static str {
        match self {
            Level::Commune => "xa",
            Level::Province => "tinh",
            Level::Ministry => "bo",
            Level::Other => "khac",
        }
    }
}

/// Agencies named by the portal. Often empty: the portal leaves them to each province.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Agencies {
    /// Cơ quan thực hiện: who handles the file.
    #[serde(default)]
    pub carrying_out: Vec<String>,
    /// Cơ quan có thẩm quyền: who decides.
    #[serde(default)]
    pub competent: Vec<String>,
    /// Địa chỉ tiếp nhận hồ sơ: where papers are received.
    #[serde(default)]
    pub receiving_address: String,
    /// Cơ quan được ủy quyền.
    #[serde(default)]
    pub authorized: Vec<String>,
    /// Cơ quan phối hợp.
    #[serde(default)]
    pub coordinating: Vec<String>,
}

/// A related procedure (thủ tục liên quan). The portal sometimes gives only a name.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Related {
    /// Its code when known, else empty.
    #[serde(default)]
    pub code: String,
    /// Its name as the portal wrote it.
    #[serde(default)]
    pub name: String,
}

/// One way to submit, with its processing time and fees.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Method {
    /// How the file is submitted.
    pub channel: Channel,
    /// How long it takes once the file is complete.
    pub time: ProcessingTime,
    /// What it costs; empty when the portal lists nothing (not the same as free: a free method has a 0 fee).
    #[serde(default)]
    pub fees: Vec<Fee>,
    /// The portal's note on this method, prose.
    #[serde(default)]
    pub description: String,
}

/// A submission channel (hình thức nộp).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Channel {
    /// At the counter (trực tiếp).
    #[serde(rename = "trực tiếp")]
    InPerson,
    /// Online through the portal (trực tuyến).
    #[serde(rename = "trực tuyến")]
    Online,
    /// By post (dịch vụ bưu chính).
    #[serde(rename = "bưu chính")]
    Post,
}

impl Channel {
    /// The label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Channel::InPerson => "Nộp trực tiếp",
            Channel::Online => "Nộp trực tuyến",
            Channel::Post => "Qua bưu chính",
        }
    }
}

/// A processing time: a quantity and a unit when the portal gives one, the portal's prose otherwise.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct ProcessingTime {
    /// The quantity (may be fractional: 0.5 ngày). Absent when the time is prose only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// The unit of `amount`.
    pub unit: TimeUnit,
    /// The portal's own words about the time, kept when they add something ("kể từ ngày nhận đủ hồ sơ…").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// Unit of a processing time.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TimeUnit {
    /// Ngày làm việc (excludes weekends and holidays).
    #[serde(rename = "ngày làm việc")]
    WorkingDays,
    /// Calendar days.
    #[serde(rename = "ngày")]
    Days,
    /// Hours.
    #[serde(rename = "giờ")]
    Hours,
    /// Months.
    #[serde(rename = "tháng")]
    Months,
    /// Done the same day ("trong ngày").
    #[serde(rename = "trong ngày")]
    SameDay,
    /// The portal gave a number without a unit; the importer flags it.
    #[serde(rename = "không rõ")]
    #[default]
    Unspecified,
    /// Prose only: see `text`.
    #[serde(rename = "xem mô tả")]
    Text,
}

impl TimeUnit {
    /// The unit as shown after a number ("5 ngày làm việc").
    pub fn label(self) -> &'static str {
        match self {
            TimeUnit::WorkingDays => "ngày làm việc",
            TimeUnit::Days => "ngày",
            TimeUnit::Hours => "giờ",
            TimeUnit::Months => "tháng",
            TimeUnit::SameDay => "trong ngày",
            TimeUnit::Unspecified => "",
            TimeUnit::Text => "",
        }
    }
}

/// One fee or charge.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Fee {
    /// Which charge this is when the portal says: "phí" (a fee for a service) or "lệ phí" (a state charge);
    /// empty when it does not say.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    /// The amount in đồng when there is one; 0 means free ("Miễn phí"). Absent when only prose is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
    /// The rule in words, e.g. "2.000 đồng/trang; từ trang thứ 3 trở lên thu 1.000 đồng/trang".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
}

/// A fee the province sets (its People's Council resolution), which the national text cannot state: one row of
/// `content/local_fees.toml`, checked in `local_fees.rs`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct LocalFee {
    /// The procedure's code.
    pub procedure: String,
    /// The way of submitting it applies to; none means every way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// The amount in đồng; 0 means free. Absent when the resolution states a rule instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
    /// What the amount is charged per, when it grows with how many ("bản", "trang").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub per: String,
    /// The rule in words, when not a single amount ("3.000 đồng/trang từ trang thứ 3").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
    /// The resolution that sets it ("Nghị quyết số 12/2025/NQ-HĐND").
    pub resolution: String,
    /// When the resolution was passed, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signed: String,
    /// When the fee applies from, `YYYY-MM-DD`.
    pub effective: String,
}

/// A group of papers: "Giấy tờ phải nộp", "Giấy tờ phải xuất trình", or a case ("Trường hợp …").
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct PaperGroup {
    /// The group's heading; empty when the portal gives none.
    #[serde(default)]
    pub name: String,
    /// The papers, in the portal's order.
    #[serde(default)]
    pub papers: Vec<Paper>,
}

/// One required paper (giấy tờ), or a note the portal put among them.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    /// What the paper is.
    pub name: String,
    /// How many originals (bản chính).
    #[serde(default)]
    pub originals: u32,
    /// How many copies (bản sao).
    #[serde(default)]
    pub copies: u32,
    /// The form or template to fill in (mẫu đơn, tờ khai), when there is one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub form: String,
    /// True when this row is an explanation rather than a paper to bring (the portal lists these with 0 bản).
    #[serde(default, skip_serializing_if = "is_false")]
    pub note: bool,
}

/// One step of the procedure.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The step's text; may span several lines.
    pub text: String,
}

/// A legal document the procedure rests on.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct LegalDoc {
    /// The document number, e.g. "123/2015/NĐ-CP".
    #[serde(default)]
    pub number: String,
    /// Its title.
    #[serde(default)]
    pub title: String,
}

/// Something the importer could not parse with confidence, kept in the file so people can find and fix it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    /// Which part of the procedure: "methods", "papers", "steps", …
    pub field: String,
    /// What was wrong, in a sentence.
    pub reason: String,
}

/// Site-wide settings from `content/site.toml`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// The site title, shown in the header and in `<title>`.
    pub title: String,
    /// A one-line description for search engines and link previews.
    #[serde(default)]
    pub description: String,
    /// The public address the site is deployed at, without a trailing slash, e.g. `https://motcua.example.vn`.
    /// Used for canonical links, the sitemap and QR codes.
    pub base_url: String,
    /// The public service centre where this copy of the site is deployed.
    pub centre: Centre,
}

/// A public service centre (Trung tâm Phục vụ hành chính công): the site's own in `site.toml` (`[centre]`, the
/// default), and one file per centre in `content/centres/<slug>.toml` (checked in `centres.rs`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Centre {
    /// Its URL segment, `/tt/<slug>/`: the file's name for a centre file; `slug` in `site.toml` (else
    /// [`DEFAULT_CENTRE_SLUG`]) for the default centre.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub slug: String,
    /// Its name.
    pub name: String,
    /// The commune or ward it serves, as named since the 2025 reform ("Xã Phong Điền").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub commune: String,
    /// The communes, wards and towns merged into it, as people still call them ("Xã Phong Mỹ").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
    /// Its street address.
    #[serde(default)]
    pub address: String,
    /// Its phone number, as people dial it.
    #[serde(default)]
    pub phone: String,
    /// Opening hours, in words.
    #[serde(default)]
    pub hours: String,
    /// Other places that receive dossiers for it (an old commune's office), in the order people are told.
    #[serde(default, rename = "point", skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<ReceptionPoint>,
    /// Who handles which fields, and where: the commune police for residence and ID cards, a desk for land.
    #[serde(default, rename = "desk", skip_serializing_if = "Vec::is_empty")]
    pub desks: Vec<Desk>,
}

/// The default centre's slug when `site.toml` names none.
pub const DEFAULT_CENTRE_SLUG: &str = "trung-tam";

/// A place that receives dossiers for a centre, away from its main address.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct ReceptionPoint {
    /// What people call it ("Điểm tiếp nhận Phong Mỹ").
    pub name: String,
    /// Where it is.
    pub address: String,
    /// When it is open, when not the centre's hours.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hours: String,
    /// Its phone, when it has its own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
}

/// Where a centre handles the procedures of some fields, and the officer's phone for them.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Desk {
    /// The fields (lĩnh vực) it handles, written exactly as procedures name them ("Hộ tịch").
    pub fields: Vec<String>,
    /// Who or which desk ("Quầy số 2", "Công an xã").
    pub place: String,
    /// Its address, when not the centre's.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// Its hours, when not the centre's.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hours: String,
    /// The phone of the officer who handles these dossiers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// The officer's name, when the centre publishes it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub officer: String,
}

impl Centre {
    /// The desk that handles `field`, when the centre names one.
    pub fn desk_for(&self, field: &str) -> Option<&Desk> {
        self.desks.iter().find(|d| d.fields.iter().any(|f| f == field))
    }

    /// Where this centre receives a field's dossiers, in one line for posters: "Công an xã, Trụ sở UBND xã
    /// Cẩm Long (cũ). Gọi 0912 345 678 (Đ/c Lan)". `None` when no desk names the field (the centre's own
    /// address is then the answer, already in the poster's header).
    pub fn desk_words(&self, field: &str) -> Option<String> {
        let d = self.desk_for(field)?;
        let address = if d.address.is_empty() { &self.address } else { &d.address };
        let mut out = if address.is_empty() { d.place.clone() } else { format!("{}, {address}", d.place) };
        if !d.hours.is_empty() {
            out.push_str(&format!(". Giờ: {}", d.hours));
        }
        if !d.phone.is_empty() {
            out.push_str(&format!(". Gọi {}", d.phone));
            if !d.officer.is_empty() {
                out.push_str(&format!(" ({})", d.officer));
            }
        }
        Some(out)
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}
