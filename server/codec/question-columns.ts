import type { SurveyDefinition } from '../surveys/definition.js';
import type { QuestionSpec } from '../surveys/questions.js';
import { codeLookup, NON_SUBSTANTIVE, SUPPRESSED_CODE, valueKey, variableOf, type CodeTable } from './codes.js';
import { joinLabels, localised, questionTexts, type Localised, type QuestionTexts } from './texts.js';

export type Measure = 'nominal' | 'ordinal' | 'scale';
export type ColumnKind = 'meta' | 'rating' | 'choice' | 'checkbox' | 'matrix' | 'text' | 'score';
export type Code = { code: number; label: Localised; value?: unknown };
export type Column = {
  name: string;
  kind: ColumnKind;
  type: 'numeric' | 'string';
  label: Localised;
  measure: Measure;
  codes: Code[];
  missing: number[];
  width: number;
  demographic: boolean;
  scales: string[];
  reversedIn: string[];
  versions: number[];
  sources: string[];
};
export type Cell = number | string | null;
export type AnswerReader = (answers: Record<string, unknown>) => Cell;
// where a column's value lives in a stored answer, for reading files back in
export type AnswerTarget = { question: string; row?: string; option?: unknown };
export type ColumnPart = { column: Column; read: AnswerReader; target: AnswerTarget };

export const SUPPRESSED_LABEL: Localised = { en: 'Other/suppressed (small group)', cy: null };
const CHECKBOX_CODES: Code[] = [
  { code: 0, label: { en: 'Not selected', cy: null } },
  { code: 1, label: { en: 'Selected', cy: null } },
];
// SPSS allows three discrete missing values per variable
const MAX_MISSING = 3;

export const safeName = (value: unknown) =>
  String(value)
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');

function column(
  name: string,
  kind: ColumnKind,
  label: Localised,
  measure: Measure,
  codes: Code[],
  source: string,
  version: number,
): Column {
  return {
    name,
    kind,
    type: kind === 'text' ? 'string' : 'numeric',
    label,
    measure,
    codes,
    width: 8,
    demographic: false,
    missing: codes
      .filter((c) => NON_SUBSTANTIVE.has(c.value))
      .map((c) => c.code)
      .slice(0, MAX_MISSING),
    scales: [],
    reversedIn: [],
    versions: [version],
    sources: [`v${version}: ${source}`],
  };
}

function optionLabel(texts: QuestionTexts | undefined, value: unknown, values: unknown[]): Localised {
  const given = texts?.options.get(valueKey(value));
  if (given) return given;
  // survey-core adds the "none" choice of showNoneItem itself, with this default text
  if (value === 'none') return { en: 'None', cy: 'Dim' };
  const end = value === values[0] ? texts?.minRate : value === values[values.length - 1] ? texts?.maxRate : undefined;
  return end
    ? { en: `${String(value)} (${end.en})`, cy: end.cy ? `${String(value)} (${end.cy})` : null }
    : { en: String(value), cy: null };
}

function codesFor(values: unknown[], table: Map<string, number>, texts: QuestionTexts | undefined): Code[] {
  return values.map((value) => ({
    code: table.get(valueKey(value))!,
    label: optionLabel(texts, value, values),
    value,
  }));
}

const has = (a: Record<string, unknown>, key: string) => Object.hasOwn(a, key);

type Context = {
  def: SurveyDefinition;
  variable: string;
  texts: QuestionTexts | undefined;
  title: Localised;
  table: CodeTable;
};

function singleColumn(spec: QuestionSpec & { kind: 'rating' | 'choice' }, c: Context): ColumnPart[] {
  const codes = c.table.get(c.variable)!;
  const name = spec.name;
  const codeOf = codeLookup(codes);
  const measure = spec.kind === 'choice' ? 'nominal' : spec.values.length >= 10 ? 'scale' : 'ordinal';
  const col = column(
    c.variable,
    spec.kind,
    c.title,
    measure,
    codesFor(spec.values, codes, c.texts),
    name,
    c.def.version,
  );
  return [
    {
      column: col,
      read: (a) => (has(a, name) ? (codeOf(a[name]) ?? null) : null),
      target: { question: name },
    },
  ];
}

function checkboxColumns(spec: QuestionSpec & { kind: 'checkbox' }, c: Context): ColumnPart[] {
  const name = spec.name;
  return spec.values.map((option) => ({
    column: column(
      `${c.variable}_${safeName(option)}`,
      'checkbox',
      joinLabels(c.title, optionLabel(c.texts, option, [])),
      'nominal',
      CHECKBOX_CODES,
      `${name} = ${valueKey(option)}`,
      c.def.version,
    ),
    read: (a: Record<string, unknown>) =>
      Array.isArray(a[name]) ? ((a[name] as unknown[]).includes(option) ? 1 : 0) : null,
    target: { question: name, option },
  }));
}

function matrixColumns(spec: QuestionSpec & { kind: 'matrix' }, c: Context): ColumnPart[] {
  const codes = c.table.get(c.variable)!;
  const codeOf = codeLookup(codes);
  const name = spec.name;
  const measure = spec.columns.every((v) => typeof v === 'number') ? 'ordinal' : 'nominal';
  return spec.rows.map((row) => {
    const key = String(row);
    const label = joinLabels(c.title, c.texts?.rows.get(valueKey(row)) ?? { en: key, cy: null });
    const read: AnswerReader = (a) => {
      const answer = a[name] as Record<string, unknown> | undefined;
      return answer && typeof answer === 'object' && has(answer, key) ? (codeOf(answer[key]) ?? null) : null;
    };
    const col = column(
      `${c.variable}_${safeName(row)}`,
      'matrix',
      label,
      measure,
      codesFor(spec.columns, codes, c.texts),
      `${name}.${key}`,
      c.def.version,
    );
    return { column: col, read, target: { question: name, row: key } };
  });
}

function textColumn(spec: QuestionSpec & { kind: 'text' }, c: Context): ColumnPart[] {
  const name = spec.name;
  const col = column(c.variable, 'text', c.title, 'nominal', [], name, c.def.version);
  // maxLength counts UTF-16 units; no unit needs more than three bytes of UTF-8 (a character
  // outside the BMP is two units and four bytes), so nothing is ever cut
  col.width = Math.min(32767, Math.max(1, spec.maxLength) * 3);
  return [
    {
      column: col,
      read: (a) => (typeof a[name] === 'string' ? (a[name] as string) : null),
      target: { question: name },
    },
  ];
}

export function questionColumns(def: SurveyDefinition, spec: QuestionSpec, table: CodeTable): ColumnPart[] {
  const texts = questionTexts(def.survey).get(spec.name);
  const context: Context = {
    def,
    variable: variableOf(def, spec.name),
    texts,
    title: texts?.title ?? localised(undefined, spec.name),
    table,
  };
  switch (spec.kind) {
    case 'rating':
    case 'choice':
      return singleColumn(spec, context);
    case 'checkbox':
      return checkboxColumns(spec, context);
    case 'matrix':
      return matrixColumns(spec, context);
    case 'text':
      return textColumn(spec, context);
  }
}

export function markDemographic(col: Column): void {
  if (col.demographic) return;
  if (col.codes.some((c) => c.code === SUPPRESSED_CODE))
    throw new Error(`${col.name} already uses code ${SUPPRESSED_CODE}, kept for suppressed bands`);
  col.demographic = true;
  col.codes = [...col.codes, { code: SUPPRESSED_CODE, label: SUPPRESSED_LABEL }];
  col.missing = [...col.missing, SUPPRESSED_CODE].slice(-MAX_MISSING);
}
