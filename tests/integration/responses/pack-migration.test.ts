import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { packStoredAnswers } from '../../../server/responses/pack-migration.js';
import { SurveyResponse } from '../../../server/responses/model.js';
import { findResponse, responseCursor } from '../../../server/responses/store.js';
import { createLease } from '../../../server/platform/lease.js';
import { useTestApp } from '../../helpers/app.js';

useTestApp(import.meta.url);

const answersOf = (i: number) => ({ js_overall: 1 + (i % 5), js_facets: { workload: 2 }, note: `é "${i}"\n` });

// Responses as a version before packed answers stored them: answers as a nested document.
async function storedNested(n: number): Promise<string[]> {
  const docs = Array.from({ length: n }, (_, i) => ({
    _id: randomUUID(),
    campaign: 'c1',
    pilotCode: '800',
    waveId: 'w1',
    surveyId: 'staff-wellbeing',
    surveyVersion: 1,
    day: '2025-01-02',
    answers: answersOf(i),
  }));
  await SurveyResponse.collection.insertMany(docs as never[]);
  return docs.map((d) => d._id);
}

async function storedForms(): Promise<string[]> {
  const docs = await SurveyResponse.collection.find({}, { projection: { answers: 1 } }).toArray();
  return docs.map((d) => typeof d.answers);
}

async function readBack(ids: string[]) {
  const one = await Promise.all(ids.map(async (id) => (await findResponse(id))!.answers));
  const all = await responseCursor({}, { _id: 1, answers: 1 }, 3).toArray();
  const byId = new Map(all.map((d) => [String(d._id), d.answers]));
  return { one, all: ids.map((id) => byId.get(id)) };
}

const expected = (n: number) => Array.from({ length: n }, (_, i) => answersOf(i));

describe('packing stored answers (start-up migration)', () => {
  test('when a database holds nested answers, then every one is packed, reads give the same answers, and a second run does nothing', async () => {
    const ids = await storedNested(7);
    assert.deepEqual(await readBack(ids), { one: expected(7), all: expected(7) }, 'nested answers read as they are');
    assert.equal(await packStoredAnswers({ chunk: 3 }), 'done');
    assert.deepEqual(await storedForms(), Array(7).fill('string'));
    assert.deepEqual(await readBack(ids), { one: expected(7), all: expected(7) });
    assert.equal(await packStoredAnswers(), 'already');
  });

  test('when a run is cut short, then the rest stays nested and readable, and the next run packs it', async () => {
    const ids = await storedNested(5);
    let asked = 0;
    const losesTheLease = async () => ++asked <= 2; // holds it to start and for one chunk of two
    await assert.rejects(packStoredAnswers({ holds: losesTheLease, chunk: 2 }), /lost the lease/);
    assert.deepEqual((await storedForms()).sort(), ['object', 'object', 'object', 'string', 'string']);
    assert.deepEqual(await readBack(ids), { one: expected(5), all: expected(5) }, 'both forms read alike');
    assert.equal(await packStoredAnswers({ chunk: 2 }), 'done');
    assert.deepEqual(await storedForms(), Array(5).fill('string'));
    assert.deepEqual(await readBack(ids), { one: expected(5), all: expected(5) });
  });

  test('when another instance holds the lease, then this one leaves the responses to it', async () => {
    await storedNested(2);
    assert.ok(await createLease('pack-answers', 'the other instance')(Date.now()));
    assert.equal(await packStoredAnswers(), 'elsewhere');
    assert.deepEqual(await storedForms(), ['object', 'object']);
  });

  test('when a response is written through the model, then its answers are stored as one JSON string', async () => {
    await SurveyResponse.insertMany([
      {
        _id: 'r1',
        campaign: 'c1',
        pilotCode: '800',
        waveId: 'w1',
        surveyId: 'staff-wellbeing',
        surveyVersion: 1,
        day: '2025-01-02',
        answers: answersOf(0),
      },
    ]);
    const raw = await SurveyResponse.collection.findOne({ _id: 'r1' as never });
    assert.equal(raw!.answers, JSON.stringify(answersOf(0)));
  });
});
