//! The home page: a big search box, the most used procedures, and browsing by level and by the most used fields.

use crate::content::Level;
use crate::pages::islands::SearchBox;
use crate::pages::layout::PageMeta;
use crate::pages::life_events::EventLinks;
use crate::pages::listing::{FieldLinks, ProcedureList};
use crate::pages::site_index::SiteIndex;
use leptos::prelude::*;

/// How many procedures the "most used" list shows.
const MOST_USED: usize = 12;

/// How many fields the home page shows; the rest are one link away, on [`crate::routes::FIELDS`].
const MOST_USED_FIELDS: usize = 12;

/// The page's head metadata and body.
pub fn home(idx: &SiteIndex) -> (PageMeta, AnyView) {
    let site = &idx.catalogue.site;
    let n = idx.catalogue.procedures.len();
    let meta = PageMeta {
        title: String::new(),
        description: if site.description.is_empty() {
            format!("Tra cứu {n} thủ tục hành chính: giấy tờ cần mang, lệ phí, thời gian, nơi nộp.")
        } else {
            site.description.clone()
        },
        path: "/".into(),
        og_type: "website",
    };
    let mut by_use: Vec<usize> = (0..n).filter(|i| idx.catalogue.procedures[*i].usage_weight > 0).collect();
    by_use.sort_by(|a, b| {
        let (pa, pb) = (&idx.catalogue.procedures[*a], &idx.catalogue.procedures[*b]);
        pb.usage_weight.cmp(&pa.usage_weight).then_with(|| pa.code.cmp(&pb.code))
    });
    by_use.truncate(MOST_USED);
    let levels: Vec<(Level, usize)> = idx.levels.iter().map(|(l, v)| (*l, v.len())).collect();
    let fields = idx.most_used_fields(MOST_USED_FIELDS).into_iter().cloned().collect::<Vec<_>>();
    let most_used = by_use.iter().map(|i| idx.catalogue.procedures[*i].clone()).collect::<Vec<_>>();
    let body = view! {
        <section class="hero">
            <h1>"Làm thủ tục gì, cần giấy tờ gì?"</h1>
            <p>{format!("Tra cứu {n} thủ tục hành chính: giấy tờ cần mang, lệ phí, thời gian và nơi nộp.")}</p>
            // `data-index`: the loader fetches the index's core file while the app starts (site/loader.js).
            <div class="home-search" data-index=idx.assets.search_index.clone()><SearchBox/></div>
        </section>
        <section aria-labelledby="dung-nhieu">
            <h2 id="dung-nhieu">"Thủ tục nhiều người làm"</h2>
            <ProcedureList procedures=most_used/>
        </section>
        <section aria-labelledby="noi-nop-o-dau">
            <h2 id="noi-nop-o-dau">"Nộp hồ sơ ở đâu?"</h2>
            // A plain form: the list page finds the centre (site/centre.js), and lists them all without JavaScript.
            <form class="search" role="search" action=crate::routes::centres() method="get">
                <label class="sr" for="tim-tt-home">"Tên xã, phường của bạn"</label>
                <input id="tim-tt-home" name="q" type="search" autocomplete="off" placeholder="Tên xã, phường (mới hoặc cũ)"/>
                <button type="submit">"Tìm trung tâm"</button>
            </form>
        </section>
        {(!idx.catalogue.life_events.is_empty()).then(|| view! { <EventLinks events=idx.catalogue.life_events.clone()/> })}
        <section aria-labelledby="theo-cap">
            <h2 id="theo-cap">"Theo cấp thực hiện"</h2>
            <ul class="chips">
                {levels.into_iter().map(|(l, count)| view! {
                    <li><a href=crate::routes::level(l.slug())>{l.label()} <span class="n">{count}</span></a></li>
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="theo-linh-vuc">
            <h2 id="theo-linh-vuc">"Theo lĩnh vực"</h2>
            <FieldLinks fields=fields/>
            <p><a href=crate::routes::FIELDS>{format!("Xem tất cả {} lĩnh vực", idx.fields.len())}</a></p>
        </section>
    };
    (meta, body.into_any())
}
