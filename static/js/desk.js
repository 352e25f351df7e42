/* The registration desk and kiosk: printing the badge at once on the paper this device was
   last set to, keeping a kiosk on its own pages, and reading a blank badge's code with a
   keyboard-wedge scanner or the camera. */
(function () {
  "use strict";

  const PAPERS = ["a6", "label"];
  const PAPER_KEY = "desk.paper";
  const body = document.body;

  function storedPaper() {
    try {
      return localStorage.getItem(PAPER_KEY);
    } catch (error) {
      return null;
    }
  }

  function storePaper(paper) {
    try {
      localStorage.setItem(PAPER_KEY, paper);
    } catch (error) {
      /* a device that keeps nothing prints on A6 */
    }
  }

  /* The print page: the paper named in the address, else this device's last choice. */
  function printPage() {
    const root = document.documentElement;
    const chosen = body.dataset.paperChosen;
    let paper = PAPERS.includes(chosen) ? chosen : storedPaper();
    if (!PAPERS.includes(paper)) paper = "a6";
    if (chosen) storePaper(paper);
    const showPaper = () => {
      root.dataset.paper = paper;
      document.querySelectorAll("a[data-paper]").forEach((link) => {
        if (link.dataset.paper === paper) link.setAttribute("aria-current", "true");
        else link.removeAttribute("aria-current");
      });
    };
    showPaper();
    document.querySelectorAll("a[data-paper]").forEach((link) => {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        paper = link.dataset.paper;
        storePaper(paper);
        showPaper();
        window.print();
      });
    });
    const reprint = document.getElementById("desk-reprint");
    if (reprint) reprint.addEventListener("click", () => window.print());

    const home = body.dataset.kioskHome;
    const returnSeconds = Number(body.dataset.kioskReturn || 0);
    const printNow = () => {
      window.print();
      // A kiosk goes back to an empty form once the badge is out, for the next visitor.
      if (home && returnSeconds) setTimeout(() => window.location.replace(home), returnSeconds * 1000);
    };
    // The badge's fonts first, or the printer gets the fallback font.
    (document.fonts ? document.fonts.ready : Promise.resolve()).then(() => setTimeout(printNow, 100));
    const next = document.getElementById("desk-next");
    if (next) next.focus();
  }

  /* A kiosk: no context menu, and back to an empty form after a while without a touch. */
  function kiosk() {
    document.addEventListener("contextmenu", (event) => event.preventDefault());
    const home = body.dataset.kioskHome;
    const idle = Number(body.dataset.kioskIdle || 0);
    if (!home || !idle) return;
    let timer = null;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => window.location.replace(home), idle * 1000);
    };
    ["pointerdown", "keydown", "input", "scroll"].forEach((name) =>
      document.addEventListener(name, restart, { passive: true, capture: true })
    );
    restart();
  }

  /* Binding a blank badge: a wedge scanner types the code and Enter; the name comes next. */
  function bindPage() {
    const form = document.getElementById("desk-bind");
    const code = form.elements.code;
    const name = form.elements.full_name;
    const codeRead = (text) => {
      code.value = text.trim().toUpperCase();
      name.focus();
    };
    code.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        codeRead(code.value);
      }
    });

    const button = document.getElementById("desk-camera");
    const video = document.getElementById("desk-video");
    const failed = document.getElementById("desk-camera-error");
    const camera = window.qrCamera(video);
    button.addEventListener("click", async () => {
      if (camera.running) return camera.stop();
      failed.hidden = true;
      const started = await camera.start((found) => {
        camera.stop();
        codeRead(found);
      });
      if (!started) failed.hidden = false;
    });
  }

  if (body.classList.contains("kiosk")) kiosk();
  if (body.classList.contains("desk-print")) printPage();
  if (document.getElementById("desk-bind")) bindPage();
})();
