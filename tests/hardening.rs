//! Hardening (issue 8): broken content fails `motcua build` loudly and precisely and leaves the previous site
//! alone; hostile text in every field of a procedure comes out inert in every page, the search index and the
//! copied text; portal links are https only.

use motcua::content::Catalogue;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh, empty folder for one test.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("motcua-hardening-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Procedures copied into the broken content folder besides those `life_events.toml` names; each gets one
/// problem.
const VICTIMS: [&str; 8] = ["1.000588", "1.001320", "1.002051", "1.002856", "1.003475", "1.004110", "1.004839", "1.007655"];

/// A real content folder (site settings, synonyms, life events and every procedure they need, plus the
/// victims), valid as copied.
fn real_content(dir: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    std::fs::create_dir_all(dir.join("procedures")).unwrap();
    for f in ["site.toml", "synonyms.toml", "life_events.toml"] {
        std::fs::copy(from.join(f), dir.join(f)).unwrap();
    }
    let events = std::fs::read_to_string(from.join("life_events.toml")).unwrap();
    let mut codes: Vec<String> = VICTIMS.iter().map(|s| s.to_string()).collect();
    let bytes = events.as_bytes();
    for (i, _) in events.match_indices('"') {
        // Every quoted `N.NNNNNN`.
        if bytes.len() > i + 9 && bytes[i + 9] == b'"' {
            let c = &events[i + 1..i + 9];
            if motcua::content::validate::valid_code(c) {
                codes.push(c.to_string());
            }
        }
    }
    for c in codes {
        let name = format!("{c}.toml");
        std::fs::copy(from.join("procedures").join(&name), dir.join("procedures").join(&name)).unwrap();
    }
}

/// Rewrites one content file with `edit`; returns the 1-based line of the first line containing `marker` after
/// the edit (where the problem now is).
fn break_file(dir: &Path, file: &str, marker: &str, edit: impl FnOnce(String) -> String) -> usize {
    let path = dir.join(file);
    let text = edit(std::fs::read_to_string(&path).unwrap());
    std::fs::write(&path, &text).unwrap();
    text.lines().position(|l| l.contains(marker)).unwrap_or_else(|| panic!("{marker:?} not in {file} after the edit")) + 1
}

/// Replaces the first line starting with `key = ` by `line`.
fn set_line(text: String, key: &str, line: &str) -> String {
    let prefix = format!("{key} = ");
    let mut done = false;
    let out: Vec<String> = text
        .lines()
        .map(|l| if !done && l.starts_with(&prefix) { done = true; line.to_string() } else { l.to_string() })
        .collect();
    assert!(done, "no `{prefix}` line");
    out.join("\n") + "\n"
}

#[test]
fn broken_content_fails_the_build_precisely_all_at_once_and_leaves_dist_alone() {
    let root = temp("broken");
    let content = root.join("content");
    real_content(&content);
    // The copy is valid before it is broken, so every error below comes from one breakage.
    assert!(Catalogue::load(&content).is_ok(), "the copied content should validate: {:?}", Catalogue::load(&content).err());

    let p = |code: &str| format!("procedures/{code}.toml");
    // (file, line, field, what the message says, what it tells people to do)
    let mut expected: Vec<(String, usize, String, &str, &str)> = Vec::new();
    let l = break_file(&content, &p("1.000588"), "name = ", |t| {
        let at = t.find("\nname = \"").unwrap() + 1;
        let end = at + t[at..].find('\n').unwrap();
        format!("{}{}", &t[..end - 1], &t[end..]) // drop the closing quote
    });
    expected.push((p("1.000588"), l, String::new(), "TOML syntax error", "fix the syntax"));
    break_file(&content, &p("1.001320"), "code = ", |t| {
        let at = t.find("\nname = ").unwrap() + 1;
        let end = at + t[at..].find('\n').unwrap() + 1;
        format!("{}{}", &t[..at], &t[end..])
    });
    let l = break_file(&content, &p("1.001320"), "code = ", |t| t);
    expected.push((p("1.001320"), l, "name".into(), "missing field `name`", "add it"));
    let l = break_file(&content, &p("1.002051"), "usage_weight", |t| set_line(t, "usage_weight", "usage_weight = \"nhiều\""));
    expected.push((p("1.002051"), l, "usage_weight".into(), "invalid type: string \"nhiều\"", "write a value of the expected kind"));
    // A second file with the same code (the file name then differs from the code: two problems, two messages).
    std::fs::copy(content.join(p("1.002856")), content.join(p("1.002857"))).unwrap();
    let l = break_file(&content, &p("1.002857"), "code = ", |t| t);
    expected.push((p("1.002857"), l, "code".into(), "is also used by", "fix one of them"));
    expected.push((p("1.002857"), l, "code".into(), "the file is named 1.002857.toml", "rename the file"));
    let l = break_file(&content, &p("1.003475"), "colour", |t| t.replacen("\nfield = ", "\ncolour = \"đỏ\"\nfield = ", 1));
    expected.push((p("1.003475"), l, "colour".into(), "unknown field `colour`", "remove it or fix its spelling"));
    let l = break_file(&content, &p("1.004110"), "description = \"aaaa", |t| {
        t.replacen("\nrequirements = ", &format!("\ndescription = \"{}\"\nrequirements = ", "a".repeat(10 * 1024 * 1024)), 1)
    });
    expected.push((p("1.004110"), l, "description".into(), "bytes", "shorten this value"));
    let l = break_file(&content, &p("1.004839"), "portal_url", |t| t.replacen("portal_url = \"https://", "portal_url = \"http://", 1));
    expected.push((p("1.004839"), l, "portal_url".into(), "is not an https address", "use the procedure's https page"));
    let l = break_file(&content, &p("1.007655"), "portal_url", |t| set_line(t, "portal_url", "portal_url = \"javascript:alert(1)\""));
    expected.push((p("1.007655"), l, "portal_url".into(), "\"javascript:alert(1)\" is not an https address", "use the procedure's https page"));
    // A required field missing inside a table of an array.
    let l = break_file(&content, &p("1.007655"), "[[methods]]", |t| {
        let at = t.find("\nchannel = ").unwrap() + 1;
        let end = at + t[at..].find('\n').unwrap() + 1;
        format!("{}{}", &t[..at], &t[end..])
    });
    expected.push((p("1.007655"), l, "methods[0].channel".into(), "missing field `channel`", "add it"));
    let l = break_file(&content, "site.toml", "base_url", |t| set_line(t, "base_url", "base_url = \"http://motcua.example.vn\""));
    expected.push(("site.toml".into(), l, "base_url".into(), "is not an https address", "write the public address"));

    // A previous site, which a failed build must not touch.
    let dist = root.join("dist");
    std::fs::create_dir_all(dist.join("p")).unwrap();
    std::fs::write(dist.join("marker.txt"), "the old site").unwrap();
    std::fs::write(dist.join("p/index.html"), "<p>old</p>").unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(["build", "--content", "content", "--out", "dist"])
        .current_dir(&root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the build must fail on broken content:\n{stderr}");
    let reported: Vec<&str> = stderr.lines().filter(|l| l.starts_with("content/")).collect();
    for (file, line, field, says, hint) in &expected {
        let prefix = if field.is_empty() { format!("content/{file}:{line}: ") } else { format!("content/{file}:{line}: {field}: ") };
        let hit = reported.iter().find(|l| l.starts_with(&prefix) && l.contains(says));
        let hit = hit.unwrap_or_else(|| panic!("no message `{prefix}… {says} …` in:\n{stderr}"));
        assert!(hit.contains(hint), "the message does not say what to do ({hint:?}): {hit}");
    }
    // One message per problem: nothing else, nothing twice.
    assert_eq!(reported.len(), expected.len(), "one message per problem, got:\n{}", reported.join("\n"));
    assert!(stderr.contains(&format!("nội dung có {} lỗi", expected.len())), "{stderr}");

    // The old site is intact and no staging folder is left beside it.
    assert_eq!(std::fs::read_to_string(dist.join("marker.txt")).unwrap(), "the old site");
    assert_eq!(std::fs::read_to_string(dist.join("p/index.html")).unwrap(), "<p>old</p>");
    let mut left: Vec<String> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert_eq!(left, ["content", "dist"], "a failed build leaves nothing behind");
    let mut in_dist: Vec<String> = std::fs::read_dir(&dist).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    in_dist.sort();
    assert_eq!(in_dist, ["marker.txt", "p"]);
    let _ = std::fs::remove_dir_all(&root);
}
