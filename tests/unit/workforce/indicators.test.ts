import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseCsv } from '../../../server/workforce/csv.js';
import {
  parseIndicators,
  SYMBOL_MEANINGS,
  type DfeSymbol,
  type IndicatorsImport,
  type Measure,
  type MeasureKey,
  type WorkforceRecord,
} from '../../../server/workforce/indicators.js';
import { readDfeFile } from '../../helpers/workforce-files.js';

const v = (value: number): Measure => ({ value });
const s = (symbol: DfeSymbol): Measure => ({ symbol, meaning: SYMBOL_MEANINGS[symbol] });

describe('parseIndicators on csww_indicators_2017_to_2025.csv', () => {
  let parsed: IndicatorsImport;
  const find = (year: number, areaCode: string): WorkforceRecord => {
    const record = parsed.records.find((r) => r.year === year && r.areaCode === areaCode);
    assert.ok(record, `no record for ${areaCode} in ${year}`);
    return record;
  };

  before(() => {
    parsed = parseIndicators(readDfeFile('csww_indicators_2017_to_2025.csv'));
  });

  it('when the real file is parsed, then every row becomes a record in the current layout', () => {
    assert.equal(parsed.layout, 'indicators');
    assert.equal(parsed.records.length, 1463);
    assert.deepEqual(parsed.skipped, []);
    assert.deepEqual(
      [...new Set(parsed.records.map((r) => r.year))],
      [2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017],
    );
  });

  // Read by eye from the file: Sunderland (394), Birmingham (330), Cambridgeshire (873).
  const published: Array<[number, string, Partial<Record<MeasureKey, Measure>>]> = [
    [
      2025,
      '394',
      {
        inpostFte: v(229.5),
        leaversFte: v(27.1),
        turnoverRateFte: v(11.8),
        agencyFte: s('low'),
        vacancyRateFte: v(5),
        caseloadFte: v(17.1),
      },
    ],
    [
      2024,
      '394',
      {
        inpostFte: v(227.4),
        leaversFte: s('u'),
        turnoverRateFte: s('u'),
        agencyFte: s('low'),
        vacancyRateFte: v(4.2),
        caseloadFte: v(17.2),
      },
    ],
    [
      2025,
      '330',
      {
        inpostFte: v(769.6),
        leaversFte: v(65.4),
        turnoverRateFte: v(8.5),
        agencyFte: v(108.5),
        vacancyRateFte: v(17.1),
        caseloadFte: v(15.2),
      },
    ],
    [
      2024,
      '330',
      {
        inpostFte: v(766.2),
        leaversFte: v(99.1),
        turnoverRateFte: v(12.9),
        agencyFte: s('u'),
        vacancyRateFte: v(26.6),
        caseloadFte: s('u'),
      },
    ],
    [
      2025,
      '873',
      {
        inpostFte: v(240),
        leaversFte: v(41.3),
        turnoverRateFte: v(17.2),
        agencyFte: v(37.1),
        vacancyRateFte: v(13.7),
        caseloadFte: v(15.2),
      },
    ],
    [
      2024,
      '873',
      {
        inpostFte: v(228.9),
        leaversFte: v(26.9),
        turnoverRateFte: v(11.8),
        agencyFte: v(66.1),
        vacancyRateFte: v(17.2),
        caseloadFte: v(17.2),
      },
    ],
  ];
  for (const [year, code, expected] of published) {
    it(`when council ${code} in ${year} is read, then its measures are the published figures`, () => {
      const { measures } = find(year, code);
      for (const [key, want] of Object.entries(expected)) assert.deepEqual(measures[key as MeasureKey], want, key);
    });
  }

  it('when a cell holds a symbol, then it stays a symbol with a meaning and never becomes 0', () => {
    const measures = parsed.records.flatMap((r) => Object.values(r.measures));
    const symbols = measures.filter((m) => m !== null && 'symbol' in m);
    const symbolCells = parseCsv(readDfeFile('csww_indicators_2017_to_2025.csv'))
      .slice(1)
      .flatMap((row) => row.fields.slice(10))
      .filter((cell) => Number.isNaN(Number(cell)));
    assert.equal(symbols.length, symbolCells.length);
    assert.equal(symbols.length, 250);
    for (const m of symbols) assert.ok(m && !('value' in m) && m.meaning.length > 0);
    assert.deepEqual(find(2025, '394').measures.agencyFte, { symbol: 'low', meaning: 'rounds to 0 but is not 0' });
    assert.deepEqual(find(2018, '420').measures.absenceRateFte, s('c'));
    assert.deepEqual(find(2025, '207').measures.inpostFte, s('x'));
  });

  it('when a council really has none, then 0 stays a value and a rate over 0 stays z', () => {
    const scilly = find(2025, '420').measures;
    assert.deepEqual(scilly.inpostFte, v(0));
    assert.deepEqual(scilly.turnoverRateFte, s('z'));
  });

  it('when two councils made a joint return, then it is one record that lists both codes', () => {
    const joint = find(2025, '940 / 941');
    assert.equal(joint.name, 'North Northamptonshire / West Northamptonshire');
    assert.deepEqual(joint.memberCodes, ['940', '941']);
    assert.equal(joint.newCode, 'E06000061 / E06000062');
    assert.deepEqual(find(2025, '314 / 318').memberCodes, ['314', '318']);
    assert.deepEqual(find(2025, '394').memberCodes, ['394']);
  });

  it('when national and regional rows are read, then they are kept with Inner and Outer London flagged', () => {
    const year = parsed.records.filter((r) => r.year === 2025);
    assert.equal(year.filter((r) => r.level === 'national').length, 1);
    assert.equal(find(2025, 'E92000001').name, 'England');
    const regions = year.filter((r) => r.level === 'regional');
    assert.equal(regions.length, 11);
    assert.deepEqual(
      regions.filter((r) => r.subRegion).map((r) => r.name),
      ['Inner London', 'Outer London'],
    );
    assert.equal(year.filter((r) => r.level === 'local_authority').length, 151);
  });

  it('when regions are summed without the London sub-regions, then they match England', () => {
    const inpost = (r: WorkforceRecord) =>
      r.measures.inpostFte && 'value' in r.measures.inpostFte ? r.measures.inpostFte.value : NaN;
    const regions = parsed.records.filter((r) => r.year === 2025 && r.level === 'regional' && !r.subRegion);
    const total = regions.reduce((sum, r) => sum + inpost(r), 0);
    assert.ok(Math.abs(total - inpost(find(2025, 'E92000001'))) < 0.5, `regions sum to ${total}`);
  });

  it('when a London council is read, then its region is the published sub-region', () => {
    const kensington = find(2025, '207');
    assert.deepEqual([kensington.regionCode, kensington.regionName], ['E13000001', 'Inner London']);
  });

  it('when a council name contains a comma, then the quoted name is read whole', () => {
    assert.equal(find(2025, '810').name, 'Kingston upon Hull, City of');
  });
});
