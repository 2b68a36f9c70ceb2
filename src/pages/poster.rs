//! Printable posters under `/in/`: one procedure (`/in/p/<code>/`), one field's QR tiles
//! (`/in/linh-vuc/<slug>/`) and the counter sheet builder (`/in/`).
//!
//! Posters have their own small shell and stylesheet (`poster.css`): A4 portrait, A3 when the address ends in
//! `#a3` (pure CSS, works without JavaScript). Every sheet is sized in `em` of one base size, so A3 is A4 scaled.
//! A procedure poster's paper list sits in a box that shows only the papers that fit whole (CSS columns: the
//! rest flow into a hidden column), numbered under a heading with the total, and ends with "xem đủ … tại <URL>",
//! so long lists are never cut mid-line and never run off the page, whatever the printer's fonts.

use crate::content::{Procedure, Site};
use crate::pages::format;
use crate::pages::layout::Assets;
use crate::pages::facts::paper_counts;
use crate::pages::glance;
use crate::pages::site_index::SiteIndex;
use crate::pages::sheet::{CentreHeader, PrintButton, QrSvg, SheetBuilder, TileItem, TileSheet, tile_name};
use crate::qr::page_url;
use crate::text::fold;
use leptos::prelude::*;

/// Wraps poster sheets in a complete document with the poster stylesheet and a toolbar that is not printed.
/// `body` is called inside the document's reactive owner, where islands find their SSR context.
fn document(
    site: &Site,
    assets: &Assets,
    title: String,
    back: (String, &'static str),
    body: impl FnOnce() -> AnyView,
) -> String {
    let full_title = format!("{title} – {}", site.title);
    // Islands with server-rendered children (the counter sheet builder) need a shared SSR context.
    let owner = Owner::new_root(Some(std::sync::Arc::new(hydration_context::SsrSharedContext::new())));
    let html = owner.with(|| {
        view! {
            <html lang="vi">
                <head>
                    <meta charset="utf-8"/>
                    <meta name="viewport" content="width=device-width, initial-scale=1"/>
                    <meta http-equiv="Content-Security-Policy" content=assets.content_security_policy()/>
                    <meta name="robots" content="noindex"/>
                    <title>{full_title}</title>
                    <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                    <link rel="stylesheet" href=assets.poster_css.clone()/>
                    <script type="module" src=assets.poster_js.clone()></script>
                </head>
                <body>
                    <span id="a3" class="size-anchor"></span>
                    <nav class="toolbar no-print" aria-label="Công cụ in" data-for-centre="">
                        <a href=back.0>{back.1}</a>
                        <span>"Khổ giấy: " <a href="#a4">"A4"</a> " · " <a href="#a3">"A3"</a></span>
                        <PrintButton/>
                        // Which centre the sheets are drawn for, when not the site's own (pages/for_centre.rs).
                        <span class="for-centre" hidden></span>
                        <span class="hint">"Khi in: chọn đúng khổ giấy, lề “Không có”, tỉ lệ 100%."</span>
                    </nav>
                    {body()}
                </body>
            </html>
        }
        .to_html()
    });
    format!("<!DOCTYPE html>{html}")
}

/// The longest paper name shown in full on a poster.
const PAPER_NAME_MAX: usize = 220;
/// At most this many papers go into a poster's HTML; the page shows those that fit whole.
const PAPERS_MAX: usize = 40;

/// How big a procedure's name is printed on a poster: smaller type for longer names, so they wrap and still fit.
/// Both posters (HTML and SVG) size the name by this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameSize {
    /// Up to 120 characters.
    Normal,
    /// Up to 260.
    Long,
    /// Longer: cut at 480.
    VeryLong,
}

impl NameSize {
    /// The HTML poster's class for it (`poster.css`).
    pub fn class(self) -> &'static str {
        match self {
            NameSize::Normal => "p-name",
            NameSize::Long => "p-name long",
            NameSize::VeryLong => "p-name very-long",
        }
    }

    /// The SVG poster's type size, in points.
    pub fn points(self) -> f64 {
        match self {
            NameSize::Normal => 22.0,
            NameSize::Long => 17.0,
            NameSize::VeryLong => 14.0,
        }
    }
}

/// A procedure's name as a poster prints it: its size, and the name (cut past what that size holds).
pub fn poster_name(name: &str) -> (NameSize, String) {
    let (size, max) = match name.chars().count() {
        0..=120 => (NameSize::Normal, 120),
        121..=260 => (NameSize::Long, 260),
        _ => (NameSize::VeryLong, 480),
    };
    (size, format::excerpt(name, max))
}

/// A paper line on a poster: its name (shortened past [`PAPER_NAME_MAX`]) and counts.
#[derive(Clone, Debug)]
pub struct PosterPaper {
    /// The paper's name.
    pub name: String,
    /// "1 bản chính", or empty.
    pub counts: String,
}

