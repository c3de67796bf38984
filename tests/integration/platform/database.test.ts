import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { MongoClient } from 'mongodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../../../server/platform/db/embedded.js';
import { databaseNameFor, testDatabaseUri, useTestApp } from '../../helpers/app.js';

useTestApp(import.meta.url);

describe('the embedded database', () => {
  test('when the raw mongodb driver writes a document, then it reads it back from the server', async () => {
    const client = await MongoClient.connect(testDatabaseUri(), { serverSelectionTimeoutMS: 3000 });
    try {
      const coll = client.db(databaseNameFor(import.meta.url)).collection('roundtrip_raw');
      await coll.insertOne({ _id: 'a' as never, answers: { js_overall: 4 }, tags: ['x', 'y'] });
      assert.deepEqual(await coll.findOne({ _id: 'a' as never }), {
        _id: 'a',
        answers: { js_overall: 4 },
        tags: ['x', 'y'],
      });
      const hello = await client.db('admin').command({ hello: 1 });
      assert.equal(hello.isWritablePrimary, true);
    } finally {
      await client.close();
    }
  });

  test('when mongoose saves a model, then a fresh query returns it and a unique index refuses a duplicate', async () => {
    const Thing = mongoose.model('RoundTrip', new mongoose.Schema({ code: { type: String, unique: true }, n: Number }));
    await Thing.createIndexes();
    await Thing.create({ code: 'x', n: 3 });
    const found = await Thing.findOne({ code: 'x' }).lean();
    assert.equal(found?.n, 3);
    await assert.rejects(Thing.create({ code: 'x', n: 4 }), (err: { code?: number }) => err.code === 11000);
  });

  test('when the server is asked which build it is, then it is FerretDB, not an in-memory stand-in', async () => {
    const info = await mongoose.connection.db!.admin().command({ buildInfo: 1 });
    // MONGODB_URI points the suite at a real MongoDB instead; otherwise it must be the embedded FerretDB
    if (!process.env.MONGODB_URI) assert.match(JSON.stringify(info), /ferretdb/i);
  });

  // the launcher hands FerretDB a logger that formats With attributes only for lines it writes
  // (scripts/ferretdb/lazylog.go): at debug level they must still be there
  test('when the embedded database logs at debug level, then a statement line carries its arguments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'db-log-'));
    const lines: string[] = [];
    const db = await startEmbeddedDatabase({ port: 0, dataDir: dir, logLevel: 'debug', onLog: (l) => lines.push(l) });
    const client = await MongoClient.connect(db.uri, { serverSelectionTimeoutMS: 3000 });
    try {
      await client
        .db('logs')
        .collection('c')
        .insertOne({ _id: 'marker-7f3a' as never });
      const line = lines.find((l) => l.includes('marker-7f3a') && l.includes('INSERT'));
      assert.ok(line, 'no debug line with the insert and its arguments');
      assert.match(line, /level=DEBUG .*args=/);
    } finally {
      await client.close();
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
