import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIndicators } from '../../../server/workforce/indicators.js';
import { buildFile, buildRow, CURRENT_HEADER } from '../../helpers/workforce-files.js';

const rejects = (text: string, line: number, column: string | null) =>
  assert.throws(() => parseIndicators(text), { name: 'WorkforceFileError', line, column });

describe('parseIndicators on malformed input', () => {
  it('when a valid row is built, then it parses (so the failures below are caused by the change)', () => {
    const { records } = parseIndicators(buildFile(buildRow()));
    assert.equal(records[0]?.areaCode, '394');
  });

  it('when a required column is missing, then line 1 and that column are named', () => {
    const header = CURRENT_HEADER.replace(',vacancy_rate_fte,', ',');
    rejects(`${header}\n`, 1, 'vacancy_rate_fte');
    rejects(`${CURRENT_HEADER.replace('old_la_code,', '')}\n`, 1, 'old_la_code');
  });

  it('when the header is of neither layout, then line 1 is named', () => {
    assert.throws(() => parseIndicators('time_period,something_else\n2025,1\n'), {
      name: 'WorkforceFileError',
      line: 1,
    });
  });

  it('when a measure is neither a number nor a symbol, then its line and column are named', () => {
    rejects(buildFile(buildRow(), buildRow({ old_la_code: '330', cases: 'n/a' })), 3, 'cases');
    rejects(buildFile(buildRow({ inpost_fte: '' })), 2, 'inpost_fte');
    rejects(buildFile(buildRow({ inpost_fte: '1,234.5' })), 2, 'inpost_fte');
    rejects(buildFile(buildRow({ turnover_rate_fte: '-3' })), 2, 'turnover_rate_fte');
  });

  it('when a row has too few fields, then the first missing column is named', () => {
    const short = buildRow().split(',').slice(0, -2).join(',');
    rejects(buildFile(short), 2, 'working_days_lost_fte');
  });

  it('when a row has too many fields, then its line is named', () => {
    rejects(buildFile(`${buildRow()},extra`), 2, null);
  });

  it('when the geographic level is unknown, then geographic_level is named', () => {
    rejects(buildFile(buildRow({ geographic_level: 'Local authority district' })), 2, 'geographic_level');
  });

  it('when the area code for the level is missing, then that code column is named', () => {
    rejects(buildFile(buildRow({ old_la_code: '' })), 2, 'old_la_code');
    rejects(buildFile(buildRow({ geographic_level: 'Regional', region_code: '' })), 2, 'region_code');
    rejects(buildFile(buildRow({ geographic_level: 'National', country_code: '' })), 2, 'country_code');
    rejects(buildFile(buildRow({ old_la_code: 'E08000024' })), 2, 'old_la_code');
  });

  it('when the same area and year appear twice, then the second line is named', () => {
    rejects(buildFile(buildRow(), buildRow()), 3, 'old_la_code');
  });

  it('when a quoted name spans lines, then later errors still name the physical line', () => {
    rejects(buildFile(buildRow({ la_name: 'Sunder\nland' }), buildRow({ old_la_code: '330', cases: '?' })), 4, 'cases');
  });

  it('when time_period is not a year, then time_period is named', () => {
    rejects(buildFile(buildRow({ time_period: '2024-25' })), 2, 'time_period');
    rejects(buildFile(buildRow({ time_period: '2024/26' })), 2, 'time_period');
  });

  it('when time_period is a span such as 2024/25, then the year is the one it ends in', () => {
    assert.equal(parseIndicators(buildFile(buildRow({ time_period: '2024/25' }))).records[0]?.year, 2025);
    assert.equal(parseIndicators(buildFile(buildRow({ time_period: '202425' }))).records[0]?.year, 2025);
  });

  it('when a row is for another time identifier, then it is skipped with a reason', () => {
    const parsed = parseIndicators(
      buildFile(buildRow({ time_identifier: 'Financial year' }), buildRow({ old_la_code: '330' })),
    );
    assert.deepEqual(
      parsed.records.map((r) => r.areaCode),
      ['330'],
    );
    assert.deepEqual(parsed.skipped, [
      { line: 2, areaCode: '394', reason: 'time_identifier is "Financial year", expected "Reporting year"' },
    ]);
  });

  it('when the file has a BOM and CRLF line endings, then it parses as usual', () => {
    const text = `\uFEFF${buildFile(buildRow(), buildRow({ old_la_code: '330' })).replaceAll('\n', '\r\n')}`;
    assert.deepEqual(
      parseIndicators(text).records.map((r) => r.areaCode),
      ['394', '330'],
    );
  });

  it('when the file is empty, then it is rejected', () => {
    assert.throws(() => parseIndicators(''), { name: 'WorkforceFileError', line: 1 });
  });

  it('when the error is shown to a person, then the message names the line and column', () => {
    assert.throws(() => parseIndicators(buildFile(buildRow({ cases: 'lots' }))), {
      message: 'line 2, column cases: "lots" is neither a number nor a DfE symbol',
    });
  });
});
