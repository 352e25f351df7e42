/* The fair's programme on a partner's site.

   On the partner's page:
     <script src="https://FAIR/static/js/programme-widget.js" data-lang="fr"
             data-track="export" data-region="occitanie" data-day="today" async></script>
   puts the programme (FAIR/<lang>/programme-widget/?track=&region=&day=) in an iframe where
   the tag is, as tall as its content. Inside that frame, the same file tells the partner's
   page how tall the content is, whenever it changes. */
(function () {
  "use strict";
  var MESSAGE = "fairsite:programme-widget:height";
  // The frame's name for screen readers, in the widget's language (data-title overrides it).
  var TITLES = { ar: "برنامج المعرض", fr: "Programme du salon", en: "Programme of the fair" };

  if (document.documentElement.hasAttribute("data-programme-widget")) {
    // In the frame: say the content's height to the page around it.
    if (window.parent === window) return;
    var last = 0;
    var tell = function () {
      var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ type: MESSAGE, height: height }, "*");
      }
    };
    if ("ResizeObserver" in window) {
      new ResizeObserver(tell).observe(document.documentElement);
    }
    window.addEventListener("load", tell);
    document.addEventListener("DOMContentLoaded", tell);
    tell();
    return;
  }

  // On the partner's page: one frame per script tag, put where the tag is.
  var scripts = document.currentScript
    ? [document.currentScript]
    : document.querySelectorAll("script[src*='programme-widget'][data-lang]:not([data-widget-done])");
  Array.prototype.forEach.call(scripts, function (script) {
    if (script.hasAttribute("data-widget-done")) return;
    script.setAttribute("data-widget-done", "");
    var source = new URL(script.src, document.baseURI);
    var language = (script.getAttribute("data-lang") || "ar").replace(/[^a-z]/g, "") || "ar";
    var address = new URL("/" + language + "/programme-widget/", source.origin);
    ["track", "region", "day"].forEach(function (name) {
      var value = script.getAttribute("data-" + name);
      if (value) address.searchParams.set(name, value);
    });
    var frame = document.createElement("iframe");
    frame.src = address.href;
    frame.title = script.getAttribute("data-title") || TITLES[language] || TITLES.fr;
    frame.loading = "lazy";
    frame.style.cssText = "display:block;inline-size:100%;width:100%;block-size:24rem;height:24rem;border:0;overflow:hidden";
    frame.setAttribute("scrolling", "no");
    frame.className = "fairsite-programme-widget";
    window.addEventListener("message", function (event) {
      if (event.source !== frame.contentWindow || event.origin !== source.origin) return;
      var data = event.data;
      if (!data || data.type !== MESSAGE || typeof data.height !== "number") return;
      var height = Math.max(80, Math.min(Math.ceil(data.height), 20000)) + "px";
      frame.style.height = height;
      frame.style.blockSize = height;
    });
    script.parentNode.insertBefore(frame, script.nextSibling);
  });
})();
