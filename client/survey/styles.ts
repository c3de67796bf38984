import type { PublicCampaign } from '../api.js';
import { campaignUrl, PAGES_CACHE } from './offline-cache.js';

// SurveyJS's stylesheet is large, so the page does not wait for it to paint: the HTML preloads
// it (link#core-css) and the page applies it once, waiting for it before drawing the first question.
export function applySurveyStyles(): Promise<void> {
  return new Promise((resolve) => {
    const preload = document.getElementById('core-css') as HTMLLinkElement | null;
    if (!preload) return resolve();
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = preload.href;
    // a failed stylesheet still leaves a usable (plain) survey
    sheet.addEventListener('load', () => resolve());
    sheet.addEventListener('error', () => resolve());
    document.head.append(sheet);
  });
}

// A link opened once keeps working offline: the worker keeps this page's files, and this page and
// its campaign are stored now (the worker only sees requests made after it starts).
export function keepForOffline(code: string, campaign: PublicCampaign): void {
  if (!('serviceWorker' in navigator) || typeof caches === 'undefined') return;
  navigator.serviceWorker.register('/s/sw.js', { scope: '/s/' }).catch(() => {
    /* no worker (private mode, plain HTTP): the page still works online */
  });
  const json = new Response(JSON.stringify(campaign), { headers: { 'Content-Type': 'application/json' } });
  void caches
    .open(PAGES_CACHE)
    .then(async (cache) => {
      await cache.put(campaignUrl(code), json);
      if (!(await cache.match(location.pathname))) await cache.add(location.pathname);
    })
    .catch(() => {
      /* storage refused or the page unreachable: only offline use is lost */
    });
}
