//! What every page has around its content: the skip link, the header with the site name and search box, the
//! display settings, the kiosk's home button, and the footer with the centre's address and hours.
//!
//! Shared by the static page shell (`layout.rs`) and the client-side-rendered comparison build (`crate::csr`),
//! so the two render the same page by construction.

use crate::content::Site;
use crate::pages::islands::SearchBox;
use crate::pages::tools::Settings;
use leptos::prelude::*;

/// The `<body>` of a page around its `<main>` content. The content keeps its static type (`TypedChildren`, not
/// the boxed `Children`): type-erasing a whole page in the client-side-rendered build added 80 KB of wasm.
#[component]
pub fn PageBody<C: IntoView + 'static>(
    site: Site,
    /// False on the home page, which has its own large search box.
    header_search: bool,
    children: TypedChildren<C>,
) -> impl IntoView {
    let children = children.into_inner();
    let centre = site.centre;
    view! {
        <a class="skip" href="#main">"Bỏ qua, đến nội dung chính"</a>
        <header class="top">
            <div class="wrap top-row">
                <a class="brand" href="/">{site.title}</a>
                {header_search.then(|| view! { <SearchBox/> })}
            </div>
        </header>
        <aside class="wrap prefs-row" aria-label="Cỡ chữ và tương phản"><Settings/></aside>
        // Kiosk mode only (html.kiosk): always on screen, one touch back to the start.
        <a class="kiosk-home" href="/">"Về trang đầu"</a>
        <main id="main" class="wrap">{children()}</main>
        <footer class="foot">
            <div class="wrap">
                <p class="centre-name">{centre.name}</p>
                <p>{centre.address}</p>
                <p>
                    {(!centre.phone.is_empty()).then(|| view! {
                        "Điện thoại: " <a href=crate::routes::tel(&centre.phone)>{centre.phone.clone()}</a>
                    })}
                </p>
                <p>{centre.hours}</p>
                <p><a href=crate::routes::centres()>"Các trung tâm và nơi nộp hồ sơ"</a></p>
                <p class="source">
                    "Thông tin lấy từ Cổng Dịch vụ công quốc gia. Khi có thay đổi, văn bản của cơ quan nhà nước là căn cứ cuối cùng. "
                    <a href=crate::routes::UPDATES>"Mới cập nhật"</a>
                </p>
            </div>
        </footer>
    }
}
