import { randomUUID } from 'node:crypto';
import { findCampaign } from '../study/campaigns/service.js';
import { AppError, conflict } from '../errors.js';
import { buildLayout } from '../codec/columns.js';
import { groupKey } from '../codec/response-row.js';
import { unseal } from '../exports/seals.js';
import { anyResponseStored, deleteResponses, insertResponses, type ResponseDoc } from '../responses/store.js';
import { resultsKept } from '../reports/summaries/publications.js';
import { queueForCounting } from '../tally/queue.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { checkFieldCount, readCsv, type CsvRecord } from '../workforce/csv.js';
import { checkRow, type CheckedRow } from './rows.js';
import { withImportClaim } from './claim.js';
import { planImport } from './decode.js';

const MAX_DETAILS = 1_000;

// Loading a wave collected elsewhere, from our own coded CSV export layout, into one campaign:
// every row is checked against the survey definition first and nothing is stored unless all pass.
export class ImportFileError extends AppError {
  constructor(readonly problems: { line: number; problem: string }[]) {
    const shown = problems.slice(0, 50).map((p) => `  line ${p.line}: ${p.problem}`);
    if (problems.length > 50) shown.push(`  … and ${problems.length - 50} more`);
    // details list at most MAX_DETAILS: a file where every row is wrong would otherwise come back several times over
    super(
      422,
      'import_file_invalid',
      `${problems.length} problem${problems.length > 1 ? 's' : ''} found; nothing was imported:\n${shown.join('\n')}`,
      problems.slice(0, MAX_DETAILS),
    );
    this.name = 'ImportFileError';
  }
}

export type ImportProgress = (phase: string, done: number, total: number) => void;

function parse(text: string): CsvRecord[] {
  try {
    return [...readCsv(text)];
  } catch (err) {
    const e = err as { line?: number; problem?: string };
    if (e.line !== undefined) throw new ImportFileError([{ line: e.line, problem: e.problem ?? 'unreadable CSV' }]);
    throw err;
  }
}

export async function importResponses(
  text: string,
  code: string,
  surveys: SurveyRegistry,
  onProgress: ImportProgress = () => {},
) {
  return withImportClaim(code, () => importInto(text, code, surveys, onProgress));
}

async function importInto(text: string, code: string, surveys: SurveyRegistry, onProgress: ImportProgress) {
  const { campaign, wave } = await findCampaign(code);
  const def = surveys.get(wave.surveyId, wave.surveyVersion);
  if (await anyResponseStored({ campaign: campaign._id }))
    throw conflict(`Campaign ${code} already has responses; import into an empty campaign.`);
  // a reader could set an export with the imported rows against the figures first published
  if (await resultsKept(campaign.pilotCode, wave._id))
    throw conflict(
      `The results of council ${campaign.pilotCode} in wave ${wave._id} are published (with no responses) and cannot change; import into a campaign before its results are first read.`,
    );
  const [header, ...records] = parse(text);
  if (!header) throw new ImportFileError([{ line: 1, problem: 'the file is empty' }]);
  const { plan, problems: headerProblems } = planImport(buildLayout([def], surveys.all()), def.version, header.fields);
  if (headerProblems.length)
    throw new ImportFileError(headerProblems.map((problem) => ({ line: header.line, problem })));
  const problems: { line: number; problem: string }[] = [];
  const rows: CheckedRow[] = [];
  for (const [i, record] of records.entries()) {
    // checking takes about 60 µs a row: let other requests in now and then during a long file
    if (i % 1_000 === 999) await new Promise((resolve) => setImmediate(resolve));
    onProgress('checking', i + 1, records.length);
    try {
      checkFieldCount(record, header);
    } catch (err) {
      problems.push({ line: record.line, problem: (err as { problem: string }).problem });
      continue;
    }
    const checked = checkRow(plan, record, { def, campaign, wave });
    if ('problems' in checked) problems.push(...checked.problems.map((problem) => ({ line: record.line, problem })));
    else rows.push(checked);
  }
  if (problems.length) throw new ImportFileError(problems);
  if (rows.length === 0) throw new ImportFileError([{ line: header.line, problem: 'the file has no responses' }]);
  // an empty group's export counts may be sealed (exports/seals.ts): they are about to change
  const group = [groupKey(campaign.pilotCode, wave._id)];
  await unseal(group);
  const fixed = {
    campaign: campaign._id,
    pilotCode: campaign.pilotCode,
    waveId: wave._id,
    surveyId: def.id,
    surveyVersion: def.version,
  };
  try {
    return { inserted: await insertAll(rows, fixed, onProgress) };
  } finally {
    await unseal(group); // an export that read the group empty meanwhile may have sealed it again
  }
}

const BATCH = 500;

// No transactions: each batch is queued for the summaries before it is stored (as a live
// submission is), and a failure part-way removes what this import stored before rethrowing.
async function insertAll(
  rows: CheckedRow[],
  fixed: Record<string, unknown>,
  onProgress: ImportProgress,
): Promise<number> {
  const ids: string[] = [];
  try {
    for (let at = 0; at < rows.length; at += BATCH) {
      const rowIds = rows.slice(at, at + BATCH).map(() => randomUUID());
      const tokens = await queueForCounting(rowIds);
      const docs = rows
        .slice(at, at + BATCH)
        .map((r, i) => ({ _id: rowIds[i]!, ...fixed, day: r.day, answers: r.answers, queuedBy: tokens[i]! }));
      ids.push(...rowIds);
      await insertResponses(docs as ResponseDoc[]);
      onProgress('storing', Math.min(at + BATCH, rows.length), rows.length);
    }
  } catch (err) {
    await deleteResponses(ids).catch(() => {});
    throw new Error(
      `Storing failed after validation; the ${ids.length} responses stored so far were removed (run summaries:verify -- --rebuild if the server counted them meanwhile): ${(err as Error).message}`,
      { cause: err },
    );
  }
  return rows.length;
}
