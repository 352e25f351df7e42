/* Keeps the gate page and its files on the device, so that it opens without a network.
   The check-in API is never cached: its answers must be live. */
const CACHE = "fairsite-gate-v1";
/* The page's scripts, styles and fonts, filled in by the view that serves this file: kept
   at install, so the page opens offline however long ago the browser last fetched them. */
const ASSETS = [];

self.addEventListener("install", (event) => {
  const page = new URL("./", self.location).pathname;
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all([page, ...ASSETS].map((url) => cache.add(url).catch(() => {}))),
    ),
  );
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name)))),
  );
  self.clients.claim();
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.pathname.startsWith("/api/")) return;
  if (url.pathname.startsWith("/static/")) {
    /* Static files have content-hashed names in production: a kept copy is never stale. */
    event.respondWith(
      caches.match(event.request).then(
        (hit) =>
          hit ||
          fetch(event.request).then((response) => {
            const copy = response.clone();
            if (response.ok) caches.open(CACHE).then((cache) => cache.put(event.request, copy));
            return response;
          }),
      ),
    );
    return;
  }
  /* Pages: the network first, the kept copy when there is none. */
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        const copy = response.clone();
        if (response.ok) caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        return response;
      })
      .catch(() => caches.match(event.request)),
  );
});
