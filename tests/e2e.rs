//! End-to-end: builds the real site with `motcua build`, serves it with `motcua serve`, and runs the browser
//! tests in `tests/e2e/*.test.mjs` (node's test runner, playwright-core, Debian's `/usr/bin/chromium`).
//!
//! Needs what `.ci/run` installs: `chromium`, Node 20 and `npm ci --prefix tests/e2e`. Missing tools fail the
//! test with a message saying what to install; they never skip it.
//!
//! Run it alone with `cargo test --release --test e2e`. Only asking skips it: in the inner loop,
//! `MOTCUA_SKIP_BROWSER=1 cargo test` leaves it out and says so on the terminal; `.ci/run` always runs it.

use motcua::content::folder::files_with_extension;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn wait_for(port: u16) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < Duration::from_secs(30), "motcua serve did not start on port {port}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Why the browser run is left out, when the person asked for that (`MOTCUA_SKIP_BROWSER=1`, the inner loop).
fn skipped_because() -> Option<&'static str> {
    (std::env::var("MOTCUA_SKIP_BROWSER").as_deref() == Ok("1"))
        .then_some("MOTCUA_SKIP_BROWSER=1 is set; run `cargo test --release --test e2e` without it (or bash .ci/run) before pushing")
}

#[test]
fn site_works_in_a_real_browser() {
    if let Some(why) = skipped_because() {
        // Straight to the terminal: the test harness keeps a passing test's eprintln! to itself.
        use std::io::Write;
        let _ = writeln!(std::io::stderr().lock(), "SKIPPED site_works_in_a_real_browser (no build, no browser run): {why}");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let e2e = root.join("tests/e2e");
    assert!(
        e2e.join("node_modules/playwright-core").is_dir(),
        "playwright-core is not installed: run `npm ci --prefix tests/e2e` (bash .ci/run does)"
    );
    assert!(Path::new("/usr/bin/chromium").exists(), "Debian's chromium is missing: apt-get install chromium");

    // The content to build from: the real catalogue with the synthetic centres and fees of tests/fixtures beside
    // it (a province's site), unless E2E_CONTENT points elsewhere.
    let content = std::env::var("E2E_CONTENT").unwrap_or_else(|_| with_fixture_centres(root).to_string_lossy().into_owned());
    let dist: PathBuf = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e-dist");
    let motcua = env!("CARGO_BIN_EXE_motcua");
    let status = Command::new(motcua)
        .current_dir(root)
        .args(["build", "--out"])
        .arg(&dist)
        .arg("--content")
        .arg(&content)
        .status()
        .expect("run motcua build");
    assert!(status.success(), "motcua build failed");

    let port = free_port();
    let _server = Server(
        Command::new(motcua)
            .current_dir(root)
            .args(["serve", "--no-build", "--port", &port.to_string(), "--out"])
            .arg(&dist)
            .spawn()
            .expect("run motcua serve"),
    );
    wait_for(port);

    let tests: Vec<PathBuf> = files_with_extension(&e2e, "mjs")
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    let status = Command::new("node")
        .current_dir(root)
        .args(["--test", "--test-concurrency=1"])
        .args(&tests)
        .env("BASE_URL", format!("http://127.0.0.1:{port}"))
        .env("DIST", &dist)
        .env("CONTENT", &content)
        .env("MOTCUA_BIN", motcua)
        .status()
        .expect("run node (Node 20 is needed)");
    assert!(status.success(), "browser tests failed (see node's report above)");
    qr_codes_decode_to_their_pages(root, &dist, &content);
    basket_qr_decodes_to_its_link(root);
}

/// A content folder that is the real `content/` (linked, not copied) plus `tests/fixtures/centres/` (150
/// synthetic centres) and `tests/fixtures/local_fees.toml`, as a province's site would have.
fn with_fixture_centres(root: &Path) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e-content");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(root.join("content")).unwrap() {
        let entry = entry.unwrap();
        std::os::unix::fs::symlink(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    std::os::unix::fs::symlink(root.join("tests/fixtures/centres"), dir.join("centres")).unwrap();
    std::os::unix::fs::symlink(root.join("tests/fixtures/local_fees.toml"), dir.join("local_fees.toml")).unwrap();
    dir
}

/// The dossier basket's QR code, as drawn on screen and as printed, holds the link that opened the same basket
/// on another phone (basket.test.mjs saved the three).
fn basket_qr_decodes_to_its_link(root: &Path) {
    use support::qr_decode::decode_png;
    let dir = root.join("tests/e2e/out/basket");
    let link = std::fs::read_to_string(dir.join("link.txt")).expect("tests/e2e/out/basket/link.txt from basket.test.mjs");
    assert_eq!(decode_png(&dir.join("qr.png")).as_deref(), Ok(link.as_str()), "the basket's QR code on screen");
    let prefix = Path::new(env!("CARGO_TARGET_TMPDIR")).join("basket-150dpi");
    let _ = std::fs::remove_dir_all(&prefix);
    std::fs::create_dir_all(&prefix).unwrap();
    let ok = Command::new("pdftoppm")
        .args(["-png", "-r", "150", "-gray"])
        .arg(dir.join("basket.pdf"))
        .arg(prefix.join("page"))
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(ok.success(), "pdftoppm failed on the basket's PDF");
    let pages = files_with_extension(&prefix, "png").unwrap_or_else(|e| panic!("{e}; pdftoppm writes the pages there"));
    let printed = pages.iter().find_map(|p| decode_png(p).ok());
    assert_eq!(printed.as_deref(), Some(link.as_str()), "the printed basket's QR code");
    eprintln!("basket QR decoded: on screen and printed ({} pages)", pages.len());
}

mod support {
    pub mod qr_decode;
}

/// The QR codes of a real build, read with a real decoder (`rqrr`): a sample of the `qr/<code>.svg` and `.png`
/// files (tests/catalogue_qr.rs decodes every procedure's code as the builder draws it), the codes the browser drew on
/// the counter sheet (saved by posters.test.mjs), and the code on the printed A4 poster, rasterized from its
/// PDF at 150 dpi with pdftoppm.
fn qr_codes_decode_to_their_pages(root: &Path, dist: &Path, content: &str) {
    use support::qr_decode::{decode_png, decode_svg};
    let site = std::fs::read_to_string(root.join(content).join("site.toml")).expect("site.toml");
    let base = site
        .lines()
        .find_map(|l| l.strip_prefix("base_url = \"").and_then(|v| v.strip_suffix('"')))
        .expect("base_url in site.toml");
    let url = |code: &str| motcua::qr::page_url(base, code);
    let codes: Vec<String> = files_with_extension(&dist.join("qr"), "svg")
        .unwrap_or_else(|e| panic!("{e}; motcua build writes the QR codes there"))
        .iter()
        .filter_map(|p| p.file_stem()?.to_str().map(String::from))
        .collect();
    let mut decoded = 0;
    for code in codes.iter().step_by((codes.len() / 60).max(1)) {
        let svg = std::fs::read_to_string(dist.join(format!("qr/{code}.svg"))).unwrap();
        assert_eq!(decode_svg(&svg, 3).as_deref(), Ok(url(code).as_str()), "qr/{code}.svg");
        assert_eq!(decode_png(&dist.join(format!("qr/{code}.png"))).as_deref(), Ok(url(code).as_str()), "qr/{code}.png");
        decoded += 2;
    }
    let browser_dir = root.join("tests/e2e/out/qr-browser");
    let mut browser = 0;
    for path in files_with_extension(&browser_dir, "png").unwrap_or_else(|e| panic!("{e}; posters.test.mjs saves the counter sheet's codes there")) {
        let code = path.file_stem().unwrap().to_str().unwrap().to_string();
        assert_eq!(decode_png(&path).as_deref(), Ok(url(&code).as_str()), "browser-drawn code {}", path.display());
        browser += 1;
    }
    assert!(browser >= 12, "the counter sheet's 12 codes were saved");
    let pdf = root.join("tests/e2e/out/posters/procedure-1.001193-a4.pdf");
    let prefix = Path::new(env!("CARGO_TARGET_TMPDIR")).join("poster-150dpi");
    let ok = Command::new("pdftoppm")
        .args(["-png", "-r", "150", "-gray", "-singlefile"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(ok.success(), "pdftoppm failed on {}", pdf.display());
    let printed = decode_png(&prefix.with_extension("png"));
    assert_eq!(printed.as_deref(), Ok(url("1.001193").as_str()), "the printed poster's QR code");
    eprintln!("QR decoded: {decoded} build files ({} procedures sampled), {browser} drawn by the browser, 1 printed poster", decoded / 2);
}
