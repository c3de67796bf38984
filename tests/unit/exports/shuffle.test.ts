import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRng } from '../../../server/demo/random.js';
import {
  bucketsFor,
  bucketShuffle,
  memoryBuckets,
  shuffleInPlace,
  type Pick,
} from '../../../server/exports/shuffle.js';

const seeded = (seed: number): Pick => {
  const rng = seededRng(seed);
  return (n) => Math.floor(rng() * n);
};

async function bucketShuffled(lines: string[], buckets: number, pick: Pick): Promise<string[]> {
  const shuffle = bucketShuffle(memoryBuckets<string>(), buckets, pick);
  for (const line of lines) await shuffle.add(line);
  const out: string[] = [];
  for await (const bucket of shuffle.drain()) out.push(...bucket);
  return out;
}

// The old way, kept here only to show the test below can fail: a window of `size` rows, a random
// one leaving as each new row arrives.
function windowShuffled(lines: string[], size: number, pick: Pick): string[] {
  const window: string[] = [];
  const out: string[] = [];
  for (const line of lines) {
    if (window.length < size) window.push(line);
    else {
      const i = pick(size);
      out.push(window[i]!);
      window[i] = line;
    }
  }
  return out.concat(shuffleInPlace(window, pick));
}

// Pearson's chi-square of where one row ends up over many shuffles, against a uniform position.
function positionChiSquare(shuffles: string[][], row: string): number {
  const n = shuffles[0]!.length;
  const counts = new Array<number>(n).fill(0);
  for (const order of shuffles) counts[order.indexOf(row)]!++;
  const expected = shuffles.length / n;
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

const rows = Array.from({ length: 40 }, (_, i) => `row-${i}`);
const TRIALS = 4000;
// 39 degrees of freedom, p = 0.001 (R: qchisq(0.999, 39))
const CRITICAL = 72.05;

describe('bucket shuffle', () => {
  test('when rows pass through several buckets, then every row leaves exactly once', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => String(i));
    const out = await bucketShuffled(many, bucketsFor(1000, 64), seeded(1));
    assert.equal(bucketsFor(1000, 64), 16);
    assert.deepEqual([...out].sort(), [...many].sort());
    assert.notDeepEqual(out, many);
  });

  test('when the last and first arrivals are followed over many shuffles, then each lands in every position equally often (chi-square, p = 0.001)', async () => {
    const pick = seeded(7);
    const shuffles: string[][] = [];
    for (let t = 0; t < TRIALS; t++) shuffles.push(await bucketShuffled(rows, 5, pick));
    const last = positionChiSquare(shuffles, 'row-39');
    const first = positionChiSquare(shuffles, 'row-0');
    assert.ok(last < CRITICAL, `last arrival: chi-square ${last.toFixed(1)}`);
    assert.ok(first < CRITICAL, `first arrival: chi-square ${first.toFixed(1)}`);
  });

  test('when rows are shuffled only within a window, then the same test finds the last arrival too late', () => {
    const pick = seeded(7);
    const shuffles = Array.from({ length: TRIALS }, () => windowShuffled(rows, 10, pick));
    assert.ok(positionChiSquare(shuffles, 'row-39') > CRITICAL);
  });

  test('when there is one bucket, then it is a plain in-memory shuffle named by the random picks', async () => {
    // Fisher–Yates from the end with every pick 0: [a b c d] -> swap 3,0 -> [d b c a] -> swap 2,0 ...
    assert.deepEqual(await bucketShuffled(['a', 'b', 'c', 'd'], 1, () => 0), ['b', 'c', 'd', 'a']);
  });
});
