import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { SurveyRegistry } from '../surveys/registry.js';
import { finishAudit, startAudit } from './audit.js';
import { fileBuckets } from './bucket-files.js';
import { buildLayout, type Cell, type Layout } from '../codec/columns.js';
import { exportedGroups } from '../disclosure/export-bands.js';
import { groupKey } from '../codec/response-row.js';
import type { RowContext } from './encode.js';
import { formatInfo, writeFormat } from './formats/index.js';
import { readGroupRules, type GroupRules } from './group-rules.js';
import { checkTotals, scanRows } from './rows.js';
import type { ExportQuery } from './schemas.js';
import { resolveSelection, type Selection } from './selection.js';
import { bucketsFor, bucketShuffle } from './shuffle.js';

// flushTally: counts every acknowledged response into the summaries' counters (the tally's flush).
// bucketRows: rows per shuffle bucket held in memory at once (default 10,000); smaller in tests.
// now: the clock that decides which campaigns' results are published (default the real one).
export type ExportDeps = {
  surveys: SurveyRegistry;
  minGroupSize: number;
  freeTextMinGroupSize: number;
  flushTally: () => Promise<void>;
  bucketRows?: number;
  tempDir?: string;
  now?: () => number;
};
export type PreparedExport = {
  layout: Layout;
  total: number; // rows to be exported: the responses of the council × wave groups kept
  stillOpen: number; // campaigns in the filters left out because they have not closed
  smallGroupsLeftOut: number; // council × wave groups left out for having fewer than minGroupSize responses
  fileName: string;
  contentType: string;
  write: (out: Writable, onRow?: (done: number) => void) => Promise<number>;
};

const BUCKET_ROWS = 10_000;

function rowContext(selection: Selection, rules: ReadonlyMap<string, GroupRules>, labels: boolean): RowContext {
  return {
    newId: randomUUID,
    arm: (code) => selection.arms.get(code) ?? null,
    group: (pilotCode, waveId) => rules.get(groupKey(pilotCode, waveId)),
    labels,
  };
}

// The rows of the kept groups, read once into the shuffle's buckets, checked against the counts
// they were decided on, and then sent in shuffled order; the buckets' files go however it ends.
async function* shuffledRows(
  selection: Selection,
  layout: Layout,
  kept: ReadonlyMap<string, GroupRules>,
  labels: boolean,
  deps: ExportDeps,
): AsyncGenerator<Cell[]> {
  const total = [...kept.values()].reduce((s, g) => s + g.total, 0);
  const buckets = bucketsFor(total, deps.bucketRows ?? BUCKET_ROWS);
  const store = await fileBuckets(buckets, deps.tempDir);
  try {
    const shuffle = bucketShuffle(store, buckets);
    const scanned = await scanRows(selection, layout, rowContext(selection, kept, labels), kept, shuffle.add);
    checkTotals(kept, scanned);
    for await (const line of shuffle.drain()) yield JSON.parse(line) as Cell[];
  } finally {
    await store.close();
  }
}

async function streamRows(
  rows: AsyncIterable<Cell[]>,
  auditId: string,
  write: (rows: AsyncIterable<Cell[]>) => Promise<void>,
  onRow: (done: number) => void,
): Promise<number> {
  let done = 0;
  async function* counting(): AsyncGenerator<Cell[]> {
    for await (const cells of rows) {
      onRow(++done);
      yield cells;
    }
  }
  try {
    await write(counting());
  } catch (err) {
    await finishAudit(auditId, isClosedEarly(err) ? 'aborted' : 'failed', done).catch(() => {});
    throw err;
  }
  await finishAudit(auditId, 'completed', done);
  return done;
}

// An export, step by step: resolve the filters (400 on a bad one); count every acknowledged
// response and read each council × wave's counts from the summaries' counters (no scan), which
// decide the groups left out, the bands shown and where free text leaves; record the export in
// the audit log; then — once the caller has somewhere to write — send the file's header at once,
// read the kept groups' rows once into the shuffle and send them in random order, and record how
// many left and how it ended.
export async function prepareExport(query: ExportQuery, user: string, deps: ExportDeps): Promise<PreparedExport> {
  const { format, labels, bom, ...filters } = query;
  const selection = await resolveSelection(filters, deps.surveys, new Date(deps.now?.() ?? Date.now()));
  const layout = buildLayout(selection.definitions, selection.installed, {
    freeText: selection.groups.some((g) => g.allowFreeText),
  });
  await deps.flushTally();
  const rules = await readGroupRules(selection.groups, layout, {
    min: deps.minGroupSize,
    freeTextMin: deps.freeTextMinGroupSize,
  });
  const groups = exportedGroups(new Map([...rules].map(([key, g]) => [key, g.total])), deps.minGroupSize);
  const kept = new Map([...rules].filter(([key]) => groups.keep.has(key)));
  const auditId = await startAudit({ user, kind: 'responses', format, filters: { ...filters, labels, bom } });
  const write = (out: Writable, onRow: (done: number) => void = () => {}) =>
    streamRows(
      shuffledRows(selection, layout, kept, labels, deps),
      auditId,
      (rows) => writeFormat(format, layout, { bom }, rows, out),
      onRow,
    );
  const day = new Date().toISOString().slice(0, 10);
  const { contentType, extension } = formatInfo[format];
  return {
    layout,
    total: groups.rows,
    stillOpen: selection.stillOpen,
    smallGroupsLeftOut: groups.leftOut,
    fileName: `${layout.surveyId}-responses-${day}.${extension}`,
    contentType,
    write,
  };
}

export function isClosedEarly(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return (
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    code === 'ERR_STREAM_DESTROYED' ||
    /closed before it finished/.test(String((err as Error)?.message))
  );
}
