import { randomUUID } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import type { SurveyRegistry } from '../surveys/registry.js';
import { finishAudit, startAudit } from './audit.js';
import { fileBuckets } from './bucket-files.js';
import { buildLayout, type Layout } from '../codec/columns.js';
import { exportedGroups } from '../disclosure/export-bands.js';
import { groupKey } from '../codec/response-row.js';
import type { RowContext } from './encode.js';
import { formatInfo, rowWriter, type RowWriter } from './formats/index.js';
import { readGroupRules, type DecisionCache, type GroupRules } from './group-rules.js';
import { checkTotals, differingTotals, scanRows, startScan, type Scan, type Scanned } from './rows.js';
import { deflateSeals, draftSeals, seal, unseal, type SealDraft } from './seals.js';
import type { ExportQuery } from './schemas.js';
import { resolveSelection, type Selection } from './selection.js';
import { bucketsFor, bucketShuffle } from './shuffle.js';

// flushTally: counts every acknowledged response of the groups selected into the summaries'
// counters (the tally's flush, skipped when nothing queued can be theirs).
// bucketRows: rows per shuffle bucket held in memory at once (default 10,000); smaller in tests.
// now: the clock that decides which campaigns' results are published (default the real one).
// decisions: what each group's counts decided, kept between exports (group-rules.ts; default none).
export type ExportDeps = {
  surveys: SurveyRegistry;
  minGroupSize: number;
  freeTextMinGroupSize: number;
  flushTally: (selected: (pilotCode: string, waveId: string) => boolean) => Promise<void>;
  bucketRows?: number;
  tempDir?: string;
  now?: () => number;
  decisions?: DecisionCache;
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
// Rows go to the file's writer a run at a time (one generator step per run, not per row); the
// rows counted as sent (the audit's count when a download stops) run at most one run ahead.
const RUN = 100;
const YIELD_EVERY = 1000;

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
  scan: Scan,
  layout: Layout,
  groups: Groups,
  labels: boolean,
  piece: RowWriter['piece'],
  deps: ExportDeps,
): AsyncGenerator<Buffer[]> {
  const { kept } = groups;
  const total = [...kept.values()].reduce((s, g) => s + g.total, 0);
  const buckets = bucketsFor(total, deps.bucketRows ?? BUCKET_ROWS);
  const store = await fileBuckets(buckets, deps.tempDir);
  let sealing: Promise<void> = Promise.resolve();
  try {
    const shuffle = bucketShuffle(store, buckets);
    const ctx = rowContext(selection, kept, labels);
    const drafts = draftSeals(groups.live);
    drafts.catch(() => {}); // settleSeals ignores a failure
    const scanned = await scanRows(scan, layout, ctx, kept, piece, shuffle.add);
    // written while the rows go out (settleSeals never fails), and waited for before the end
    sealing = settleSeals(groups, scanned, drafts);
    checkTotals(kept, scanned);
    // rows already read go out without waiting on the database: let the event loop answer other
    // requests (health checks, submissions) every YIELD_EVERY rows or so
    let sinceYield = 0;
    for await (const bucket of shuffle.drain())
      for (let at = 0; at < bucket.length; at += RUN) {
        const run = bucket.slice(at, at + RUN);
        yield run;
        sinceYield += run.length;
        if (sinceYield >= YIELD_EVERY) {
          sinceYield = 0;
          await setImmediate();
        }
      }
  } finally {
    await sealing;
    await store.close();
  }
}

// The selected groups: those exported, all of them (the small ones' rows are read but not sent),
// and the counts' JSON text of those read from the live documents rather than a seal, and of
// those read from a seal of an earlier version.
type Groups = {
  kept: ReadonlyMap<string, GroupRules>;
  all: ReadonlyMap<string, GroupRules>;
  live: ReadonlyMap<string, string>;
  textSeals: ReadonlyMap<string, string>;
};

