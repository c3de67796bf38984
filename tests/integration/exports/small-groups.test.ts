import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../../server/workforce/csv.js';
import { answersV1, answersV2 } from '../../helpers/export-fixtures.js';
import { binaryParser, buildExportCampaign, repeat, storeResponses, useExportApp } from '../../helpers/exports.js';

// MIN_GROUP_SIZE is 5 in these tests
const { http } = useExportApp(import.meta.url);

async function exportCsv(query: string) {
  const res = await http().get(`/api/v1/exports/responses?format=csv${query ? `&${query}` : ''}`);
  const [header, ...data] = res.status === 200 ? parseCsv(res.text).map((r) => r.fields) : [];
  const rows = data.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
  return { res, rows, leftOut: res.headers['x-small-groups-left-out'], declared: res.headers['x-export-rows'] };
}

const groupSizes = (rows: Record<string, string>[]) => {
  const sizes: Record<string, number> = {};
  for (const r of rows) sizes[`${r.council}|${r.wave}`] = (sizes[`${r.council}|${r.wave}`] ?? 0) + 1;
  return sizes;
};

describe('small council × wave groups in exports', () => {
  test('when a council × wave has 4 responses beside one with 5, then only the 5 are exported and the header counts 1 group left out', async () => {
    await storeResponses(
      await buildExportCampaign({ pilot: '855' }),
      repeat(5, () => answersV1({ js_overall: 4 })),
    );
    await storeResponses(
      await buildExportCampaign({ pilot: '856' }),
      repeat(4, () => answersV1({ js_overall: 1 })),
    );
    const { res, rows, leftOut, declared } = await exportCsv('');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(groupSizes(rows), { '855|w1': 5 });
    assert.ok(rows.every((r) => r.js_overall === '4'));
    assert.deepEqual([leftOut, declared], ['1', '5']);
  });

  test('when a group has exactly the minimum, then all its rows are exported and no group is counted as left out', async () => {
    await storeResponses(
      await buildExportCampaign({ pilot: '855' }),
      repeat(5, () => answersV1()),
    );
    await buildExportCampaign({ pilot: '856' }); // no responses: nothing to leave out
    const res = await http().get('/api/v1/exports/responses?format=ndjson').buffer(true);
    assert.equal(res.status, 200);
    assert.equal(res.text.trimEnd().split('\n').length, 5);
    assert.deepEqual([res.headers['x-small-groups-left-out'], res.headers['x-export-rows']], ['0', '5']);
  });

  test('when every group with responses is below the minimum, then each format answers 200 with no rows', async () => {
    await storeResponses(
      await buildExportCampaign({ pilot: '855' }),
      repeat(4, () => answersV1()),
    );
    await storeResponses(
      await buildExportCampaign({ pilot: '856' }),
      repeat(2, () => answersV1()),
    );
    const { res, rows, leftOut, declared } = await exportCsv('');
    assert.equal(res.status, 200, res.text);
    assert.equal(parseCsv(res.text).length, 1);
    assert.deepEqual([rows.length, leftOut, declared], [0, '2', '0']);
    const ndjson = await http().get('/api/v1/exports/responses?format=ndjson').buffer(true);
    assert.deepEqual([ndjson.status, ndjson.text], [200, '']);
    for (const format of ['xlsx', 'sav']) {
      const file = await http().get(`/api/v1/exports/responses?format=${format}`).buffer(true).parse(binaryParser);
      assert.deepEqual([file.status, file.headers['x-small-groups-left-out']], [200, '2'], format);
    }
  });

  test('when exports are taken with every combination of wave, version, council and arm, then no difference between two of them holds a left-out group', async () => {
    // 856|w2 (1) and 857|w1 (3) are small; their answers carry js_overall 1, everyone else's 4
    const groups = [
      { pilot: '855', arm: 'pilot', wave: 'w1', n: 5 },
      { pilot: '856', arm: 'comparison', wave: 'w1', n: 6 },
      { pilot: '857', arm: 'pilot', wave: 'w1', n: 3 },
      { pilot: '855', arm: 'pilot', wave: 'w2', n: 5 },
      { pilot: '856', arm: 'comparison', wave: 'w2', n: 1 },
      { pilot: '857', arm: 'pilot', wave: 'w2', n: 7 },
    ] as const;
    for (const g of groups) {
      const version = g.wave === 'w2' ? 2 : 1;
      const answers = version === 2 ? answersV2 : answersV1;
      await storeResponses(
        await buildExportCampaign({ pilot: g.pilot, arm: g.arm, wave: g.wave, version }),
        repeat(g.n, () => answers({ js_overall: g.n < 5 ? 1 : 4 })),
      );
    }
    const waves: [string, string[]][] = [
      ['', ['w1', 'w2']],
      ['wave=w1', ['w1']],
      ['wave=w2', ['w2']],
      ['wave=w1,w2', ['w1', 'w2']],
      ['version=1', ['w1']],
      ['version=2', ['w2']],
    ];
    const councils: [string, string[]][] = [
      ['', ['855', '856', '857']],
      ['pilot=855', ['855']],
      ['pilot=856', ['856']],
      ['pilot=857', ['857']],
      ['pilot=855,857', ['855', '857']],
      ['pilot=856,857', ['856', '857']],
    ];
    const arms: [string, string[]][] = [
      ['', ['pilot', 'comparison']],
      ['arm=pilot', ['pilot']],
      ['arm=comparison', ['comparison']],
    ];
    const exports: Record<string, number>[] = [];
    for (const [waveQuery, waveIds] of waves) {
      for (const [pilotQuery, codes] of councils) {
        for (const [armQuery, armNames] of arms) {
          const query = [waveQuery, pilotQuery, armQuery].filter(Boolean).join('&');
          const { res, rows, leftOut, declared } = await exportCsv(query);
          const selected = groups.filter(
            (g) => waveIds.includes(g.wave) && codes.includes(g.pilot) && armNames.includes(g.arm),
          );
          if (armQuery && !groups.some((g) => codes.includes(g.pilot) && armNames.includes(g.arm))) {
            assert.equal(res.status, 400, query); // no council of that arm among those named
            continue;
          }
          assert.equal(res.status, 200, `${query}: ${res.text}`);
          const kept = Object.fromEntries(selected.filter((g) => g.n >= 5).map((g) => [`${g.pilot}|${g.wave}`, g.n]));
          assert.deepEqual(groupSizes(rows), kept, query);
          assert.ok(
            rows.every((r) => r.js_overall === '4'),
            query,
          );
          assert.deepEqual(
            [leftOut, declared],
            [String(selected.filter((g) => g.n < 5).length), String(rows.length)],
            query,
          );
          exports.push(groupSizes(rows));
        }
      }
    }
    // any two exports differ only by whole groups of at least the minimum
    for (const a of exports) {
      for (const b of exports) {
        for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
          const difference = Math.abs((a[key] ?? 0) - (b[key] ?? 0));
          assert.ok(difference === 0 || difference >= 5, `${key} differs by ${difference}`);
        }
      }
    }
  });
});
