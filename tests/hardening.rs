//! Hardening (issue 8): broken content fails `motcua build` loudly and precisely and leaves the previous site
//! alone; hostile text in every field of a procedure comes out inert in every page, the search index and the
//! copied text; portal links are https only.

use motcua::content::life_events::LifeEvent;
use motcua::content::{Catalogue, Procedure, Related};
use motcua::pages::{Assets, Page, SiteIndex, render_page};
use std::collections::BTreeMap;
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

/// A real content folder (site settings, synonyms, life events, shared papers and every procedure they need, plus the
/// victims), valid as copied.
fn real_content(dir: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    std::fs::create_dir_all(dir.join("procedures")).unwrap();
    for f in ["site.toml", "synonyms.toml", "life_events.toml", "shared_papers.toml"] {
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
    expected.push((p("1.000588"), l, "name".into(), "TOML syntax error", "fix the syntax"));
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
    // A life event naming a procedure that does not exist.
    let l = break_file(&content, "life_events.toml", "9.999999", |t| t.replacen("\"1.001939\"", "\"9.999999\"", 1));
    let events = std::fs::read_to_string(content.join("life_events.toml")).unwrap();
    let event = events[..events.find("9.999999").unwrap()].matches("[[event]]").count() - 1;
    expected.push(("life_events.toml".into(), l, format!("event[{event}].procedures"), "unknown procedure code \"9.999999\"", "fix the code or remove it"));
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

/// Text that breaks out of HTML text, attributes, URLs, SVG/XML and textareas if anything is left unescaped.
const PAYLOAD: &str = "javascript:alert(1)<script>alert(1)</script>\"><img src=x onerror=alert(1)>']]></svg><script>alert(2)</script> & &amp; ' \" </textarea></title><style>*{display:none}</style><!--";

/// A harmless text of the same shape, for the clean render the hostile one is compared with.
const PLAIN: &str = "Giấy tờ bình thường";

/// The real birth registration procedure with every list filled, every text field (found by walking its
/// serialised form, so a field added later is covered too) set to `text`. Enum-valued strings (levels,
/// channels, units) keep their values: the content model refuses anything else.
fn procedure_with(text: &str) -> Procedure {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/procedures/1.001193.toml");
    let mut p: Procedure = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // Every list gets at least one item (and every optional text a value), so every part of the page shows.
    let s = |t: &str| t.to_string();
    p.audiences.push(s("x"));
    p.results.push(s("x"));
    p.keywords.push(s("x"));
    p.agencies.carrying_out.push(s("x"));
    p.agencies.competent.push(s("x"));
    p.agencies.authorized.push(s("x"));
    p.agencies.coordinating.push(s("x"));
    p.agencies.receiving_address = s("x");
    p.related.push(Related { code: String::new(), name: s("x") });
    p.requirements = s("x");
    p.description = s("x");
    p.decision = s("x");
    p.kind = s("x");
    for m in &mut p.methods {
        m.description = s("x");
        m.time.text = s("x");
        m.fees.push(motcua::content::Fee { kind: s("x"), amount: Some(1000), rule: s("x") });
    }
    for g in &mut p.papers {
        g.name = s("x");
        for paper in &mut g.papers {
            paper.form = s("x");
        }
        g.papers.push(motcua::content::Paper { name: s("x"), originals: 1, copies: 2, form: s("x"), note: false });
        g.papers.push(motcua::content::Paper { name: s("x"), note: true, ..Default::default() });
    }
    p.steps.push(motcua::content::Step { text: s("x") });
    p.legal_basis.push(motcua::content::LegalDoc { number: s("x"), title: s("x"), ..Default::default() });
    p.flags.push(motcua::content::Flag { field: s("x"), reason: s("x") });

    let mut value = serde_json::to_value(&p).unwrap();
    let mut replaced = 0;
    let mut paths = Vec::new();
    fn leaves(v: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match v {
            serde_json::Value::String(_) => out.push(path.clone()),
            serde_json::Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| {
                path.push(i.to_string());
                leaves(x, path, out);
                path.pop();
            }),
            serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
                path.push(k.clone());
                leaves(x, path, out);
                path.pop();
            }),
            _ => {}
        }
    }
    leaves(&value, &mut Vec::new(), &mut paths);
    for path in paths {
        let last = path.last().unwrap();
        if last == "code" || last == "portal_url" {
            continue;
        }
        let pointer = format!("/{}", path.join("/"));
        let old = value.pointer(&pointer).unwrap().clone();
        *value.pointer_mut(&pointer).unwrap() = serde_json::Value::String(text.to_string());
        if serde_json::from_value::<Procedure>(value.clone()).is_ok() {
            replaced += 1;
        } else {
            *value.pointer_mut(&pointer).unwrap() = old; // an enum: keep it
        }
    }
    assert!(replaced > 40, "only {replaced} text fields were set");
    serde_json::from_value(value).unwrap()
}

