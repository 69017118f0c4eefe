// dvht's service worker. scripts/post-build.mjs fills in VERSION (a hash of every file of the
// release) and FILES (their exact names) at build time, so each release has its own cache and a
// page is served from one release only: old and new files never mix.
const VERSION = '__DVHT_VERSION__';
const FILES = __DVHT_FILES__;
const CACHE = `dvht-${VERSION}`;

self.addEventListener('install', (event) => {
  // A file whose name carries its hash cannot be stale, so the copy the page just loaded will
  // do; any other comes straight from the network, so the cache holds exactly this release.
  // Trunk writes the hash as hex without leading zeros: 10 to 16 digits in practice.
  const hashed = /-[0-9a-f]{10,16}(_bg)?\.[a-z0-9]+$/;
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(f, { cache: hashed.test(f) ? 'default' : 'reload' })))));
  // No skipWaiting here: a new release waits until the page says the user wants it.
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k.startsWith('dvht-') && k !== CACHE).map((k) => caches.delete(k)));
    // The page that installed this release was loaded from the same files: it can be served
    // from the cache at once, so it works offline after its first load.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'dvht:update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    // Any other page inside the app's folder is the app itself ("./", `?embed=1`, a bookmark).
    if (request.mode === 'navigate') {
      const app = await cache.match('index.html');
      if (app) return app;
    }
    return fetch(request);
  })());
});
