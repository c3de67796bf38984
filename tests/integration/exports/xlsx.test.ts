import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { answersV1 } from '../../helpers/export-fixtures.js';
import { binaryParser, buildExportCampaign, repeat, storeResponses, useExportApp } from '../../helpers/exports.js';

// free text from groups of 5 up, so that small files still show how text is written
const { http } = useExportApp(import.meta.url, { FREE_TEXT_MIN_GROUP_SIZE: '5' });

async function workbook(query = '') {
  const res = await http().get(`/api/v1/exports/responses?format=xlsx${query}`).buffer(true).parse(binaryParser);
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as ArrayBuffer);
  return book;
}

const sheetRows = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe('GET /api/v1/exports/responses?format=xlsx', () => {
  test('when exported as a workbook, then the data sheet holds numbers as numbers and the codebook sheet describes every column', async () => {
    await storeResponses(
      await buildExportCampaign({ allowFreeText: true }),
      repeat(5, () => answersV1({ leave_intent_12m: 4, leave_reasons: '=too many cases' })),
    );
    const book = await workbook();
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      ['data', 'codebook'],
    );
    const [header, ...rows] = sheetRows(book.getWorksheet('data')!);
    assert.equal(rows.length, 5);
    const row = Object.fromEntries((header as string[]).map((h, i) => [h, rows[0]![i]]));
    assert.deepEqual(
      [row.council, row.js_overall, row.leave_looking, row.submission_month, row.leave_reasons_text],
      ['855', 4, 2, '2025-02', '=too many cases'],
    );
    assert.equal(row.ons_worthwhile, undefined);
    assert.equal(typeof row.score_js_facets, 'number');
    const [codebookHeader, ...entries] = sheetRows(book.getWorksheet('codebook')!);
    assert.deepEqual(codebookHeader!.slice(0, 3), ['variable', 'label_en', 'label_cy']);
    assert.deepEqual(
      entries.map((e) => e[0]),
      header,
    );
  });

  test('when labels=true, then the data sheet holds labels', async () => {
    await storeResponses(
      await buildExportCampaign(),
      repeat(5, () => answersV1({ leave_looking: 'yes' })),
    );
    const [header, row] = sheetRows((await workbook('&labels=true')).getWorksheet('data')!);
    assert.equal(row![(header as string[]).indexOf('leave_looking')], 'Yes');
  });
});
