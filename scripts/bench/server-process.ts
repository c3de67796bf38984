// Runs the real server (`server/index.ts`) as its own process against a given database, and
// signs a researcher in, for benchmarks that time the HTTP API as a client would; and any other
// benchmark server script (`spawnListening`).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export type BenchServer = { baseUrl: string; cookie: string; pid: number; stop: () => Promise<void> };

// Starts `script` (run with tsx) as its own process and waits for its "Listening on <url>" line,
// and then for a line holding `readyWhen` if given; resolves with the URL.
export async function spawnListening(script: string, env: Record<string, string>, readyWhen?: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolve, reject) => {
    let listening = '';
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /Listening on (http:\/\/[^"\s]+)/.exec(line);
      if (m) listening = m[1]!;
      if (listening && (readyWhen === undefined || line.includes(readyWhen))) resolve(listening);
    });
    void exited.then(() => reject(new Error(`${script} exited during start`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function spawnServer(
  uri: string,
  env: Record<string, string> = {},
  signIn?: { email: string; password: string },
): Promise<BenchServer> {
  // the memory settings `npm start` uses (see the README's production section): glibc's
  // per-thread arenas otherwise hold freed memory, and V8 grows its heap far past what is live
  const server = await spawnListening(
    'server/index.ts',
    {
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
    'database ready',
  );
  const baseUrl = server.url;
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
  return { baseUrl, cookie, pid: server.pid, stop: server.stop };
}
