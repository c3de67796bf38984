// Runs the real server (`server/index.ts`) as its own process against a given database, and
// signs a researcher in, for benchmarks that time the HTTP API as a client would.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export type BenchServer = { baseUrl: string; cookie: string; pid: number; stop: () => Promise<void> };

export async function spawnServer(
  uri: string,
  env: Record<string, string> = {},
  signIn?: { email: string; password: string },
): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    // the memory settings `npm start` uses (see the README's production section): glibc's
    // per-thread arenas otherwise hold freed memory, and V8 grows its heap far past what is live
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      MALLOC_ARENA_MAX: '2',
      NODE_OPTIONS: '--max-old-space-size=256',
      MONGODB_URI: uri,
      DB_NAME: 'bench',
      PORT: '0',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let url = '';
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /Listening on (http:\/\/[^"\s]+)/.exec(line);
      if (m) url = m[1]!;
      if (line.includes('database ready')) resolve(url);
    });
    void exited.then(() => reject(new Error('the server exited during start')));
  });
  let cookie = '';
  if (signIn) {
    const res = await fetch(`${baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(signIn),
    });
    if (res.status !== 200) throw new Error(`bench sign-in answered ${res.status}`);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  }
  return {
    baseUrl,
    cookie,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
