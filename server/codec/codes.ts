import type { SurveyDefinition } from '../surveys/definition.js';
import { questionsOf, type QuestionSpec } from '../surveys/questions.js';

// Coded values, stable across survey versions. Numeric answers (ratings, numeric matrix
// columns and choices) are their own code. Text-valued choices get 1, 2, 3… in order of first
// appearance across every installed version of the survey, oldest first: a new version can only
// append codes, so files exported at different times, for any versions, stack.
export type CodeTable = Map<string, Map<string, number>>;

export const SUPPRESSED_CODE = -9;
// Answers that are not a position on the question's scale: declared missing in SPSS.
export const NON_SUBSTANTIVE = new Set<unknown>(['prefer_not_to_say', 'dont_know']);

// JSON text of an answer value (a finite number's is its String, without JSON's detour).
export const valueKey = (value: unknown): string =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : JSON.stringify(value);

// A column's code for an answer value, as `codes.get(valueKey(value))`, but looking a number,
// string, boolean or null up by itself (no text made per cell: exports code every answer of every
// row); anything else — an object, a non-finite number — goes by its key as before.
export function codeLookup(codes: Map<string, number>): (value: unknown) => number | undefined {
  const byValue = new Map<unknown, number>([...codes].map(([key, code]) => [JSON.parse(key) as unknown, code]));
  return (value) =>
    (typeof value === 'object' && value !== null) || (typeof value === 'number' && !Number.isFinite(value))
      ? codes.get(valueKey(value))
      : byValue.get(value);
}

export function variableOf(def: SurveyDefinition, question: string): string {
  return def.items[question]?.variable ?? question;
}

function codedValues(spec: QuestionSpec): unknown[] {
  if (spec.kind === 'matrix') return spec.columns;
  if (spec.kind === 'rating' || spec.kind === 'choice') return spec.values;
  return [];
}

export function assignCodes(definitions: readonly SurveyDefinition[]): CodeTable {
  const seen = new Map<string, unknown[]>();
  for (const def of [...definitions].sort((a, b) => a.version - b.version)) {
    for (const spec of questionsOf(def.survey)) {
      const values = codedValues(spec);
      if (values.length === 0) continue;
      const list = seen.get(variableOf(def, spec.name)) ?? [];
      for (const value of values) if (!list.includes(value)) list.push(value);
      seen.set(variableOf(def, spec.name), list);
    }
  }
  const table: CodeTable = new Map();
  for (const [variable, values] of seen) {
    const numeric = values.every((v) => typeof v === 'number');
    table.set(variable, new Map(values.map((v, i) => [valueKey(v), numeric ? (v as number) : i + 1])));
  }
  return table;
}

// code -> stored answer value, for reading a coded file back in
export function decodeTable(codes: Map<string, number>): Map<number, unknown> {
  return new Map([...codes].map(([key, code]) => [code, JSON.parse(key) as unknown]));
}