/// An editor's summary as poster groups ([`Summary::groups`](crate::content::Summary::groups): everyone's
/// papers first, then each case under its heading), each with the number its first paper gets; and the total.
fn summary_papers(s: &crate::content::Summary) -> (Vec<(String, usize, Vec<PosterPaper>)>, usize) {
    let mut out = Vec::new();
    let mut n = 0;
    for (heading, items) in s.groups() {
        let list: Vec<PosterPaper> =
            items.iter().map(|b| PosterPaper { name: format::excerpt(&b.item, PAPER_NAME_MAX), counts: b.count.clone() }).collect();
        out.push((heading.to_string(), n + 1, list));
        n += items.len();
    }
    (out, n)
}

/// The papers as poster groups (at most [`PAPERS_MAX`] papers) in the page's arrangement: everyone's first,
/// then each condition under its heading; the total count; and how many notes were left off (posters carry no
/// notes, the page does). The editor's summary when the procedure has one. Both posters (HTML and SVG) print these.
pub fn poster_papers(p: &Procedure) -> (Vec<(String, usize, Vec<PosterPaper>)>, usize, usize) {
    if let Some(s) = &p.summary {
        let (groups, total) = summary_papers(s);
        return (groups, total, 0);
    }
    let a = crate::content::arrange(&p.papers);
    let sections = a.shown();
    // One unnamed group needs no heading; several say which is which.
    let named = sections.len() > 1;
    let mut out = Vec::new();
    let mut n = 0;
    for (heading, section, case) in sections {
        if n >= PAPERS_MAX {
            break;
        }
        let start = n + 1;
        let list: Vec<PosterPaper> = section
            .rows
            .iter()
            .take(PAPERS_MAX - n)
            .map(|r| PosterPaper { name: format::excerpt(&r.paper.name, PAPER_NAME_MAX), counts: paper_counts(r, case) })
            .collect();
        n += list.len();
        out.push((if named || case { format::excerpt(heading, 110) } else { String::new() }, start, list));
    }
    (out, a.paper_count(), a.note_count())
}

/// A URL that wraps, if it must, before its path rather than inside the code: `https://host` `<wbr>` `/p/…/`.
fn url_breakable(url: &str) -> impl IntoView + use<> {
    let (host, path) = url.rsplit_once("/p/").map(|(h, c)| (h.to_string(), format!("/p/{c}"))).unwrap_or((url.to_string(), String::new()));
    view! { {host}<wbr/>{path} }
}

/// `/in/p/<code>/`: one procedure's A4 poster.
pub fn procedure_poster(idx: &SiteIndex, i: usize) -> String {
    let site = &idx.catalogue.site;
    let p = &idx.catalogue.procedures[i];
    let url = page_url(&site.base_url, &p.code);
    let (name_size, name) = poster_name(&p.name);
    let name_class = name_size.class();
    let fact_lines = glance::poster_facts(p, &site.centre);
    // What "Nơi nộp" says without any centre's desk: a poster redrawn for a centre with no desk for this field
    // says this, not the site's own desk (pages/for_centre.rs).
    let national_where = glance::poster_facts(p, &crate::content::Centre { name: site.centre.name.clone(), ..Default::default() })[3].1.clone();
    // Every paper goes in (up to 40); the list box shows those that fit whole and hides the rest (see
    // poster.css), so the heading gives the total and the last line says where to read the full list.
    let (groups, total, notes) = poster_papers(p);
    let mut more = if p.summary.is_some() {
        format!("Xem đủ giấy tờ theo văn bản chính thức, các bước và mẫu đơn tại {url}")
    } else if total > 0 {
        format!("Xem đủ {total} giấy tờ, các bước và mẫu đơn tại {url}")
    } else {
        format!("Xem đầy đủ các bước, điều kiện, mẫu đơn tại {url}")
    };
    if notes > 0 {
        // Before the URL, so the address stays last and no full stop reads as part of it.
        more.insert_str(0, "Xem ghi chú trên trang. ");
    }
    let body = move || view! {
        <main>
        <article class="sheet poster" data-papers=total.to_string() data-field=p.field.clone()>
            <CentreHeader centre=site.centre.clone()/>
            <p class="p-kicker">"Hướng dẫn thủ tục hành chính"</p>
            <h1 class=name_class>{name}</h1>
            <p class="p-code">"Mã thủ tục " <b>{p.code.clone()}</b> " · Lĩnh vực " {p.field.clone()}</p>
            <div class="p-main">
                <dl class="p-facts">
                    {fact_lines.into_iter().map(|(label, text)| {
                        let place = label == "Nơi nộp";
                        view! { <dt>{label}</dt><dd class=place.then_some("p-where") data-national=place.then(|| national_where.clone())>{text}</dd> }
                    }).collect_view()}
                </dl>
                <figure class="p-qr">
                    <QrSvg url=url.clone() class="p-qr-code"/>
                    <figcaption>"Quét mã để xem trên điện thoại" <span class="p-url">{url_breakable(&url)}</span></figcaption>
                </figure>
            </div>
            <section class="p-papers">
                <h2>"Giấy tờ cần mang" {(total > 0 && p.summary.is_none()).then(|| view! { " " <span class="n">{format!("({total} loại)")}</span> })}</h2>
                <div class="p-list">
                    {if total == 0 {
                        view! { <p>"Cổng Dịch vụ công chưa ghi giấy tờ cho thủ tục này. Hãy hỏi cán bộ tiếp nhận."</p> }.into_any()
                    } else {
                        groups.into_iter().map(|(heading, start, papers)| view! {
                            {(!heading.is_empty()).then(|| view! { <h3>{heading.clone()}</h3> })}
                            <ol start=start.to_string()>
                                {papers.into_iter().map(|x| view! {
                                    <li>{x.name}{(!x.counts.is_empty()).then(|| view! { " " <span class="count">{format!("({})", x.counts)}</span> })}</li>
                                }).collect_view()}
                            </ol>
                        }).collect_view().into_any()
                    }}
                </div>
                <p class="more">{more}</p>
            </section>
            <p class="p-foot">"Thông tin theo Cổng Dịch vụ công quốc gia. Khi có thay đổi, văn bản của cơ quan nhà nước là căn cứ cuối cùng."</p>
        </article>
        </main>
    }
    .into_any();
    document(site, &idx.assets, format!("Áp phích: {}", format::excerpt(&p.name, 80)), (crate::routes::procedure(&p.code), "← Về trang thủ tục"), body)
}

