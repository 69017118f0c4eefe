// dvht's service worker. scripts/post-build.mjs fills in VERSION (a hash of every file of the
// release) and FILES (their exact names) at build time, so each release has its own cache.
//
// One release per page, always: a page is served from the release it was loaded from until it
// reloads, whatever another tab did. Each page (and each worker a page starts) is mapped to the
// cache of its release when it loads; a release's cache is kept while any page still uses it,
// and deleted once none does. Pages and workers a release never served (the very first page,
// before this worker existed) are served from the newest release.
const VERSION = '__DVHT_VERSION__';
const FILES = __DVHT_FILES__;
// Files of this release fetched only when a page asks for them (the English app, the receiving
// side and its styles), then kept.
const LAZY = __DVHT_LAZY__;
const CACHE = `dvht-${VERSION}`;
// Which release each client was loaded from, kept across restarts of this worker: a cache of
// its own, whose name does not start with `dvht-` (it is no release).
const CLIENTS = 'dvht:clients';
// Trunk writes a hash into most names (as hex without leading zeros: 10 to 16 digits); such a
// file is the same in every release that has it.
const HASHED = /-[0-9a-f]{10,16}(_bg)?\.[a-z0-9]+$/;
// The Word worker's own policy. A worker takes its Content-Security-Policy from the response
// that delivered its script, not from the page; a static host sends no such header, so this
// worker adds it to the worker scripts it serves: no connection but to the site, no script but
// the site's, WebAssembly allowed. (On a first visit, before this worker runs, the worker has
// none; it is still only started by the page, whose own policy allows workers from 'self' only.)
const WORKER_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

const isRelease = (name) => name.startsWith('dvht-');
const clientKey = (id) => new Request(`__dvht/clients/${encodeURIComponent(id)}`);

async function releaseOf(id) {
  if (!id) return null;
  const hit = await (await caches.open(CLIENTS)).match(clientKey(id));
  return hit ? hit.text() : null;
}

async function remember(id, release) {
  if (id) await (await caches.open(CLIENTS)).put(clientKey(id), new Response(release));
}

// Forgets closed clients, and deletes the caches of releases no open client uses.
async function prune() {
  const open = new Set((await self.clients.matchAll({ includeUncontrolled: true, type: 'all' })).map((c) => c.id));
  const store = await caches.open(CLIENTS);
  const used = new Set([CACHE]);
  for (const request of await store.keys()) {
    const id = decodeURIComponent(request.url.split('/__dvht/clients/')[1] || '');
    if (open.has(id)) used.add(await (await store.match(request)).text());
    else await store.delete(request);
  }
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => isRelease(k) && !used.has(k)).map((k) => caches.delete(k)));
}

self.addEventListener('install', (event) => {
  // A hashed file cannot be stale, so the copy the page just loaded will do; any other comes
  // straight from the network, so the cache holds exactly this release.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(f, { cache: HASHED.test(f) ? 'default' : 'reload' })))));
  // No skipWaiting here: a new release waits until the page says the user wants it.
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // The first release: the page that installed it was loaded from these very files.
    if (!(await caches.keys()).some((k) => isRelease(k) && k !== CACHE)) {
      for (const c of await self.clients.matchAll({ includeUncontrolled: true, type: 'all' })) {
        if (!(await releaseOf(c.id))) await remember(c.id, CACHE);
      }
    }
    await prune();
    // Pages still on an older release are taken over, and served from that release.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'dvht:update') self.skipWaiting();
});

function withPolicy(response) {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', WORKER_CSP);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    if (request.mode === 'navigate') {
      // A page that (re)loads takes the newest release; any page inside the app's folder is
      // the app itself ("./", `?embed=1`, a bookmark).
      const cache = await caches.open(CACHE);
      const page = (await cache.match(request, { ignoreSearch: true })) || (await cache.match('index.html'));
      await remember(event.resultingClientId, CACHE);
      // The page it replaces may still be listed for a moment: look again a little later.
      event.waitUntil(new Promise((done) => setTimeout(done, 2000)).then(prune));
      return page || fetch(request);
    }
    const mapped = await releaseOf(event.clientId);
    const release = mapped && (await caches.has(mapped)) ? mapped : CACHE;
    const worker = request.destination === 'worker' || request.destination === 'sharedworker';
    // A worker belongs to the release of the page that starts it.
    if (worker) await remember(event.resultingClientId, release);
    let response = await (await caches.open(release)).match(request, { ignoreSearch: true });
    if (!response && HASHED.test(new URL(request.url).pathname)) {
      response = await caches.match(request, { ignoreSearch: true });
    }
    if (!response) {
      response = await fetch(request);
      const file = new URL(request.url).pathname.split('/').pop();
      if (response.ok && LAZY.includes(file)) {
        await (await caches.open(release)).put(request, response.clone());
      }
    }
    return worker ? withPolicy(response) : response;
  })());
});
