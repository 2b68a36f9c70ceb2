//! The procedure page, `/p/<code>/`: what a citizen needs first (papers, fee, time, where), then the details.

use crate::content::{Arranged, Channel, Method, Procedure, Row, Summary};
use crate::pages::facts;
use crate::pages::glance::{Glance, Room};
#[cfg(feature = "ssr")]
use crate::pages::layout::PageMeta;
use crate::pages::qr_box::QrBox;
#[cfg(feature = "ssr")]
use crate::pages::site_index::SiteIndex;
use crate::pages::tools::{COPY_TEXT_ID, Checklist, ProcedureTools, ReadAloud, TICKED_ID};
use leptos::prelude::*;

/// The page's head metadata and body.
#[cfg(feature = "ssr")]
pub fn procedure(idx: &SiteIndex, i: usize) -> (PageMeta, AnyView) {
    let p = &idx.catalogue.procedures[i];
    let meta = PageMeta {
        title: p.name.clone(),
        description: description(p),
        path: crate::routes::procedure(&p.code),
        og_type: "article",
    };
    let qr_url = crate::qr::page_url(&idx.catalogue.site.base_url, &p.code);
    let summary = crate::pages::summary::summary_text(p, &idx.catalogue.site);
    let related = crate::pages::related::related_view(crate::pages::related::related_data(idx, p));
    (meta, view! { <ProcedureBody p=p.clone() qr_url=qr_url summary=summary related=related/> }.into_any())
}

/// "Cần 3 loại giấy tờ. Lệ phí: Miễn phí. Thời gian: 1 ngày làm việc. Cấp xã." — what a shared link previews.
#[cfg(feature = "ssr")]
fn description(p: &Procedure) -> String {
    let papers = p.papers.iter().flat_map(|g| &g.papers).filter(|x| !x.note).count();
    let mut parts = Vec::new();
    if papers > 0 {
        parts.push(format!("Cần {papers} loại giấy tờ."));
    }
    let g = Glance::of(p);
    if g.known {
        parts.push(format!("Lệ phí: {}.", g.fee_in(Room::Preview)));
        parts.push(format!("Thời gian: {}.", g.time_in(Room::Preview)));
    }
    let levels: Vec<_> = p.levels.iter().map(|l| l.label()).collect();
    if !levels.is_empty() {
        parts.push(format!("{}.", levels.join(", ")));
    }
    parts.push(format!("Lĩnh vực {}, mã {}.", p.field, p.code));
    parts.join(" ")
}

/// Splits prose on line breaks into paragraphs.
fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| view! { <p>{l.to_string()}</p> })
        .collect_view()
}

/// Requirements longer than this (in bytes of text) get their own page, `/p/<code>/dieu-kien/`, and the procedure
/// page shows their opening and a link: one procedure's 60 KB of award criteria would otherwise put its page
/// over the 14 KB budget that keeps a QR scan on 3G to about one round trip, for text few people read there.
pub const LONG_REQUIREMENTS: usize = 32 * 1024;
/// How much of long requirements the procedure page shows before the link.
const REQUIREMENTS_EXCERPT: usize = 1500;

/// Whether a procedure's requirements are long enough for their own page (see [`LONG_REQUIREMENTS`]).
pub fn has_requirements_page(p: &Procedure) -> bool {
    p.requirements.len() > LONG_REQUIREMENTS
}

/// Where a procedure's long requirements are published in full.
pub fn requirements_path(code: &str) -> String {
    crate::routes::requirements(code)
}

/// The first whole lines of `text` within about `max` bytes (at least one line).
fn opening(text: &str, max: usize) -> &str {
    let mut end = 0;
    for (i, _) in text.match_indices('\n') {
        if i > max && end > 0 {
            break;
        }
        end = i;
    }
    if end == 0 { text } else { &text[..end] }
}

/// Roughly how many A4 pages a text fills when printed (about 3,000 characters a page).
fn printed_pages(text: &str) -> usize {
    text.chars().count().div_ceil(3000)
}

