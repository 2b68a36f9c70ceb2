//! The centres' pages: the list and finder (`/tt/`) and one page per centre (`/tt/<slug>/`): where and when,
//! which desk and whose phone for which kind of dossier, the other reception points, and the procedures it
//! handles grouped by field. Complete without JavaScript; `site/centre.js` adds the finder's filtering and
//! "Chọn làm trung tâm của tôi".

use crate::content::Centre;
use crate::pages::layout::PageMeta;
use crate::pages::site_index::SiteIndex;
use crate::routes;
use crate::search::analyzer;
use leptos::prelude::*;

/// A centre's words as the finder matches them: its name, commune and old communes, folded by the search's
/// analyzer (the browser folds the query the same way: marks off, đ as d, lower case).
pub fn finder_keys(c: &Centre) -> String {
    let mut text = vec![c.name.as_str(), c.commune.as_str()];
    text.extend(c.replaces.iter().map(String::as_str));
    analyzer::words(&text.join(" ; ")).into_iter().map(|w| w.folded).collect::<Vec<_>>().join(" ")
}

/// "Xã Phong Điền; sáp nhập từ Thị trấn Phong Điền, Xã Phong Mỹ" — what a centre serves, in one line.
pub fn serves(c: &Centre) -> String {
    let mut parts = Vec::new();
    if !c.commune.is_empty() {
        parts.push(c.commune.clone());
    }
    if !c.replaces.is_empty() {
        parts.push(format!("sáp nhập từ {}", c.replaces.join(", ")));
    }
    parts.join("; ")
}

/// How many of the most used commune-level procedures a centre's page names.
const MOST_USED: usize = 10;

/// A phone as a link people can tap to call.
fn phone_link(phone: &str) -> impl IntoView + use<> {
    view! { <a href=routes::tel(phone)>{phone.to_string()}</a> }
}

