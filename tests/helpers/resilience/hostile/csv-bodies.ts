import { isUtf8 } from 'node:buffer';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { badUtf8, fraction, kind, logSize, operators, prototypeNames, type HostileKind, type Wire } from './kinds.js';

// What the kinds need to know about the coded CSV layout so that every file they make is one
// the import must refuse: they change coded cells only to text that is no code, remove only
// columns every response must answer, and add only column names the layout does not have.
export type CsvShape = {
  header: string[]; // the exported file's columns, in order
  coded: { name: string; codes: number[] }[]; // answer columns: a cell is empty or one of its codes
  required: string[]; // columns of questions every response must answer
  known: string[]; // every column name the import reads or ignores
};

type Table = { header: string[]; rows: string[][] }; // cells as they appear in the file (already quoted)
const NL = '\r\n';

// The valid file has coded cells only and no quoted fields, so it splits on commas.
function parse(text: string): Table {
  const [header, ...rows] = text
    .split(NL)
    .filter(Boolean)
    .map((line) => line.split(','));
  return { header: header!, rows };
}
const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csvText = (t: Table) => [t.header, ...t.rows].map((r) => r.join(',')).join(NL) + NL;
const asCsv = (body: string | Buffer): Wire => ({ headers: { 'content-type': 'text/csv' }, body: Buffer.from(body) });

function withCell(t: Table, row: number, column: string, raw: string): Table {
  const at = t.header.indexOf(column);
  return {
    header: t.header,
    rows: t.rows.map((r, i) => (i === row % t.rows.length ? r.map((c, j) => (j === at ? raw : c)) : r)),
  };
}
const withColumn = (t: Table, name: string, cell: (i: number) => string): Table => ({
  header: [...t.header, name],
  rows: t.rows.map((r, i) => [...r, cell(i)]),
});
function withoutColumn(t: Table, name: string): Table {
  const at = t.header.indexOf(name);
  return { header: t.header.filter((_, j) => j !== at), rows: t.rows.map((r) => r.filter((_, j) => j !== at)) };
}
const renamed = (t: Table, column: string, raw: string): Table => ({
  header: t.header.map((h) => (h === column ? raw : h)),
  rows: t.rows,
});
// The valid rows over and over, until the file is at least `bytes` long.
function longRows(t: Table, bytes: number): Table {
  const rows: string[][] = [];
  for (
    let size = csvText({ header: t.header, rows: [] }).length;
    size < bytes;
    size += rows.at(-1)!.join(',').length + NL.length
  )
    rows.push(t.rows[rows.length % t.rows.length]!);
  return { header: t.header, rows };
}

// Whether a cell could be read as no answer or as one of the codes, however leniently (spaces,
// signs, exponents, hex): such text is never used as a hostile value.
const mightBeCode = (text: string, codes: number[]) => text.trim() === '' || codes.includes(Number(text.trim()));

const formulas = [
  '=1+1',
  "=cmd|' /C calc'!A0",
  '-1+1',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=HYPERLINK("http://x.invalid","4")',
  "'4",
  '=4',
  '@4',
  '<script>alert(1)</script>',
  "'; DROP TABLE responses; --",
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '`id`',
  '$(id)',
  '4; rm -rf /',
  '4,5',
  '4\n5',
];
const deep: Record<string, (depth: number) => string> = {
  brackets: (d) => `${'['.repeat(d)}${']'.repeat(d)}`,
  objects: (d) => `${'{"a":'.repeat(d)}4${'}'.repeat(d)}`,
  parentheses: (d) => `${'('.repeat(d)}4${')'.repeat(d)}`,
  quotes: (d) => '"'.repeat(d),
  tags: (d) => `${'<a>'.repeat(d)}4${'</a>'.repeat(d)}`,
};
const wrongTypes = [
  'text/plain',
  'application/csv',
  'text/comma-separated-values',
  'text/tab-separated-values',
  'application/vnd.ms-excel',
  'text/html',
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/octet-stream',
  'text/csvx',
  'text/csv+json',
  '*/*',
  'text/*',
  'text/csv; charset=latin1',
  'text/csv; charset=iso-8859-1',
  'text/csv; charset=utf-16',
  'text/csv; charset=utf-16le',
  'text/csv; charset=ascii',
  'text/csv; charset=windows-1252',
  'text/csv; charset=utf-7',
  'text/csv; charset="utf-32"',
  'text/csv; charset=',
];

