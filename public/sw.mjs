/*
 * Task Lab's service worker (issue 7, "Offline"): after one visit, the built app opens with no
 * network, for classrooms with poor connectivity. Registered by src/ui/offline/register-sw.ts.
 *
 * - Only same-origin GET requests inside the app's folder (the registration scope) are handled;
 *   everything else goes to the network untouched.
 * - Pages (navigations) are network-first: online, a new build is picked up at once; offline,
 *   the cached page is served for every URL of the app (?embed=1, ?mode=lab, #share=…).
 * - Hashed build files (assets/name-HASH.ext) never change, so they are cache-first.
 * - Other files (favicon, the embed demo) are served from the cache and refreshed behind.
 * - On install, and whenever the page changes, the worker reads the page and the build's chunks
 *   for the hashed files they name (lazy views, the simulation worker) and caches them all, so
 *   every mode works offline, not only those visited; files no build names any more are deleted.
 * Lookups ignore Vary: the dev/preview server varies on Origin, which module-script requests
 * carry and the worker's own fetches do not.
 * The cache name is versioned: a new CACHE_VERSION discards every older cache on activation.
 */
const CACHE_VERSION = 1;
const CACHE = `task-lab-v${CACHE_VERSION}`;
const SCOPE = self.registration.scope;
const PAGE = new URL('./', SCOPE).href;
const HASHED = /[A-Za-z0-9_.-]+-[A-Za-z0-9_-]{8}\.(?:js|css|wasm)\b/g;
const MAX_FILES = 400;

const inScope = (url) => url.origin === self.location.origin && url.href.startsWith(SCOPE);
const isHashed = (url) => /\/assets\/[A-Za-z0-9_.-]+-[A-Za-z0-9_-]{8}\.(?:js|css|wasm)$/.test(url.pathname);

/** Every hashed build file the page names, directly or through the chunks it loads. */
async function crawl(cache, html) {
  const seen = new Set();
  const queue = [];
  const add = (href) => {
    const url = new URL(href, PAGE);
    if (inScope(url) && !seen.has(url.href) && seen.size < MAX_FILES) {
      seen.add(url.href);
      queue.push(url.href);
    }
  };
  for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g)) add(m[1]);
  while (queue.length > 0) {
    const href = queue.shift();
    let response;
    try {
      response = await fetch(href, { cache: 'no-cache' });
    } catch {
      continue;
    }
    if (!response.ok) continue;
    if (href.endsWith('.js')) {
      const text = await response.clone().text();
      for (const m of text.matchAll(HASHED)) add(new URL(`assets/${m[0]}`, PAGE).href);
    }
    await cache.put(href, response);
  }
  return seen;
}

/** Caches the page and everything it needs; drops hashed files no longer named. */
async function refresh(html) {
  const cache = await caches.open(CACHE);
  const wanted = await crawl(cache, html);
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (isHashed(url) && !wanted.has(url.href)) await cache.delete(request);
  }
}

async function installPage() {
  const response = await fetch(PAGE, { cache: 'no-cache' });
  if (!response.ok) return;
  const cache = await caches.open(CACHE);
  await cache.put(PAGE, response.clone());
  await refresh(await response.text());
}

self.addEventListener('install', (event) => {
  event.waitUntil(installPage().catch(() => undefined));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('task-lab-') && n !== CACHE).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirstPage(event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok && response.headers.get('content-type')?.includes('text/html')) {
      const before = await cache.match(PAGE);
      const text = await response.clone().text();
      await cache.put(PAGE, response.clone());
      if (before === undefined || (await before.text()) !== text) event.waitUntil(refresh(text).catch(() => undefined));
    }
    return response;
  } catch (error) {
    const cached = await cache.match(PAGE, { ignoreVary: true });
    if (cached !== undefined) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached !== undefined) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function staleWhileRevalidate(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request, { ignoreSearch: true, ignoreVary: true });
  const fresh = fetch(event.request).then(async (response) => {
    if (response.ok) await cache.put(event.request, response.clone());
    return response;
  });
  if (cached !== undefined) {
    event.waitUntil(fresh.catch(() => undefined));
    return cached;
  }
  return fresh;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!inScope(url)) return;
  if (request.mode === 'navigate') event.respondWith(networkFirstPage(event));
  else if (isHashed(url)) event.respondWith(cacheFirst(request));
  else event.respondWith(staleWhileRevalidate(event));
});
