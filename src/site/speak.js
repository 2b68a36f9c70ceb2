// "Đọc cho tôi nghe": reads a page's summary aloud with the device's own Vietnamese voice (Web Speech API),
// one part at a time (the name, each paper, the fee, the time, the place), the part being read highlighted,
// with pause and stop. For people who read Vietnamese with difficulty: the elderly, ethnic minorities.
//
// Hand-written, not in the Leptos app, for bytes: the main app is at its 100 KB budget, and speech bindings
// with their closures would push it over on every page; this file is about 1 KB (brotli), loaded only by the
// pages that read aloud (procedure pages, the basket), after they paint. No network voice: only voices on the
// device, so nothing is sent anywhere. Without a Vietnamese voice the control stays hidden.
//
// The page says what to read: `.say button[data-say]` names one of PARTS below; the matches of its selector,
// in page order, are read as they are displayed (their innerText), from the top each time the reading starts.
// The selectors follow the markup of pages/procedure.rs and pages/basket/island.rs (tests/e2e/speak.test.mjs reads
// both kinds of page).
const PARTS = {
  // An editor's summary: the name, the papers, fee, time, place, how to submit.
  summary: "h1, .brief h2, .brief li, .brief h3, .brief .glance > div, .brief > p:not(.brief-note)",
  // The official text: the name, the facts at a glance, the papers (not the portal's notes), where to submit.
  official: "h1, .glance > div, #giay-to, section[aria-labelledby=giay-to] h3, " +
    "section[aria-labelledby=giay-to] .papers > li:not(details li), #noi-nop, section[aria-labelledby=noi-nop] dd, " +
    "section[aria-labelledby=noi-nop] > p",
  // The dossier basket: its headings, every paper, the fees added up, the longest time, the places.
  basket: ".basket h2, .basket h3, .basket-papers li, .basket-fees li, .basket-longest, .basket-places li",
};
const synth = window.speechSynthesis;
const box = document.querySelector(".say");
if (synth && box && typeof SpeechSynthesisUtterance === "function") {
  const [play, pause, stop] = box.querySelectorAll("button");
  const voice = () => synth.getVoices().find((v) => /^vi([-_]|$)/i.test(v.lang));
  const show = () => { if (voice()) box.hidden = false; };
  show();
  synth.addEventListener?.("voiceschanged", show);

  let parts = [];
  let at = 0;
  let state = "idle"; // "reading", "paused"
  let turn = 0; // which utterance is current: a cancelled one's late "end" must not move on

  const mark = (el) => {
    for (const old of document.querySelectorAll(".saying")) old.classList.remove("saying");
    if (el) {
      el.classList.add("saying");
      el.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  };
  const show_state = () => {
    play.hidden = state === "reading";
    play.textContent = state === "paused" ? "Đọc tiếp" : "Đọc cho tôi nghe";
    pause.hidden = state !== "reading";
    stop.hidden = state === "idle";
    box.dataset.state = state;
  };
  const speak = () => {
    if (at >= parts.length) return finish();
    const el = parts[at];
    const text = el.innerText.replace(/\s+/g, " ").trim();
    if (!text) { at++; return speak(); }
    const u = new SpeechSynthesisUtterance(text);
    const v = voice();
    if (v) { u.voice = v; u.lang = v.lang; } else { u.lang = "vi-VN"; }
    u.rate = 0.9;
    const mine = ++turn;
    u.onend = () => { if (mine === turn && state === "reading") { at++; speak(); } };
    u.onerror = () => { if (mine === turn && state === "reading") finish(); };
    mark(el);
    synth.speak(u);
  };
  const finish = () => {
    turn++;
    state = "idle";
    at = 0;
    synth.cancel();
    mark(null);
    show_state();
  };

  play.addEventListener("click", () => {
    if (state === "idle") {
      parts = [...document.querySelectorAll(PARTS[play.dataset.say] ?? "h1")];
      at = 0;
    }
    state = "reading";
    show_state();
    synth.cancel();
    speak();
  });
  // Pausing stops the voice and keeps the place: "Đọc tiếp" reads the same part again from its start
  // (speechSynthesis.pause() is unreliable on Android).
  pause.addEventListener("click", () => {
    turn++;
    state = "paused";
    synth.cancel();
    show_state();
  });
  stop.addEventListener("click", finish);
  window.addEventListener("pagehide", () => synth.cancel());
}
