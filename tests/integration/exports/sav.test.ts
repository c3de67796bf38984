import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answersV1, answersV2 } from '../../helpers/export-fixtures.js';
import { binaryParser, buildExportCampaign, repeat, storeResponses, useExportApp } from '../../helpers/exports.js';
import { readWithPspp } from '../../helpers/pspp.js';

// free text from groups of 5 up, so that small files still show how text is written
const { http } = useExportApp(import.meta.url, { FREE_TEXT_MIN_GROUP_SIZE: '5' });

// 1,000 characters, 1,400 bytes of UTF-8: a "very long string" in SPSS terms, across segments
const LONG = 'Llwyth gwaith trwm — ŵŷ, "quoted", comma; '.repeat(25).slice(0, 1000);

async function exportSav(query = '') {
  const res = await http().get(`/api/v1/exports/responses?format=sav${query}`).buffer(true).parse(binaryParser);
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/x-spss-sav');
  return readWithPspp(res.body as Buffer);
}

describe('GET /api/v1/exports/responses?format=sav', () => {
  test('when read back with PSPP, then variables carry labels, measurement levels, formats and declared missing values', async () => {
    await storeResponses(
      await buildExportCampaign({ allowFreeText: true }),
      repeat(5, () => answersV1()),
    );
    const { variables, log } = await exportSav();
    assert.doesNotMatch(log, /warning|error/i);
    const v = (name: string) => variables.find((x) => x.Name === name)!;
    assert.deepEqual(
      [
        v('leave_looking').Label,
        v('leave_looking')['Measurement Level'],
        v('leave_looking')['Missing Values'],
        v('leave_looking')['Print Format'],
      ],
      ['Are you actively looking for another job at the moment?', 'Nominal', '3', 'F8.0'],
    );
    assert.equal(v('js_overall')['Measurement Level'], 'Ordinal');
    assert.equal(v('ons_life_satisfaction')['Measurement Level'], 'Scale');
    assert.equal(v('score_js_facets')['Print Format'], 'F8.2');
    assert.equal(v('demo_role')['Missing Values'], '7; -9');
    assert.equal(v('leave_reasons_text')['Print Format'], 'A3000');
    assert.equal(v('response_id')['Print Format'], 'A36');
  });

  test('when read back with PSPP, then value labels are attached to the codes', async () => {
    await storeResponses(
      await buildExportCampaign(),
      repeat(5, () => answersV1()),
    );
    const { valueLabels } = await exportSav();
    const labels = (label: string) => [...valueLabels.entries()].find(([k]) => k.startsWith(label))![1];
    assert.deepEqual(
      [...labels('Are you actively looking')],
      [
        ['1', 'Yes'],
        ['2', 'No'],
        ['3', 'Prefer not to say'],
      ],
    );
    assert.equal(labels('Which best describes your role?').get('-9'), 'Other/suppressed (small group)');
    assert.deepEqual(
      [...labels('Overall, how satisfied are you with your life')],
      [
        ['0', '0 (Not at all)'],
        ['10', '10 (Completely)'],
      ],
    );
  });

  test('when answers are missing, long or Welsh, then system-missing stays missing (not 0) and long strings come back whole', async () => {
    const campaign = await buildExportCampaign({ allowFreeText: true, version: 2 });
    await storeResponses(
      campaign,
      repeat(5, () =>
        answersV2({ leave_intent_12m: 5, leave_reasons: LONG, ons_worthwhile: 0, support_used: ['none'] }),
      ),
    );
    const { data } = await exportSav();
    assert.equal(data.length, 5);
    const [row] = data;
    assert.equal(row!.leave_reasons_text, LONG);
    assert.equal(row!.ons_worthwhile, '0');
    assert.equal(row!.ons_happy, ' '); // PSPP writes system-missing as a blank
    assert.equal(row!.improve_one_thing_text, '');
    assert.deepEqual([row!.support_used_eap, row!.support_used_none], ['0', '1']);
    assert.equal(row!.submission_month, '2025-02');
    assert.equal(Number(row!.score_practice_model_endorsement), 3.75);
  });

  test('when many responses are exported, then PSPP reads every case', async () => {
    await storeResponses(
      await buildExportCampaign(),
      repeat(300, (i) => answersV1({ js_overall: 1 + (i % 5), recommend_employer: i % 11 })),
    );
    const { data } = await exportSav();
    assert.equal(data.length, 300);
    assert.equal(
      data.reduce((sum, r) => sum + Number(r.js_overall), 0),
      300 * 3,
    );
    assert.equal(
      data.reduce((sum, r) => sum + Number(r.recommend_employer), 0),
      [...Array(300).keys()].reduce((s, i) => s + (i % 11), 0),
    );
  });
});
