//! List pages: every field (`/linh-vuc/`), a field (`/linh-vuc/<slug>/`), a level (`/cap/<slug>/`), the search page and the 404 page.

use crate::content::{Level, Procedure};
use crate::pages::glance::{Glance, Room};
use crate::pages::layout::PageMeta;
use crate::pages::site_index::{FieldInfo, SiteIndex};
use crate::pages::save_offline::SaveOffline;
use leptos::prelude::*;

/// A list of procedures with the facts that tell them apart at a glance: code, level, fee, time; on the pages
/// where people gather several procedures (fields, life events) a link that adds each to the dossier basket.
#[component]
pub fn ProcedureList(
    procedures: Vec<Procedure>,
    /// Whether each row has "Thêm vào giỏ" (a plain link to the basket, see [`crate::pages::basket`]).
    #[prop(optional)]
    basket: bool,
) -> impl IntoView {
    view! {
        <ul class="plist">
            {procedures.into_iter().map(|p| {
                let levels = p.levels.iter().map(|l| l.label()).collect::<Vec<_>>().join(", ");
                let g = Glance::of(&p);
                let (fee, time) = (g.fee_in(Room::Line), g.time_in(Room::Line));
                view! {
                    <li>
                        <a href=crate::routes::procedure(&p.code)>{p.name.clone()}</a>
                        <span class="plist-meta">
                            <span>{p.code.clone()}</span>
                            <span>{levels}</span>
                            {(!fee.is_empty()).then(|| view! { <span>{fee}</span> })}
                            {(!time.is_empty()).then(|| view! { <span>{time}</span> })}
                            {basket.then(|| view! {
                                <a class="add" href=crate::routes::basket_add(&[&p.code]) aria-label=format!("Thêm vào giỏ hồ sơ: {}", p.name)>"+ Thêm vào giỏ"</a>
                            })}
                        </span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Links to field pages with their number of procedures, as chips (the home page's most used, and every field).
#[component]
pub fn FieldLinks(fields: Vec<FieldInfo>) -> impl IntoView {
    view! {
        <ul class="fields">
            {fields.into_iter().map(|f| view! {
                <li><a href=crate::routes::field(&f.name)>{f.name.clone()} <span class="n">{f.procedures.len()}</span></a></li>
            }).collect_view()}
        </ul>
    }
}

/// Every field, alphabetical: where the home page's "Xem tất cả … lĩnh vực" leads.
pub fn fields(idx: &SiteIndex) -> (PageMeta, AnyView) {
    let n = idx.fields.len();
    let meta = PageMeta {
        title: "Tất cả lĩnh vực".into(),
        description: format!("{n} lĩnh vực, {} thủ tục hành chính: giấy tờ, lệ phí, thời gian, nơi nộp.", idx.catalogue.procedures.len()),
        path: crate::routes::FIELDS.into(),
        og_type: "website",
    };
    let body = view! {
        <nav class="crumbs" aria-label="Đường dẫn"><a href="/">"Trang chủ"</a> " › Lĩnh vực"</nav>
        <h1>"Tất cả lĩnh vực"</h1>
        <p class="lead">{format!("{n} lĩnh vực, theo thứ tự chữ cái.")}</p>
        <FieldLinks fields=idx.fields.clone()/>
    };
    (meta, body.into_any())
}

/// A field page: every procedure of one field, most used first.
pub fn field(idx: &SiteIndex, i: usize) -> (PageMeta, AnyView) {
    let f = &idx.fields[i];
    let procs: Vec<Procedure> = f.procedures.iter().map(|i| idx.catalogue.procedures[*i].clone()).collect();
    let meta = PageMeta {
        title: format!("Lĩnh vực {}", f.name),
        description: format!("{} thủ tục hành chính thuộc lĩnh vực {}: giấy tờ, lệ phí, thời gian, nơi nộp.", procs.len(), f.name),
        path: crate::routes::field(&f.name),
        og_type: "website",
    };
    let body = view! {
        <nav class="crumbs" aria-label="Đường dẫn"><a href="/">"Trang chủ"</a> " › " <a href=crate::routes::FIELDS>"Lĩnh vực"</a></nav>
        <h1>{f.name.clone()}</h1>
        <p class="lead">{format!("{} thủ tục, thủ tục nhiều người làm ở trên.", procs.len())}</p>
        <SaveOffline/>
        <ProcedureList procedures=procs basket=true/>
    };
    (meta, body.into_any())
}

/// A level page: every procedure carried out at one level, grouped by field.
pub fn level(idx: &SiteIndex, level: Level) -> (PageMeta, AnyView) {
    let all = idx.levels.get(&level).cloned().unwrap_or_default();
    let groups: Vec<(String, String, Vec<Procedure>)> = idx
        .fields
        .iter()
        .filter_map(|f| {
            let procs: Vec<Procedure> = f
                .procedures
                .iter()
                .filter(|i| idx.catalogue.procedures[**i].levels.contains(&level))
                .map(|i| idx.catalogue.procedures[*i].clone())
                .collect();
            (!procs.is_empty()).then(|| (f.name.clone(), f.slug.clone(), procs))
        })
        .collect();
    let meta = PageMeta {
        title: format!("Thủ tục {}", level.label().to_lowercase()),
        description: format!("{} thủ tục hành chính {}, theo lĩnh vực.", all.len(), level.label().to_lowercase()),
        path: crate::routes::level(level.slug()),
        og_type: "website",
    };
    let body = view! {
        <nav class="crumbs" aria-label="Đường dẫn"><a href="/">"Trang chủ"</a> " › Theo cấp"</nav>
        <h1>{format!("Thủ tục {}", level.label().to_lowercase())}</h1>
        <p class="lead">{format!("{} thủ tục trong {} lĩnh vực.", all.len(), groups.len())}</p>
        <nav class="toc" aria-label="Lĩnh vực">
            <ul class="fields">
                {groups.iter().map(|(name, slug, procs)| view! {
                    <li><a href=format!("#{slug}")>{name.clone()} <span class="n">{procs.len()}</span></a></li>
                }).collect_view()}
            </ul>
        </nav>
        {groups.into_iter().map(|(name, slug, procs)| view! {
            <section aria-labelledby=slug.clone()>
                <h2 id=slug.clone()>{name}</h2>
                <ProcedureList procedures=procs/>
            </section>
        }).collect_view()}
    };
    (meta, body.into_any())
}

/// The search page. Results come from the browser app; without it, the page offers browsing.
pub fn search(idx: &SiteIndex) -> (PageMeta, AnyView) {
    let meta = PageMeta {
        title: "Tìm thủ tục".into(),
        description: "Tìm thủ tục hành chính theo tên, việc cần làm hoặc mã thủ tục.".into(),
        path: crate::routes::SEARCH.into(),
        og_type: "website",
    };
    let body = view! {
        // `data-index`: the loader fetches the index's core file while the app starts (site/loader.js).
        <div data-index=idx.assets.search_index.clone()>
            <h1>"Tìm thủ tục"</h1>
            <p class="lead">"Gõ việc bạn cần làm vào ô tìm kiếm ở trên, ví dụ: khai sinh, hộ chiếu, sổ đỏ."</p>
        </div>
        <BrowseLinks idx=idx/>
    };
    (meta, body.into_any())
}

/// The 404 page: plain words and a way back.
pub fn not_found(idx: &SiteIndex) -> (PageMeta, AnyView) {
    let meta = PageMeta {
        title: "Không tìm thấy trang".into(),
        description: "Trang bạn mở không có. Hãy tìm thủ tục hoặc xem theo lĩnh vực.".into(),
        path: crate::routes::NOT_FOUND.into(),
        og_type: "website",
    };
    let body = view! {
        <h1>"Không tìm thấy trang này"</h1>
        <p class="lead">"Đường dẫn có thể đã cũ hoặc gõ nhầm. Hãy tìm thủ tục ở ô phía trên, hoặc xem theo cấp, theo lĩnh vực."</p>
        <BrowseLinks idx=idx/>
    };
    (meta, body.into_any())
}

/// The offline fallback: shown by the service worker for a page that was never opened, with no network.
pub fn offline(idx: &SiteIndex) -> (PageMeta, AnyView) {
    let meta = PageMeta {
        title: "Không có mạng".into(),
        description: "Trang này chưa được lưu trên máy. Những trang đã mở và ô tìm kiếm vẫn dùng được.".into(),
        path: crate::routes::OFFLINE.into(),
        og_type: "website",
    };
    let body = view! {
        <h1>"Đang không có mạng"</h1>
        <p class="lead">"Trang này chưa được lưu trên máy nên chưa mở được. Những trang bạn đã xem và ô tìm kiếm vẫn dùng được khi mất mạng."</p>
        <p>"Khi có mạng trở lại, hãy tải lại trang."</p>
        <BrowseLinks idx=idx/>
    };
    (meta, body.into_any())
}

/// Links to browse by level and to the home page, for pages with nothing else to offer.
#[component]
fn BrowseLinks<'a>(idx: &'a SiteIndex) -> impl IntoView {
    let levels: Vec<Level> = idx.levels.keys().copied().collect();
    view! {
        <ul class="chips">
            <li><a href="/">"Trang chủ"</a></li>
            {levels.into_iter().map(|l| view! { <li><a href=crate::routes::level(l.slug())>{l.label()}</a></li> }).collect_view()}
        </ul>
    }
}
