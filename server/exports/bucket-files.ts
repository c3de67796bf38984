import { mkdtemp, open, readFile, rm, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BucketStore } from './shuffle.js';

// The shuffle's buckets as temporary files, one per bucket, in a directory only this process's
// user can read (0700, files 0600) that is removed when the export ends however it ends. They hold
// encoded rows — what the file itself will hold, never a stored id — and only while the export
// runs. Lines are JSON (a newline inside a text answer is escaped), gathered ~64 KB per write.
const FLUSH_BYTES = 64 * 1024;

type Bucket = { file: string; handle?: FileHandle; pending: string[]; bytes: number };

export async function fileBuckets(count: number, parent = tmpdir()): Promise<BucketStore> {
  const dir = await mkdtemp(join(parent, 'export-'));
  const buckets: Bucket[] = Array.from({ length: count }, (_, i) => ({
    file: join(dir, `${i}.jsonl`),
    pending: [],
    bytes: 0,
  }));

  async function flush(bucket: Bucket): Promise<void> {
    if (bucket.pending.length === 0) return;
    bucket.handle ??= await open(bucket.file, 'w', 0o600);
    const text = bucket.pending.join('');
    bucket.pending = [];
    bucket.bytes = 0;
    await bucket.handle.write(text);
  }

  return {
    append: (i, line) => {
      const bucket = buckets[i]!;
      bucket.pending.push(`${line}\n`);
      bucket.bytes += line.length + 1;
      return bucket.bytes >= FLUSH_BYTES ? flush(bucket) : undefined;
    },
    take: async (i) => {
      const bucket = buckets[i]!;
      if (!bucket.handle) {
        const lines = bucket.pending.map((l) => l.slice(0, -1));
        bucket.pending = [];
        return lines;
      }
      await flush(bucket);
      await bucket.handle.close();
      bucket.handle = undefined;
      const text = await readFile(bucket.file, 'utf8');
      await unlink(bucket.file);
      return text.length ? text.slice(0, -1).split('\n') : [];
    },
    close: async () => {
      await Promise.all(buckets.map((b) => b.handle?.close().catch(() => {})));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
