import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { createLease } from '../../../server/platform/lease.js';
import { useTestApp } from '../../helpers/app.js';

useTestApp(import.meta.url);

const SLOT_MS = 60_000;
const slotsOf = async (name: string) =>
  (await mongoose.connection.collection('leaseslots').find({ name }).sort({ slot: 1 }).toArray()).map((d) => ({
    slot: d.slot as number,
    holder: d.holder as string,
  }));

describe('the lease', () => {
  test('when two processes ask in one slot, then only the first holds it, and the second still does not when it asks again', async () => {
    const a = createLease('lease-one-slot', 'a', SLOT_MS);
    const b = createLease('lease-one-slot', 'b', SLOT_MS);
    const start = 100 * SLOT_MS;
    assert.equal(await a(start), true);
    assert.equal(await b(start + 1000), false);
    assert.equal(await b(start + 10_000), false, 'asked again later in the slot: still held by a');
    assert.equal(await a(start + 10_000), true);
  });

  test('when the holder releases the lease, then another process takes it within the same slot', async () => {
    const a = createLease('lease-release', 'a', SLOT_MS);
    const b = createLease('lease-release', 'b', SLOT_MS);
    const start = 200 * SLOT_MS;
    assert.equal(await a(start + SLOT_MS - 1000), true); // late in its slot: a claims the next one too
    assert.deepEqual(await slotsOf('lease-release'), [
      { slot: 200, holder: 'a' },
      { slot: 201, holder: 'a' },
    ]);
    assert.equal(await b(start + SLOT_MS - 500), false);
    await a.release();
    assert.deepEqual(await slotsOf('lease-release'), [], 'both of its slots are given up');
    assert.equal(await b(start + SLOT_MS + 5000), true, 'b takes the slot a had claimed ahead');
    assert.equal(await a(start + SLOT_MS + 6000), false, 'a no longer holds it');
  });

  test('when a process that does not hold the lease releases it, then the holder keeps it', async () => {
    const a = createLease('lease-not-mine', 'a', SLOT_MS);
    const b = createLease('lease-not-mine', 'b', SLOT_MS);
    const start = 300 * SLOT_MS;
    assert.equal(await a(start), true);
    assert.equal(await b(start), false);
    await b.release();
    assert.deepEqual(await slotsOf('lease-not-mine'), [{ slot: 300, holder: 'a' }]);
    assert.equal(await b(start + 5000), false);
  });
});
