// The respondent page's files: its script (survey-core, survey-js-ui and our page code, nothing
// else), a small stylesheet needed for first paint and SurveyJS's stylesheet, each named after a
// hash of its content so it can be cached for a year, and each precompressed (brotli, gzip) so
// the server only streams files. Also the service worker, which precaches exactly these files,
// and manifest.json, which tells the server the current names.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const respondentEntry = 'survey.ts';

export type RespondentManifest = { script: string; pageCss: string; coreCss: string };

const common = { bundle: true, minify: true, target: 'es2020', platform: 'browser', legalComments: 'none' } as const;

export async function buildRespondentPage(root: string, outDir: string, quiet: boolean): Promise<void> {
  const entries = {
    script: join(root, 'client/pages', respondentEntry),
    pageCss: join(root, 'client/survey/page.css'),
    coreCss: join(root, 'client/survey/core.css'),
  };
  const result = await build({
    ...common,
    entryPoints: Object.values(entries),
    outdir: outDir,
    entryNames: '[name]-[hash]',
    format: 'esm',
    metafile: true,
    logLevel: quiet ? 'error' : 'info',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const nameOf = (entry: string) =>
    basename(outputs.find(([, o]) => o.entryPoint && join(root, o.entryPoint) === entry)![0]);
  const manifest: RespondentManifest = {
    script: nameOf(entries.script),
    pageCss: nameOf(entries.pageCss),
    coreCss: nameOf(entries.coreCss),
  };
  const assets = Object.values(manifest);
  const version = assets.join('|');
  await build({
    ...common,
    entryPoints: [join(root, 'client/survey/service-worker.ts')],
    outfile: join(outDir, 'sw.js'),
    format: 'iife',
    define: { SW_ASSETS: JSON.stringify(assets.map((a) => `/static/r/${a}`)), SW_VERSION: JSON.stringify(version) },
    logLevel: quiet ? 'error' : 'info',
  });
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest));
  removeStale(outDir, new Set([...assets, 'sw.js', 'manifest.json']));
  for (const a of assets) precompress(join(outDir, a));
}

// A hashed name always holds the same bytes, so files already compressed are left as they are.
function precompress(file: string): void {
  if (existsSync(`${file}.br`) && existsSync(`${file}.gz`)) return;
  const raw = readFileSync(file);
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
  );
  writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
}

function removeStale(dir: string, keep: Set<string>): void {
  for (const f of readdirSync(dir)) {
    if (!keep.has(f.replace(/\.(br|gz)$/, ''))) rmSync(join(dir, f));
  }
}
