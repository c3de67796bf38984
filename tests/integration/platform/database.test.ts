import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { MongoClient } from 'mongodb';
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
});