// Groups counted from live documents whose rows read match their counts are sealed, an empty one
// too (an import into it drops its seal first, imports/service.ts); a sealed group whose rows
// differ loses its seal, and one of an earlier version whose rows match is stored again deflated.
// Each is only a shortcut for later exports, so a failure here does not stop this one.
async function settleSeals(
  { all, live, textSeals }: Groups,
  scanned: Scanned,
  drafts: Promise<SealDraft[]>, // of the live groups
): Promise<void> {
  const differing = new Set(differingTotals(all, scanned));
  const matching = (groups: ReadonlyMap<string, string>) => new Map([...groups].filter(([key]) => !differing.has(key)));
  const ignore = () => {};
  await unseal([...differing].filter((key) => !live.has(key))).catch(ignore);
  await drafts.then((made) => seal(made.filter((d) => !differing.has(d._id)))).catch(ignore);
  await deflateSeals(matching(textSeals)).catch(ignore);
}

async function streamRows(
  rows: AsyncIterable<Buffer[]>,
  auditId: string,
  write: (rows: AsyncIterable<Buffer[]>) => Promise<void>,
  onRow: (done: number) => void,
): Promise<number> {
  let done = 0;
  async function* counting(): AsyncGenerator<Buffer[]> {
    for await (const some of rows) {
      done += some.length;
      onRow(done);
      yield some;
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

// An export, step by step: resolve the filters (400 on a bad one); read each council × wave's
// export counts — its seal, or (after counting every acknowledged response of those groups) the
// counters the tally keeps: no scan — which decide the groups left out, the bands shown and where
// free text leaves; record the export in the audit log; then — once the caller has somewhere to
// write — send the file's header at once, read the kept groups' rows once into the shuffle, seal
// the groups they match (while the rows go out), send them in random order, and record how many
// left and how it ended.
export async function prepareExport(query: ExportQuery, user: string, deps: ExportDeps): Promise<PreparedExport> {
  const { format, labels, bom, ...filters } = query;
  const selection = await resolveSelection(filters, deps.surveys, new Date(deps.now?.() ?? Date.now()));
  // the database starts reading rows now, while the columns are laid out and the counts read and
  // decided on; nothing read leaves before the scan has ended and its totals match those counts
  const scan = startScan(selection);
  // counting what is queued for these groups starts now; awaited only by a group with no seal
  const selected = new Set(selection.groups.map((g) => groupKey(g.pilotCode, g.waveId)));
  const flushed = deps.flushTally((pilotCode, waveId) => selected.has(groupKey(pilotCode, waveId)));
  flushed.catch(() => {}); // a failure counts only where awaited (group-rules.ts)
  let layout: Layout;
  let decided: Awaited<ReturnType<typeof decide>>;
  let auditId: string;
  try {
    layout = buildLayout(selection.definitions, selection.installed, {
      freeText: selection.groups.some((g) => g.allowFreeText),
    });
    decided = await decide(selection, layout, deps, flushed);
    auditId = await startAudit({ user, kind: 'responses', format, filters: { ...filters, labels, bom } });
  } catch (err) {
    await scan.close();
    throw err;
  }
  const { rules, live, textSeals, groups, kept } = decided;
  const write = (out: Writable, onRow: (done: number) => void = () => {}) => {
    const writer = rowWriter(format, layout, { bom });
    return streamRows(
      shuffledRows(selection, scan, layout, { kept, all: rules, live, textSeals }, labels, writer.piece, deps),
      auditId,
      (rows) => writer.write(rows, out),
      onRow,
    ).finally(() => scan.close()); // already closed unless the export failed before reading a row
  };
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

// Each group's rules from its counts, and the groups kept (the small ones left out).
async function decide(selection: Selection, layout: Layout, deps: ExportDeps, flushed: Promise<void>) {
  const { rules, live, textSeals } = await readGroupRules(
    selection.groups,
    layout,
    { min: deps.minGroupSize, freeTextMin: deps.freeTextMinGroupSize },
    () => flushed,
    deps.decisions,
  );
  const groups = exportedGroups(new Map([...rules].map(([key, g]) => [key, g.total])), deps.minGroupSize);
  const kept = new Map([...rules].filter(([key]) => groups.keep.has(key)));
  return { rules, live, textSeals, groups, kept };
}

export function isClosedEarly(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return (
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    code === 'ERR_STREAM_DESTROYED' ||
    /closed before it finished/.test(String((err as Error)?.message))
  );
}
