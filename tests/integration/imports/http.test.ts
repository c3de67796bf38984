import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { STALE_CLAIM_MS } from '../../../server/imports/claim.js';
import { ImportClaim } from '../../../server/imports/model.js';
import { IMPORT_LIMIT_MB } from '../../../server/imports/routes.js';
import { SurveyResponse } from '../../../server/responses/model.js';
import { unpackAnswers } from '../../../server/responses/store.js';
import { canonicalJson } from '../../../server/surveys/loader.js';
import { TallyMark, TallyQueue } from '../../../server/tally/model.js';
import { queuedIds } from '../../../server/tally/queue.js';
import { useTestApp, type StaffAgent } from '../../helpers/app.js';
import { buildAnswers, buildCampaign, storeResponses } from '../../helpers/factories.js';

const { http, staff } = useTestApp(import.meta.url);

const closed = { opensOn: '2025-01-01', closesOn: '2025-03-31' };
const answersOf = async (campaign: string) =>
  (await SurveyResponse.find({ campaign }).lean()).map((r) => canonicalJson(unpackAnswers(r.answers))).sort();

// A closed wave of `n` responses, exported as coded CSV through the API by an admin.
async function exported(admin: StaffAgent, n = 12) {
  const source = await buildCampaign({ wave: 'w-source', ...closed });
  await storeResponses(
    source,
    Array.from({ length: n }, (_, i) => buildAnswers({ js_overall: 1 + (i % 5), recommend_employer: i % 11 })),
  );
  const csv = (await admin.get('/api/v1/exports/responses?format=csv&wave=w-source').expect(200)).text;
  return { source, csv };
}

const upload = (
  client: StaffAgent | ReturnType<typeof http>,
  campaign: string,
  csv: string | Buffer,
  type = 'text/csv',
) => client.post(`/api/v1/imports/responses?campaign=${campaign}`).set('Content-Type', type).send(csv);

