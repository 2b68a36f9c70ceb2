//! Reads the portal's structured API format (`portal-api-samples/*.json`, one procedure per file), which
//! provinces can export. Its fields are already structured, so most map one to one; text still goes through
//! the same NFC/tidy hygiene, and steps given as one long description are split like page steps.

use super::clean::{self, split_names, value};
use super::report::{Outcome, Record};
use super::steps;
use crate::content::{Agencies, Channel, Fee, Flag, LegalDoc, Level, Method, Paper, PaperGroup, Procedure, ProcessingTime, TimeUnit};
use serde::Deserialize;

/// One API record (only the fields the importer uses; the rest are ignored).
#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct ApiRecord {
    pub id: String,
    pub code: String,
    pub name: String,
    pub decision_no: String,
    pub procedure_proposal: Option<Proposal>,
    pub category: Option<Named>,
    pub formality_type: String,
    pub is_ward: bool,
    pub is_province: bool,
    pub is_ministry: bool,
    pub is_other_agency: bool,
    pub subject_types_details: Vec<Named>,
    pub execution_steps: Vec<ApiStep>,
    pub execution_methods: Vec<ApiMethod>,
    pub execution_cases: Vec<ApiCase>,
    pub cases: Vec<ApiSubCase>,
    pub legal_basises_details: Vec<ApiLegal>,
    pub results_details: Vec<Named>,
    pub unit_groups_executing: Vec<Named>,
    pub departments_executing: Vec<Named>,
    pub unit_groups_authority: Vec<Named>,
    pub departments_authority: Vec<Named>,
    pub unit_groups_authorized: Vec<Named>,
    pub unit_groups_coordinating: Vec<Named>,
    pub dossier_receiving_addresses: String,
    pub requirements_and_conditions: String,
    pub description: String,
    pub keywords: String,
}

/// Something with a name.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
#[allow(missing_docs)]
pub struct Named {
    pub name: String,
}

/// The publishing decision.
#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct Proposal {
    pub proposal_number: Option<String>,
    pub decision_number: Option<String>,
}

/// A step.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
#[allow(missing_docs)]
pub struct ApiStep {
    pub name: String,
    pub description: String,
}

/// A submission method.
#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct ApiMethod {
    pub submission_method: String,
    pub processing_time: Option<f64>,
    pub processing_time_unit: String,
    pub description: String,
    pub fees: Vec<ApiFee>,
}

/// A fee.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
#[allow(missing_docs)]
pub struct ApiFee {
    #[serde(rename = "type")]
    pub kind: String,
    pub value: Option<f64>,
    pub description: String,
}

/// A case with its papers.
#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct ApiCase {
    pub name: String,
    pub profile_components: Vec<ApiPaper>,
}

/// A paper.
#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct ApiPaper {
    pub name: String,
    pub original_qty: i64,
    pub copy_qty: i64,
    pub attachments: Vec<Named>,
}

/// A sub-case with its own processing time (used when a method's time is "OTHER").
#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct ApiSubCase {
    pub processing_day: Option<ApiQty>,
}

/// A quantity with a unit code.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
#[allow(missing_docs)]
pub struct ApiQty {
    pub qty: Option<f64>,
    #[serde(rename = "type")]
    pub kind: String,
}

/// A legal document.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
#[allow(missing_docs)]
pub struct ApiLegal {
    pub name: String,
    pub code: String,
}

/// The API's time unit codes.
pub fn unit(code: &str) -> Option<TimeUnit> {
    match code {
        "WORKING_DAY" => Some(TimeUnit::WorkingDays),
        "DAY" => Some(TimeUnit::Days),
        "HOUR" => Some(TimeUnit::Hours),
        "MONTH" => Some(TimeUnit::Months),
        "IN_DAY" | "SAME_DAY" => Some(TimeUnit::SameDay),
        _ => None,
    }
}