/// One element of a page, as a browser's HTML parser builds it.
#[derive(Debug)]
struct Element {
    /// Its name, lower case.
    name: String,
    /// Attribute names (lower case, namespace prefix dropped: `xlink:href` is `href`) and values (decoded).
    attrs: Vec<(String, String)>,
    /// The raw body of a script or style element (empty for other elements).
    body: String,
}

/// Every element of `doc`, from a WHATWG HTML parser (html5ever, through `scraper`): what the browser would
/// build, so text that a browser would read as markup is markup here too.
fn elements(doc: &str) -> Vec<Element> {
    let html = scraper::Html::parse_document(doc);
    html.tree
        .nodes()
        .filter_map(scraper::ElementRef::wrap)
        .map(|e| {
            let name = e.value().name().to_string();
            let body = if name == "script" || name == "style" { e.text().collect() } else { String::new() };
            Element { attrs: e.value().attrs().map(|(k, v)| (k.to_string(), v.to_string())).collect(), name, body }
        })
        .collect()
}

/// The parser's complaints about `doc` (an unclosed tag, a duplicate attribute, a stray `<`): text that broke
/// out of its place shows up here.
fn parse_errors(doc: &str) -> Vec<String> {
    scraper::Html::parse_document(doc).errors.iter().map(|e| e.to_string()).collect()
}

/// The bodies of the inline scripts of `doc` (script elements with no `src`).
fn inline_scripts(doc: &str) -> Vec<String> {
    elements(doc).into_iter().filter(|e| e.name == "script" && !e.attrs.iter().any(|(k, _)| k == "src")).map(|e| e.body).collect()
}

/// The site's own inline scripts: those of a clean render with none of its content text in them (a page's CSP
/// allows such a script by its hash). A script made from content would differ in the hostile render, and fail.
fn own_inline_scripts(pages: &[(String, String)]) -> Vec<String> {
    let mut own: Vec<String> = pages.iter().flat_map(|(_, html)| inline_scripts(html)).filter(|s| !s.contains(PLAIN)).collect();
    own.sort();
    own.dedup();
    own
}

/// Everything in a rendered page that would run or load something the site did not mean to: script elements
/// other than the site's own module scripts and its own inline scripts (`allowed`), event handler attributes,
/// `javascript:`/`data:` URLs, non-https absolute links, inline styles (the CSP forbids them), and island props
/// that are not valid JSON.
fn active_content(doc: &str, allowed: &[String]) -> Vec<String> {
    let mut bad = Vec::new();
    for t in elements(doc) {
        for (k, v) in &t.attrs {
            let v_l = v.trim().to_ascii_lowercase();
            if k.starts_with("on") {
                bad.push(format!("event handler {k}={v:?} on <{}>", t.name));
            }
            if k == "style" {
                bad.push(format!("inline style on <{}>", t.name));
            }
            if matches!(k.as_str(), "href" | "src" | "action" | "formaction" | "poster" | "data") {
                if v_l.starts_with("javascript:") || v_l.starts_with("vbscript:") || (v_l.starts_with("data:") && t.name != "img") {
                    bad.push(format!("{k}={v:?} on <{}>", t.name));
                }
                if v_l.contains("://") && !v_l.starts_with("https://") && !v_l.starts_with("http://www.w3.org/") {
                    bad.push(format!("non-https {k}={v:?} on <{}>", t.name));
                }
            }
            if k == "data-props" && serde_json::from_str::<serde_json::Value>(v).is_err() {
                bad.push(format!("island props are not JSON: {v}"));
            }
        }
        if t.name == "script" {
            let src = t.attrs.iter().find(|(k, _)| k == "src").map(|(_, v)| v.as_str());
            let own = match src {
                Some(src) => src.starts_with("/assets/") && t.body.is_empty(),
                None => allowed.contains(&t.body),
            };
            if !own {
                bad.push(format!("script element {:?} with body {:?}", t.attrs, t.body.chars().take(60).collect::<String>()));
            }
        }
        // The one style element is the site's stylesheet, from the build, never from content.
        if t.name == "style" && t.body != SITE_CSS {
            bad.push(format!("style element {:?}", t.body.chars().take(60).collect::<String>()));
        }
    }
    bad
}

