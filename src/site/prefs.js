// motcua: applies the saved display settings before the page paints (text size, high contrast, kiosk mode).
// A classic script in <head>: tiny, cached for a year, fetched alongside the stylesheet. ?kiosk=1 / ?kiosk=0
// turns kiosk mode on or off for this device. Keys are the ones the Settings island writes (pages/tools.rs).
(function () {
  // Scripts run: the page's tools will wake up, so the stylesheet keeps their place (see style.css).
  document.documentElement.classList.add("js");
  try {
    var s = localStorage, c = document.documentElement.classList;
    var k = new URLSearchParams(location.search).get("kiosk");
    if (k === "1") s.setItem("motcua.kiosk", "1");
    else if (k === "0") s.removeItem("motcua.kiosk");
    var z = s.getItem("motcua.co-chu");
    if (z === "l" || z === "xl") c.add("size-" + z);
    if (s.getItem("motcua.tuong-phan")) c.add("contrast");
    if (s.getItem("motcua.kiosk")) c.add("kiosk");
  } catch (e) {}
})();