/// `/in/linh-vuc/<slug>/`: a field's procedures as QR tiles, 12 to an A4 sheet.
pub fn field_poster(idx: &SiteIndex, i: usize) -> String {
    let site = &idx.catalogue.site;
    let f = &idx.fields[i];
    let items: Vec<TileItem> = f
        .procedures
        .iter()
        .map(|j| {
            let p = &idx.catalogue.procedures[*j];
            TileItem { code: p.code.clone(), name: tile_name(&p.name) }
        })
        .collect();
    let body = move || view! {
        <main><TileSheet centre=site.centre.clone() base_url=site.base_url.clone() title=format!("Lĩnh vực {}", f.name) items=items field=Some(f.name.clone())/></main>
    }
    .into_any();
    document(site, &idx.assets, format!("Mã QR lĩnh vực {}", f.name), (crate::routes::field(&f.name), "← Về lĩnh vực"), body)
}

/// `/in/`: the counter sheet builder. Without JavaScript it still offers each field's ready-made poster.
pub fn builder(idx: &SiteIndex) -> String {
    let site = &idx.catalogue.site;
    let procs = &idx.catalogue.procedures;
    let list = idx
        .fields
        .iter()
        .map(|f| {
            view! {
                <details>
                    <summary>{f.name.clone()} " " <span class="n">{format!("({})", f.procedures.len())}</span></summary>
                    <p class="field-links">
                        <label><input type="checkbox" data-all=""/> " Chọn cả lĩnh vực"</label>
                        " · " <a href=crate::routes::field_poster(&f.slug)>"Áp phích cả lĩnh vực (in được cả khi tắt JavaScript)"</a>
                    </p>
                    <ul>
                        {f.procedures.iter().map(|j| {
                            let p = &procs[*j];
                            let key = format!("{} {}", fold(&p.name).to_lowercase(), p.code);
                            view! {
                                <li data-k=key>
                                    <label>
                                        <input type="checkbox" data-code=p.code.clone() data-name=p.name.clone()/>
                                        " " {p.name.clone()} " " <span class="n">{p.code.clone()}</span>
                                    </label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </details>
            }
        })
        .collect_view();
    let body = move || view! {
        <main class="builder-page no-print">
            <h1>"Tạo tờ mã QR cho quầy"</h1>
            <p>"Chọn các thủ tục quầy của bạn nhận (gõ để lọc, đánh dấu từng thủ tục hoặc cả lĩnh vực), rồi bấm “In tờ mã QR”. Mỗi tờ A4 có 12 mã."</p>
        </main>
        <SheetBuilder centre=site.centre.clone() base_url=site.base_url.clone()>
            {list}
        </SheetBuilder>
    }
    .into_any();
    document(site, &idx.assets, "Tạo tờ mã QR cho quầy".into(), ("/".into(), "← Trang chủ"), body)
}
