import { SUPPRESSED_CODE } from '../codec/codes.js';
import { META_COLUMNS, type AnswerTarget, type Column, type Layout } from '../codec/columns.js';
import { unguardCell } from '../codec/csv.js';

// Reading our own coded CSV layout back into stored answers: the inverse of encodeRow for one
// survey version. Meta columns are checked by the caller; score_* columns are recomputed, so ignored.
export type ColumnDecoder = { name: string; column: Column; target: AnswerTarget };
export type ImportPlan = { decoders: (ColumnDecoder | null)[]; meta: Map<string, number> };

const META = new Set<string>(META_COLUMNS.map((c) => c.name));

// Problems quote what the file held, cut short: a cell of megabytes echoed back helps nobody.
export const clip = (text: string): string =>
  text.length > 60 ? `${text.slice(0, 60)}… (${text.length} characters)` : text;

export function planImport(
  layout: Layout,
  version: number,
  header: readonly string[],
): { plan: ImportPlan; problems: string[] } {
  const readers = layout.versions.get(version)?.readers ?? [];
  const byName = new Map(
    readers.map((r) => [
      layout.columns[r.index]!.name,
      { name: layout.columns[r.index]!.name, column: layout.columns[r.index]!, target: r.target },
    ]),
  );
  const problems: string[] = [];
  const meta = new Map<string, number>();
  const seen = new Set<string>();
  const decoders = header.map((raw, i) => {
    const name = raw.trim();
    if (seen.has(name)) problems.push(`column ${clip(name)} appears twice`);
    seen.add(name);
    if (META.has(name)) meta.set(name, i);
    else if (!name.startsWith('score_') && !byName.has(name))
      problems.push(`column ${clip(name)} is not a variable of ${layout.surveyId} version ${version}`);
    return byName.get(name) ?? null;
  });
  return { plan: { decoders, meta }, problems };
}

function decodeCode(d: ColumnDecoder, text: string): { value?: unknown; problem?: string } {
  const code = Number(text);
  if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(code))
    return { problem: `${d.name}: "${clip(text)}" is not a code` };
  const match = d.column.codes.find((c) => c.code === code && c.code !== SUPPRESSED_CODE);
  return match ? { value: match.value } : { problem: `${d.name}: ${clip(text)} is not one of its codes` };
}

function place(answers: Record<string, unknown>, d: ColumnDecoder, text: string, problems: string[]): void {
  const { question, row, option } = d.target;
  if (d.column.kind === 'text') {
    answers[question] = unguardCell(text);
    return;
  }
  if (d.column.kind === 'checkbox') {
    if (text !== '0' && text !== '1') {
      problems.push(`${d.name}: expected 0 or 1, found "${clip(text)}"`);
      return;
    }
    const chosen = (answers[question] as unknown[] | undefined) ?? [];
    answers[question] = text === '1' ? [...chosen, option] : chosen;
    return;
  }
  const { value, problem } = decodeCode(d, text);
  if (problem) {
    problems.push(problem);
    return;
  }
  if (row === undefined) answers[question] = value;
  else answers[question] = { ...((answers[question] as Record<string, unknown> | undefined) ?? {}), [row]: value };
}

// A checkbox question with every option 0 was answered with nothing, which is stored as no answer.
export function decodeAnswers(
  plan: ImportPlan,
  fields: readonly string[],
): { answers: Record<string, unknown>; problems: string[] } {
  const answers: Record<string, unknown> = {};
  const problems: string[] = [];
  plan.decoders.forEach((d, i) => {
    const text = fields[i] ?? '';
    // -9 in a demographic column: the band was too small to show, so the file does not hold the
    // answer; it is imported as unanswered (the export's own codebook declares -9 missing)
    if (d && text !== '' && !(d.column.demographic && Number(text) === SUPPRESSED_CODE))
      place(answers, d, text, problems);
  });
  for (const [question, value] of Object.entries(answers)) {
    if (Array.isArray(value) && value.length === 0) delete answers[question];
  }
  return { answers, problems };
}

export function metaValue(plan: ImportPlan, fields: readonly string[], name: string): string {
  const at = plan.meta.get(name);
  return at === undefined ? '' : (fields[at] ?? '').trim();
}
