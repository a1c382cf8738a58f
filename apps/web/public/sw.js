// Squall's app shell, cached so a board opened before can be reloaded without a network (its content
// comes from IndexedDB). Only the page and its hashed assets: the API and the sync socket always go to
// the server.
const CACHE = 'squall-shell-v1';
const SHELL = '/index.html';

/** The page and the assets it names (hashed file names: a new build brings new names). */
async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch('/', { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  const assets = [...new Set(html.match(/\/assets\/[\w.-]+/g) ?? [])];
  await cache.addAll(assets);
  await cache.put(SHELL, response);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** The network first, so a new build shows at once; the cached page when there is no network. */
async function page(request) {
  try {
    const response = await fetch(request);
    const html = response.headers.get('content-type')?.startsWith('text/html');
    if (response.ok && html) await (await caches.open(CACHE)).put(SHELL, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(SHELL);
    if (cached) return cached;
    throw error;
  }
}

/** Hashed assets never change: the cache first, and whatever else gets loaded (lazy chunks) is kept. */
async function asset(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
});
