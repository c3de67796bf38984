import { responseBatches } from '../responses/store.js';
import type { Cell, Layout } from '../codec/columns.js';
import { groupKey } from '../codec/response-row.js';
import { shownMonths } from '../disclosure/export-bands.js';
import { encodeRow, type ResponseRow, type RowContext } from './encode.js';
import type { GroupRules } from './group-rules.js';
import type { Selection } from './selection.js';

// The one pass over the responses: a plain filtered scan — the shape FerretDB streams without
// sorting or buffering — that never reads the stored _id (the respondent's submission id). The
// next batch is read while this one is encoded (store.ts).
const FIELDS = { _id: 0, campaign: 1, pilotCode: 1, waveId: 1, surveyId: 1, surveyVersion: 1, day: 1, answers: 1 };
const COUNCIL = 1;
const WAVE = 3;
const MONTH = 6;
const BATCH = 1000;

export type Scanned = { totals: Map<string, number>; months: Map<string, Map<string, number>> };

// Encodes the rows of the groups kept as they are read and hands each, as JSON, to `add` (the
// shuffle); counts each group's rows and rows per month on the way.
export async function scanRows(
  selection: Selection,
  layout: Layout,
  ctx: RowContext,
  kept: ReadonlyMap<string, GroupRules>,
  add: (line: string) => Promise<void> | void,
): Promise<Scanned> {
  const totals = new Map<string, number>();
  const months = new Map<string, Map<string, number>>();
  for await (const docs of responseBatches(selection.query, FIELDS, BATCH)) {
    for (const doc of docs) {
      const row = doc as unknown as ResponseRow;
      const key = groupKey(row.pilotCode, row.waveId);
      if (!kept.has(key)) continue;
      totals.set(key, (totals.get(key) ?? 0) + 1);
      const month = row.day.slice(0, 7);
      const byMonth = months.get(key) ?? new Map<string, number>();
      months.set(key, byMonth.set(month, (byMonth.get(month) ?? 0) + 1));
      await add(JSON.stringify(encodeRow(layout, row, ctx)));
    }
  }
  return { totals, months };
}

// The rows read must be the rows counted: a difference means responses arrived or left after the
// counters were read, and rows decided on other counts than the summaries' must not leave.
export function checkTotals(kept: ReadonlyMap<string, GroupRules>, scanned: Scanned): void {
  for (const [key, rules] of kept) {
    if ((scanned.totals.get(key) ?? 0) !== rules.total) {
      throw new Error('the responses changed while the export was being read; nothing more was sent, export again');
    }
  }
}

// Per group, the months its rows may carry (see disclosure/export-bands.ts); a row of a hidden
// month is dated by its wave alone (an empty cell).
export function monthDating(scanned: Scanned, min: number): (cells: Cell[]) => Cell[] {
  const shown = new Map(
    [...scanned.months].map(([key, byMonth]) => [
      key,
      shownMonths(
        [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, n]) => ({ key: month, n })),
        min,
      ),
    ]),
  );
  return (cells) => {
    const months = shown.get(groupKey(String(cells[COUNCIL]), String(cells[WAVE])));
    if (!months?.has(String(cells[MONTH]))) cells[MONTH] = null;
    return cells;
  };
}
