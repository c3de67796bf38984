import { WorkforceFileError } from './errors.js';

// A record and the physical line it starts on; a quoted field may span several lines, and
// error messages must point at the line a spreadsheet user would look at.
export interface CsvRecord {
  line: number;
  fields: string[];
}

// Whole file text, or physical lines without their line endings (e.g. from readline).
export type LineSource = string | Iterable<string>;

export const splitLines = (text: string): string[] => text.split(/\r?\n/);

// Fed one physical line at a time so a string and a line stream share one code path.
// Line endings inside quoted fields come back as '\n' whatever the file used.
export function createCsvLineParser() {
  let lineNo = 0;
  let startLine = 0;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;

  function push(raw: string): CsvRecord | undefined {
    lineNo += 1;
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    // Excel and DfE's own downloads often start with a UTF-8 BOM, which would otherwise
    // become part of the first column name.
    if (lineNo === 1 && line.startsWith('\uFEFF')) line = line.slice(1);
    if (inQuotes) {
      field += '\n';
    } else {
      if (line === '') return undefined; // blank lines (e.g. the final newline) carry no record
      startLine = lineNo;
    }
    for (let i = 0; i < line.length; i++) {
      const ch = line.charAt(i);
      if (inQuotes) {
        if (ch !== '"') {
          field += ch;
        } else if (line.charAt(i + 1) === '"') {
          field += '"'; // "" is an escaped quote
          i++;
        } else {
          inQuotes = false;
          const next = line.charAt(i + 1);
          if (next !== '' && next !== ',') {
            throw new WorkforceFileError(lineNo, null, `unexpected "${next}" after a closing quote`);
          }
        }
      } else if (ch === ',') {
        fields.push(field);
        field = '';
      } else if (ch === '"' && field === '') {
        inQuotes = true;
      } else {
        field += ch;
      }
    }
    if (inQuotes) return undefined;
    fields.push(field);
    const record = { line: startLine, fields };
    fields = [];
    field = '';
    return record;
  }

  function end(): void {
    if (inQuotes) throw new WorkforceFileError(startLine, null, 'a quoted field is never closed');
  }

  return { push, end };
}

export function* readCsv(input: LineSource): Generator<CsvRecord> {
  const parser = createCsvLineParser();
  for (const line of typeof input === 'string' ? splitLines(input) : input) {
    const record = parser.push(line);
    if (record) yield record;
  }
  parser.end();
}

export const parseCsv = (input: LineSource): CsvRecord[] => [...readCsv(input)];

// Column name -> position, trimmed, so rows can be read by name rather than by index.
export function indexHeader(header: CsvRecord): Map<string, number> {
  const index = new Map<string, number>();
  header.fields.forEach((name, i) => {
    const key = name.trim();
    if (index.has(key)) throw new WorkforceFileError(header.line, key, 'column appears twice in the header');
    index.set(key, i);
  });
  return index;
}

// Every row must line up with the header, or values would land in the wrong columns.
export function checkFieldCount(record: CsvRecord, header: CsvRecord): void {
  const expected = header.fields.length;
  const actual = record.fields.length;
  if (actual === expected) return;
  const column = actual < expected ? (header.fields[actual] ?? null) : null;
  throw new WorkforceFileError(record.line, column, `has ${actual} fields but the header has ${expected}`);
}
