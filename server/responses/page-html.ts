import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../platform/http/html.js';

type Manifest = { script: string; pageCss: string; coreCss: string };

// The respondent page's HTML, naming the current build's hashed files (dist/client/r/manifest.json).
// Only the small page stylesheet holds up the first paint; SurveyJS's is preloaded and applied by
// the script. Without the script (blocked, failed, very slow) the page says so after a while and
// offers a retry, rather than "Loading…" for ever.
// The campaign is preloaded with the page's files, so it does not wait for the script to run.
export function respondentPageHtml(assetsDir: string): (code: string) => string {
  let manifest: Manifest | undefined;
  return (code) =>
    render((manifest ??= JSON.parse(readFileSync(join(assetsDir, 'manifest.json'), 'utf8')) as Manifest), code);
}

function render({ script, pageCss, coreCss }: Manifest, code: string): string {
  const title = escapeHtml('Staff wellbeing survey');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>${title}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/static/r/${pageCss}">
  <link rel="preload" as="style" id="core-css" href="/static/r/${coreCss}">
  <link rel="preload" as="fetch" crossorigin="anonymous" href="/api/v1/campaigns/${escapeHtml(encodeURIComponent(code))}">
  <script type="module" src="/static/r/${script}"></script>
</head>
<body>
<main id="main" class="page survey-page">
  <div id="status" role="status" aria-live="polite"></div>
  <div id="app">
    <h1>${title}</h1>
    <p class="loading before-script">Loading the survey…</p>
    <div class="load-failed">
      <p>The survey has not loaded. Your connection may be slow or blocked. Check that you are online, then try again.</p>
      <p lang="cy">Nid yw’r arolwg wedi llwytho. Gwiriwch eich bod ar-lein, yna rhowch gynnig arall arni.</p>
      <p><a class="button" href="">Try again · Rhoi cynnig arall</a></p>
    </div>
    <noscript><p>This survey needs JavaScript. Please turn it on and reload this page.</p></noscript>
  </div>
</main>
</body>
</html>`;
}