describe('POST /api/v1/imports/responses', () => {
  test('when an admin uploads an export to an empty campaign, then 201 counts the rows, the answers are stored as exported and the summary counts them', async () => {
    const admin = await staff({ role: 'admin' });
    const { source, csv } = await exported(admin);
    const target = await buildCampaign({ wave: 'w-import', ...closed });
    const res = await upload(admin, target.code, csv).expect(201);
    assert.deepEqual(res.body, { inserted: 12 });
    assert.deepEqual(await answersOf(target.code), await answersOf(source.code));
    assert.equal((await queuedIds()).length, 12, 'each imported response is queued for the summaries');
    const tokens = (await SurveyResponse.find({ campaign: target.code }, { queuedBy: 1 }).lean()).map(
      (r) => r.queuedBy,
    );
    assert.ok(
      tokens.every((t) => typeof t === 'string' && /^[\w-]{22}$/.test(t)),
      'each stored with the token of its queue entry',
    );
    const summary = (await admin.get('/api/v1/pilots/855/summary?wave=w-import').expect(200)).body;
    assert.equal(summary.responses.n, 12);
    assert.equal(await TallyQueue.countDocuments(), 0);
    assert.equal(await TallyMark.countDocuments(), 0, 'counted by their tokens, without marks');
  });

  test('when a row is invalid, then 422 names its line and problem and nothing is stored', async () => {
    const admin = await staff({ role: 'admin' });
    const { csv } = await exported(admin);
    const lines = csv.split('\r\n');
    const at = lines[0]!.split(',').indexOf('js_overall');
    lines[3] = lines[3]!
      .split(',')
      .map((f, i) => (i === at ? '7' : f))
      .join(',');
    const target = await buildCampaign({ wave: 'w-import', ...closed });
    const res = await upload(admin, target.code, lines.join('\r\n')).expect(422);
    assert.equal(res.body.error.code, 'import_file_invalid');
    assert.deepEqual(res.body.error.details, [{ line: 4, problem: 'js_overall: 7 is not one of its codes' }]);
    assert.match(res.body.error.message, /line 4: js_overall/);
    assert.equal(await SurveyResponse.countDocuments({ campaign: target.code }), 0);
    assert.equal(await TallyQueue.countDocuments(), 0);
  });

  test('when the campaign already has responses, then a second import gets 409 and stores nothing', async () => {
    const admin = await staff({ role: 'admin' });
    const { csv } = await exported(admin);
    const target = await buildCampaign({ wave: 'w-import', ...closed });
    await upload(admin, target.code, csv).expect(201);
    const again = await upload(admin, target.code, csv).expect(409);
    assert.match(again.body.error.message, /already has responses/);
    assert.equal(await SurveyResponse.countDocuments({ campaign: target.code }), 12);
  });

  // The campaign holds one council × wave (one campaign each); once its results were read with no
  // responses, an import would make every later export differ from what was published.
  test("when the empty campaign's results were already published, then the import gets 409, stores nothing and the summary stays as published", async () => {
    const admin = await staff({ role: 'admin' });
    const { csv } = await exported(admin);
    const target = await buildCampaign({ wave: 'w-import', ...closed });
    const before = (await admin.get('/api/v1/pilots/855/summary?wave=w-import').expect(200)).body;
    const refused = await upload(admin, target.code, csv).expect(409);
    assert.match(refused.body.error.message, /results of council 855 in wave w-import are published/);
    assert.equal(await SurveyResponse.countDocuments({ campaign: target.code }), 0);
    assert.equal(await TallyQueue.countDocuments(), 0);
    assert.deepEqual((await admin.get('/api/v1/pilots/855/summary?wave=w-import').expect(200)).body, before);
  });

  test('when the same file is posted twice at once, then one import is stored and the other gets 409', async () => {
    const admin = await staff({ role: 'admin' });
    const { csv } = await exported(admin, 40);
    const target = await buildCampaign({ wave: 'w-import', ...closed });
    const statuses = (await Promise.all([upload(admin, target.code, csv), upload(admin, target.code, csv)]))
      .map((r) => r.status)
      .sort();
    assert.deepEqual(statuses, [201, 409]);
    assert.equal(await SurveyResponse.countDocuments({ campaign: target.code }), 40);
  });

  test("when another process holds the campaign's import claim, then the upload gets 409 and stores nothing", async () => {
    const admin = await staff({ role: 'admin' });
    const { csv } = await exported(admin);
    const target = await buildCampaign({ wave: 'w-import', ...closed });
    await ImportClaim.create({ _id: target.code, holder: 'a CLI import elsewhere', since: new Date() });
    const res = await upload(admin, target.code, csv).expect(409);
    assert.match(res.body.error.message, /already under way/);
    assert.equal(await SurveyResponse.countDocuments({ campaign: target.code }), 0);
  });

  test('when a claim was left by a process that died long ago, then the import takes it over and leaves no claim', async () => {
    const admin = await staff({ role: 'admin' });
    const { csv } = await exported(admin);
    const target = await buildCampaign({ wave: 'w-import', ...closed });
    await ImportClaim.create({ _id: target.code, holder: 'dead', since: new Date(Date.now() - STALE_CLAIM_MS - 1000) });
    await upload(admin, target.code, csv).expect(201);
    assert.equal(await SurveyResponse.countDocuments({ campaign: target.code }), 12);
    assert.equal(await ImportClaim.countDocuments(), 0);
  });

  test('when someone other than an admin uploads, then 401 or 403 and nothing is stored', async () => {
    const admin = await staff({ role: 'admin' });
    const { csv } = await exported(admin);
    const target = await buildCampaign({ wave: 'w-import', ...closed });
    await upload(await staff({ role: 'researcher' }), target.code, csv).expect(403);
    await upload(await staff({ role: 'hr_lead', pilots: ['855'] }), target.code, csv).expect(403);
    await upload(http(), target.code, csv).expect(401);
    assert.equal(await SurveyResponse.countDocuments({ campaign: target.code }), 0);
  });

  test('when the request is malformed, then a 4xx says what is wrong and nothing is stored', async () => {
    const admin = await staff({ role: 'admin' });
    const { csv } = await exported(admin);
    const target = await buildCampaign({ wave: 'w-import', ...closed });
    const refused = async (
      res: { status: number; body: { error: { code: string; message: string } } },
      status: number,
      code: string,
    ) => {
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.equal(res.body.error.code, code);
      return res.body.error.message;
    };
    const limit = IMPORT_LIMIT_MB * 1024 * 1024;
    assert.match(
      await refused(await upload(admin, target.code, csv + ' '.repeat(limit)), 413, 'payload_too_large'),
      new RegExp(`${IMPORT_LIMIT_MB} MB`),
    );
    await refused(
      await upload(admin, target.code, gzipSync(Buffer.alloc(limit + 1, 10))).set('Content-Encoding', 'gzip'),
      413,
      'payload_too_large',
    );
    await refused(
      await upload(admin, target.code, JSON.stringify({ csv }), 'application/json'),
      415,
      'unsupported_media_type',
    );
    await refused(await upload(admin, target.code, csv, 'text/csv; charset=latin1'), 415, 'unsupported_media_type');
    await refused(
      await upload(admin, target.code, Buffer.concat([Buffer.from(csv), Buffer.from([0xff, 0xfe])])),
      400,
      'invalid_utf8',
    );
    await refused(await upload(admin, 'not a code', csv), 400, 'invalid_request');
    await refused(await upload(admin, `${target.code}&campaign=${target.code}`, csv), 400, 'invalid_request');
    await refused(await upload(admin, 'a'.repeat(32), csv), 404, 'not_found');
    await refused(await upload(admin, target.code, ''), 422, 'import_file_invalid');
    assert.equal(await SurveyResponse.countDocuments(), 12, 'only the exported source responses');
  });
});
