import { splitItemRef, type Scale, type SurveyDefinition } from '../surveys/definition.js';
import { questionsOf } from '../surveys/questions.js';
import { assignCodes, SUPPRESSED_CODE, variableOf } from './codes.js';
import {
  markDemographic,
  questionColumns,
  safeName,
  type AnswerReader,
  type AnswerTarget,
  type Column,
} from './question-columns.js';

export type { AnswerTarget, Cell, Code, Column, Measure } from './question-columns.js';

// The columns of an export across the survey versions it covers: the same variable name (from
// the definitions' items[q].variable) is one column whichever version a row answered.
export type VersionLayout = {
  def: SurveyDefinition;
  readers: { index: number; read: AnswerReader; target: AnswerTarget }[];
  scores: { index: number; scale: Scale }[];
};
export type Layout = {
  surveyId: string;
  columns: Column[];
  index: Map<string, number>;
  versions: Map<number, VersionLayout>;
};

const meta = (name: string, en: string, type: 'numeric' | 'string', width: number): Column => ({
  name,
  kind: 'meta',
  type,
  label: { en, cy: null },
  measure: 'nominal',
  codes: [],
  missing: [],
  width,
  demographic: false,
  scales: [],
  reversedIn: [],
  versions: [],
  sources: [],
});

export const META_COLUMNS = [
  meta('response_id', 'Export row id (random, new in every export)', 'string', 36),
  meta('council', 'Council (DfE old LA code)', 'string', 8),
  meta('arm', 'Study arm', 'string', 16),
  meta('wave', 'Wave', 'string', 40),
  meta('survey_id', 'Survey', 'string', 64),
  meta('survey_version', 'Survey version', 'numeric', 8),
  meta('submission_month', 'Month of submission (YYYY-MM)', 'string', 8),
] as const;

function merge(into: Column, next: Column): void {
  if (into.kind !== next.kind || into.type !== next.type) {
    throw new Error(`variable ${into.name} is a ${into.kind} in one survey version and a ${next.kind} in another`);
  }
  into.label = next.label; // the newest wording
  for (const code of next.codes) {
    const at = into.codes.findIndex((c) => c.code === code.code);
    if (at < 0) into.codes.push(code);
    else into.codes[at] = code;
  }
  into.codes.sort((a, b) => (a.code === SUPPRESSED_CODE ? 1 : b.code === SUPPRESSED_CODE ? -1 : a.code - b.code));
  into.missing = [...new Set([...into.missing, ...next.missing])].slice(0, 3);
  into.width = Math.max(into.width, next.width);
  into.versions.push(...next.versions);
  into.sources.push(...next.sources);
}

// `definitions`: the versions exported; `installed`: every version of that survey, for stable
// codes; `freeText: false` leaves out the free-text columns (no campaign exported allows them).
export function buildLayout(
  definitions: readonly SurveyDefinition[],
  installed: readonly SurveyDefinition[] = definitions,
  options = { freeText: true },
): Layout {
  const sorted = [...definitions].sort((a, b) => a.version - b.version);
  const surveyId = sorted[0]?.id ?? '';
  if (sorted.some((d) => d.id !== surveyId)) throw new Error('an export covers one survey (its versions may differ)');
  const table = assignCodes(installed.filter((d) => d.id === surveyId).concat(sorted));
  const columns: Column[] = META_COLUMNS.map((c) => ({ ...c, versions: sorted.map((d) => d.version) }));
  const index = new Map(columns.map((c, i) => [c.name, i]));
  const add = (col: Column): number => {
    const at = index.get(col.name);
    if (at === undefined) {
      index.set(col.name, columns.push(col) - 1);
      return columns.length - 1;
    }
    if (columns[at]!.kind === 'meta' || columns[at]!.kind === 'score')
      throw new Error(`variable ${col.name} clashes with a built-in column`);
    merge(columns[at]!, col);
    return at;
  };
  const versions = new Map<number, VersionLayout>();
  for (const def of sorted) {
    const readers: VersionLayout['readers'] = [];
    for (const spec of questionsOf(def.survey)) {
      if (spec.kind === 'text' && !options.freeText) continue;
      for (const part of questionColumns(def, spec, table)) {
        const at = add(part.column);
        if (def.demographics.includes(spec.name)) markDemographic(columns[at]!);
        readers.push({ index: at, read: part.read, target: part.target });
      }
    }
    markScaleItems(def, columns, index);
    versions.set(def.version, { def, readers, scores: [] });
  }
  for (const def of sorted)
    versions.get(def.version)!.scores = def.scales.map((scale) => ({
      index: addScore(columns, index, scale, def.version),
      scale,
    }));
  return { surveyId, columns, index, versions };
}

function addScore(columns: Column[], index: Map<string, number>, scale: Scale, version: number): number {
  const name = `score_${scale.id}`;
  const at = index.get(name);
  if (at !== undefined) {
    if (!columns[at]!.versions.includes(version)) columns[at]!.versions.push(version);
    return at;
  }
  const label = {
    en: `Scale score: ${scale.label} (mean of ${scale.items.length} item${scale.items.length > 1 ? 's' : ''}, at least ${scale.minAnswered} answered)`,
    cy: null,
  };
  const col: Column = {
    ...meta(name, '', 'numeric', 8),
    kind: 'score',
    label,
    measure: 'scale',
    versions: [version],
    sources: [`v${version}: scales.${scale.id}`],
  };
  index.set(name, columns.push(col) - 1);
  return columns.length - 1;
}

function markScaleItems(def: SurveyDefinition, columns: Column[], index: Map<string, number>): void {
  for (const scale of def.scales) {
    for (const ref of scale.items) {
      const { question, row } = splitItemRef(ref);
      const name = row === undefined ? variableOf(def, question) : `${variableOf(def, question)}_${safeName(row)}`;
      const col = columns[index.get(name)!];
      if (!col) continue;
      if (!col.scales.includes(scale.id)) col.scales.push(scale.id);
      if (scale.reverse.includes(ref) && !col.reversedIn.includes(scale.id)) col.reversedIn.push(scale.id);
    }
  }
}
