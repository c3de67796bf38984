// Start-up time of the real process (`node --import tsx server/index.ts`, as `npm start` runs it
// after the build) with the embedded database: cold on a fresh data directory, warm on the same
// directory again. Timed from spawn to the first 200 from /healthz, and to the "database ready"
// log line (indexes and the survey-version check done; no demo seeding).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export type StartSample = { healthyMs: number; readyMs: number; builtLauncher: boolean };
export type StartupResult = { cold: StartSample[]; warm: StartSample[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(base: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await sleep(10);
  }
  throw new Error('/healthz did not answer 200 in time');
}

export async function startOnce(dataDir: string, timeoutMs = 180_000): Promise<StartSample> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
      PORT: '0',
      EMBEDDED_DB_PORT: '0',
      EMBEDDED_DB_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const output: string[] = [];
  let builtLauncher = false;
  let readyMs = 0;
  try {
    const base = await new Promise<string>((resolve, reject) => {
      const onLine = (line: string) => {
        output.push(line);
        if (line.includes('Building the embedded database launcher')) builtLauncher = true;
        if (line.includes('database ready')) readyMs = performance.now() - t0;
        const m = /Listening on (http:\/\/[^"\s]+)/.exec(line);
        if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
      };
      createInterface({ input: child.stdout! }).on('line', onLine);
      createInterface({ input: child.stderr! }).on('line', onLine);
      void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${output.join('\n')}`)));
    });
    await waitHealthy(base, Date.now() + timeoutMs);
    const healthyMs = performance.now() - t0;
    while (!readyMs && child.exitCode === null) await sleep(10);
    return { healthyMs, readyMs, builtLauncher };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export async function benchStartup(runs = 3): Promise<StartupResult> {
  const result: StartupResult = { cold: [], warm: [] };
  const dirs: string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
      dirs.push(dir);
      result.cold.push(await startOnce(dir));
    }
    for (let i = 0; i < runs; i++) result.warm.push(await startOnce(dirs.at(-1)!));
    return result;
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
