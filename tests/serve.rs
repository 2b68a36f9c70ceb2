//! `motcua serve` against hostile and unusual requests, over a real socket with hand-written HTTP (so paths
//! reach the server exactly as sent, without a client normalising them): path traversal, HEAD, ranges, huge
//! and badly encoded URLs, open redirects, cache and security headers on every answer; then a bounded load run
//! with Debian's `wrk`.

use motcua::content::Catalogue;
use motcua::pages::{Assets, Page, SiteIndex, render_page};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Text only found in a file outside the served folder: no answer may ever contain it.
const SECRET: &str = "SECRET-OUTSIDE-DIST-7f3a";

/// A running `motcua serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    /// The site's folder and the folder holding it (with the secret file beside the site).
    dist: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(root) = self.dist.parent() {
            let _ = std::fs::remove_dir_all(root);
        }
    }
}

/// The small site's stylesheet, which its pages carry inline.
const CSS: &str = "body { color: #111 }\n";

/// The procedure page a citizen opens from a QR code, as the builder renders it (about 30 KB of HTML).
fn procedure_page() -> String {
    let catalogue = Catalogue::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).expect("content/ validates");
    let i = catalogue.procedures.iter().position(|p| p.code == "1.001193").unwrap();
    let assets = Assets {
        css: "/assets/style.0123456789.css".into(),
        css_text: CSS.into(),
        css_sha256: motcua::site::sha256_base64(CSS.as_bytes()),
        js: "/assets/app.t.js".into(),
        ..Default::default()
    };
    render_page(Page::Procedure(i), &SiteIndex::new(catalogue, assets))
}

