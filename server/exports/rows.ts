import { decodeResponse, responseBatches } from '../responses/store.js';
import type { Cell, Layout } from '../codec/columns.js';
import { groupKey } from '../codec/response-row.js';
import { encodeRow, type ResponseRow, type RowContext } from './encode.js';
import type { GroupRules } from './group-rules.js';
import type { Selection } from './selection.js';

// The one pass over the responses: a plain filtered scan — the shape FerretDB streams without
// sorting or buffering — that never reads the stored _id (the respondent's submission id). The
// next batch is read while this one is encoded (store.ts).
const FIELDS = { _id: 0, pilotCode: 1, waveId: 1, surveyId: 1, surveyVersion: 1, day: 1, answers: 1 };
const BATCH = 1000;

export type Scanned = { totals: Map<string, number> };

// The scan, started before the rows are wanted: while an export decides what it may release
// (reads counts, decides bands), the database already reads the first batches. Up to `ahead`
// batches wait; `close` ends the scan if the export stops before reading it.
export type Scan = { batches: AsyncIterable<Uint8Array[]>; close: () => Promise<void> };

export function startScan(selection: Selection, ahead = 3): Scan {
  const source = responseBatches(selection.query, FIELDS, BATCH);
  const waiting: Promise<IteratorResult<Uint8Array[]>>[] = [];
  let ended = false;
  const pull = () => {
    while (!ended && waiting.length < ahead) {
      const next = source.next();
      next.catch(() => {}); // awaited in turn below; a failure meanwhile is not an unhandled rejection
      waiting.push(next);
      void next.then(
        (r) => {
          if (r.done) ended = true;
        },
        () => {
          ended = true;
        },
      );
    }
  };
  pull();
  let closed: Promise<void> | null = null;
  const close = () => {
    ended = true;
    closed ??= Promise.allSettled(waiting)
      .then(() => source.return(undefined))
      .then(() => {});
    return closed;
  };
  async function* batches() {
    try {
      for (;;) {
        const next = waiting.shift();
        if (!next) return;
        const r = await next;
        if (r.done) return;
        pull();
        yield r.value;
      }
    } finally {
      await close();
    }
  }
  return { batches: batches(), close };
}

// Encodes the rows of the groups kept as they are read, turns each into its bytes in the file's
// format (`piece`) and hands them to `add` (the shuffle); counts every group's rows on the way.
export async function scanRows(
  scan: Scan,
  layout: Layout,
  ctx: RowContext,
  kept: ReadonlyMap<string, GroupRules>,
  piece: (cells: Cell[]) => Buffer,
  add: (piece: Buffer) => Promise<void> | void,
): Promise<Scanned> {
  const totals = new Map<string, number>();
  for await (const docs of scan.batches) {
    for (const bytes of docs) {
      const row = decodeResponse(bytes) as ResponseRow;
      const key = groupKey(row.pilotCode, row.waveId);
      totals.set(key, (totals.get(key) ?? 0) + 1); // every group's rows, kept or not (seals)
      if (!kept.has(key)) continue;
      await add(piece(encodeRow(layout, row, ctx)));
    }
  }
  return { totals };
}

// The groups whose rows read differ in number from the counts they were decided on.
export function differingTotals(groups: ReadonlyMap<string, { total: number }>, scanned: Scanned): string[] {
  return [...groups].filter(([key, g]) => (scanned.totals.get(key) ?? 0) !== g.total).map(([key]) => key);
}

// The rows read must be the rows counted: a difference means responses arrived or left after the
// counters were read, and rows decided on other counts than the summaries' must not leave.
export function checkTotals(kept: ReadonlyMap<string, GroupRules>, scanned: Scanned): void {
  if (differingTotals(kept, scanned).length > 0)
    throw new Error('the responses changed while the export was being read; nothing more was sent, export again');
}
