import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import mongoose from 'mongoose';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const sourceDir = join(root, 'scripts/ferretdb');
const sources = ['main.go', 'lazylog.go', 'go.mod', 'go.sum'];

export type EmbeddedOptions = { port: number; dataDir: string; logLevel?: string; onLog?: (line: string) => void };
export type EmbeddedDatabase = { uri: string; port: number; child: ChildProcess; stop: () => Promise<void> };

// FerretDB 1.24.2's SQLite backend looks documents up by `_ferretdb_sjson->'$._id'` while its
// unique _id index is built on `_ferretdb_sjson->'_id'`; SQLite treats them as different
// expressions, so every lookup by _id scanned the whole collection. One line makes them agree
// (the index and the stored data are unchanged), applied to a vendored copy at build time.
const patches = [
  {
    file: 'vendor/github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata/metadata.go',
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: `IDColumn = DefaultColumn + "->'_id'"`,
  },
];

// The launcher binary is keyed by a hash of its sources and patches, so it is rebuilt only when they change.
export async function ensureLauncherBuilt(log: (msg: string) => void = () => {}): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(patches));
  for (const f of sources) hash.update(f).update(readFileSync(join(sourceDir, f)));
  const binary = join(root, '.cache/ferretdb', hash.digest('hex').slice(0, 16), 'ferretdb-launcher');
  if (existsSync(binary)) return binary;
  mkdirSync(dirname(binary), { recursive: true });
  log('Building the embedded database launcher (FerretDB v1.24.2, first run only; takes about a minute)…');
  const work = mkdtempSync(join(tmpdir(), 'ferretdb-build-'));
  const tmp = `${binary}.${process.pid}.tmp`;
  try {
    for (const f of sources) copyFileSync(join(sourceDir, f), join(work, f));
    await go(['mod', 'vendor'], work);
    for (const p of patches) {
      const text = readFileSync(join(work, p.file), 'utf8');
      if (!text.includes(p.from))
        throw new Error(`Building the embedded database failed: ${p.file} no longer contains the line to patch.`);
      writeFileSync(join(work, p.file), text.replace(p.from, p.to));
    }
    await go(['build', '-mod=vendor', '-trimpath', '-o', tmp, '.'], work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  renameSync(tmp, binary); // atomic, so concurrent builders never run a half-written file
  return binary;
}

async function go(args: string[], cwd: string): Promise<void> {
  try {
    await promisify(execFile)('go', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      throw new Error(
        'Go is needed to build the embedded database: install Go 1.22 or newer, or set MONGODB_URI to use your own MongoDB.',
        { cause: err },
      );
    throw new Error(`Building the embedded database failed (go ${args.join(' ')}):\n${e.stderr ?? e.message}`, {
      cause: err,
    });
  }
}

export async function startEmbeddedDatabase(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const binary = await ensureLauncherBuilt(opts.onLog);
  const args = [
    '-listen',
    `127.0.0.1:${opts.port}`,
    '-data',
    resolve(opts.dataDir),
    '-log-level',
    opts.logLevel ?? 'warn',
    '-watch-stdin',
  ];
  // stdin stays an open pipe: when this process dies, however it dies, the launcher sees EOF and stops.
  const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > 50) stderr.shift();
    opts.onLog?.(line);
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const uri = await new Promise<string>((resolveUri, reject) => {
    const timer = setTimeout(() => reject(new Error('The embedded database did not start within 30 s.')), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('READY ')) {
        clearTimeout(timer);
        resolveUri(line.slice(6).trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The embedded database exited with code ${code} during start:\n${stderr.join('\n')}`));
    });
  });
  await waitForPing(uri);
  const port = Number(new URL(uri).port);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { uri, port, child, stop };
}

async function waitForPing(uri: string): Promise<void> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 500, directConnection: true });
  const deadline = Date.now() + 15_000;
  try {
    for (;;) {
      try {
        await client.db('admin').command({ ping: 1 });
        return;
      } catch (err) {
        if (Date.now() > deadline)
          throw new Error(`The embedded database does not answer ping: ${(err as Error).message}`, { cause: err });
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await client.close();
  }
}