/// A small built site: home, 404 page, a hashed asset, a procedure page with its brotli variant; and a secret
/// file beside it.
fn small_site(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("motcua-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let dist = root.join("dist");
    std::fs::create_dir_all(dist.join("assets")).unwrap();
    std::fs::create_dir_all(dist.join("p/1.001193")).unwrap();
    std::fs::write(root.join("secret.txt"), SECRET).unwrap();
    std::fs::write(root.join("Cargo.toml"), SECRET).unwrap();
    std::fs::write(dist.join("index.html"), "<!DOCTYPE html><title>Trang chủ</title>").unwrap();
    std::fs::write(dist.join("404.html"), "<!DOCTYPE html><title>Không tìm thấy trang</title>").unwrap();
    std::fs::write(dist.join("assets/app.0123456789.js"), "console.log('motcua');\n".repeat(50)).unwrap();
    std::fs::write(dist.join("assets/style.0123456789.css"), CSS).unwrap();
    let page = procedure_page();
    std::fs::write(dist.join("p/1.001193/index.html"), &page).unwrap();
    std::fs::write(dist.join("p/1.001193/index.html.br"), motcua::site::brotli_bytes(page.as_bytes())).unwrap();
    dist
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts the real binary on a free port over `dist` and waits until it accepts connections.
fn start(dist: PathBuf) -> Server {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(["serve", "--no-build", "--port", &port.to_string(), "--out"])
        .arg(&dist)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run motcua serve");
    let server = Server { child, port, dist };
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(30), "motcua serve did not start on port {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

/// One HTTP answer.
#[derive(Debug)]
struct Answer {
    status: u16,
    /// Header names in lower case.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

impl Server {
    /// Sends `head` (request line and headers, without the blank line) on a fresh connection and reads the
    /// whole answer. A server that hangs fails the test through the read timeout instead of hanging it.
    fn raw(&self, head: &[u8]) -> Answer {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let mut req = head.to_vec();
        req.extend_from_slice(b"\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        // The server may answer and close before reading all of a huge request: that is fine.
        let _ = s.write_all(&req);
        let mut data = Vec::new();
        if let Err(e) = s.read_to_end(&mut data) {
            assert!(!data.is_empty(), "no answer to {:?}: {e}", String::from_utf8_lossy(&head[..head.len().min(80)]));
        }
        let split = data.windows(4).position(|w| w == b"\r\n\r\n").expect("an HTTP answer with headers");
        let text = String::from_utf8_lossy(&data[..split]).into_owned();
        let mut lines = text.split("\r\n");
        let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Answer { status, headers, body: data[split + 4..].to_vec() }
    }

    fn get(&self, path: &str) -> Answer {
        self.raw(format!("GET {path} HTTP/1.1").as_bytes())
    }

    fn file(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.dist.join(rel)).unwrap()
    }
}

/// The headers every answer the app makes must carry.
fn assert_security_headers(a: &Answer, what: &str) {
    let csp = a.header("content-security-policy").unwrap_or_else(|| panic!("{what}: no Content-Security-Policy"));
    // The policy the pages carry, which allows their inline stylesheet by its hash.
    static PAGE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let page = PAGE.get_or_init(procedure_page);
    let meta = page.split("http-equiv=\"Content-Security-Policy\" content=\"").nth(1).and_then(|r| r.split('"').next());
    assert_eq!(Some(csp), meta, "{what}");
    assert!(csp.contains(&format!("'sha256-{}'", motcua::site::sha256_base64(CSS.as_bytes()))), "{what}: {csp}");
    assert_eq!(a.header("x-content-type-options"), Some("nosniff"), "{what}");
    assert_eq!(a.header("x-frame-options"), Some("DENY"), "{what}");
    assert!(a.header("referrer-policy").is_some(), "{what}: no Referrer-Policy");
    assert!(a.header("cache-control").is_some(), "{what}: no Cache-Control");
}

#[test]
fn path_traversal_never_leaves_the_site_folder() {
    let server = start(small_site("traversal"));
    // Raw, encoded, double-encoded, backslashed, NUL-terminated and absolute-looking ways out of dist/.
    let attempts = [
        "/../secret.txt",
        "/../Cargo.toml",
        "/../../../../../../etc/passwd",
        "/p/1.001193/../../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/..%5csecret.txt",
        "/%5c..%5csecret.txt",
        "/..\\secret.txt",
        "/%252e%252e/secret.txt",
        "/%252e%252e%252fsecret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/..%00/secret.txt",
        "/secret.txt%00.html",
        "/index.html%00",
        "//etc/passwd",
        "///etc/passwd",
        "/%2f%2fetc/passwd",
        "/%2fetc%2fpasswd",
        "/assets/../../secret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/./../secret.txt",
        "/.../secret.txt",
        "/....//secret.txt",
        "/file:///etc/passwd",
        "/C:%5cWindows%5cwin.ini",
    ];
    for path in attempts {
        let a = server.get(path);
        assert!(matches!(a.status, 400 | 404), "{path}: status {}", a.status);
        let body = String::from_utf8_lossy(&a.body);
        assert!(!body.contains(SECRET) && !body.contains("root:"), "{path} leaked a file: {body}");
        assert_security_headers(&a, path);
    }
    // The server still serves after all that.
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn no_redirect_leads_to_another_site() {
    let server = start(small_site("redirect"));
    // A folder without its slash is redirected; the redirect must stay on this site whatever the path's shape.
    for path in ["/p/1.001193", "//p/1.001193", "///p/1.001193", "/.//p/1.001193", "//p//1.001193", "/p/1.001193?next=//evil.example"] {
        let a = server.get(path);
        assert_security_headers(&a, path);
        if let Some(location) = a.header("location") {
            assert!(location.starts_with('/') && !location.starts_with("//") && !location.starts_with("/\\"), "{path} redirects off-site: {location}");
        }
        assert!(matches!(a.status, 200 | 307 | 308 | 404), "{path}: {}", a.status);
    }
    assert_eq!(server.get("/p/1.001193").header("location"), Some("/p/1.001193/"));
    assert_eq!(server.get("//p/1.001193").header("location"), Some("/p/1.001193/"));
}

#[test]
fn head_returns_the_headers_and_no_body() {
    let server = start(small_site("head"));
    let get = server.get("/p/1.001193/");
    let head = server.raw(b"HEAD /p/1.001193/ HTTP/1.1");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty(), "HEAD sent {} body bytes", head.body.len());
    assert_eq!(head.header("content-length").map(|l| l.parse::<usize>().unwrap()), Some(get.body.len()));
    assert_eq!(head.header("content-type"), get.header("content-type"));
    assert_security_headers(&head, "HEAD");
    let missing = server.raw(b"HEAD /khong-co/ HTTP/1.1");
    assert_eq!(missing.status, 404);
    assert!(missing.body.is_empty());
    assert_security_headers(&missing, "HEAD of a missing page");
}

#[test]
fn range_requests_get_the_right_bytes() {
    let server = start(small_site("range"));
    let file = server.file("p/1.001193/index.html");
    let len = file.len();
    let range = |spec: &str| server.raw(format!("GET /p/1.001193/ HTTP/1.1\r\nRange: {spec}").as_bytes());

    let a = range("bytes=0-99");
    assert_eq!(a.status, 206);
    assert_eq!(a.header("content-range"), Some(format!("bytes 0-99/{len}").as_str()));
    assert_eq!(a.body, file[..100]);
    let a = range("bytes=1000-1999");
    assert_eq!((a.status, a.body.as_slice()), (206, &file[1000..2000]));
    let a = range("bytes=-50");
    assert_eq!((a.status, a.body.as_slice()), (206, &file[len - 50..]));
    assert_eq!(a.header("content-range"), Some(format!("bytes {}-{}/{len}", len - 50, len - 1).as_str()));
    let a = range(&format!("bytes={}-", len - 10));
    assert_eq!((a.status, a.body.as_slice()), (206, &file[len - 10..]));
    assert_security_headers(&a, "206");

    let a = range(&format!("bytes={len}-"));
    assert_eq!(a.status, 416, "a range past the end");
    assert_eq!(a.header("content-range"), Some(format!("bytes */{len}").as_str()));
    assert_security_headers(&a, "416");
    // Nonsense ranges are ignored or refused, never a crash or the wrong bytes.
    for spec in ["bytes=abc", "bytes=5-1", "lines=0-10", "bytes=0-99999999999999999999999", "bytes=--1"] {
        let a = range(spec);
        match a.status {
            200 => assert_eq!(a.body, file, "{spec}"),
            416 => {}
            206 => {
                let cr = a.header("content-range").unwrap_or_else(|| panic!("{spec}: 206 without Content-Range"));
                let (s, e) = cr.strip_prefix("bytes ").and_then(|r| r.split('/').next()?.split_once('-')).unwrap();
                assert_eq!(a.body, file[s.parse::<usize>().unwrap()..=e.parse::<usize>().unwrap()], "{spec}");
            }
            other => panic!("{spec}: status {other}"),
        }
        assert_security_headers(&a, spec);
    }
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn huge_and_badly_encoded_urls_get_a_client_error_and_the_server_keeps_serving() {
    let server = start(small_site("huge"));
    let long_path = format!("GET /{} HTTP/1.1", "a".repeat(100 * 1024));
    let long_query = format!("GET /?q={} HTTP/1.1", "a".repeat(1024 * 1024));
    let long_header = format!("GET / HTTP/1.1\r\nX-Filler: {}", "a".repeat(1024 * 1024));
    let many_headers = format!("GET / HTTP/1.1{}", "\r\nX-A: b".repeat(2000));
    for (what, req) in [("100 KB path", &long_path), ("1 MB query", &long_query), ("1 MB header", &long_header), ("2000 headers", &many_headers)] {
        let a = server.raw(req.as_bytes());
        assert!((400..500).contains(&a.status), "{what}: status {}", a.status);
        assert!(a.body.len() < 10_000, "{what}: a {} byte answer", a.body.len());
        assert_eq!(server.get("/").status, 200, "the server stopped serving after the {what}");
    }
    // A long but legal query on a real page is served.
    assert_eq!(server.get(&format!("/p/1.001193/?q={}", "ă".repeat(1000).replace('ă', "%C4%83"))).status, 200);
    for path in ["/%zz", "/%", "/%e0%80", "/%ff%fe/", "/p/%C0%AF/", "/%u002e%u002e/", "/\u{1}", "/p/1.001193/%"] {
        let a = server.raw(format!("GET {path} HTTP/1.1").as_bytes());
        assert!((400..500).contains(&a.status), "{path:?}: status {}", a.status);
        if a.status == 404 {
            assert_security_headers(&a, path);
        }
    }
    for junk in ["GARBAGE", "GET", "GET / HTTP/9.9", "GET /\u{0}x HTTP/1.1", "\u{16}\u{3}\u{1}"] {
        let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let _ = s.write_all(format!("{junk}\r\n\r\n").as_bytes());
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        let text = String::from_utf8_lossy(&out);
        assert!(out.is_empty() || text.starts_with("HTTP/1.1 4") || text.starts_with("HTTP/1.1 505"), "{junk:?}: {text}");
    }
    assert_eq!(server.get("/p/1.001193/").status, 200);
}

#[test]
fn cache_and_security_headers_on_every_answer() {
    let server = start(small_site("headers"));
    let immutable = "public, max-age=31536000, immutable";
    let cases: [(&str, &[u8], u16, &str); 9] = [
        ("asset", b"GET /assets/app.0123456789.js HTTP/1.1", 200, immutable),
        ("home", b"GET / HTTP/1.1", 200, "no-cache"),
        ("procedure page", b"GET /p/1.001193/ HTTP/1.1", 200, "no-cache"),
        ("missing page", b"GET /p/9.999999/ HTTP/1.1", 404, "no-cache"),
        ("missing asset", b"GET /assets/nope.js HTTP/1.1", 404, "no-cache"),
        ("asset range", b"GET /assets/app.0123456789.js HTTP/1.1\r\nRange: bytes=0-9", 206, immutable),
        ("POST", b"POST / HTTP/1.1\r\nContent-Length: 0", 405, "no-cache"),
        ("DELETE", b"DELETE /p/1.001193/ HTTP/1.1", 405, "no-cache"),
        ("redirect", b"GET /p/1.001193 HTTP/1.1", 307, "no-cache"),
    ];
    for (what, req, status, cache) in cases {
        let a = server.raw(req);
        assert_eq!(a.status, status, "{what}");
        assert_security_headers(&a, what);
        // Hashed assets are kept a year; everything else, and any miss or error, is asked again.
        assert_eq!(a.header("cache-control"), Some(cache), "{what}");
    }
    // The 404 page is the site's own.
    assert!(String::from_utf8_lossy(&server.get("/khong-co/").body).contains("Không tìm thấy trang"));
    // Precompressed variants: brotli when asked for, the plain file otherwise.
    let br = server.raw(b"GET /p/1.001193/ HTTP/1.1\r\nAccept-Encoding: br");
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(br.body, server.file("p/1.001193/index.html.br"));
    assert_security_headers(&br, "brotli");
    let plain = server.get("/p/1.001193/");
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.body, server.file("p/1.001193/index.html"));
}

/// Runs `wrk` and returns its report; fails (never skips) when it is not installed.
fn wrk(args: &[&str]) -> String {
    let out = Command::new("wrk").args(args).output().unwrap_or_else(|e| {
        panic!("cannot run wrk ({e}): the load test needs Debian's wrk: apt-get install wrk (bash .ci/run installs it)")
    });
    assert!(out.status.success(), "wrk failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The value after `label` on the report line that starts with it, e.g. `99%` → "3.21ms".
fn field<'a>(report: &'a str, label: &str) -> Option<&'a str> {
    report.lines().map(str::trim).find_map(|l| l.strip_prefix(label)).map(|rest| rest.split_whitespace().next().unwrap_or(""))
}

#[test]
fn bounded_load_run_has_no_errors() {
    let server = start(small_site("load"));
    let url = format!("http://127.0.0.1:{}/p/1.001193/", server.port);
    let report = wrk(&["-t2", "-c64", "-d5s", "--latency", "-H", "Accept-Encoding: br", &url]);
    println!("wrk -t2 -c64 -d5s --latency -H 'Accept-Encoding: br' {url} (debug build of motcua serve, a brotli procedure page of {} bytes):\n{report}", server.file("p/1.001193/index.html.br").len());
    let requests: u64 = report
        .lines()
        .find_map(|l| l.trim().split_once(" requests in ").map(|(n, _)| n.parse().unwrap()))
        .expect("wrk's request count");
    assert!(requests > 0, "no request completed:\n{report}");
    // wrk prints these lines only when something went wrong.
    assert!(!report.contains("Socket errors"), "socket errors under load:\n{report}");
    assert!(!report.contains("Non-2xx or 3xx responses"), "error answers under load:\n{report}");
    let rps = field(&report, "Requests/sec:").expect("Requests/sec");
    let (p50, p99) = (field(&report, "50%").expect("p50"), field(&report, "99%").expect("p99"));
    println!("LOAD: {requests} requests, {rps} requests/s, latency p50 {p50}, p99 {p99}, 0 socket errors, 0 non-2xx");
    // And the server is still there and right.
    let a = server.raw(b"GET /p/1.001193/ HTTP/1.1\r\nAccept-Encoding: br");
    assert_eq!((a.status, a.body.len()), (200, server.file("p/1.001193/index.html.br").len()));
}
