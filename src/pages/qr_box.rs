//! The QR box on a procedure page: a widget below the pages (the page draws it; posters have their own codes).

use crate::routes;
use leptos::prelude::*;

/// The QR box on a procedure page: the code (an external SVG file, loaded lazily so it costs the page
/// nothing), the URL it encodes in text, downloads, and the link to the poster.
#[component]
pub fn QrBox(code: String, url: String) -> impl IntoView {
    view! {
        <div class="qr-box">
            <img src=routes::qr_svg(&code) width="132" height="132" loading="lazy" alt="Mã QR dẫn đến trang này"/>
            <div>
                <p>"Mã QR mở trang này:"</p>
                <p class="qr-url">{url}</p>
                <p>
                    <a href=routes::procedure_poster(&code)>"In áp phích"</a> " · "
                    <a href=routes::qr_svg(&code) download=format!("ma-qr-{code}.svg")>"Tải mã QR (SVG)"</a> " · "
                    <a href=routes::qr_png(&code) download=format!("ma-qr-{code}.png")>"Tải mã QR (PNG)"</a>
                </p>
            </div>
        </div>
    }
}
