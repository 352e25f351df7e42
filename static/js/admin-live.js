/* Keeps a part of an admin page up to date without reloading the page.

   <div id="…" data-live-src="?fragment=1" data-live-seconds="15"> asks its address (the
   page's own when data-live-src is empty) every data-live-seconds seconds, finds the element
   with the same id in the answer and copies into each of its [data-live-part] children the
   new content of the part of the same name, when it changed: a part that is a live region
   (aria-live) is read out by screen readers then, and only then. An answer whose element no
   longer has data-live-src (a finished print job) is the last one asked for. Nothing is asked
   while the page is hidden; an answer that fails leaves the page as it was, until the next. */
(() => {
  "use strict";

  function follow(region) {
    const seconds = Math.max(Number(region.dataset.liveSeconds) || 15, 1);
    const address = new URL(region.dataset.liveSrc || window.location.href, window.location.href);
    let waiting = false; // a refresh is due or under way

    async function refresh() {
      if (document.hidden) {
        waiting = false;
        return;
      }
      let fresh = null;
      try {
        const response = await fetch(address, {
          credentials: "same-origin",
          headers: { Accept: "text/html" },
          cache: "no-store",
        });
        if (response.ok && !response.redirected) {
          const answer = new DOMParser().parseFromString(await response.text(), "text/html");
          fresh = answer.getElementById(region.id);
        }
      } catch (error) {
        fresh = null; // no network: the figures stay as they were until the next time
      }
      if (fresh) {
        for (const part of region.querySelectorAll("[data-live-part]")) {
          const name = part.dataset.livePart;
          const next = fresh.querySelector(`[data-live-part="${CSS.escape(name)}"]`);
          if (next && next.innerHTML !== part.innerHTML) part.replaceChildren(...next.childNodes);
        }
        if (!fresh.hasAttribute("data-live-src")) {
          region.removeAttribute("data-live-src");
          document.removeEventListener("visibilitychange", wake);
          return;
        }
      }
      schedule();
    }

    function schedule() {
      waiting = true;
      window.setTimeout(refresh, seconds * 1000);
    }

    function wake() {
      if (!document.hidden && !waiting) {
        waiting = true;
        refresh();
      }
    }

    document.addEventListener("visibilitychange", wake);
    schedule();
  }

  document.querySelectorAll("[data-live-src][id]").forEach(follow);
})();