/// `/p/<code>/dieu-kien/`: the full requirements of a procedure whose requirements are too long for its page.
#[cfg(feature = "ssr")]
pub fn requirements(idx: &SiteIndex, i: usize) -> (PageMeta, AnyView) {
    let p = &idx.catalogue.procedures[i];
    let meta = PageMeta {
        title: format!("Yêu cầu, điều kiện: {}", p.name),
        description: format!("Toàn văn yêu cầu, điều kiện của thủ tục {} (mã {}).", p.name, p.code),
        path: requirements_path(&p.code),
        og_type: "article",
    };
    let back = crate::routes::procedure(&p.code);
    let body = view! {
        <nav class="crumbs" aria-label="Đường dẫn">
            <a href="/">"Trang chủ"</a> " › " <a href=back.clone()>{p.name.clone()}</a>
        </nav>
        <article class="proc">
            <h1>"Yêu cầu, điều kiện"</h1>
            <p class="proc-meta"><span>{p.name.clone()}</span><span>"Mã " <b>{p.code.clone()}</b></span></p>
            {paragraphs(&p.requirements)}
            <p><a href=back>"← Về thủ tục: giấy tờ, lệ phí, nơi nộp"</a></p>
        </article>
    };
    (meta, body.into_any())
}

/// Names longer than this (in characters) are set smaller: a third of the portal's names run past 100
/// characters (2.000815's is 260), and at full size they filled a phone's first screen before "Cần mang gì".
const LONG_NAME: usize = 100;

