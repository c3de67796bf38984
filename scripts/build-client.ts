// Bundles each browser page (client/pages/*.ts) with esbuild and gathers the static files the
// pages need (SurveyJS's fontless CSS, our CSS, a self-hosted font) into dist/client.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/client');

const copies: [string, string][] = [
  ['node_modules/survey-core/survey-core.fontless.min.css', 'css/survey-core.fontless.css'],
  ...['400', '600', '700'].map((w): [string, string] => [
    `node_modules/@fontsource/open-sans/files/open-sans-latin-${w}-normal.woff2`,
    `fonts/open-sans-latin-${w}-normal.woff2`,
  ]),
];

export async function buildClient({ quiet = false } = {}): Promise<void> {
  const pagesDir = join(root, 'client/pages');
  const entryPoints = existsSync(pagesDir)
    ? readdirSync(pagesDir)
        .filter((f) => f.endsWith('.ts'))
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
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildClient();
}
