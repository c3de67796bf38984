import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseCsv } from '../../server/workforce/csv.js';

export type PsppRead = {
  variables: Record<string, string>[];
  valueLabels: Map<string, Map<string, string>>;
  data: Record<string, string>[];
  log: string;
};

// Tables of pspp's CSV output, by their "Table: <title>" lines.
function tables(text: string): Map<string, string[][]> {
  const found = new Map<string, string[][]>();
  for (const block of text.split(/\n\s*\n/)) {
    const [title, ...rest] = block.trim().split('\n');
    if (title?.startsWith('Table: '))
      found.set(
        title.slice(7),
        parseCsv(rest.join('\n')).map((r) => r.fields),
      );
  }
  return found;
}

const records = (rows: string[][] = []) =>
  rows.slice(1).map((row) => Object.fromEntries(rows[0]!.map((h, i) => [h, row[i] ?? ''])));

function valueLabels(rows: string[][] = []): Map<string, Map<string, string>> {
  const byVariable = new Map<string, Map<string, string>>();
  let current = '';
  for (const [variable, value, label] of rows.slice(1)) {
    if (value === undefined || label === undefined) continue; // "Footnote: a. User-missing value"
    if (variable) current = variable;
    if (!byVariable.has(current)) byVariable.set(current, new Map());
    byVariable.get(current)!.set(value.replace(/\[.*\]$/, ''), label);
  }
  return byVariable;
}

// Reads a .sav file with GNU PSPP: its dictionary, value labels, and every case as written.
export async function readWithPspp(sav: Buffer): Promise<PsppRead> {
  const dir = mkdtempSync(join(tmpdir(), 'pspp-'));
  try {
    writeFileSync(join(dir, 'in.sav'), sav);
    writeFileSync(
      join(dir, 'read.sps'),
      [
        `GET FILE='${join(dir, 'in.sav')}'.`,
        'DISPLAY DICTIONARY.',
        `SAVE TRANSLATE /OUTFILE='${join(dir, 'data.csv')}' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE.`,
        '',
      ].join('\n'),
    );
    const { stdout, stderr } = await promisify(execFile)('pspp', ['-O', 'format=csv', join(dir, 'read.sps')], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const found = tables(stdout);
    const [header, ...rows] = parseCsv(readFileSync(join(dir, 'data.csv'), 'utf8')).map((r) => r.fields);
    return {
      variables: records(found.get('Variables')),
      valueLabels: valueLabels(found.get('Value Labels')),
      data: rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i] ?? '']))),
      log: `${stdout}\n${stderr}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
