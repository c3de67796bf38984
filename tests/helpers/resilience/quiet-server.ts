import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { httpClient } from './http-client.js';

export type QuietServer = { child: ChildProcess; baseUrl: string; exited: Promise<number | null> };

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

// `server/index.ts` as `npm start` runs it (with its heap limit), logging warnings only so that
// a flood measures the server rather than its request log; its output is discarded. Ready once
// /healthz answers 200.
export async function startQuietServer(env: Record<string, string>, timeoutMs = 60_000): Promise<QuietServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', 'server/index.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const probe = httpClient(baseUrl, 1);
  try {
    for (const deadline = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 200))) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) during start`);
      if (Date.now() > deadline) throw new Error('server did not answer /healthz 200 in time');
      if ((await probe.send({ method: 'GET', path: '/healthz', timeoutMs: 2000 })).status === 200) break;
    }
  } finally {
    probe.close();
  }
  return { child, baseUrl, exited };
}
