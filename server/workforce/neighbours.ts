import { checkFieldCount, indexHeader, readCsv, type CsvRecord, type LineSource } from './csv.js';
import { WorkforceFileError } from './errors.js';

// Closest first; the published values sometimes carry a trailing space ('Close ').
export const CLOSENESS_BANDS = ['Extremely close', 'Very close', 'Close', 'Somewhat close', 'Not close'] as const;
export type Closeness = (typeof CLOSENESS_BANDS)[number];

export interface Neighbour {
  rank: number;
  laCode: string;
  closeness: Closeness;
}

export interface NeighbourSet {
  line: number;
  laCode: string;
  name: string | null;
  neighbours: Neighbour[];
}

const LA_CODE = /^\d{3}$/;
const RANK_COLUMN = /^SN_(\d+)$/;

// The wide file has SN_1..SN_n with a band SN_1P..SN_nP; n is read from the header rather
// than fixed at 10 so a future model with more neighbours still imports.
function rankColumns(header: CsvRecord, columns: Map<string, number>): number[] {
  const ranks = [...columns.keys()]
    .map((name) => RANK_COLUMN.exec(name)?.[1])
    .filter((rank): rank is string => rank !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  if (!columns.has('old_la_code'))
    throw new WorkforceFileError(header.line, 'old_la_code', 'required column is missing');
  if (ranks.length === 0) throw new WorkforceFileError(header.line, 'SN_1', 'required column is missing');
  ranks.forEach((rank, i) => {
    if (rank !== i + 1) throw new WorkforceFileError(header.line, `SN_${i + 1}`, 'required column is missing');
    if (!columns.has(`SN_${rank}P`))
      throw new WorkforceFileError(header.line, `SN_${rank}P`, 'required column is missing');
  });
  return ranks;
}

function parseCloseness(text: string): Closeness | undefined {
  const wanted = text.trim().toLowerCase();
  return CLOSENESS_BANDS.find((band) => band.toLowerCase() === wanted);
}

function readCode(row: CsvRecord, column: string, text: string): string {
  if (!LA_CODE.test(text)) throw new WorkforceFileError(row.line, column, `"${text}" is not a three-digit LA code`);
  return text;
}

export function parseNeighbours(input: LineSource): NeighbourSet[] {
  let header: CsvRecord | undefined;
  let columns = new Map<string, number>();
  let ranks: number[] = [];
  const sets: NeighbourSet[] = [];
  const seen = new Map<string, number>();
  for (const row of readCsv(input)) {
    if (!header) {
      header = row;
      columns = indexHeader(row);
      ranks = rankColumns(row, columns);
      continue;
    }
    checkFieldCount(row, header);
    const cell = (name: string): string => row.fields[columns.get(name) as number]?.trim() ?? '';
    const laCode = readCode(row, 'old_la_code', cell('old_la_code'));
    const earlier = seen.get(laCode);
    if (earlier !== undefined)
      throw new WorkforceFileError(row.line, 'old_la_code', `repeats the council of line ${earlier}`);
    seen.set(laCode, row.line);
    const neighbours = ranks.map((rank) => {
      const band = cell(`SN_${rank}P`);
      const closeness = parseCloseness(band);
      if (!closeness) throw new WorkforceFileError(row.line, `SN_${rank}P`, `"${band}" is not a closeness band`);
      return { rank, laCode: readCode(row, `SN_${rank}`, cell(`SN_${rank}`)), closeness };
    });
    sets.push({ line: row.line, laCode, name: cell('la_name') || null, neighbours });
  }
  if (!header) throw new WorkforceFileError(1, null, 'the file is empty');
  return sets;
}