/// Converts one API record. Never fails: unknown codes are flagged.
pub fn to_procedure(a: &ApiRecord) -> (Procedure, Record) {
    let mut r = Record::default();
    let mut flags = Vec::new();
    let mut levels = Vec::new();
    for (on, level) in [(a.is_ward, Level::Commune), (a.is_province, Level::Province), (a.is_ministry, Level::Ministry), (a.is_other_agency, Level::Other)] {
        if on {
            levels.push(level);
        }
    }
    r.set("levels", if levels.is_empty() { Outcome::Empty } else { Outcome::Clean });
    let kind = match a.formality_type.as_str() {
        "" => String::new(),
        "ASSIGNED_REGULATION" => "TTHC được giao luật quy định chi tiết".to_string(),
        "NOT_ASSIGNED_REGULATION" => "TTHC không được luật giao cho địa phương quy định".to_string(),
        "OTHER" => "Loại khác".to_string(),
        other => {
            flags.push(Flag { field: "type".into(), reason: format!("mã loại thủ tục \"{other}\" chưa biết; ghi nguyên mã") });
            other.to_string()
        }
    };
    let decision = [Some(a.decision_no.clone()), a.procedure_proposal.as_ref().and_then(|p| p.decision_number.clone()), a.procedure_proposal.as_ref().and_then(|p| p.proposal_number.clone())]
        .into_iter()
        .flatten()
        .map(|d| value(&d))
        .find(|d| !d.is_empty())
        .unwrap_or_default();

    // Steps: each API step, split further when one description holds several.
    let mut all_steps = Vec::new();
    for s in &a.execution_steps {
        let text = [value(&s.name), s.description.clone()].iter().filter(|t| !t.is_empty()).cloned().collect::<Vec<_>>().join("\n");
        all_steps.extend(steps::split(&text));
    }
    r.set("steps", if all_steps.is_empty() { Outcome::Empty } else { Outcome::Clean });

    // Methods.
    let case_time = a.cases.iter().filter_map(|c| c.processing_day.as_ref()).find_map(|q| Some((q.qty?, unit(&q.kind)?)));
    let mut methods = Vec::new();
    for (i, m) in a.execution_methods.iter().enumerate() {
        let channel = match m.submission_method.as_str() {
            "DIRECT" => Channel::InPerson,
            "ONLINE" => Channel::Online,
            "POSTAL" | "POST" | "POSTAL_SERVICE" => Channel::Post,
            other => {
                flags.push(Flag { field: format!("methods[{i}].channel"), reason: format!("hình thức nộp \"{other}\" chưa biết; ghi là trực tiếp") });
                r.set("methods/time", Outcome::Flagged);
                Channel::InPerson
            }
        };
        let description = value(&m.description);
        let time = match (m.processing_time.filter(|t| *t > 0.0), unit(&m.processing_time_unit)) {
            (Some(q), Some(u)) => {
                r.set("methods/time", Outcome::Clean);
                ProcessingTime { amount: Some(q), unit: u, text: String::new() }
            }
            _ => match case_time {
                Some((q, u)) => {
                    r.set("methods/time", Outcome::Fallback);
                    flags.push(Flag {
                        field: format!("methods[{i}].time"),
                        reason: format!("cách thức nộp không ghi thời hạn (\"{}\"); lấy thời hạn của trường hợp giải quyết: {q} {}", m.processing_time_unit, u.label()),
                    });
                    ProcessingTime { amount: Some(q), unit: u, text: String::new() }
                }
                None => {
                    r.set("methods/time", if description.is_empty() { Outcome::Empty } else { Outcome::Clean });
                    ProcessingTime { amount: None, unit: TimeUnit::Text, text: description.clone() }
                }
            },
        };
        let mut fees = Vec::new();
        for f in &m.fees {
            let amount = match f.value {
                Some(v) if v.is_finite() && v >= 0.0 && v.fract() == 0.0 => Some(v as u64),
                Some(v) => {
                    flags.push(Flag { field: format!("methods[{i}].fees"), reason: format!("số tiền không hợp lệ {v}; bỏ, giữ phần quy định") });
                    r.set("methods/fee", Outcome::Flagged);
                    None
                }
                None => None,
            };
            let kind = match f.kind.as_str() {
                "FEE" => "phí",
                "CHARGE" | "LE_PHI" => "lệ phí",
                _ => "",
            };
            fees.push(Fee { kind: kind.into(), amount, rule: value(&f.description) });
        }
        r.set("methods/fee", if fees.is_empty() { Outcome::Empty } else { Outcome::Clean });
        methods.push(Method { channel, time, fees, description });
    }
    if methods.is_empty() {
        r.set("methods/time", Outcome::Empty);
        r.set("methods/fee", Outcome::Empty);
    }

    // Papers.
    let mut papers = Vec::new();
    for c in &a.execution_cases {
        let list: Vec<Paper> = c
            .profile_components
            .iter()
            .map(|p| {
                let originals = p.original_qty.clamp(0, u32::MAX as i64) as u32;
                let copies = p.copy_qty.clamp(0, u32::MAX as i64) as u32;
                let form = p.attachments.iter().map(|x| value(&x.name)).filter(|x| !x.is_empty()).collect::<Vec<_>>().join("; ");
                Paper { name: clean::strip_bullet(&value(&p.name)).to_string(), originals, copies, form, note: originals == 0 && copies == 0 }
            })
            .collect();
        if !list.is_empty() {
            papers.push(PaperGroup { name: value(&c.name), papers: list });
        }
    }
    r.set("papers", if papers.is_empty() { Outcome::Empty } else { Outcome::Clean });

    let legal_basis: Vec<LegalDoc> = a
        .legal_basises_details
        .iter()
        .map(|l| LegalDoc { number: value(&l.code), title: value(&l.name).replace('\n', " ") })
        .collect();
    r.set("legal_basis", if legal_basis.is_empty() { Outcome::Empty } else { Outcome::Clean });
    let results: Vec<String> = a.results_details.iter().map(|x| value(&x.name)).filter(|x| !x.is_empty()).collect();
    r.set("results", if results.is_empty() { Outcome::Empty } else { Outcome::Clean });
    let names = |v: &[&Vec<Named>]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for x in v.iter().flat_map(|l| l.iter()) {
            let n = value(&x.name);
            if !n.is_empty() && !out.contains(&n) {
                out.push(n);
            }
        }
        out
    };
    let agencies = Agencies {
        carrying_out: names(&[&a.departments_executing, &a.unit_groups_executing]),
        competent: names(&[&a.departments_authority, &a.unit_groups_authority]),
        receiving_address: value(&a.dossier_receiving_addresses),
        authorized: names(&[&a.unit_groups_authorized]),
        coordinating: names(&[&a.unit_groups_coordinating]),
    };
    r.set("agencies", if agencies.carrying_out.is_empty() && agencies.competent.is_empty() { Outcome::Empty } else { Outcome::Clean });
    let requirements = none_word(&value(&a.requirements_and_conditions));
    r.set("requirements", if requirements.is_empty() { Outcome::Empty } else { Outcome::Clean });

    let mut p = Procedure {
        code: clean::nfc(a.code.trim()),
        name: super::portal_pages::display_name(&a.name),
        field: a.category.as_ref().map(|c| value(&c.name)).unwrap_or_default(),
        levels,
        audiences: a.subject_types_details.iter().map(|s| value(&s.name)).filter(|s| !s.is_empty()).collect(),
        kind,
        decision,
        portal_url: format!("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{}", a.id.trim()),
        requirements,
        results,
        agencies,
        methods,
        papers,
        steps: all_steps,
        legal_basis,
        description: none_word(&value(&a.description)),
        keywords: split_names(&a.keywords),
        ..Default::default()
    };
    if a.id.trim().is_empty() {
        p.portal_url.clear();
        flags.push(Flag { field: "portal_url".into(), reason: "bản ghi API không có id; không dựng được đường dẫn cổng".into() });
    }
    p.flags = flags;
    super::portal_pages::scrub(&mut p);
    (p, r)
}

/// "Không." / "Không có" mean "none" in the API's free-text fields.
fn none_word(s: &str) -> String {
    match s.trim().trim_end_matches('.').to_lowercase().as_str() {
        "không" | "không có" => String::new(),
        _ => s.to_string(),
    }
}
