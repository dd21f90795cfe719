// reglab's service worker: the site works offline after one visit. scripts/postbuild.mjs (a Trunk
// post_build hook) writes it into the build as sw.js, with the build's version and file lists in
// place of the three __PLACEHOLDERS__; do not edit a built sw.js.
//
// - Install: every file of this build goes into one cache named after the scope and the build
//   version, fetched past the HTTP cache (a stale CDN copy must never enter it). skipWaiting: a
//   new deploy (new sw.js bytes) takes over as soon as it has cached everything.
// - Activate: delete this scope's caches of other versions, then claim the open pages.
// - Fetch: files whose names carry a content hash are immutable: cache first. index.html (every
//   navigation in scope, whatever its ?query) and the un-hashed files (worker.js, worker_bg.wasm,
//   worker_loader.js): network first, so an online reload always gets the newest deploy, and this
//   build's copy when the network fails or is slower than NETWORK_TIMEOUT_MS (lecture-hall Wi-Fi).
//   Network answers are never written into the cache: it holds exactly one build, so an offline
//   page never mixes the files of two builds.
// - Nothing is reloaded or swapped under a running page: it keeps the code it loaded; the next
//   reload picks up the new version.

const VERSION = '__VERSION__';
/** Files with a content hash in their name (relative to this script). */
const IMMUTABLE = __IMMUTABLE__;
/** Files without one (relative to this script), index.html among them. */
const MUTABLE = __MUTABLE__;
const NETWORK_TIMEOUT_MS = 4000;

const SCOPE = self.registration.scope;
// Caches are shared by the whole origin (the site may be registered at / and at /reglab/): each
// scope only ever touches its own.
const PREFIX = `reglab ${SCOPE} `;
const CACHE = `${PREFIX}${VERSION}`;
const abs = (name) => new URL(name, self.location.href).href;
const INDEX = abs('./index.html');
const immutable = new Set(IMMUTABLE.map(abs));
const mutable = new Set(MUTABLE.map(abs));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([...immutable, ...mutable].map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  const key = `${url.origin}${url.pathname}`;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request, INDEX));
  else if (immutable.has(key)) event.respondWith(cacheFirst(request, key));
  else if (mutable.has(key)) event.respondWith(networkFirst(request, key));
  // Anything else is not part of the build: the browser fetches it as if there were no worker.
});

async function fromCache(key) {
  return (await caches.open(CACHE)).match(key);
}

async function cacheFirst(request, key) {
  return (await fromCache(key)) ?? fetch(request);
}

function networkFirst(request, key) {
  const network = fetch(request);
  network.catch(() => {}); // handled below; this only silences "unhandled rejection"
  const slow = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS)).then(
    async () => (await fromCache(key)) ?? network,
  );
  return Promise.race([network, slow]).catch(async (err) => {
    const cached = await fromCache(key);
    if (cached) return cached;
    throw err;
  });
}

// For the page and its tests: which build this worker serves.
self.addEventListener('message', (event) => {
  if (event.data === 'version') event.source?.postMessage({ version: VERSION, cache: CACHE });
});
