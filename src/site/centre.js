// "Your centre": which public service centre a reader goes to, kept on the device, and that centre's desk,
// hours and phone beside a procedure's national text ("Ở <centre>: nộp tại …, giờ …, gọi …").
//
// - A centre's posters and counter sheets link `/p/<code>/?tt=<slug>`: opening one remembers the centre.
// - A centre's page (`/tt/<slug>/`) has "Chọn làm trung tâm của tôi".
// - The list (`/tt/`) finds a centre by its new or an old commune's name, marks or not.
// The centre's data (`/tt/<slug>/tt.json`, written by the build) is kept on the device too, so the box shows at
// once and offline; it is fetched again in the background to stay current.
//
// Hand-written, not in the Leptos app, for bytes: the main app is at its 100 KB budget and this is about 2.5 KB
// (brotli), loaded after the page paints by procedure and centre pages only. Every text from the data goes in
// with textContent, never as HTML. Without JavaScript, pages link to the centres' list instead.
const KEY = "motcua.trung-tam";
const DATA = "motcua.trung-tam.data";
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;

const get = (k) => { try { return localStorage.getItem(k); } catch (_) { return null; } };
const set = (k, v) => { try { localStorage.setItem(k, v); } catch (_) { /* private mode: this visit only */ } };

const params = new URLSearchParams(location.search);
const linked = params.get("tt");
// A link's centre counts once its data is found: a mistyped or retired code never erases the reader's choice.
const fromLink = linked && SLUG.test(linked) ? linked : null;
const kept = get(KEY);
const chosen = fromLink ?? (kept && SLUG.test(kept) ? kept : null);

// The search analyzer's folded words (search/analyzer.rs `words`): marks off, đ as d, lower case, a final y
// after a consonant written i (Mỹ/Mĩ → mi), words of letters and digits. The list's `data-k` holds each
// centre's words folded by the analyzer itself at build time; tests/e2e/centres.test.mjs checks the two agree.
const words = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase()
  .split(/[^a-z0-9]+/).filter(Boolean).map((w) => w.replace(/([b-df-hj-np-tv-xz])y$/, "$1i"));

async function fetchCentre(slug) {
  try {
    const res = await fetch(`/tt/${slug}/tt.json`);
    const c = res.ok ? await res.json() : null;
    if (c && c.slug === slug) {
      set(DATA, JSON.stringify(c));
      if (slug === fromLink) set(KEY, slug);
      return c;
    }
  } catch (_) { /* offline: the kept copy, if any, is shown */ }
  return null;
}

/** The centre's data: the kept copy at once (refreshed in the background), else the network. */
async function centre(slug) {
  let kept = null;
  try { kept = JSON.parse(get(DATA) ?? "null"); } catch (_) { /* damaged: fetch again */ }
  if (kept && kept.slug === slug) {
    fetchCentre(slug);
    return kept;
  }
  return fetchCentre(slug);
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function line(label, ...parts) {
  const p = el("p");
  p.append(label, ...parts);
  return p;
}

function tel(phone) {
  const a = el("a", phone);
  a.href = `tel:${phone.replace(/[^0-9+]/g, "")}`;
  return a;
}

function link(text, href) {
  const a = el("a", text);
  a.href = href;
  return a;
}

/** "Ở <centre>": where this procedure's field is handled at the reader's centre. */
function showHere(c, field, atCommune, after) {
  const desk = (c.desk ?? []).find((d) => (d.fields ?? []).includes(field));
  // A commune centre receives commune-level procedures, and what one of its desks names; not the others.
  if (!desk && !atCommune) return;
  const box = el("section", "", "brief here");
  box.setAttribute("aria-labelledby", "o-day");
  // "Xã Phong Điền" inside a sentence: "Ở xã Phong Điền"; a name without such a word stays as written.
  const where = c.commune ? c.commune.replace(/^(Xã|Phường|Thị trấn|Đặc khu) /, (w) => w.toLowerCase()) : c.name;
  const h = el("h2", `Ở ${where}`);
  h.id = "o-day";
  box.append(h);
  const place = desk ? [desk.place, desk.address || c.address] : [c.address];
  box.append(line("Nộp tại: ", el("b", place.filter(Boolean).join(", "))));
  const hours = desk?.hours || c.hours;
  if (hours) box.append(line("Giờ: ", hours));
  const phone = desk?.phone || c.phone;
  // The officer is named only beside their own phone.
  if (phone && !/^THAY/.test(phone)) box.append(line("Gọi: ", tel(phone), desk?.phone && desk.officer ? ` (${desk.officer})` : ""));
  const points = (c.point ?? []).map((p) => `${p.name} (${p.address})`);
  if (points.length) box.append(line("Cũng nhận hồ sơ tại: ", points.join("; ")));
  // Links, not words to read aloud (speak.js skips .brief-note).
  const links = line("", link("Xem trung tâm", `/tt/${c.slug}/`), " · ", link("Đổi trung tâm", "/tt/"));
  links.className = "brief-note";
  box.append(links);
  after.after(box);
}

const proc = document.querySelector("article.proc");
const fieldLink = document.querySelector('.crumbs a[href^="/linh-vuc/"]');
if (proc && fieldLink && chosen) {
  const meta = proc.querySelector(".proc-meta");
  const after = proc.querySelector(".aka") ?? meta;
  const atCommune = /Cấp xã/.test(meta?.textContent ?? "");
  centre(chosen).then((c) => { if (c && after) showHere(c, fieldLink.textContent.trim(), atCommune, after); });
} else if (fromLink) {
  fetchCentre(fromLink);
}

// A centre's page: choose it.
const page = document.querySelector("[data-centre]");
const choose = page?.querySelector(".centre-choose");
if (page && choose) {
  const slug = page.dataset.centre;
  const button = choose.querySelector("button");
  const status = choose.querySelector(".centre-chosen");
  const show = () => {
    const mine = get(KEY) === slug;
    button.hidden = mine;
    status.textContent = mine ? "Đã chọn. Trang mỗi thủ tục sẽ ghi nơi nộp, giờ làm việc và số điện thoại của trung tâm này." : "";
  };
  button.addEventListener("click", () => {
    set(KEY, slug);
    fetchCentre(slug);
    show();
  });
  choose.hidden = false;
  show();
}

// The list: find a centre by a commune's name, new or old.
const input = document.getElementById("tim-tt");
if (input) {
  const items = [...document.querySelectorAll("li[data-k]")];
  const keys = items.map((li) => li.dataset.k.split(" "));
  const count = document.getElementById("tt-dem");
  const filter = () => {
    const q = words(input.value);
    let shown = 0;
    items.forEach((li, i) => {
      const hit = q.every((w) => keys[i].some((k) => k.startsWith(w)));
      li.hidden = !hit;
      if (hit) shown += 1;
    });
    const said = input.value.trim();
    count.textContent = !q.length ? `${items.length} trung tâm`
      : shown ? `${shown} trung tâm khớp với “${said}”`
      : `Không thấy trung tâm nào khớp với “${said}”. Thử tên xã cũ, hoặc gõ ít chữ hơn.`;
  };
  input.value = params.get("q") ?? "";
  input.addEventListener("input", filter);
  input.form?.addEventListener("submit", (e) => { e.preventDefault(); filter(); });
  filter();
}
