import { isForbiddenKey } from './definition.js';
import { numericRange, type QuestionSpec } from './questions.js';

// Per-question data prepared once per definition, so checking an answer is a few Set lookups.
export interface CheckedQuestion {
  spec: QuestionSpec;
  allowed: Set<unknown>; // choice / rating values, or matrix columns
  rows: Set<string>;
  exclusive: Set<unknown>;
  range?: [number, number];
  integerOnly: boolean;
}

export type Report = (problem: string, question?: string) => void;

export function prepareQuestion(spec: QuestionSpec): CheckedQuestion {
  const values = spec.kind === 'matrix' ? spec.columns : spec.kind === 'text' ? [] : spec.values;
  return {
    spec,
    allowed: new Set(values),
    rows: new Set(spec.kind === 'matrix' ? spec.rows.map(String) : []),
    exclusive: new Set(spec.kind === 'checkbox' ? spec.exclusive : []),
    range: numericRange(values),
    integerOnly: values.every((v) => Number.isInteger(v)),
  };
}

export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Reflect.ownKeys(value).length === 0;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// Returns the normalised answer, or undefined after reporting at least one problem.
export function checkAnswer(q: CheckedQuestion, value: unknown, report: Report): unknown {
  switch (q.spec.kind) {
    case 'rating':
      return checkRating(q, value, report);
    case 'choice':
      return q.allowed.has(value) ? value : report('not one of the choices');
    case 'checkbox':
      return checkCheckbox(q, value, report);
    case 'matrix':
      return checkMatrix(q, value, report);
    case 'text':
      return checkText(q.spec.maxLength, value, report);
  }
}

function checkRating(q: CheckedQuestion, value: unknown, report: Report): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value)) return report('expected a number');
  if (q.range && (value < q.range[0] || value > q.range[1])) return report(`out of range ${q.range[0]}–${q.range[1]}`);
  if (q.integerOnly && !Number.isInteger(value)) return report('expected a whole number');
  return q.allowed.has(value) ? value : report('not one of the rating values');
}

function checkCheckbox(q: CheckedQuestion, value: unknown, report: Report): unknown {
  if (!Array.isArray(value)) return report('expected a list of choices');
  if (!value.every((v) => q.allowed.has(v))) return report('not one of the choices');
  if (new Set(value).size !== value.length) return report('a choice is repeated');
  // "None" (and any isExclusive choice) cannot be ticked together with anything else.
  if (value.length > 1 && value.some((v) => q.exclusive.has(v))) return report('an exclusive choice is combined with others');
  return [...value];
}

function checkMatrix(q: CheckedQuestion, value: unknown, report: Report): unknown {
  if (!isPlainObject(value)) return report('expected an object of row answers');
  const name = q.spec.name;
  let ok = true;
  for (const key of Reflect.ownKeys(value)) {
    const row = String(key);
    if (typeof key !== 'string' || isForbiddenKey(row) || !q.rows.has(row)) {
      report('unknown row', `${name}.${row}`);
      ok = false;
    } else if (!q.allowed.has(value[row])) {
      report('not one of the columns', `${name}.${row}`);
      ok = false;
    }
  }
  if (q.spec.kind === 'matrix' && q.spec.eachRowRequired) {
    const missing = [...q.rows].filter((row) => !Object.hasOwn(value, row));
    missing.forEach((row) => report('required', `${name}.${row}`));
    ok &&= missing.length === 0;
  }
  if (!ok) return undefined;
  // Rebuild in definition order so stored documents never carry anything but known rows.
  return Object.fromEntries([...q.rows].filter((row) => Object.hasOwn(value, row)).map((row) => [row, value[row]]));
}

function checkText(maxLength: number, value: unknown, report: Report): unknown {
  if (typeof value !== 'string') return report('expected text');
  return value.length > maxLength ? report(`longer than ${maxLength} characters`) : value;
}