/// `/tt/`: every centre, with a box that finds one by its new or old commune's name.
pub fn directory(idx: &SiteIndex) -> (PageMeta, AnyView) {
    let centres = idx.catalogue.centres.clone();
    let meta = PageMeta {
        title: "Trung tâm phục vụ hành chính công".into(),
        description: format!("{} trung tâm: địa chỉ, giờ làm việc, số điện thoại, nơi nộp hồ sơ từng lĩnh vực. Tìm theo tên xã, phường mới hoặc cũ.", centres.len()),
        path: routes::centres(),
        og_type: "website",
    };
    let body = view! {
        <nav class="crumbs" aria-label="Đường dẫn"><a href="/">"Trang chủ"</a> " › Trung tâm"</nav>
        <h1>"Trung tâm phục vụ hành chính công"</h1>
        <p class="lead">"Gõ tên xã, phường của bạn, tên mới hoặc tên cũ trước khi sáp nhập. Có dấu hay không dấu đều được."</p>
        <form class="search centre-find" role="search" action=routes::centres() method="get">
            <label class="sr" for="tim-tt">"Tên xã, phường"</label>
            <input id="tim-tt" name="q" type="search" autocomplete="off" placeholder="Tên xã, phường, ví dụ: Phong Mỹ"/>
            <button type="submit">"Tìm"</button>
        </form>
        <p id="tt-dem" class="centre-count" aria-live="polite">{format!("{} trung tâm", centres.len())}</p>
        <ul class="plist centres">
            {centres.into_iter().map(|c| {
                let keys = finder_keys(&c);
                let serves = serves(&c);
                view! {
                    <li data-k=keys>
                        <a href=routes::centre(&c.slug)>{c.name.clone()}</a>
                        {(!serves.is_empty()).then(|| view! { <p>{serves}</p> })}
                        {(!c.address.is_empty()).then(|| view! { <p class="centre-addr">{c.address.clone()}</p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    };
    (meta, body.into_any())
}

/// `/tt/<slug>/`: one centre.
pub fn centre(idx: &SiteIndex, i: usize) -> (PageMeta, AnyView) {
    let c = idx.catalogue.centres[i].clone();
    let serves = serves(&c);
    let meta = PageMeta {
        title: c.name.clone(),
        description: format!("{}: địa chỉ {}, giờ làm việc, số điện thoại và nơi nộp hồ sơ từng lĩnh vực.", c.name, c.address),
        path: routes::centre(&c.slug),
        og_type: "website",
    };
    // The procedures a commune centre receives: those done at commune level. The page names the most used
    // (in the centre's context) and the fields, most used first, each linking to its part of the one shared
    // list (`/cap/xa/#<field>`): the list is not copied into every centre's page (588 names were 25 KB a page,
    // 30 MB for 150 centres), so a centre page stays a few kilobytes on 2G.
    let commune = |p: &&crate::content::Procedure| p.levels.contains(&crate::content::Level::Commune);
    let mut groups: Vec<(String, String, usize, u64)> = idx
        .fields
        .iter()
        .filter_map(|f| {
            let procs: Vec<&crate::content::Procedure> = f.procedures.iter().map(|i| &idx.catalogue.procedures[*i]).filter(commune).collect();
            (!procs.is_empty()).then(|| (f.name.clone(), f.slug.clone(), procs.len(), procs.iter().map(|p| p.usage_weight).sum()))
        })
        .collect();
    groups.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.0.cmp(&b.0)));
    let total: usize = groups.iter().map(|g| g.2).sum();
    let most_used: Vec<(String, String)> = idx
        .levels
        .get(&crate::content::Level::Commune)
        .map(|list| list.iter().take(MOST_USED).map(|i| &idx.catalogue.procedures[*i]).map(|p| (p.code.clone(), p.name.clone())).collect())
        .unwrap_or_default();
    let level = crate::content::Level::Commune.slug();
    let slug = c.slug.clone();
    let desks = c.desks.clone();
    let body = view! {
        <nav class="crumbs" aria-label="Đường dẫn"><a href="/">"Trang chủ"</a> " › " <a href=routes::centres()>"Trung tâm"</a></nav>
        <article class="centre-page" data-centre=slug.clone()>
            <h1>{c.name.clone()}</h1>
            {(!serves.is_empty()).then(|| view! { <p class="aka">{serves}</p> })}
            <dl class="glance">
                {(!c.address.is_empty()).then(|| view! { <div><dt>"Địa chỉ"</dt><dd>{c.address.clone()}</dd></div> })}
                {(!c.hours.is_empty()).then(|| view! { <div><dt>"Giờ làm việc"</dt><dd>{c.hours.clone()}</dd></div> })}
                {(!c.phone.is_empty()).then(|| view! { <div><dt>"Điện thoại"</dt><dd>{phone_link(&c.phone)}</dd></div> })}
            </dl>
            <p class="centre-choose" hidden>
                <button type="button" class="button">"Chọn làm trung tâm của tôi"</button>
                <span class="centre-chosen" aria-live="polite"></span>
            </p>
            {(!desks.is_empty()).then(|| view! {
                <section aria-labelledby="quay">
                    <h2 id="quay">"Nộp ở đâu, gọi ai"</h2>
                    <ul class="desks">
                        {desks.into_iter().map(|d| view! {
                            <li>
                                <p class="desk-fields">{d.fields.join(", ")}</p>
                                <p>"Nộp tại: " <b>{d.place.clone()}</b>
                                    {(!d.address.trim().is_empty()).then(|| format!(", {}", d.address))}</p>
                                {(!d.hours.is_empty()).then(|| view! { <p>"Giờ: " {d.hours.clone()}</p> })}
                                {(!d.phone.is_empty()).then(|| view! {
                                    <p>"Gọi: " {phone_link(&d.phone)} {(!d.officer.is_empty()).then(|| format!(" ({})", d.officer))}</p>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                    <p>{if c.address.trim().is_empty() { "Các lĩnh vực khác: nộp tại trung tâm." } else { "Các lĩnh vực khác: nộp tại trung tâm, địa chỉ ở trên." }}</p>
                </section>
            })}
            {(!c.points.is_empty()).then(|| view! {
                <section aria-labelledby="diem">
                    <h2 id="diem">"Điểm tiếp nhận khác"</h2>
                    <ul class="desks">
                        {c.points.clone().into_iter().map(|p| view! {
                            <li>
                                <p><b>{p.name.clone()}</b> ": " {p.address.clone()}</p>
                                {(!p.hours.is_empty()).then(|| view! { <p>"Giờ: " {p.hours.clone()}</p> })}
                                {(!p.phone.is_empty()).then(|| view! { <p>"Gọi: " {phone_link(&p.phone)}</p> })}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {(!most_used.is_empty()).then(|| view! {
                <section aria-labelledby="nhieu-nguoi">
                    <h2 id="nhieu-nguoi">"Thủ tục nhiều người làm ở đây"</h2>
                    <ul class="plist">
                        {most_used.into_iter().map(|(code, name)| view! {
                            <li><a href=routes::with_centre(&routes::procedure(&code), &slug)>{name}</a></li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <section aria-labelledby="thu-tuc">
                <h2 id="thu-tuc">{format!("Tất cả {total} thủ tục cấp xã, theo lĩnh vực")}</h2>
                <ul class="fields">
                    {groups.into_iter().map(|(name, field_slug, count, _)| view! {
                        <li><a href=routes::level_field(level, &field_slug)>{name} <span class="n">{count}</span></a></li>
                    }).collect_view()}
                </ul>
            </section>
            <p class="no-print">
                <a href=routes::with_centre(&routes::counter_sheet(), &c.slug)>"In tờ mã QR cho quầy của trung tâm này"</a>
            </p>
        </article>
    };
    (meta, body.into_any())
}
