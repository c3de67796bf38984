// Bundles each staff page (client/pages/*.ts) with esbuild and gathers the static files they need
// (our CSS, a self-hosted font) into dist/client; the respondent page is built apart, into
// content-hashed, precompressed files (scripts/build-respondent.ts).
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildRespondentPage, respondentEntry } from './build-respondent.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/client');

const copies: [string, string][] = ['400', '600', '700'].map((w) => [
  `node_modules/@fontsource/open-sans/files/open-sans-latin-${w}-normal.woff2`,
  `fonts/open-sans-latin-${w}-normal.woff2`,
]);

export async function buildClient({ quiet = false } = {}): Promise<void> {
  const pagesDir = join(root, 'client/pages');
  const entryPoints = existsSync(pagesDir)
    ? readdirSync(pagesDir)
        .filter((f) => f.endsWith('.ts') && f !== respondentEntry)
        .map((f) => join(pagesDir, f))
    : [];
  await build({
    entryPoints,
    outdir: join(out, 'js'),
    bundle: true,
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    sourcemap: true,
    logLevel: quiet ? 'error' : 'info',
    legalComments: 'linked',
  });
  for (const dir of ['css', 'fonts']) mkdirSync(join(out, dir), { recursive: true });
  for (const [from, to] of copies) copyFileSync(join(root, from), join(out, to));
  const stylesDir = join(root, 'client/styles');
  if (existsSync(stylesDir)) {
    for (const f of readdirSync(stylesDir)) copyFileSync(join(stylesDir, f), join(out, 'css', f));
  }
  await buildRespondentPage(root, join(out, 'r'), quiet);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildClient();
}
