import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { SurveyRegistry } from '../surveys/registry.js';
import { finishAudit, startAudit } from './audit.js';
import { buildLayout, type Cell, type Layout } from '../codec/columns.js';
import { exportedGroups, shownBands } from '../disclosure/export-bands.js';
import { groupKey } from '../codec/response-row.js';
import type { RowContext } from './encode.js';
import { formatInfo, writeFormat } from './formats/index.js';
import { countSelection, encodedRows } from './rows.js';
import type { ExportQuery } from './schemas.js';
import { resolveSelection, type Selection } from './selection.js';
import { shuffledRows } from './shuffle.js';

// shuffleWindow: rows held for shuffling (default 10,000); smaller only in tests
export type ExportDeps = { surveys: SurveyRegistry; minGroupSize: number; shuffleWindow?: number };
export type PreparedExport = {
  layout: Layout;
  total: number; // rows to be exported: the responses of the council × wave groups kept
  stillOpen: number; // campaigns in the filters left out because they have not closed
  smallGroupsLeftOut: number; // council × wave groups left out for having fewer than minGroupSize responses
  fileName: string;
  contentType: string;
  write: (out: Writable, onRow?: (done: number) => void) => Promise<number>;
};

const SHUFFLE_WINDOW = 10_000;

function rowContext(selection: Selection, shown: Map<string, Map<number, Set<number>>>, labels: boolean): RowContext {
  return {
    newId: randomUUID,
    arm: (code) => selection.arms.get(code) ?? null,
    freeText: (campaign) => selection.freeTextCampaigns.has(campaign),
    shownBands: (pilotCode, waveId) => shown.get(groupKey(pilotCode, waveId)),
    labels,
  };
}

// Pass 2, with the audit entry closed however it ends.
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

// An export, step by step: resolve the filters (400 on a bad one), record the export in the
// audit log, count each council × wave and its demographic bands (pass 1) and leave out the
// groups below the minimum, then — once the caller has somewhere to write — stream the kept
// groups' rows in shuffled order (pass 2) and record how many left and how it ended.
export async function prepareExport(query: ExportQuery, user: string, deps: ExportDeps): Promise<PreparedExport> {
  const { format, labels, bom, ...filters } = query;
  const selection = await resolveSelection(filters, deps.surveys);
  const layout = buildLayout(selection.definitions, selection.installed, {
    freeText: selection.freeTextCampaigns.size > 0,
  });
  const auditId = await startAudit({ user, kind: 'responses', format, filters: { ...filters, labels, bom } });
  const counted = await countSelection(selection, layout).catch(async (err) => {
    await finishAudit(auditId, 'failed', 0).catch(() => {});
    throw err;
  });
  const groups = exportedGroups(counted.totals, deps.minGroupSize);
  const kept = (row: { pilotCode: string; waveId: string }) => groups.keep.has(groupKey(row.pilotCode, row.waveId));
  const ctx = rowContext(selection, shownBands(layout, counted.counts, deps.minGroupSize), labels);
  const write = (out: Writable, onRow: (done: number) => void = () => {}) =>
    streamRows(
      shuffledRows(encodedRows(selection, layout, ctx, kept), deps.shuffleWindow ?? SHUFFLE_WINDOW),
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
