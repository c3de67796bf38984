// The respondent page's service worker (served as /s/sw.js, scope /s/): a link opened once keeps
// working without a connection. The page's hashed files are kept from install; the page itself
// and its campaign are answered from the device at once and refreshed in the background, so a
// reload offline shows the survey (answers come back from localStorage). Nothing is posted
// through it: submissions go to the network as usual and wait in localStorage when they cannot.
import { campaignPath, pagePath, PAGES_CACHE } from './offline-cache.js';

declare const SW_ASSETS: string[];
declare const SW_VERSION: string;

type ExtendableEvent = Event & { waitUntil(p: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(r: Promise<Response>): void };
type Worker = {
  location: Location;
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
};
const worker = self as unknown as Worker;

const ASSETS = `assets:${SW_VERSION}`;

worker.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(ASSETS)
      .then((c) => c.addAll(SW_ASSETS))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('assets:') && k !== ASSETS).map((k) => caches.delete(k))),
      )
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (url.pathname.startsWith('/static/r/')) e.respondWith(fromCacheFirst(e.request));
  else if (pagePath.test(url.pathname) && e.request.mode === 'navigate') e.respondWith(fromDevice(e, url.pathname));
  else if (campaignPath.test(url.pathname)) e.respondWith(fromDevice(e, url.pathname));
});

async function fromCacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) await (await caches.open(ASSETS)).put(request, res.clone());
  return res;
}

async function fromDevice(e: FetchEvent, key: string): Promise<Response> {
  const cache = await caches.open(PAGES_CACHE);
  const cached = await cache.match(key);
  const fresh = fetch(e.request).then(async (res) => {
    if (res.ok) await cache.put(key, res.clone());
    else if (res.status >= 400 && res.status < 500) await cache.delete(key); // closed or gone
    return res;
  });
  if (!cached) return fresh;
  e.waitUntil(fresh.catch(() => undefined));
  return cached;
}