/// How many elements of each name the documents hold.
fn tag_counts<'a>(docs: impl Iterator<Item = &'a String>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for d in docs {
        for t in elements(d) {
            *counts.entry(t.name).or_insert(0) += 1;
        }
    }
    counts
}

/// The stylesheet the hostile sites' pages carry inline.
const SITE_CSS: &str = "body{color:#111}.a>.b{content:\"&<\"}";

/// A one-procedure site whose every text (procedure, site settings, life event) is `text`.
fn site_with(text: &str, p: Procedure) -> SiteIndex {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/site.toml");
    let mut site: motcua::content::Site = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    site.title = text.into();
    site.description = text.into();
    site.centre.name = text.into();
    site.centre.address = text.into();
    site.centre.phone = text.into();
    site.centre.hours = text.into();
    let event = LifeEvent { slug: "sinh-con".into(), title: text.into(), description: text.into(), combined: vec![], procedures: vec![p.code.clone()], covers: Default::default() };
    // A centre whose every word is hostile, so its page, the list and the finder's keys are checked too.
    let desk = motcua::content::Desk { fields: vec![p.field.clone()], place: text.into(), address: text.into(), hours: text.into(), phone: text.into(), officer: text.into() };
    let point = motcua::content::ReceptionPoint { name: text.into(), address: text.into(), hours: text.into(), phone: text.into() };
    let other = motcua::content::Centre { slug: "thu".into(), commune: text.into(), replaces: vec![text.into()], desks: vec![desk], points: vec![point], ..site.centre.clone() };
    let centres = vec![motcua::content::Centre { slug: "trung-tam".into(), ..site.centre.clone() }, other];
    let catalogue = Catalogue { site, procedures: vec![p], life_events: vec![event], changes: Vec::new(), shared_papers: Vec::new(), centres };
    let assets = Assets {
        css: "/assets/style.t.css".into(),
        css_text: SITE_CSS.into(),
        css_sha256: motcua::site::sha256_base64(SITE_CSS.as_bytes()),
        js: "/assets/app.t.js".into(),
        app_glue: "/assets/motcua.t.js".into(),
        app_wasm: "/assets/motcua_bg.t.wasm".into(),
        poster_js: "/assets/app-in.t.js".into(),
        poster_css: "/assets/poster.t.css".into(),
        speak_js: "/assets/speak.t.js".into(),
        centre_js: "/assets/centre.t.js".into(),
        basket_css: "/assets/basket.t.css".into(),
        search_index: "/assets/search-t/".into(),
    };
    SiteIndex::new(catalogue, assets)
}

/// Every page of a site, rendered.
fn render_all(idx: &SiteIndex) -> Vec<(String, String)> {
    Page::all(idx).into_iter().map(|page| (format!("{page:?}"), render_page(page, idx))).collect()
}

#[test]
fn hostile_text_in_every_field_stays_text_in_every_page() {
    let clean = render_all(&site_with(PLAIN, procedure_with(PLAIN)));
    let hostile_p = procedure_with(PAYLOAD);
    let hostile = render_all(&site_with(PAYLOAD, hostile_p.clone()));
    assert_eq!(clean.len(), hostile.len());
    let allowed = own_inline_scripts(&clean);
    for (page, html) in clean.iter().chain(&hostile) {
        let bad = active_content(html, &allowed);
        assert!(bad.is_empty(), "{page}: {}", bad.join("\n"));
    }
    // The payload's markup became no markup at all: the same elements as the harmless text, page by page.
    for ((page, c), (_, h)) in clean.iter().zip(&hostile) {
        assert_eq!(tag_counts(std::iter::once(h)), tag_counts(std::iter::once(c)), "{page}: the hostile text changed the markup");
        assert_eq!(parse_errors(h), parse_errors(c), "{page}: the hostile text made the HTML parser complain");
    }
    // And it is there, as text (the test is not passing because the fields are not shown).
    let (_, proc_page) = hostile.iter().find(|(p, _)| p.starts_with("Procedure(")).unwrap();
    let shown = proc_page.matches("&lt;script&gt;alert(1)&lt;/script&gt;").count();
    assert!(shown > 20, "the payload shows {shown} times on the procedure page");
    for (page, html) in &hostile {
        assert!(html.contains("&lt;script&gt;alert(1)"), "{page} shows none of the hostile text");
    }

    // The plain text the copy and share buttons put on the clipboard: the text as written, not HTML.
    let text = motcua::pages::summary::summary_text(&hostile_p, &site_with(PAYLOAD, hostile_p.clone()).catalogue.site);
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(!text.contains("&lt;") && !text.contains("&amp;amp;"), "the copied text is plain, not escaped HTML: {text}");

    // The search index's document table carries names, fees and times byte for byte.
    let info = motcua::search::native::doc_info(&hostile_p);
    assert!(info.name.contains("<script>"));
    let parsed = motcua::search::engine::parse_docs(&motcua::search::engine::write_docs(std::slice::from_ref(&info))).expect("the document shard reads back");
    assert_eq!(parsed, vec![info]);

    // The QR code files carry a title: still well-formed XML with the hostile text.
    let qr = motcua::qr::Qr::encode("https://motcua.example.vn/p/1.001193/").unwrap().svg(PAYLOAD);
    assert_well_formed_xml(&qr);
}

