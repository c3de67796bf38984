import { mkdtemp, open, readFile, rm, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BucketStore } from './shuffle.js';

// The shuffle's buckets as temporary files, one per bucket, in a directory only this process's
// user can read (0700, files 0600) that is removed when the export ends however it ends. They hold
// encoded rows — what the file itself will hold, never a stored id — and only while the export
// runs. Each row is its length (4 bytes) and its bytes, gathered ~64 KB per write.
const FLUSH_BYTES = 64 * 1024;

type Bucket = { file: string; handle?: FileHandle; pending: Buffer[]; bytes: number };

function framed(rows: Buffer[], bytes: number): Buffer {
  const out = Buffer.allocUnsafe(bytes);
  let at = 0;
  for (const row of rows) {
    at = out.writeUInt32LE(row.length, at);
    at += row.copy(out, at);
  }
  return out;
}

function unframed(file: Buffer): Buffer[] {
  const rows: Buffer[] = [];
  for (let at = 0; at < file.length;) {
    const length = file.readUInt32LE(at);
    rows.push(file.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return rows;
}

export async function fileBuckets(count: number, parent = tmpdir()): Promise<BucketStore<Buffer>> {
  const dir = await mkdtemp(join(parent, 'export-'));
  const buckets: Bucket[] = Array.from({ length: count }, (_, i) => ({
    file: join(dir, `${i}.rows`),
    pending: [],
    bytes: 0,
  }));

  async function flush(bucket: Bucket): Promise<void> {
    if (bucket.pending.length === 0) return;
    bucket.handle ??= await open(bucket.file, 'w', 0o600);
    const data = framed(bucket.pending, bucket.bytes);
    bucket.pending = [];
    bucket.bytes = 0;
    await bucket.handle.write(data);
  }

  return {
    append: (i, row) => {
      const bucket = buckets[i]!;
      bucket.pending.push(row);
      bucket.bytes += 4 + row.length;
      return bucket.bytes >= FLUSH_BYTES ? flush(bucket) : undefined;
    },
    take: async (i) => {
      const bucket = buckets[i]!;
      if (!bucket.handle) {
        const rows = bucket.pending;
        bucket.pending = [];
        return rows;
      }
      await flush(bucket);
      await bucket.handle.close();
      bucket.handle = undefined;
      const data = await readFile(bucket.file);
      await unlink(bucket.file);
      return unframed(data);
    },
    close: async () => {
      await Promise.all(buckets.map((b) => b.handle?.close().catch(() => {})));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
