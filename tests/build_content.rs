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

/// The texts of every `<leaf>` element of the XML file at `path`, after checking that it is well-formed (a
/// conforming parser, `roxmltree`) and that its root is `root` (namespace, name).
fn xml_texts(path: &Path, root: (&str, &str), leaf: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{} is not well-formed XML: {e}", path.display()));
    let r = doc.root_element().tag_name();
    assert_eq!((r.namespace().unwrap_or(""), r.name()), root, "{}: the root element", path.display());
    doc.descendants().filter(|n| n.has_tag_name(leaf)).filter_map(|n| n.text()).map(str::to_string).collect()
}

#[test]
fn xml_texts_refuses_what_is_not_well_formed_or_the_wrong_root() {
    let dir = temp("xml");
    let file = dir.join("x.xml");
    let fails = |xml: &str, root: (&str, &str)| {
        std::fs::write(&file, xml).unwrap();
        std::panic::catch_unwind(|| xml_texts(&file, root, "loc")).is_err()
    };
    let ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    assert!(!fails(&format!("<urlset xmlns=\"{ns}\"><url><loc>a</loc></url></urlset>"), (ns, "urlset")));
    assert!(fails(&format!("<urlset xmlns=\"{ns}\"><url><loc>a & b</loc></url></urlset>"), (ns, "urlset")), "a raw &");
    assert!(fails(&format!("<urlset xmlns=\"{ns}\"><url><loc>a</url></loc></urlset>"), (ns, "urlset")), "crossed tags");
    assert!(fails("<urlset><url><loc>a</loc></url></urlset>", (ns, "urlset")), "no namespace");
    let _ = std::fs::remove_dir_all(&dir);
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
    // Both XML files parse, with the root and namespace their readers look for, and list what they should.
    let urls = xml_texts(&out.join("sitemap.xml"), ("http://www.sitemaps.org/schemas/sitemap/0.9", "urlset"), "loc");
    assert!(urls.contains(&"https://thu-nghiem.example.vn/p/9.000003/".to_string()), "{urls:?}");
    let ids = xml_texts(&out.join("cap-nhat.xml"), ("http://www.w3.org/2005/Atom", "feed"), "id");
    assert!(ids.iter().any(|id| id.starts_with("https://thu-nghiem.example.vn/")), "{ids:?}");

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

/// Copies the fixture catalogue into `content`, so a test can add files beside it.
fn fixture_copy(content: &Path) {
    std::fs::create_dir_all(content.join("procedures")).unwrap();
    for f in ["site.toml", "synonyms.toml", "changes.toml"] {
        std::fs::copy(Path::new(FIXTURE).join(f), content.join(f)).unwrap();
    }
    for c in ["9.000001", "9.000002", "9.000003"] {
        std::fs::copy(Path::new(FIXTURE).join(format!("procedures/{c}.toml")), content.join(format!("procedures/{c}.toml"))).unwrap();
    }
}

const CENTRE: &str = "name = \"Trung tâm xã Ong Vàng (thử nghiệm)\"\ncommune = \"Xã Ong Vàng\"\nreplaces = [\"Xã Mật Ngọt\"]\naddress = \"2 Đường Thử\"\nphone = \"0999 000 100\"\n\n[[desk]]\nfields = [\"Chăn nuôi thử nghiệm\"]\nplace = \"Quầy số 2\"\nphone = \"0999 000 101\"\n";
const FEES: &str = "[[fee]]\nprocedure = \"9.000001\"\namount = 30000\nresolution = \"Nghị quyết số 1/2025/NQ-HĐND (thử nghiệm)\"\neffective = \"2025-08-01\"\n";

#[test]
fn a_province_adds_centres_and_fees_and_a_bad_one_fails_with_its_line_leaving_the_site() {
    let root = temp("centres");
    let content = root.join("content");
    fixture_copy(&content);
    std::fs::create_dir_all(content.join("centres")).unwrap();
    std::fs::write(content.join("centres/ong-vang.toml"), CENTRE).unwrap();
    std::fs::write(content.join("local_fees.toml"), FEES).unwrap();
    let out = root.join("dist");
    let built = motcua(&["build", "--content", content.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    // The default centre (site.toml) and the file's, each with a page and its data.
    let list = std::fs::read_to_string(out.join("tt/index.html")).unwrap();
    assert!(list.contains("Trung tâm thử nghiệm") && list.contains("Trung tâm xã Ong Vàng"), "both centres are listed");
    assert!(list.contains("xa mat ngot"), "the old commune's name is in the finder's folded words");
    let page = std::fs::read_to_string(out.join("tt/ong-vang/index.html")).unwrap();
    assert!(page.contains("Quầy số 2") && page.contains("tel:0999000101") && page.contains("/p/9.000001/?tt=ong-vang"), "desk, phone and the centre's procedures");
    let data: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("tt/ong-vang/tt.json")).unwrap()).unwrap();
    assert_eq!(data["desk"][0]["fields"][0], "Chăn nuôi thử nghiệm");
    assert!(out.join("tt/trung-tam/tt.json").exists(), "the site's own centre is the default, slug trung-tam");
    // The province's fee, with its source, where the national line was.
    let proc_page = std::fs::read_to_string(out.join("p/9.000001/index.html")).unwrap();
    assert!(proc_page.contains("30.000 đồng (mức của địa phương theo Nghị quyết số 1/2025/NQ-HĐND (thử nghiệm), từ 01/08/2025)"), "the local fee and its source");
    assert!(proc_page.contains("Mức ghi trên Cổng Dịch vụ công quốc gia"), "the national figure one tap away");

    // A centre with a field no procedure has and a phone nobody can dial; a fee for a procedure that does not
    // exist: each fails the build with its file and line, and the built site stays as it was.
    let before = std::fs::read(out.join("tt/ong-vang/index.html")).unwrap();
    std::fs::write(content.join("centres/ong-vang.toml"), CENTRE.replace("Chăn nuôi thử nghiệm", "Chăn nuôi").replace("0999 000 101", "gọi anh Ba")).unwrap();
    std::fs::write(content.join("local_fees.toml"), FEES.replace("9.000001", "9.999999")).unwrap();
    std::fs::write(content.join("centres/Xa Moi.toml"), CENTRE).unwrap();
    let failed = motcua(&["build", "--content", content.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(!failed.status.success());
    assert!(stderr.contains("nội dung có 4 lỗi"), "{stderr}");
    assert!(stderr.contains("ong-vang.toml:8: desk[0].fields: no procedure is in the field \"Chăn nuôi\""), "{stderr}");
    assert!(stderr.contains("ong-vang.toml:10: desk[0].phone: \"gọi anh Ba\" has characters a phone cannot dial"), "{stderr}");
    assert!(stderr.contains("local_fees.toml:1: fee[0].procedure: no procedure has the code \"9.999999\""), "{stderr}");
    assert!(stderr.contains("Xa Moi.toml: the file name \"Xa Moi\" is the centre's web address"), "{stderr}");
    assert_eq!(std::fs::read(out.join("tt/ong-vang/index.html")).unwrap(), before, "a failed build leaves dist/ untouched");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn every_centre_gets_its_own_folder_of_posters() {
    let root = temp("centre-posters");
    let content = root.join("content");
    fixture_copy(&content);
    std::fs::create_dir_all(content.join("centres")).unwrap();
    std::fs::write(content.join("centres/ong-vang.toml"), CENTRE).unwrap();
    let out = root.join("posters");
    let run = motcua(&["posters", "--content", content.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    // Commune-level procedures only (9.000002 is provincial), in each centre's folder, with its header and desk.
    let svg = std::fs::read_to_string(out.join("ong-vang/p/9.000001.svg")).unwrap();
    assert!(svg.contains("Trung tâm xã Ong Vàng") && svg.contains("Quầy số 2"), "the centre's header and its desk");
    assert!(svg.contains("/p/9.000001/?tt=ong-vang"), "the address printed under the code is the page in the centre's context");
    assert!(!out.join("ong-vang/p/9.000002.svg").exists(), "a provincial procedure is not on a commune's wall");
    let tiles = std::fs::read_to_string(out.join("ong-vang/linh-vuc/chan-nuoi-thu-nghiem-1.svg")).unwrap();
    assert!(tiles.contains("Nộp tại: Quầy số 2"), "a field's sheet names the centre's desk for it");
    assert!(out.join("trung-tam/p/9.000001.svg").exists(), "the site's own centre too");
    assert!(std::fs::read_to_string(out.join("trung-tam/p/9.000001.svg")).unwrap().contains("/p/9.000001/<"), "its posters link the plain page");
    let unknown = motcua(&["posters", "--content", content.to_str().unwrap(), "--out", out.to_str().unwrap(), "--centre", "khong-co"]);
    assert!(!unknown.status.success() && String::from_utf8_lossy(&unknown.stderr).contains("không có trung tâm \"khong-co\""));
    let _ = std::fs::remove_dir_all(&root);
}

/// A synonym phrase that, typed without marks, is other words of a name would be read wherever a query says those
/// words: the check refuses it and quotes the name's words.
#[test]
fn check_refuses_a_synonym_that_is_other_words_of_a_name() {
    let root = temp("two-things");
    let content = root.join("content");
    fixture_copy(&content);
    let syn = content.join("synonyms.toml");
    let text = std::fs::read_to_string(&syn).unwrap() + "\n[[synonym]]\nwords = [\"ong mát\"]\nmeans = \"ong mật\"\n";
    std::fs::write(&syn, text).unwrap();
    let out = motcua(&["check", "--content", content.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the check passed a synonym that is other words of a name");
    assert!(stderr.contains("«ong mát» typed without marks is «ong mật» in 9.000001"), "{stderr}");
    let _ = std::fs::remove_dir_all(&root);
}

/// A `marked` word of `variant_words.toml` typed without marks would ask for a variant wherever its letters are
/// typed ("lai" is also "lái"): the check refuses it with its file and line.
#[test]
fn check_refuses_a_variant_word_without_its_marks() {
    let root = temp("variant-words");
    let content = root.join("content");
    fixture_copy(&content);
    std::fs::write(content.join("variant_words.toml"), "name = [\"cấp lại\"]\n\nmarked = [\"lai\"]\n").unwrap();
    let out = motcua(&["check", "--content", content.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the check passed a marked word without marks");
    assert!(stderr.contains("variant_words.toml:3: marked: «lai» has no marks"), "{stderr}");
    let _ = std::fs::remove_dir_all(&root);
}
