/**
 * The site's Service Worker (served as /sw.js, built by tools/live-samples/offline.ts after the pages): registered by
 * the Run button on a reader's first Run, never before, so that live samples keep working offline.
 *
 * - Install: caches everything a Run needs and every page that has a Run button, with the files those pages load
 *   (`__OFFLINE__.precache`), in a cache named after the hash of their contents (`__OFFLINE__.version`). Files with a
 *   content hash in their name (/run/…, /_astro/…) are copied from an older cache when it has them.
 * - Activate: removes the caches of older versions, and takes control of open pages.
 * - Fetch (same-origin GET only): files with hashed names come from the cache first (they never change); pages and
 *   everything else from the network first, so an online reader always gets the current page, and from the cache when
 *   the network fails. Pages opened later are cached as they load.
 * Not covered offline: pages without samples that the reader never opened, and search (Pagefind's index).
 */

declare const __OFFLINE__: { version: string; precache: string[] };

// The few Service Worker types used here (the project compiles against the DOM library, not "webworker").
type LifecycleEvent = Event & { waitUntil(work: Promise<unknown>): void };
type SwFetchEvent = LifecycleEvent & { request: Request; respondWith(response: Promise<Response>): void };
const sw = self as unknown as {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (e: LifecycleEvent) => void): void;
  addEventListener(type: "fetch", listener: (e: SwFetchEvent) => void): void;
};

const PREFIX = "live-samples-";
const CACHE = `${PREFIX}${__OFFLINE__.version}`;

/** Files whose names carry a hash of their content: a cached copy is always current. */
const immutable = (url: URL) => url.pathname.startsWith("/run/") || url.pathname.startsWith("/_astro/");

/** Only complete same-origin answers are kept (not errors, redirects or partial content). */
const keepable = (r: Response) => r.status === 200 && r.type === "basic";

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  await Promise.all(
    __OFFLINE__.precache.map(async (path) => {
      const url = new URL(path, sw.location.origin);
      const old = immutable(url) ? await caches.match(url) : undefined;
      // Pages are revalidated with the server; hashed files may come from the browser's HTTP cache.
      const response = old ?? (await fetch(url, { cache: immutable(url) ? "default" : "no-cache" }));
      if (!keepable(response)) throw new Error(`${path}: HTTP ${response.status}, not cached for offline use`);
      await cache.put(url, response);
    }),
  );
}

sw.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => sw.skipWaiting()));
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await sw.clients.claim();
    })(),
  );
});

async function cacheFirst(request: Request): Promise<Response> {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (keepable(response)) await (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

async function networkFirst(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (keepable(response)) await (await caches.open(CACHE)).put(request, response.clone());
    return response;
  } catch (err) {
    const hit = await caches.match(request, { ignoreSearch: request.mode === "navigate" });
    if (hit) return hit;
    throw err;
  }
}

sw.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== sw.location.origin) return;
  event.respondWith(immutable(url) ? cacheFirst(request) : networkFirst(request));
});
