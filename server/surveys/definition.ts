import { z } from 'zod';

// Names that end up as object keys (answers, exports, MongoDB documents).
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isSafeKey(key: unknown): key is string {
  return typeof key === 'string' && key.length > 0 && !key.includes('.') && !key.startsWith('$') && !FORBIDDEN_KEYS.has(key);
}

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

const Identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case');
// Welsh is optional: a survey without it is offered in English only.
const LocalisedText = z.strictObject({ default: z.string().min(1), cy: z.string().min(1).optional() });
const AnswerValue = z.union([z.string(), z.number()]);

// A scale item is a question name, or "<matrix question>.<row value>" (names and rows never contain '.').
const ItemRef = z.string().min(1);

const ItemMetadata = z.strictObject({
  provenance: z.string().min(1),
  licence: z.string().min(1),
  variable: Identifier,
});

const ScaleBand = z.strictObject({ label: z.string().min(1), min: z.number(), max: z.number() });

// A scale's or flag's name in Welsh, for the staff pages (presentation only: not hashed).
const WelshLabel = z.string().min(1).optional();

const Scale = z.strictObject({
  id: Identifier,
  label: z.string().min(1),
  labelCy: WelshLabel,
  items: z.array(ItemRef).min(1),
  reverse: z.array(ItemRef),
  range: z.tuple([z.number(), z.number()]),
  scoring: z.literal('mean'),
  minAnswered: z.number().int().min(1),
  bands: z.array(ScaleBand).min(1).optional(),
  higherIsBetter: z.boolean().optional(), // presentation only: not part of the content hash
  // the driver analysis (reports/drivers): an outcome, or a candidate driver of the outcomes; not hashed
  outcome: z.boolean().optional(),
  driver: z.boolean().optional(),
});

// A respondent "has" the flag when their answer to `question` is one of `values`; answers in
// `excludeFromBase` (e.g. "prefer not to say") leave them out of the proportion's denominator.
const Flag = z.strictObject({
  id: Identifier,
  label: z.string().min(1),
  labelCy: WelshLabel,
  question: ItemRef,
  values: z.array(AnswerValue).min(1),
  excludeFromBase: z.array(AnswerValue).optional(),
  higherIsBetter: z.boolean().optional(), // presentation only: not part of the content hash
  // the driver analysis (reports/drivers): an outcome, or a candidate driver of the outcomes; not hashed
  outcome: z.boolean().optional(),
  driver: z.boolean().optional(),
});

// How a council's dashboard groups the measures into charts (presentation only: not part of the
// content hash). A survey without it gets one chart per scale range and one for its flags.
const DashboardCard = z.strictObject({
  id: Identifier,
  title: z.string().min(1),
  titleCy: z.string().min(1).optional(),
  scales: z.array(Identifier).min(1).optional(),
  flags: z.array(Identifier).min(1).optional(),
});

export const SurveyFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-kebab-case'),
  version: z.number().int().min(1),
  title: LocalisedText,
  description: z.string().min(1),
  items: z.record(z.string(), ItemMetadata),
  scales: z.array(Scale),
  demographics: z.array(z.string()),
  flags: z.array(Flag),
  survey: z.record(z.string(), z.unknown()),
  dashboard: z.array(DashboardCard).optional(),
});

export type SurveyFile = z.infer<typeof SurveyFileSchema>;
export type ItemMetadata = z.infer<typeof ItemMetadata>;
export type Scale = z.infer<typeof Scale>;
export type ScaleBand = z.infer<typeof ScaleBand>;
export type Flag = z.infer<typeof Flag>;
export type DashboardCard = z.infer<typeof DashboardCard>;

export interface SurveyDefinition extends SurveyFile {
  /** `${id}@${version}` */
  readonly key: string;
  /** sha256 (hex) of the file's canonical JSON; a wave pins it so an edited version is refused. */
  readonly hash: string;
  readonly file: string;
}

export type DefinitionProblem = { path: string; reason: string };

// Every problem found in a definition, so an author fixes them all in one pass.
export class SurveyDefinitionError extends Error {
  readonly path: string;
  readonly reason: string;
  constructor(
    readonly file: string,
    readonly problems: DefinitionProblem[],
  ) {
    super(`${file}: ${problems.map((p) => `at ${p.path}: ${p.reason}`).join('; ')}`);
    this.name = 'SurveyDefinitionError';
    this.path = problems[0]?.path ?? '$';
    this.reason = problems[0]?.reason ?? 'invalid definition';
  }
}

// Records a problem and lets the check go on to find the next one.
export type Report = (path: string, reason: string) => void;

// One step of a JSON path: `.name`, `[3]`, or `["odd.key"]` when the key is not identifier-like.
export function pathSegment(key: PropertyKey): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(String(key))}]`;
}

// Item refs come from survey definitions, so the split of each is kept (scoring reads one per
// answer of every response counted or exported).
const splits = new Map<string, { question: string; row?: string }>();

export function splitItemRef(ref: string): { question: string; row?: string } {
  let split = splits.get(ref);
  if (!split) {
    const dot = ref.indexOf('.');
    split = Object.freeze(dot < 0 ? { question: ref } : { question: ref.slice(0, dot), row: ref.slice(dot + 1) });
    if (splits.size < 10_000) splits.set(ref, split);
  }
  return split;
}
