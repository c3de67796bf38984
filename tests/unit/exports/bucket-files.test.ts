import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileBuckets } from '../../../server/exports/bucket-files.js';

describe('shuffle buckets in temporary files', () => {
  test('when rows with newlines, zero bytes and no bytes at all pass through a bucket written to disk, then each comes back whole and in order', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'bucket-test-'));
    try {
      const store = await fileBuckets(2, parent);
      const rows = [
        Buffer.from('a,"b\r\nc"\r\n'),
        Buffer.alloc(0),
        Buffer.from([0, 10, 13, 255]),
        Buffer.alloc(70_000, 7),
      ];
      for (const row of rows) await store.append(1, row);
      await store.append(0, Buffer.from('other bucket'));
      assert.equal(readdirSync(parent).length, 1);
      const back = await store.take(1);
      assert.deepEqual(
        back.map((b) => b.toString('hex')),
        rows.map((b) => b.toString('hex')),
      );
      assert.deepEqual(
        (await store.take(0)).map((b) => b.toString()),
        ['other bucket'],
      );
      await store.close();
      assert.deepEqual(readdirSync(parent), []);
    } finally {
      if (existsSync(parent)) rmSync(parent, { recursive: true, force: true });
    }
  });
});