/// The whole procedure page inside `<main>`; public for the client-side-rendered comparison build (`csr`).
#[component]
pub fn ProcedureBody(p: Procedure, qr_url: String, summary: String, related: Option<AnyView>) -> impl IntoView {
    let field_href = crate::pages::field_path(&p.field);
    let levels = p.levels.iter().map(|l| l.label()).collect::<Vec<_>>().join(", ");
    let has_online = p.methods.iter().any(|m| m.channel == Channel::Online);
    // Validation allows only https portal links; this guard keeps a procedure built in code (or a future
    // importer) from ever putting another scheme (`javascript:`, `data:`, `http:`) into an href.
    let portal = if p.portal_url.starts_with("https://") { p.portal_url.clone() } else { "https://dichvucong.gov.vn/".to_string() };
    let paper_count = p.papers.iter().flat_map(|g| &g.papers).filter(|x| !x.note).count();
    let long_name = p.name.chars().count() > LONG_NAME;
    view! {
        <nav class="crumbs" aria-label="Đường dẫn">
            <a href="/">"Trang chủ"</a> " › " <a href=field_href>{p.field.clone()}</a>
        </nav>
        <article class="proc">
            {if long_name { view! { <h1 class="long">{p.name.clone()}</h1> }.into_any() } else { view! { <h1>{p.name.clone()}</h1> }.into_any() }}
            <p class="proc-meta">
                <span>"Mã " <b>{p.code.clone()}</b></span>
                <span>{levels}</span>
            </p>
            {(!p.also_called.is_empty()).then(|| view! {
                <p class="aka">"Còn gọi là: " {p.also_called.join("; ")}</p>
            })}
            <ReadAloud say=if p.summary.is_some() { "summary" } else { "official" }/>
            {match p.summary.clone() {
                Some(s) => view! { <Brief p=p.clone() s=s/> }.into_any(),
                None => view! { <GlanceBox p=p.clone()/> }.into_any(),
            }}
            <ProcedureTools/>
            <p class="add-basket"><a class="add" href=crate::routes::basket_add(&[&p.code])>"+ Thêm vào giỏ hồ sơ"</a>" để làm cùng thủ tục khác"</p>
            <div id=COPY_TEXT_ID hidden>{summary}</div>

            <section aria-labelledby="giay-to">
                <h2 id="giay-to">{if p.summary.is_some() { "Giấy tờ theo văn bản chính thức" } else { "Giấy tờ cần mang" }}</h2>
                {if paper_count == 0 && p.papers.is_empty() {
                    view! { <p class="empty">"Cổng Dịch vụ công chưa ghi giấy tờ cho thủ tục này. Hãy hỏi cán bộ tiếp nhận."</p> }.into_any()
                } else {
                    // Everyone's papers, then each condition's, then the notes: one arrangement for page, posters
                    // and copied text (`content::arrange`).
                    let groups = view! { <Arrangement a=crate::content::arrange(&p.papers)/> };
                    view! {
                        {groups}
                        {(paper_count > 0).then(|| view! {
                            <div class="checklist">
                                <p role="status">"Đã có " <span id=TICKED_ID>"0"</span> {format!("/{paper_count} giấy tờ")}</p>
                                <Checklist/>
                            </div>
                        })}
                    }.into_any()
                }}
            </section>

            <section aria-labelledby="cach-nop">
                <h2 id="cach-nop">"Cách nộp, thời gian, lệ phí"</h2>
                <Methods methods=p.methods.clone()/>
                <p class="actions">
                    <a class="button" href=portal.clone() rel="noopener">
                        {if has_online { "Nộp trực tuyến trên Cổng Dịch vụ công" } else { "Xem trên Cổng Dịch vụ công" }}
                    </a>
                </p>
            </section>

            <section aria-labelledby="noi-nop">
                <h2 id="noi-nop">"Nộp ở đâu"</h2>
                <Where p=p.clone()/>
            </section>

            {(!p.steps.is_empty()).then(|| view! {
                <section aria-labelledby="cac-buoc">
                    <h2 id="cac-buoc">"Các bước thực hiện"</h2>
                    <ol class="steps">
                        {p.steps.iter().map(|s| view! { <li>{paragraphs(&s.text)}</li> }).collect_view()}
                    </ol>
                </section>
            })}

            {(!p.requirements.trim().is_empty()).then(|| view! {
                <section aria-labelledby="dieu-kien">
                    <h2 id="dieu-kien">"Yêu cầu, điều kiện"</h2>
                    {if has_requirements_page(&p) {
                        let (start, pages) = (opening(&p.requirements, REQUIREMENTS_EXCERPT), printed_pages(&p.requirements));
                        view! {
                            {paragraphs(start)}
                            <p class="more">
                                <a href=requirements_path(&p.code)>"Đọc toàn bộ yêu cầu, điều kiện"</a>
                                {format!(" (văn bản dài, khoảng {pages} trang in)")}
                            </p>
                        }.into_any()
                    } else {
                        paragraphs(&p.requirements).into_any()
                    }}
                </section>
            })}

            {(!p.results.is_empty()).then(|| view! {
                <section aria-labelledby="ket-qua">
                    <h2 id="ket-qua">"Kết quả nhận được"</h2>
                    <ul>{p.results.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                </section>
            })}

            {(!p.legal_basis.is_empty()).then(|| view! {
                <section aria-labelledby="can-cu">
                    <h2 id="can-cu">"Căn cứ pháp lý"</h2>
                    <ul class="legal">
                        {p.legal_basis.iter().map(|d| view! {
                            <li>{(!d.number.is_empty()).then(|| view! { <b>{d.number.clone()}</b> " " })}{d.title.clone()}</li>
                        }).collect_view()}
                    </ul>
                </section>
            })}

            {related}

            <section aria-labelledby="khac">
                <h2 id="khac">"Thông tin khác"</h2>
                <dl class="facts">
                    {(!p.audiences.is_empty()).then(|| view! { <dt>"Đối tượng"</dt><dd>{p.audiences.join(", ")}</dd> })}
                    {(!p.kind.is_empty()).then(|| view! { <dt>"Loại thủ tục"</dt><dd>{p.kind.clone()}</dd> })}
                    {(!p.decision.is_empty()).then(|| view! { <dt>"Quyết định công bố"</dt><dd>{p.decision.clone()}</dd> })}
                    <dt>"Nguồn"</dt><dd><a href=portal rel="noopener">"Cổng Dịch vụ công quốc gia"</a></dd>
                </dl>
                <QrBox code=p.code.clone() url=qr_url/>
                {(!p.flags.is_empty()).then(|| view! {
                    <p class="flag">"Một phần thông tin của thủ tục này được chép lại từ trang gốc bị lỗi định dạng; hãy đối chiếu với Cổng Dịch vụ công khi cần chắc chắn."</p>
                })}
            </section>
        </article>
    }
}

/// An editor's summary, right under the title: what everyone brings (numbered, with counts), then each case's
/// papers under its own heading, then cost, time, where and how. The official text follows on the page.
#[component]
fn Brief(p: Procedure, s: Summary) -> impl IntoView {
    let g = Glance::of(&p);
    let item = |b: &crate::content::SummaryItem| {
        let count = (!b.count.is_empty()).then(|| view! { " — " <span class="count">{b.count.clone()}</span> });
        view! { <li><b>{b.item.clone()}</b>{count}</li> }
    };
    // Everyone's papers (heading "") numbered, then each case under its heading (Summary::groups).
    let mut everyone = Vec::new();
    let mut cases = Vec::new();
    for (when, items) in s.groups() {
        let items: Vec<_> = items.into_iter().map(item).collect();
        if when.is_empty() {
            everyone = items;
        } else {
            cases.push(view! { <h3>{when.to_string()}</h3><ul class="papers">{items}</ul> });
        }
    }
    view! {
        <section class="brief" aria-labelledby="tom-tat">
            <h2 id="tom-tat">"Cần mang gì"</h2>
            {(!everyone.is_empty()).then(|| view! { <ol class="papers">{everyone}</ol> })}
            {cases}
            <dl class="glance">
                <div><dt>"Lệ phí"</dt><dd>{g.fee_in(Room::Glance)} {g.local.then(|| view! { <NationalFee p=p.clone()/> })}</dd></div>
                <div><dt>"Thời gian"</dt><dd>{g.time_in(Room::Glance)}</dd></div>
                <div><dt>"Nộp ở đâu"</dt><dd>{g.place_in(Room::Glance, "")}</dd></div>
            </dl>
            <p>{s.how.clone()}</p>
            <p class="brief-note">
                "Tóm tắt do biên tập viên viết từ văn bản chính thức"
                {(!s.corrections.is_empty()).then(|| format!(", đã sửa {} chỗ sai của trang gốc", s.corrections.len()))}
                ". Toàn văn chính thức ở dưới."
            </p>
            {(!s.corrections.is_empty()).then(|| view! {
                <details class="corrections">
                    <summary>"Những chỗ đã sửa so với trang gốc"</summary>
                    <ul>{s.corrections.iter().map(|c| view! { <li>{c.what.clone()}" "<span class="muted">{format!("Căn cứ: {}", c.why)}</span></li> }).collect_view()}</ul>
                </details>
            })}
        </section>
    }
}

/// What the national text says the fee is, folded under a province's own fee.
#[component]
fn NationalFee(p: Procedure) -> impl IntoView {
    view! {
        <details class="national-fee">
            <summary>"Mức ghi trên Cổng Dịch vụ công quốc gia"</summary>
            {facts::national_fee(&p)}
        </details>
    }
}

/// The three facts at a glance, right under the title: fee, time, how to submit.
#[component]
fn GlanceBox(p: Procedure) -> impl IntoView {
    let g = Glance::of(&p);
    // A province's own fee is shown whole, with its source; the national figure stays one tap away.
    let fee = if g.local {
        view! { {g.fee_in(Room::Glance)} <NationalFee p=p.clone()/> }.into_any()
    } else {
        g.fee_in(Room::Glance).into_any()
    };
    let time = g.time_in(Room::Glance);
    let channels = g.channels_in(Room::Glance);
    view! {
        <dl class="glance">
            <div><dt>"Lệ phí"</dt><dd>{fee}</dd></div>
            <div><dt>"Thời gian"</dt><dd>{time}</dd></div>
            <div><dt>"Cách nộp"</dt><dd>{channels}</dd></div>
        </dl>
    }
}

/// The official paper list arranged: everyone's papers (forms first), then each condition under its own
/// heading, numbered on from everyone's, then the portal's notes, collapsed. Every row of the official list is
/// here, whole; each paper's checkbox keeps its portal-order key (`data-tick`), so saved ticks survive reordering.
#[component]
fn Arrangement(a: Arranged) -> impl IntoView {
    let note_count = a.note_count();
    let mut next = 0;
    let sections = a
        .shown()
        .into_iter()
        .map(|(heading, s, case)| {
            let start = next;
            next += s.rows.len();
            view! {
                {(!heading.is_empty()).then(|| view! { <h3 class:case=case>{heading.to_string()}</h3> })}
                {(!s.detail.is_empty()).then(|| view! { <p class="case-src">{format!("Văn bản ghi: {}", s.detail)}</p> })}
                <PaperList rows=s.rows.clone() start=start case=case/>
            }
        })
        .collect_view();
    let notes = (note_count > 0).then(|| {
        let groups = a
            .notes
            .iter()
            .map(|s| {
                view! {
                    {(!s.heading.is_empty()).then(|| view! { <h4>{s.heading.clone()}</h4> })}
                    {s.rows.iter().map(|r| view! { <p class="note">{r.paper.name.clone()}</p> }).collect_view()}
                }
            })
            .collect_view();
        view! {
            <details class="notes">
                <summary>{format!("Ghi chú của văn bản ({note_count})")}</summary>
                {groups}
            </details>
        }
    });
    view! { {sections} {notes} }
}

/// A numbered run of papers with their checkboxes, counts and form; in a conditional group, papers the portal
/// lists to show rather than hand in say "xuất trình".
#[component]
fn PaperList(
    rows: Vec<Row>,
    /// How many papers come before this run on the page (the list's numbering continues from there).
    start: usize,
    /// Whether this run is a condition's group.
    case: bool,
) -> impl IntoView {
    view! {
        <ol class="papers" start=(start > 0).then(|| (start + 1).to_string())>
            {rows.into_iter().map(|row| {
                let counts = facts::paper_counts(&row, case);
                let paper = row.paper;
                view! {
                    <li>
                        <label class="tick">
                            <input type="checkbox" data-tick=row.tick.to_string()/>
                            <span>
                                <span class="paper-name">{paper.name}</span>
                                {(!counts.is_empty()).then(|| view! { " " <span class="count">{counts}</span> })}
                                {(!paper.form.is_empty()).then(|| view! { <span class="form">"Mẫu: " {paper.form.clone()}</span> })}
                            </span>
                        </label>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

#[component]
fn Methods(methods: Vec<Method>) -> impl IntoView {
    if methods.is_empty() {
        return view! { <p class="empty">"Cổng Dịch vụ công chưa ghi cách nộp, thời gian và lệ phí."</p> }.into_any();
    }
    view! {
        <div class="methods">
            {methods.into_iter().map(|m| {
                let rules: Vec<String> = m.fees.iter().filter(|f| !f.rule.trim().is_empty()).map(|f| f.rule.clone()).collect();
                view! {
                    <div class="method">
                        <h3>{m.channel.label()}</h3>
                        <dl>
                            <dt>"Thời gian"</dt><dd>{facts::method_time(&m.time)}</dd>
                            <dt>"Lệ phí"</dt><dd>{facts::method_fee(&m.fees)}
                                {rules.into_iter().map(|r| view! { <span class="rule">{r}</span> }).collect_view()}
                            </dd>
                        </dl>
                        {(!m.description.trim().is_empty()).then(|| view! { <div class="desc">{paragraphs(&m.description)}</div> })}
                    </div>
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}

#[component]
fn Where(p: Procedure) -> impl IntoView {
    let a = &p.agencies;
    let levels = p.levels.iter().map(|l| l.label().to_lowercase()).collect::<Vec<_>>().join(" hoặc ");
    view! {
        <dl class="facts">
            {(!a.receiving_address.is_empty()).then(|| view! { <dt>"Địa chỉ tiếp nhận"</dt><dd>{a.receiving_address.clone()}</dd> })}
            {(!a.carrying_out.is_empty()).then(|| view! { <dt>"Cơ quan thực hiện"</dt><dd>{a.carrying_out.join("; ")}</dd> })}
            {(!a.competent.is_empty()).then(|| view! { <dt>"Cơ quan có thẩm quyền"</dt><dd>{a.competent.join("; ")}</dd> })}
            {(!a.authorized.is_empty()).then(|| view! { <dt>"Cơ quan được ủy quyền"</dt><dd>{a.authorized.join("; ")}</dd> })}
            {(!a.coordinating.is_empty()).then(|| view! { <dt>"Cơ quan phối hợp"</dt><dd>{a.coordinating.join("; ")}</dd> })}
        </dl>
        {(a.receiving_address.is_empty() && a.carrying_out.is_empty()).then(|| view! {
            <p>"Nộp tại Trung tâm Phục vụ hành chính công " {levels} " nơi bạn cư trú, hoặc nộp trực tuyến nếu thủ tục cho phép."</p>
        })}
    }
}