export function csvKinds(valid: () => string, shape: CsvShape, limitBytes: number): HostileKind[] {
  const isKnown = (name: string) => shape.known.includes(name.trim()) || name.trim().startsWith('score_');
  const hostileNames = [
    ...operators,
    ...prototypeNames,
    '__proto__.polluted',
    'constructor.prototype.polluted',
    '{"$ne":null}',
    'answers.$where',
    'js_overall[$ne]',
  ];
  const unknownName = fc
    .oneof(fc.constantFrom(...hostileNames), fc.stringMatching(/^[a-z][a-z0-9_]{0,24}$/))
    .filter((n) => !isKnown(n));
  const column = fc.constantFrom(...shape.header);
  const coded = fc.constantFrom(...shape.coded);
  const codedName = coded.map((c) => c.name);
  const nonCode = (codes: number[]) =>
    fc
      .oneof(
        fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
        fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 999 })).map(([i, f]) => `${i}.${f}`),
        fc.constantFrom(
          '-9',
          'yes',
          'no',
          'true',
          'null',
          'undefined',
          'NaN',
          'Infinity',
          '1e3',
          '0x10',
          '٣',
          '４',
          'one',
          'Agree',
          '[]',
          '{}',
          '"4"',
        ),
      )
      .filter((t) => !mightBeCode(t, codes));
  const codedCell = coded.chain((c) => fc.record({ column: fc.constant(c.name), value: nonCode(c.codes) }));
  const table = () => parse(valid());

  return [
    kind(
      'operator and prototype names in headers and cells',
      fc.record({
        how: fc.constantFrom('rename a column', 'add a column', 'in a coded cell'),
        column,
        cell: codedName,
        name: fc.constantFrom(...hostileNames),
        row: fc.nat(),
      }),
      (p) => {
        if (p.how === 'rename a column') return asCsv(csvText(renamed(table(), p.column, field(p.name))));
        if (p.how === 'add a column') return asCsv(csvText(withColumn(table(), field(p.name), () => field(p.name))));
        return asCsv(csvText(withCell(table(), p.row, p.cell, field(p.name))));
      },
    ),

    kind(
      'formula and injection text in coded cells',
      coded.chain((c) =>
        fc.record({
          column: fc.constant(c.name),
          row: fc.nat(),
          text: fc
            .oneof(
              fc.constantFrom(...formulas),
              fc
                .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'"), fc.string({ maxLength: 30 }))
                .map(([a, b]) => a + b),
            )
            .filter((t) => !mightBeCode(t, c.codes)),
        }),
      ),
      (p) => asCsv(csvText(withCell(table(), p.row, p.column, field(p.text)))),
    ),

    kind(
      'out-of-range and wrong-type codes',
      fc.record({ cell: codedCell, row: fc.nat(), everyRow: fc.boolean() }),
      (p) => {
        const t = table();
        return asCsv(
          csvText(
            p.everyRow
              ? t.rows.reduce((acc, _r, i) => withCell(acc, i, p.cell.column, field(p.cell.value)), t)
              : withCell(t, p.row, p.cell.column, field(p.cell.value)),
          ),
        );
      },
    ),

    kind(
      'broken quoting',
      fc.record({
        how: fc.constantFrom(
          'never closed',
          'text after the closing quote',
          'quote inside a cell',
          'never closed in the header',
        ),
        column: codedName,
        row: fc.nat(),
        text: fc.stringMatching(/^[0-9a-z ]{0,12}$/),
        after: fc.constantFrom('x', '"', ' ', '4', ';'),
      }),
      (p) => {
        if (p.how === 'never closed in the header') return asCsv(csvText(renamed(table(), p.column, `"${p.column}`)));
        // (a quote inside needs text before it: a cell that starts "" is an empty quoted cell)
        const raw =
          p.how === 'never closed'
            ? `"${p.text}`
            : p.how === 'text after the closing quote'
              ? `"${p.text}"${p.after}`
              : `${p.text || '4'}"${p.after}`;
        return asCsv(csvText(withCell(table(), p.row, p.column, raw)));
      },
    ),

    kind(
      'wrong field counts',
      fc.record({
        header: fc.boolean(),
        row: fc.nat(),
        change: fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0),
        value: fc.constantFrom('', '1', '4', 'x'),
      }),
      (p) => {
        const t = table();
        const resize = (fields: string[]) =>
          p.change > 0 ? [...fields, ...Array<string>(p.change).fill(p.value)] : fields.slice(0, p.change);
        return asCsv(
          csvText(
            p.header
              ? { header: resize(t.header), rows: t.rows }
              : { header: t.header, rows: t.rows.map((r, i) => (i === p.row % t.rows.length ? resize(r) : r)) },
          ),
        );
      },
    ),

    kind(
      'duplicate, missing and unknown columns',
      fc.record({
        how: fc.constantFrom('duplicate', 'duplicate with spaces', 'missing', 'unknown'),
        column,
        required: fc.constantFrom(...shape.required),
        name: unknownName,
      }),
      (p) => {
        const t = table();
        const at = t.header.indexOf(p.column);
        if (p.how === 'missing') return asCsv(csvText(withoutColumn(t, p.required)));
        if (p.how === 'unknown') return asCsv(csvText(withColumn(t, field(p.name), () => '1')));
        return asCsv(
          csvText(withColumn(t, p.how === 'duplicate' ? p.column : ` ${p.column} `, (i) => t.rows[i]![at]!)),
        );
      },
    ),

    kind(
      'huge fields and huge row counts',
      fc.record({
        how: fc.constantFrom('one cell', 'a column name', 'rows'),
        cell: codedCell,
        seed: fc.constantFrom('9', 'x', '1,', '-', 'é', '\u{1F600}'),
        size: logSize(2_000, limitBytes - 20_000),
        row: fc.nat(),
      }),
      (p) => {
        const t = table();
        const huge = p.seed.repeat(Math.ceil(p.size / Buffer.byteLength(p.seed)));
        if (p.how === 'one cell') return asCsv(csvText(withCell(t, p.row, p.cell.column, field(huge))));
        if (p.how === 'a column name') return asCsv(csvText(renamed(t, p.cell.column, field(huge))));
        const many = longRows(t, p.size); // every row valid but one, somewhere in the middle
        return asCsv(csvText(withCell(many, p.row, p.cell.column, field(p.cell.value))));
      },
    ),

    kind(
      'deep-ish garbage',
      fc.record({
        shape: fc.constantFrom(...Object.keys(deep)),
        depth: logSize(2, 20_000),
        column: codedName,
        row: fc.nat(),
        inHeader: fc.boolean(),
      }),
      (p) => {
        const garbage = field(deep[p.shape]!(p.depth));
        return asCsv(
          csvText(p.inHeader ? renamed(table(), p.column, garbage) : withCell(table(), p.row, p.column, garbage)),
        );
      },
    ),

    kind(
      'invalid UTF-8 and NUL bytes',
      fc.record({
        how: fc.constantFrom('bytes that are not UTF-8', 'NUL in a coded cell', 'NUL in a column name'),
        at: fraction(),
        bytes: fc.oneof(
          fc.constantFrom(...badUtf8).map((b) => Uint8Array.from(b)),
          fc.uint8Array({ minLength: 1, maxLength: 8 }).filter((b) => !isUtf8(b)),
        ),
        column: codedName,
        row: fc.nat(),
        nuls: fc.integer({ min: 1, max: 8 }),
        before: fc.boolean(),
      }),
      (p) => {
        const t = table();
        const nul = '\u0000'.repeat(p.nuls);
        if (p.how === 'NUL in a column name')
          return asCsv(csvText(renamed(t, p.column, p.before ? nul + p.column : p.column + nul)));
        if (p.how === 'NUL in a coded cell') {
          const cell = t.rows[p.row % t.rows.length]![t.header.indexOf(p.column)]!;
          return asCsv(csvText(withCell(t, p.row, p.column, p.before ? nul + cell : cell + nul)));
        }
        const bytes = Buffer.from(csvText(t));
        const i = Math.floor(p.at * bytes.length);
        return asCsv(Buffer.concat([bytes.subarray(0, i), p.bytes, bytes.subarray(i)]));
      },
    ),

    kind(
      'wrong content types and encodings',
      fc
        .record({
          type: fc.oneof(
            fc.constantFrom(...wrongTypes, null, 'text/csv'),
            fc.stringMatching(/^[a-z]{1,12}\/[a-z0-9.+-]{1,24}$/).filter((t) => t !== 'text/csv'),
          ),
          encoding: fc.constantFrom(null, 'gzip', 'deflate', 'br', 'compress', 'x-unknown', 'gzip, gzip'),
          json: fc.boolean(),
        })
        .filter((p) => p.type !== 'text/csv' || p.encoding !== null),
      (p) => {
        const headers: Record<string, string> = p.type === null ? {} : { 'content-type': p.type };
        if (p.encoding) headers['content-encoding'] = p.encoding; // never actually compressed
        const body = p.json && p.type === 'application/json' ? JSON.stringify({ csv: valid() }) : valid();
        return { headers, body: Buffer.from(body) };
      },
    ),

    kind(
      'oversized bodies',
      fc.record({
        how: fc.constantFrom('blank lines', 'one long cell', 'many rows', 'chunked', 'gzip bomb'),
        size: fc.integer({ min: limitBytes + 1, max: limitBytes * 2 }),
        column: codedName,
      }),
      (p) => {
        const t = table();
        const padded = Buffer.from(csvText(t) + NL.repeat(p.size >> 1));
        if (p.how === 'one long cell') return asCsv(csvText(withCell(t, 0, p.column, '4'.repeat(p.size))));
        if (p.how === 'many rows') return asCsv(csvText(longRows(t, p.size)));
        if (p.how === 'chunked')
          return {
            headers: { 'content-type': 'text/csv' },
            body: Array.from({ length: Math.ceil(padded.length / 65_536) }, (_, i) =>
              padded.subarray(i * 65_536, (i + 1) * 65_536),
            ),
          };
        if (p.how === 'gzip bomb')
          return {
            headers: { 'content-type': 'text/csv', 'content-encoding': 'gzip' },
            body: gzipSync(Buffer.concat([padded, Buffer.alloc(p.size, 10)])),
          };
        return asCsv(padded);
      },
    ),

    // any file the import could take names every required column
    kind(
      'not CSV at all',
      fc
        .oneof(
          fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b)),
          fc.string({ maxLength: 2_000 }).map((s) => Buffer.from(s)),
          fc.constantFrom('', NL, ',,,', '"', '\uFEFF', `\uFEFF${NL}${NL}`).map((s) => Buffer.from(s)),
        )
        .filter((b) => !b.toString('utf8').includes(shape.required[0]!)),
      (body) => asCsv(body),
    ),
  ];
}
