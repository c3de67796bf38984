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

// A link opened once keeps working offline: the worker keeps this page, its files and the survey.
export function keepForOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/s/sw.js', { scope: '/s/' }).catch(() => {
    /* no worker (private mode, plain HTTP): the page still works online */
  });
}
