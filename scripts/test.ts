// npm test: typecheck, lint, then every test file (unit, integration, browser) against one real
// embedded FerretDB started for this run on a free port with a temporary data directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../server/platform/db/embedded.js';
import { buildClient } from './build-client.js';
import { ensureSystemPackages } from './system-packages.js';

function run(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

function testFiles(paths: string[]): string[] {
  return paths
    .flatMap((p) =>
      statSync(p).isDirectory()
        ? readdirSync(p, { recursive: true, encoding: 'utf8' })
            .filter((f) => f.endsWith('.test.ts'))
            .map((f) => join(p, f))
        : [p],
    )
    .sort();
}

const targets = process.argv.slice(2);
const quick = targets.length > 0; // a filtered run skips typecheck and lint
ensureSystemPackages();
if (!quick) {
  run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  run('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
  run('format', 'npx', ['prettier', '--check', '.']);
}
await buildClient({ quiet: true });

const external = process.env.MONGODB_URI;
const dataDir = mkdtempSync(join(tmpdir(), 'wellbeing-test-db-'));
const db = external ? undefined : await startEmbeddedDatabase({ port: 0, dataDir, logLevel: 'error' });
const files = testFiles(targets.length ? targets : ['tests/unit', 'tests/integration', 'tests/browser']);
const env = { ...process.env, TEST_MONGODB_URI: external ?? db!.uri, NODE_ENV: 'test' };
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env,
});
await db?.stop();
rmSync(dataDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
