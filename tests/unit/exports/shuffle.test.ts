import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { shuffled } from '../../../server/exports/shuffle.js';

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function* numbers(n: number) {
  for (let i = 0; i < n; i++) yield i;
}

describe('shuffled', () => {
  test('when rows pass through, then every row leaves exactly once', async () => {
    const out = await collect(shuffled(numbers(1000), 64));
    assert.deepEqual(
      [...out].sort((a, b) => a - b),
      Array.from({ length: 1000 }, (_, i) => i),
    );
  });

  test('when the export fits in the window, then the order is not the submission order', async () => {
    const orders = new Set<string>();
    for (let i = 0; i < 5; i++) orders.add((await collect(shuffled(numbers(50), 100))).join(','));
    assert.ok(orders.size > 1);
    assert.ok(![...orders].includes(Array.from({ length: 50 }, (_, i) => i).join(',')));
  });

  test('when the window is full, then the row leaving is the one the random pick names', async () => {
    // always pick slot 0: the window [0, 1, 2] lets 0 out for 3, then 3 out for 4, ...
    const out = await collect(shuffled(numbers(5), 3, () => 0));
    assert.deepEqual(out, [0, 3, 4, 2, 1]);
  });
});
