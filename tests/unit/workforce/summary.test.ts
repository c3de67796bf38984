import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIndicators } from '../../../server/workforce/indicators.js';
import type { IndicatorImportSummary } from '../../../server/workforce/service.js';
import { formatIndicatorSummary } from '../../../server/workforce/summary.js';
import { buildFile, buildRow } from '../../helpers/workforce-files.js';

const record = parseIndicators(buildFile(buildRow())).records[0]!;

const buildSummary = (overrides: Partial<IndicatorImportSummary> = {}): IndicatorImportSummary => ({
  file: 'csww.csv',
  layout: 'indicators',
  rows: 4,
  added: 1,
  updated: [],
  unchanged: 1,
  skipped: [],
  localKept: 0,
  ...overrides,
});

describe('formatIndicatorSummary', () => {
  it('when rows were updated and skipped, then it gives the counts, each change and each reason once', () => {
    const reason = 'time_identifier is "Financial year", expected "Reporting year"';
    const text = formatIndicatorSummary(
      buildSummary({
        updated: [{ record, changes: [{ field: 'turnoverRateFte', from: '11.8', to: '12.1' }] }],
        skipped: [
          { line: 3, areaCode: '394', reason },
          { line: 4, areaCode: '330', reason },
        ],
        localKept: 1,
      }),
    );
    assert.equal(
      text,
      [
        'Imported csww.csv (indicators layout, 4 rows):',
        '  added      1',
        '  updated    1',
        '  unchanged  1',
        '  skipped    2',
        '  1 of the added or updated rows also have a local entry, kept beside the DfE figures',
        'Updated:',
        '  line 2, 394 (Sunderland) 2025: turnoverRateFte 11.8 → 12.1',
        'Skipped:',
        `  2 rows: ${reason}; line 3 (394), 4 (330)`,
      ].join('\n'),
    );
  });
});
