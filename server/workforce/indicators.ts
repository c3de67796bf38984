import { checkFieldCount, indexHeader, readCsv, type CsvRecord, type LineSource } from './csv.js';
import { WorkforceFileError } from './errors.js';
import { LAYOUTS, MEASURE_KEYS, parseMeasure, type Layout, type LayoutName, type Measures } from './measures.js';

export { recomputeRates, roundOneDecimal, type RecomputedRates } from './rates.js';
export { SYMBOL_MEANINGS, type DfeSymbol, type Measure, type MeasureKey, type Measures } from './measures.js';

export type Level = 'national' | 'regional' | 'local_authority';

export interface WorkforceRecord {
  line: number;
  year: number; // the year to 30 September
  level: Level;
  areaCode: string; // country_code, region_code or old_la_code, as published
  memberCodes: string[]; // a joint return '940 / 941' -> ['940', '941']; otherwise [areaCode]
  newCode: string | null;
  name: string;
  regionCode: string | null;
  regionName: string | null;
  // Inner and Outer London repeat London's figures; summing regions must skip them.
  subRegion: boolean;
  measures: Measures;
}

export interface SkippedRow {
  line: number;
  areaCode: string;
  reason: string;
}

export interface IndicatorsImport {
  layout: LayoutName;
  records: WorkforceRecord[];
  skipped: SkippedRow[];
}

const GEO_COLUMNS = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'old_la_code',
  'new_la_code',
  'la_name',
] as const;
type GeoColumn = (typeof GEO_COLUMNS)[number];

const AREA_COLUMN: Record<Level, GeoColumn> = {
  national: 'country_code',
  regional: 'region_code',
  local_authority: 'old_la_code',
};

// A Map, not an object literal, so a cell such as 'constructor' cannot match a prototype key.
const LEVELS = new Map<string, { level: Level; code: GeoColumn; name: GeoColumn }>([
  ['National', { level: 'national', code: AREA_COLUMN.national, name: 'country_name' }],
  ['Regional', { level: 'regional', code: AREA_COLUMN.regional, name: 'region_name' }],
  ['Local authority', { level: 'local_authority', code: AREA_COLUMN.local_authority, name: 'la_name' }],
]);

// Every row in the real files is a 'Reporting year' (the year to 30 September); anything
// else would be a different measure of time and must not overwrite those figures.
const EXPECTED_TIME_IDENTIFIER = 'Reporting year';
const SUB_REGION_PREFIX = 'E13'; // ONS code prefix for Inner/Outer London
const LA_CODE = /^\d{3}$/;

export function parseIndicators(input: LineSource): IndicatorsImport {
  let reader: ReturnType<typeof createRowReader> | undefined;
  const records: WorkforceRecord[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  for (const csvRecord of readCsv(input)) {
    if (!reader) {
      reader = createRowReader(csvRecord);
      continue;
    }
    const { record, timeIdentifier } = reader.read(csvRecord);
    if (timeIdentifier !== EXPECTED_TIME_IDENTIFIER) {
      const reason = `time_identifier is "${timeIdentifier}", expected "${EXPECTED_TIME_IDENTIFIER}"`;
      skipped.push({ line: record.line, areaCode: record.areaCode, reason });
      continue;
    }
    // Two different figures for the same area and year leave no way to know which is right.
    const key = `${record.year}|${record.level}|${record.areaCode}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new WorkforceFileError(
        record.line,
        AREA_COLUMN[record.level],
        `repeats the area and year of line ${earlier}`,
      );
    }
    seen.set(key, record.line);
    records.push(record);
  }
  if (!reader) throw new WorkforceFileError(1, null, 'the file is empty');
  return { layout: reader.layout.name, records, skipped };
}

function detectLayout(header: CsvRecord, columns: Map<string, number>): Layout {
  const layout = LAYOUTS.find((candidate) => columns.has(candidate.marker));
  if (layout) return layout;
  const markers = LAYOUTS.map((l) => l.marker).join(' or ');
  throw new WorkforceFileError(
    header.line,
    markers,
    'not a DfE workforce indicators file: no recognised measure column',
  );
}

function createRowReader(header: CsvRecord) {
  const columns = indexHeader(header);
  const layout = detectLayout(header, columns);
  const requiredColumns = [...GEO_COLUMNS, ...layout.required.map((key) => layout.columns[key] as string)];
  for (const name of requiredColumns) {
    if (!columns.has(name)) throw new WorkforceFileError(header.line, name, 'required column is missing');
  }

  function read(row: CsvRecord): { record: WorkforceRecord; timeIdentifier: string } {
    checkFieldCount(row, header);
    const cell = (name: string): string => row.fields[columns.get(name) as number]?.trim() ?? '';
    const levelText = cell('geographic_level');
    const geo = LEVELS.get(levelText);
    if (!geo) throw new WorkforceFileError(row.line, 'geographic_level', `unknown geographic level "${levelText}"`);
    const areaCode = cell(geo.code);
    if (!areaCode) throw new WorkforceFileError(row.line, geo.code, `missing area code for a ${levelText} row`);
    const memberCodes = areaCode.split('/').map((code) => code.trim());
    if (geo.level === 'local_authority' && !memberCodes.every((code) => LA_CODE.test(code))) {
      throw new WorkforceFileError(
        row.line,
        geo.code,
        `"${areaCode}" is not a three-digit LA code (or codes joined by " / ")`,
      );
    }
    const record: WorkforceRecord = {
      line: row.line,
      year: parseYear(cell('time_period'), row.line),
      level: geo.level,
      areaCode,
      memberCodes,
      newCode: geo.level === 'local_authority' ? cell('new_la_code') || null : null,
      name: cell(geo.name) || areaCode,
      regionCode: cell('region_code') || null,
      regionName: cell('region_name') || null,
      subRegion: geo.level === 'regional' && areaCode.startsWith(SUB_REGION_PREFIX),
      measures: readMeasures(row.line, cell),
    };
    return { record, timeIdentifier: cell('time_identifier') };
  }

  function readMeasures(line: number, cell: (name: string) => string): Measures {
    const entries = MEASURE_KEYS.map((key) => {
      const name = layout.columns[key];
      if (name === undefined || !columns.has(name)) return [key, null] as const;
      const measure = parseMeasure(cell(name));
      if (!measure) throw new WorkforceFileError(line, name, `"${cell(name)}" is neither a number nor a DfE symbol`);
      return [key, measure] as const;
    });
    return Object.fromEntries(entries) as Measures;
  }

  return { layout, read };
}

// '2025', or a DfE-style '2024/25' / '202425' span, which ends in the year to 30 September.
function parseYear(text: string, line: number): number {
  if (/^\d{4}$/.test(text)) return Number(text);
  const span = /^(\d{4})\/?(\d{2})$/.exec(text);
  if (span && (Number(span[1]) + 1) % 100 === Number(span[2])) return Number(span[1]) + 1;
  throw new WorkforceFileError(line, 'time_period', `"${text}" is not a year such as 2025 or 2024/25`);
}
