import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planIndicatorImport, rowKey, type StoredRow } from '../../../server/workforce/import-plan.js';
import { parseIndicators } from '../../../server/workforce/indicators.js';
import type { LayoutName } from '../../../server/workforce/measures.js';
import { packMeasures, unpackMeasure } from '../../../server/workforce/packed.js';
import { buildFile, buildRow } from '../../helpers/workforce-files.js';

// Sunderland 2025 as parsed from a one-row file, and the same row as it would be stored.
const parsed = (overrides: Record<string, string> = {}) => parseIndicators(buildFile(buildRow(overrides)));
const record = () => parsed().records[0]!;

function stored(
  options: { layout?: LayoutName; local?: boolean; measures?: ReturnType<typeof packMeasures> } = {},
): StoredRow {
  const r = record();
  return {
    _id: rowKey(r),
    level: r.level,
    areaCode: r.areaCode,
    year: r.year,
    name: r.name,
    dfe: {
      measures: options.measures ?? packMeasures(r.measures),
      layout: options.layout ?? 'indicators',
      file: 'old.csv',
    },
    ...(options.local ? { local: { measures: { turnoverRateFte: 12 } } } : {}),
  };
}

describe('planIndicatorImport', () => {
  it('when nothing is stored, then every row is added', () => {
    const plan = planIndicatorImport(parsed(), []);
    assert.deepEqual([plan.added.length, plan.updated.length, plan.unchanged], [1, 0, 0]);
  });

  it('when the stored figures are the same, then the row is unchanged', () => {
    const plan = planIndicatorImport(parsed(), [stored()]);
    assert.deepEqual([plan.added.length, plan.updated.length, plan.unchanged], [0, 0, 1]);
  });

  it('when a value or a symbol changed, then the row is updated and each change is named', () => {
    const plan = planIndicatorImport(parsed({ turnover_rate_fte: '12.1', agency_fte: 'c' }), [stored()]);
    assert.deepEqual(plan.updated[0]?.changes, [
      { field: 'turnoverRateFte', from: '11.8', to: '12.1' },
      { field: 'agencyFte', from: 'low', to: 'c' },
    ]);
  });

  it('when only a local entry is stored, then the DfE figures are added and the entry is counted as kept', () => {
    const onlyLocal: StoredRow = { ...stored({ local: true }), dfe: undefined };
    const plan = planIndicatorImport(parsed(), [onlyLocal]);
    assert.deepEqual([plan.added.length, plan.localKept], [1, 1]);
  });

  it('when an older-layout file meets figures from the newer layout, then the row is skipped with a reason', () => {
    const older = { ...parsed(), layout: 'headline_measures' as const };
    const plan = planIndicatorImport(older, [stored()]);
    assert.equal(plan.skipped.length, 1);
    assert.match(plan.skipped[0]!.reason, /old\.csv, a newer DfE layout/);
  });
});

describe('packed measures', () => {
  it('when a measure is packed and unpacked, then numbers, symbols and absent columns survive, 0 included', () => {
    for (const measure of [
      { value: 0 },
      { value: 17.1 },
      { symbol: 'low', meaning: 'rounds to 0 but is not 0' },
      null,
    ] as const) {
      const packed = packMeasures({ ...record().measures, cases: measure });
      assert.deepEqual(unpackMeasure(packed.cases), measure);
    }
  });
});
