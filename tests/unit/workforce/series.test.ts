import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkforceDoc } from '../../../server/workforce/model.js';
import { packMeasures, type PackedMeasure } from '../../../server/workforce/packed.js';
import { buildSeries, comparatorValues, councilCell } from '../../../server/workforce/series.js';
import { parseIndicators } from '../../../server/workforce/indicators.js';
import { buildFile, buildRow } from '../../helpers/workforce-files.js';

const IMPORTED = new Date('2026-01-15T00:00:00Z');
const EMPTY = packMeasures(parseIndicators(buildFile(buildRow())).records[0]!.measures);

type DocOptions = {
  areaCode?: string;
  members?: string[];
  year?: number;
  level?: WorkforceDoc['level'];
  turnover?: PackedMeasure;
  local?: number;
};
function buildDoc({
  areaCode = '394',
  members,
  year = 2025,
  level = 'local_authority',
  turnover,
  local,
}: DocOptions = {}): WorkforceDoc {
  return {
    _id: `${level}|${areaCode}|${year}`,
    level,
    areaCode,
    year,
    memberCodes: members ?? [areaCode],
    name: areaCode,
    newCode: null,
    regionCode: null,
    regionName: null,
    subRegion: false,
    ...(turnover !== undefined
      ? {
          dfe: {
            measures: { ...EMPTY, turnoverRateFte: turnover },
            file: 'dfe.csv',
            importedAt: IMPORTED,
            layout: 'indicators',
            line: 2,
          },
        }
      : {}),
    ...(local !== undefined
      ? { local: { measures: { turnoverRateFte: local }, enteredBy: 'hr', enteredAt: IMPORTED } }
      : {}),
  } as WorkforceDoc;
}

describe('councilCell', () => {
  it('when DfE and a local entry both have the figure, then DfE leads and the entry is shown beside it', () => {
    const cell = councilCell([buildDoc({ turnover: 11.8, local: 12.5 })], 'turnoverRateFte');
    assert.equal(cell?.source.type, 'dfe');
    assert.deepEqual(cell && 'value' in cell ? cell.value : null, 11.8);
    assert.equal(cell?.localEntry?.source.type, 'local entry');
  });

  it('when only a local entry has the figure, then it is used with its source', () => {
    const cell = councilCell([buildDoc({ local: 12.5 })], 'turnoverRateFte');
    assert.deepEqual(cell, { value: 12.5, source: { type: 'local entry', enteredBy: 'hr', enteredAt: IMPORTED } });
  });

  it('when DfE published a symbol, then the symbol leads, with its meaning', () => {
    const cell = councilCell([buildDoc({ turnover: 'c', local: 12.5 })], 'turnoverRateFte');
    assert.equal(cell && 'symbol' in cell ? cell.meaning : null, 'suppressed to protect confidentiality');
  });
});

describe('comparatorValues', () => {
  it('when neighbours hold symbols, local-only figures, a shared joint return or the council itself, then only distinct DfE numbers count', () => {
    const docs = [
      buildDoc({ areaCode: '801', turnover: 10 }),
      buildDoc({ areaCode: '802', turnover: 'x' }),
      buildDoc({ areaCode: '803', local: 30 }),
      buildDoc({ areaCode: '940 / 941', members: ['940', '941'], turnover: 14 }),
      buildDoc({ areaCode: '940 / 941', members: ['940', '941'], turnover: 14 }),
      buildDoc({ areaCode: '394', turnover: 99 }),
    ];
    assert.deepEqual(comparatorValues(docs, 'turnoverRateFte', new Set(['394'])), [10, 14]);
  });
});

describe('buildSeries', () => {
  it('when figures span years, then each year has the council, neighbour median, arm mean and England', () => {
    const figures = [
      buildDoc({ turnover: 11.8 }),
      buildDoc({ areaCode: '801', turnover: 10 }),
      buildDoc({ areaCode: '802', turnover: 13 }),
      buildDoc({ areaCode: '803', turnover: 20 }),
      buildDoc({ areaCode: '855', turnover: 8.3 }),
      buildDoc({ areaCode: '855', year: 2024, turnover: 9 }),
      buildDoc({ areaCode: 'E92000001', level: 'national', turnover: 11.8 }),
      buildDoc({ areaCode: 'E92000001', level: 'national', year: 2024, turnover: 13.9 }),
    ];
    const years = buildSeries({
      code: '394',
      figures,
      neighbourCodes: ['801', '802', '803'],
      armCodes: ['394', '855'],
    });
    assert.deepEqual(
      years.map((y) => y.year),
      [2024, 2025],
    );
    const [y2024, y2025] = years;
    assert.equal(y2024?.council.turnoverRateFte, null);
    assert.deepEqual(y2024?.armMean?.turnoverRateFte, { value: 9, contributors: 1 });
    assert.deepEqual(y2025?.neighbourMedian.turnoverRateFte, { value: 13, contributors: 3 });
    // (11.8 + 8.3) / 2 = 10.05
    assert.deepEqual(y2025?.armMean?.turnoverRateFte, { value: 10.05, contributors: 2 });
    assert.equal(
      y2025?.england.turnoverRateFte && 'value' in y2025.england.turnoverRateFte
        ? y2025.england.turnoverRateFte.value
        : null,
      11.8,
    );
  });

  it('when the council is not in the study, then there is no arm mean', () => {
    const [row] = buildSeries({
      code: '394',
      figures: [buildDoc({ turnover: 11.8 })],
      neighbourCodes: [],
      armCodes: null,
    });
    assert.equal(row?.armMean, null);
    assert.deepEqual(row?.neighbourMedian.turnoverRateFte, { value: null, contributors: 0 });
  });
});
