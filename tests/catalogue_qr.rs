//! Every procedure's QR code, as the builder draws it (SVG and PNG), decodes with a real decoder to the
//! procedure's page URL. (`tests/e2e.rs` decodes the files of a real build and the browser's codes too.)

mod support {
    #[allow(dead_code)]
    pub mod qr_decode;
}

use motcua::content::Catalogue;
use motcua::qr::{Qr, page_url};
use std::path::Path;
use support::qr_decode::{decode_png_bytes, decode_svg};

#[test]
fn every_procedure_qr_decodes_to_its_page_url() {
    let catalogue = Catalogue::load(Path::new("content")).expect("content/ validates");
    let base = &catalogue.site.base_url;
    // Two threads: the decoder's generic code runs unoptimized in a test build.
    let half = catalogue.procedures.len() / 2;
    let (a, b) = catalogue.procedures.split_at(half);
    let check = |procs: &[motcua::content::Procedure]| {
        let mut failures = Vec::new();
        let mut decoded = 0;
        for p in procs {
            let url = page_url(base, &p.code);
            let qr = Qr::encode(&url).expect("fits a QR code");
            for (kind, got) in [("svg", decode_svg(&qr.svg("t"), 2)), ("png", decode_png_bytes(&qr.png(2)))] {
                match got {
                    Ok(text) if text == url => decoded += 1,
                    other => failures.push(format!("{} {kind}: {other:?}", p.code)),
                }
            }
        }
        (decoded, failures)
    };
    let ((d1, mut failures), (d2, f2)) = std::thread::scope(|s| {
        let t = s.spawn(|| check(a));
        let second = check(b);
        (t.join().expect("decode thread"), second)
    });
    failures.extend(f2);
    let decoded = d1 + d2;
    assert!(failures.is_empty(), "{} codes did not decode to their URL:\n{}", failures.len(), failures.join("\n"));
    assert_eq!(decoded, 2 * catalogue.procedures.len());
    eprintln!("decoded {decoded} QR codes ({} procedures × SVG and PNG)", catalogue.procedures.len());
}

#[test]
fn a_long_base_url_still_decodes() {
    let url = page_url("https://dichvucong.xaphuongdongthap.example.gov.vn/tra-cuu", "2.002345");
    let qr = Qr::encode(&url).unwrap();
    assert_eq!(decode_svg(&qr.svg("t"), 2).unwrap(), url);
}
