//! End-to-end: builds the real site with `motcua build`, serves it with `motcua serve`, and runs the browser
//! tests in `tests/e2e/*.test.mjs` (node's test runner, playwright-core, Debian's `/usr/bin/chromium`).
//!
//! Needs what `.ci/run` installs: `chromium`, Node 20 and `npm ci --prefix tests/e2e`. Missing tools fail the
//! test with a message saying what to install; they never skip it.

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

#[test]
fn site_works_in_a_real_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let e2e = root.join("tests/e2e");
    assert!(
        e2e.join("node_modules/playwright-core").is_dir(),
        "playwright-core is not installed: run `npm ci --prefix tests/e2e` (bash .ci/run does)"
    );
    assert!(Path::new("/usr/bin/chromium").exists(), "Debian's chromium is missing: apt-get install chromium");

    // The content to build from: the real catalogue unless E2E_CONTENT points elsewhere.
    let content = std::env::var("E2E_CONTENT").unwrap_or_else(|_| "content".into());
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

    let mut tests: Vec<PathBuf> = std::fs::read_dir(&e2e)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    tests.sort();
    let status = Command::new("node")
        .current_dir(root)
        .args(["--test", "--test-concurrency=1"])
        .args(&tests)
        .env("BASE_URL", format!("http://127.0.0.1:{port}"))
        .env("DIST", &dist)
        .env("CONTENT", &content)
        .status()
        .expect("run node (Node 20 is needed)");
    assert!(status.success(), "browser tests failed (see node's report above)");
}
