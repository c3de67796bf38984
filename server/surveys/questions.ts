import { Model, type Question, type ItemValue } from 'survey-core';

// What the server needs to know about each question, read once from survey-core's own model so
// defaults (rateMin 1, rateMax 5, the "none" item, ...) are exactly what the browser shows.
interface Common {
  name: string;
  required: boolean;
  visibleIf?: string;
  // `visible: false` with no visibleIf: never shown, so never answered.
  alwaysHidden: boolean;
}

export type QuestionSpec = Common &
  (
    | { kind: 'rating'; values: unknown[] }
    | { kind: 'choice'; values: unknown[] }
    | { kind: 'checkbox'; values: unknown[]; exclusive: unknown[] }
    | { kind: 'matrix'; rows: unknown[]; columns: unknown[]; eachRowRequired: boolean }
    | { kind: 'text'; maxLength: number }
  );

export type QuestionKind = QuestionSpec['kind'];

const KIND_BY_TYPE: Record<string, QuestionKind> = {
  rating: 'rating',
  radiogroup: 'choice',
  dropdown: 'choice',
  // yes/no: a choice between its valueTrue and valueFalse, which the loader requires to be text
  boolean: 'choice',
  checkbox: 'checkbox',
  matrix: 'matrix',
  text: 'text',
  comment: 'text',
};

export const SUPPORTED_TYPES = new Set(Object.keys(KIND_BY_TYPE));

export function buildModel(surveyJson: object): Model {
  return new Model(surveyJson);
}

// An installed definition's questions (its `survey`), read once per process and shared by every
// feature that needs them (a survey model takes some 10–15 ms to build); never changed by a caller.
const questionsBySurvey = new WeakMap<object, readonly QuestionSpec[]>();

export function questionsOf(survey: object): readonly QuestionSpec[] {
  let questions = questionsBySurvey.get(survey);
  if (!questions) questionsBySurvey.set(survey, (questions = buildModel(survey).getAllQuestions(false).map(describe)));
  return questions;
}

// For checking a definition that may still hold unsupported types (reported separately).
export function readSupportedQuestions(model: Model): QuestionSpec[] {
  return model
    .getAllQuestions(false)
    .filter((question) => Object.hasOwn(KIND_BY_TYPE, question.getType()))
    .map(describe);
}

function describe(question: Question): QuestionSpec {
  // survey-core's question classes are loosely typed; read the few properties we need by name.
  const q = question as unknown as Record<string, unknown>;
  const raw = question.toJSON() as Record<string, unknown>;
  const visibleIf = typeof q.visibleIf === 'string' && q.visibleIf.trim() ? q.visibleIf : undefined;
  const common: Common = {
    name: question.name,
    required: question.isRequired,
    visibleIf,
    alwaysHidden: !visibleIf && raw.visible === false,
  };
  const kind = KIND_BY_TYPE[question.getType()];
  switch (kind) {
    case 'rating':
      return { ...common, kind, values: valuesOf(q.visibleRateValues) };
    case 'choice':
      if (question.getType() === 'boolean') return { ...common, kind, values: [q.valueTrue, q.valueFalse] };
      return { ...common, kind, values: valuesOf(q.visibleChoices) };
    case 'checkbox': {
      const items = q.visibleChoices as ItemValue[];
      const exclusive = items.filter((item) => (item as unknown as { isExclusive?: boolean }).isExclusive);
      return { ...common, kind, values: valuesOf(items), exclusive: valuesOf(exclusive) };
    }
    case 'matrix':
      return { ...common, kind, rows: valuesOf(q.rows), columns: valuesOf(q.columns), eachRowRequired: q.eachRowRequired === true };
    case 'text':
      return { ...common, kind, maxLength: typeof q.maxLength === 'number' ? q.maxLength : -1 };
    default:
      throw new Error(`question "${question.name}" has unsupported type "${question.getType()}"`);
  }
}

function valuesOf(items: unknown): unknown[] {
  return Array.isArray(items) ? items.map((item: ItemValue) => item.value) : [];
}

export function numericRange(values: unknown[]): [number, number] | undefined {
  if (values.length === 0 || !values.every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  const numbers = values as number[];
  return [Math.min(...numbers), Math.max(...numbers)];
}

// The answer values a scale item or flag may refer to: a rating's or choice's values, or a matrix row's columns.
export function valuesForRef(spec: QuestionSpec | undefined, row: string | undefined): unknown[] | undefined {
  if (!spec) return undefined;
  if (spec.kind === 'matrix') return row !== undefined && spec.rows.includes(row) ? spec.columns : undefined;
  if (row !== undefined) return undefined;
  return spec.kind === 'rating' || spec.kind === 'choice' ? spec.values : undefined;
}