/// Panics unless `doc` is well-formed XML (every element closed in order, attributes quoted, no raw `<` or `&`
/// in text, one root), as read by a conforming XML parser (`roxmltree`).
fn assert_well_formed_xml(doc: &str) {
    if let Err(e) = roxmltree::Document::parse(doc) {
        panic!("not well-formed XML: {e}");
    }
}

#[test]
fn portal_links_are_https_even_when_the_content_model_is_bypassed() {
    for url in ["javascript:alert(1)", "http://dichvucong.gov.vn/x", "data:text/html,<script>alert(1)</script>", " JavaScript:alert(1)", "//evil.example/"] {
        let mut p = procedure_with(PLAIN);
        p.portal_url = url.into();
        let pages = render_all(&site_with(PLAIN, p));
        let allowed = own_inline_scripts(&pages);
        for (page, html) in pages {
            let bad = active_content(&html, &allowed);
            assert!(bad.is_empty(), "{page} with portal_url {url:?}: {}", bad.join("\n"));
            for t in elements(&html) {
                for (k, v) in &t.attrs {
                    assert!(!(k == "href" && v.starts_with("//")), "{page}: protocol-relative link {v}");
                }
            }
        }
    }
}

/// The checkers above find what they look for (so the tests that use them can fail).
#[test]
fn the_checkers_catch_active_content() {
    let page = |body: &str| format!("<!DOCTYPE html><html><head><script type=\"module\" src=\"/assets/app.js\"></script></head><body>{body}</body></html>");
    let own = vec!["document.documentElement.className='js'".to_string()];
    assert!(active_content(&page("<p>&lt;script&gt; ok</p>"), &[]).is_empty());
    assert!(active_content(&page("<script>document.documentElement.className='js'</script>"), &own).is_empty());
    assert!(!active_content(&page("<script>document.documentElement.className='js';alert(1)</script>"), &own).is_empty());
    assert!(active_content(&page(&format!("<style>{SITE_CSS}</style>")), &own).is_empty());
    for bad in [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\" JavaScript:alert(1)\">x</a>",
        "<a href=\"http://dichvucong.gov.vn/\">x</a>",
        "<p style=\"color:red\">x</p>",
        "<style>*{}</style>",
        "<leptos-island data-props=\"{&quot;a&quot;:}\"></leptos-island>",
    ] {
        assert!(!active_content(&page(bad), &own).is_empty(), "missed {bad}");
    }
    assert_ne!(tag_counts(std::iter::once(&page("<b>x</b>"))), tag_counts(std::iter::once(&page("x"))));
    // Markup a naive scanner reads differently: an unquoted attribute running into the next, an `on…` handler
    // on an SVG element, a script element's end tag in upper case.
    assert!(!active_content(&page("<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>"), &own).is_empty());
    assert!(!active_content(&page("<svg onload=alert(1)></svg>"), &own).is_empty());
    assert!(!active_content(&page("<SCRIPT>alert(1)</SCRIPT >"), &own).is_empty());
    assert!(parse_errors(&page("<p>x</p>")).is_empty(), "{:?}", parse_errors(&page("<p>x</p>")));
    assert!(!parse_errors(&page("<p title=\"a\" title=\"b\">x</p>")).is_empty(), "a duplicate attribute is a parse error");
    assert_well_formed_xml("<svg><title>a &amp; b</title><rect/></svg>");
    for bad in ["<svg><title>a & b</title></svg>", "<svg><title>]]></svg><script></title></svg>", "<svg><text></svg>"] {
        assert!(std::panic::catch_unwind(|| assert_well_formed_xml(bad)).is_err(), "missed {bad}");
    }
}
