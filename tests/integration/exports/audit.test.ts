import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildExportCampaign, RESEARCHER, someResponses, storeResponses, useExportApp } from '../../helpers/exports.js';

const { http } = useExportApp(import.meta.url);

// The entry is closed just after the file's last byte is handed over, so a client may ask a
// moment before it is.
async function finishedEntries(): Promise<Record<string, unknown>[]> {
  for (let i = 0; ; i++) {
    const entries = (await http().get('/api/v1/exports/audit')).body.entries as Record<string, unknown>[];
    if (i === 40 || entries.every((e) => e.status !== 'started')) return entries;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('GET /api/v1/exports/audit', () => {
  test('when exports run, then each is logged with who, when, filters, format, rows and outcome, newest first', async () => {
    await storeResponses(await buildExportCampaign({ pilot: '855' }), someResponses(5));
    await storeResponses(await buildExportCampaign({ pilot: '856' }), someResponses(6));
    await http().get('/api/v1/exports/responses?format=csv&pilot=855').expect(200);
    await http().get('/api/v1/exports/responses?format=ndjson&wave=w1&labels=true').expect(200);
    await http().get('/api/v1/exports/codebook?format=md&survey=staff-wellbeing@1').expect(200);
    const entries = await finishedEntries();
    assert.equal(entries.length, 3);
    const [codebook, ndjson, csv] = entries;
    assert.deepEqual(
      [codebook!.kind, codebook!.format, codebook!.filters],
      ['codebook', 'md', { survey: ['staff-wellbeing@1'] }],
    );
    assert.deepEqual(
      {
        user: csv!.user,
        kind: csv!.kind,
        format: csv!.format,
        filters: csv!.filters,
        rows: csv!.rows,
        status: csv!.status,
      },
      {
        user: RESEARCHER,
        kind: 'responses',
        format: 'csv',
        filters: { pilot: ['855'], labels: false, bom: false },
        rows: 5,
        status: 'completed',
      },
    );
    assert.deepEqual([ndjson!.rows, ndjson!.filters], [11, { wave: ['w1'], labels: true, bom: false }]);
    assert.ok(Date.parse(String(csv!.at)) <= Date.parse(String(ndjson!.at)));
    assert.ok(csv!.id && csv!.finishedAt);
  });

  test('when a small group is left out of an export, then the entry counts only the rows exported', async () => {
    await storeResponses(await buildExportCampaign({ pilot: '855' }), someResponses(5));
    await storeResponses(await buildExportCampaign({ pilot: '856' }), someResponses(4));
    await http().get('/api/v1/exports/responses?format=csv').expect(200);
    await http().get('/api/v1/exports/responses?format=csv&pilot=856').expect(200);
    const [only856, both] = await finishedEntries();
    assert.deepEqual([both!.rows, both!.status], [5, 'completed']);
    assert.deepEqual([only856!.rows, only856!.status], [0, 'completed']);
  });

  test('when an export is refused for bad filters, then nothing is logged', async () => {
    await buildExportCampaign();
    await http().get('/api/v1/exports/responses?format=csv&pilot=999').expect(400);
    assert.deepEqual((await http().get('/api/v1/exports/audit')).body.entries, []);
  });

  test('when limit is given, then at most that many entries come back, and a bad limit is a 400', async () => {
    await buildExportCampaign();
    for (let i = 0; i < 3; i++) await http().get('/api/v1/exports/responses?format=csv').expect(200);
    assert.equal((await http().get('/api/v1/exports/audit?limit=2')).body.entries.length, 2);
    const bad = await http().get('/api/v1/exports/audit?limit=0');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].field, 'limit');
  });
});
