import { randomBytes } from 'node:crypto';

// Rows leave in an order unrelated to submission order (which would otherwise let someone who
// knows who answered last find that row), uniformly random over the whole export, without holding
// the export in memory: each row goes to a uniformly random bucket as it is read; once all are
// read, the buckets are taken one at a time, each shuffled in memory (Fisher–Yates) and sent. Every
// order of the rows is equally likely (Rao's method: the bucket sizes are multinomial, and within
// them every arrangement is equally likely), whatever the number of buckets; the number only
// bounds how many rows are in memory at once.
export type Pick = (n: number) => number;

// Uniform integers in [0, n) from the system's secure generator, read 64 KB at a time.
export function randomIndexes(): Pick {
  let pool = Buffer.alloc(0);
  let at = 0;
  return (n: number): number => {
    if (at + 4 > pool.length) {
      pool = randomBytes(64 * 1024);
      at = 0;
    }
    const r = pool.readUInt32LE(at);
    at += 4;
    return Math.floor((r / 0x1_0000_0000) * n);
  };
}

// Where the buckets' rows wait: in memory (tests, tiny exports) or in temporary files.
export type BucketStore<T> = {
  append: (bucket: number, row: T) => Promise<void> | void;
  take: (bucket: number) => Promise<T[]>; // the bucket's rows, then forgets them
  close: () => Promise<void>;
};

export function memoryBuckets<T>(): BucketStore<T> {
  const buckets = new Map<number, T[]>();
  return {
    append: (bucket, row) => {
      const rows = buckets.get(bucket) ?? [];
      buckets.set(bucket, rows);
      rows.push(row);
    },
    take: async (bucket) => {
      const rows = buckets.get(bucket) ?? [];
      buckets.delete(bucket);
      return rows;
    },
    close: async () => buckets.clear(),
  };
}

export function shuffleInPlace<T>(items: T[], pick: Pick): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
  return items;
}

// `drain` gives the rows a bucket at a time, each bucket already shuffled.
export type Shuffle<T> = { add: (row: T) => Promise<void> | void; drain: () => AsyncGenerator<T[]> };

export function bucketShuffle<T>(store: BucketStore<T>, buckets: number, pick: Pick = randomIndexes()): Shuffle<T> {
  if (!Number.isInteger(buckets) || buckets < 1) throw new RangeError(`bucket count must be >= 1, got ${buckets}`);
  return {
    add: (row) => store.append(buckets === 1 ? 0 : pick(buckets), row),
    drain: async function* () {
      for (let b = 0; b < buckets; b++) yield shuffleInPlace(await store.take(b), pick);
    },
  };
}

// Enough buckets that one holds about `rowsPerBucket` rows.
export const bucketsFor = (expectedRows: number, rowsPerBucket: number) =>
  Math.max(1, Math.ceil(expectedRows / rowsPerBucket));
