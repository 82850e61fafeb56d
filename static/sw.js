// The service worker: the app works offline after its first load.
//
// scripts/precache.sh fills in VERSION and PRECACHE after every build (a
// Trunk post_build hook), from the files the build produced: the list is
// never kept by hand. Each build has its own cache, and a page is always
// served from one build's cache, so an old index.html never meets a new .wasm.

const VERSION = "development";
const PRECACHE = ["./"];

const PREFIX = "postmortem-reviewer-";
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks a waiting worker to take over once the person agrees to reload.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Every navigation gets this build's page, whatever its query (?embed=1).
      const key = request.mode === "navigate" ? new URL("./", self.registration.scope).href : request;
      const cached = await cache.match(key, { ignoreSearch: true });
      return cached || fetch(request);
    })(),
  );
});
