//! Content is data: `motcua build --content <folder>` builds any valid content folder with its own search index
//! (no Rust is compiled from content), `motcua check` reports its state, and a rebuild with nothing changed
//! rewrites and recompresses nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURE: &str = "tests/fixtures/catalogue";

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("motcua-build-content-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn motcua(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_motcua")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

#[test]
fn a_small_catalogue_builds_with_its_own_search_index() {
    let checked = motcua(&["check", "--content", FIXTURE]);
    assert!(checked.status.success(), "{}", String::from_utf8_lossy(&checked.stderr));
    assert!(String::from_utf8_lossy(&checked.stdout).contains("3 thủ tục (1 có tóm tắt biên tập)"));

    let root = temp("fixture");
    let out = root.join("dist");
    let built = motcua(&["build", "--content", FIXTURE, "--out", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(built.status.success(), "{stderr}");
    for page in ["index.html", "p/9.000001/index.html", "p/9.000002/index.html", "cap-nhat/index.html", "cap-nhat.xml", "sitemap.xml"] {
        assert!(out.join(page).exists(), "{page} was not built");
    }
    assert!(!out.join("p/1.001193").exists(), "only the fixture's procedures");
    let page = std::fs::read_to_string(out.join("p/9.000001/index.html")).unwrap();
    assert!(page.contains("Đăng ký chăn nuôi ong mật") && page.contains("Thủ tục thử nghiệm"));
    let feed = std::fs::read_to_string(out.join("cap-nhat.xml")).unwrap();
    assert!(feed.contains("https://thu-nghiem.example.vn/p/9.000002/") && feed.contains("Phí, lệ phí"), "{feed}");

    // Its own search index: three documents, found with the fixture's synonym.
    let dir = std::fs::read_to_string(out.join("search.txt")).unwrap();
    let core = std::fs::read(out.join(dir.trim().trim_start_matches('/')).join("core.bin")).unwrap();
    let parsed = motcua::search::engine::Core::parse(&core).expect("core.bin of the fixture parses");
    assert_eq!(parsed.docs, 3);
    let local = motcua::search::native::Local::from_content(Path::new(FIXTURE)).unwrap();
    let (_, results) = local.query("nuoi ong", false, &Default::default(), 3);
    let first = results.hits.first().map(|h| local.docs[h.doc as usize].code.as_str());
    assert_eq!(first, Some("9.000001"));

    // Nothing changed: nothing is compressed again.
    let again = motcua(&["build", "--content", FIXTURE, "--out", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(again.status.success(), "{stderr}");
    assert!(stderr.contains("nén mới 0 tệp"), "a rebuild with nothing changed compressed files again:\n{stderr}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn check_reports_every_problem_with_its_line() {
    let root = temp("check");
    let content = root.join("content");
    std::fs::create_dir_all(content.join("procedures")).unwrap();
    for f in ["site.toml", "synonyms.toml", "changes.toml"] {
        std::fs::copy(Path::new(FIXTURE).join(f), content.join(f)).unwrap();
    }
    for c in ["9.000001", "9.000002", "9.000003"] {
        std::fs::copy(Path::new(FIXTURE).join(format!("procedures/{c}.toml")), content.join(format!("procedures/{c}.toml"))).unwrap();
    }
    // A summary citing a paper the file does not have and naming a shared paper that does not exist, and a
    // change dated wrongly.
    let p = content.join("procedures/9.000001.toml");
    let text = std::fs::read_to_string(&p)
        .unwrap()
        .replace("papers = [\"Tờ khai đăng ký chăn nuôi ong\"]", "papers = [\"Giấy phép nuôi ong\"]\nsame = \"giay-la\"");
    std::fs::write(&p, text).unwrap();
    let c = content.join("changes.toml");
    std::fs::write(&c, std::fs::read_to_string(&c).unwrap().replace("2026-11-28", "28/11/2026")).unwrap();
    let out = motcua(&["check", "--content", content.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("nội dung có 3 lỗi"), "{stderr}");
    assert!(stderr.contains("9.000001.toml:37: summary.bring[0].same: \"giay-la\" is not a paper of content/shared_papers.toml"), "{stderr}");
    assert!(stderr.contains("9.000001.toml:36: summary.bring[0].papers: \"Giấy phép nuôi ong\" is not in any official paper"), "{stderr}");
    assert!(stderr.contains("changes.toml:1: change[0].date: \"28/11/2026\" is not a date"), "{stderr}");
    let _ = std::fs::remove_dir_all(&root);
}
