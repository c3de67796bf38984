import { randomBytes } from 'node:crypto';
import type { Cell } from '../codec/columns.js';

// Rows leave in an order unrelated to submission order (which would otherwise let someone who
// knows who answered first find that row): a window of `size` rows is held and a random one
// leaves as each new row arrives; what is left at the end leaves in random order. Up to `size`
// rows this is a uniform shuffle of the whole export.
export function randomIndexes() {
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

export async function* shuffled<T>(rows: AsyncIterable<T>, size: number, pick = randomIndexes()): AsyncGenerator<T> {
  const window: T[] = [];
  for await (const row of rows) {
    if (window.length < size) {
      window.push(row);
      continue;
    }
    const i = pick(size);
    yield window[i]!;
    window[i] = row;
  }
  for (let n = window.length; n > 0; n--) {
    const i = pick(n);
    yield window[i]!;
    window[i] = window[n - 1]!;
  }
}

async function* packed(rows: AsyncIterable<readonly Cell[]>): AsyncGenerator<string> {
  for await (const cells of rows) yield JSON.stringify(cells);
}

// Rows wait in the window as JSON text rather than as arrays of cells: one flat string per row
// instead of an array, its numbers and its strings, so the thousands of rows held (long enough
// to reach the old generation) leave far less for the garbage collector. JSON keeps every
// number exactly.
export async function* shuffledRows(rows: AsyncIterable<readonly Cell[]>, size: number): AsyncGenerator<Cell[]> {
  for await (const text of shuffled(packed(rows), size)) yield JSON.parse(text) as Cell[];
}
