//! Browsing by life event: the `/su-kien/<slug>/` pages and the home page's list of events (from
//! `content/life_events.toml`).

use crate::content::Procedure;
use crate::content::life_events::LifeEvent;
use crate::pages::layout::PageMeta;
use crate::pages::listing::ProcedureList;
use crate::pages::site_index::SiteIndex;
use leptos::prelude::*;

fn procedures_of(idx: &SiteIndex, codes: &[String]) -> Vec<Procedure> {
    codes.iter().filter_map(|c| idx.procedure_by_code(c)).cloned().collect()
}

/// An event's page: the combined (liên thông) procedures first, then the others in the usual order.
pub fn life_event(idx: &SiteIndex, i: usize) -> (PageMeta, AnyView) {
    let ev = &idx.catalogue.life_events[i];
    let meta = PageMeta {
        title: ev.title.clone(),
        description: ev.description.clone(),
        path: crate::routes::life_event(&ev.slug),
        og_type: "website",
    };
    let combined = procedures_of(idx, &ev.combined);
    let procs = procedures_of(idx, &ev.procedures);
    let whole_set = crate::routes::basket_add(&ev.procedures);
    let body = view! {
        <nav class="crumbs" aria-label="Đường dẫn"><a href="/">"Trang chủ"</a> " › Việc cần làm"</nav>
        <h1>{ev.title.clone()}</h1>
        <p class="lead">{ev.description.clone()}</p>
        {(!combined.is_empty()).then(|| view! {
            <section aria-labelledby="lien-thong">
                <h2 id="lien-thong">"Làm một lần cho nhiều việc"</h2>
                <p>"Thủ tục liên thông: nộp một bộ hồ sơ, nhận nhiều kết quả."</p>
                <ProcedureList procedures=combined basket=true/>
            </section>
        })}
        <section aria-labelledby="tung-viec">
            <h2 id="tung-viec">"Từng thủ tục, theo thứ tự thường làm"</h2>
            <p class="add-all">
                <a class="button" href=whole_set>"Làm cả bộ này"</a>
                " Đưa cả "{procs.len()}" thủ tục vào giỏ hồ sơ: một danh sách giấy tờ, lệ phí cộng lại."
            </p>
            <ProcedureList procedures=procs basket=true/>
        </section>
    };
    (meta, body.into_any())
}

/// The home page's "by life event" section: one large link per event.
#[component]
pub fn EventLinks(events: Vec<LifeEvent>) -> impl IntoView {
    view! {
        <section aria-labelledby="theo-su-kien">
            <h2 id="theo-su-kien">"Theo việc cần làm"</h2>
            <ul class="events">
                {events.into_iter().map(|ev| view! {
                    <li><a href=crate::routes::life_event(&ev.slug)><b>{ev.title.clone()}</b> <span>{ev.description.clone()}</span></a></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

