import { el } from '../dom.js';
import {
  checkField,
  checked,
  checkGroup,
  markInvalid,
  markValid,
  picked,
  selectField,
  text,
  textField,
  type Field,
} from './fields.js';
import {
  applyEdits,
  betterOf,
  problemTarget,
  roleOf,
  type FlagEdit,
  type MeasureEdits,
  type ScaleEdit,
} from './measure-edits.js';

// The editor of a checked survey's measures: one fieldset per scale and flag (keep, rename,
// items or answers, which way is better, part in the driver analysis) and the demographic
// questions. What it reads goes back to the server, which checks it like any definition.
type Json = Record<string, unknown>;
type Problem = { path: string; reason: string };
export type MeasuresEditor = { element: HTMLElement; edited: () => Json; place: (problems: Problem[]) => void };

const BETTER: [string, string][] = [
  ['', 'Not stated'],
  ['higher', 'Higher is better'],
  ['lower', 'Lower is better'],
];
const ROLE: [string, string][] = [
  ['', 'Not in the driver analysis'],
  ['outcome', 'An outcome'],
  ['driver', 'A candidate driver'],
];
const joined = (xs: unknown) => (Array.isArray(xs) ? xs.map(String).join(', ') : '');
// Where a problem in each part of a scale or flag is shown.
const FIELD_OF: Record<string, string> = {
  higherIsBetter: 'better',
  outcome: 'role',
  driver: 'role',
  range: 'items',
  excludeFromBase: 'values',
};

type Row = Record<string, Field>;

function scaleRow(s: Json): Row {
  return {
    keep: checkField('keep', 'Keep this scale', true),
    id: textField('id', 'Id (lower_snake_case)', String(s.id)),
    label: textField('label', 'Label', String(s.label)),
    items: textField(
      'items',
      'Items',
      joined(s.items),
      'Question names; a matrix row is question.row; separated by commas.',
    ),
    reverse: textField('reverse', 'Reverse-scored items', joined(s.reverse)),
    minAnswered: textField('minAnswered', 'Items needed for a score', String(s.minAnswered), undefined, {
      inputmode: 'numeric',
    }),
    better: selectField('better', 'Which way is better', BETTER, betterOf(s)),
    role: selectField('role', 'Driver analysis', ROLE, roleOf(s)),
  };
}

function flagRow(f: Json): Row {
  return {
    keep: checkField('keep', 'Keep this flag', true),
    id: textField('id', 'Id (lower_snake_case)', String(f.id)),
    label: textField('label', 'Label', String(f.label)),
    question: textField('question', 'Question', String(f.question)),
    values: textField('values', 'Counted when the answer is', joined(f.values), 'Answer values, separated by commas.'),
    better: selectField('better', 'Which way is better', BETTER, betterOf(f)),
    role: selectField('role', 'Driver analysis', ROLE, roleOf(f)),
  };
}

// Single-choice questions, the ones a breakdown by staff group can use.
function choiceQuestions(survey: unknown, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(survey)) survey.forEach((x) => choiceQuestions(x, out));
  else if (survey && typeof survey === 'object') {
    const e = survey as Json;
    if ((e.type === 'radiogroup' || e.type === 'dropdown') && typeof e.name === 'string') {
      const title = typeof e.title === 'string' ? e.title : ((e.title as Json | undefined)?.default ?? e.name);
      out.push([e.name, `${String(title)} (${e.name})`]);
    }
    choiceQuestions(e.pages ?? e.elements, out);
  }
  return out;
}

// Each edit's fields are named as the edit's keys, so a row reads straight into one.
const readRow = <T>(row: Row): T =>
  Object.fromEntries(Object.entries(row).map(([k, f]) => [k, k === 'keep' ? checked(f) : text(f)])) as T;

function rowsSection(title: string, kind: 'scale' | 'flag', rows: Row[], entries: Json[]): HTMLElement[] {
  const fieldset = (row: Row, i: number) =>
    el(
      'fieldset',
      { class: 'measure-edit', id: `${kind}-edit-${i}` },
      el('legend', {}, `${title.slice(0, -1)} ${i + 1}: ${String(entries[i]!.label)}`),
      ...Object.values(row).map((f) => f.row),
    );
  return [el('h3', {}, title), ...(rows.length ? rows.map(fieldset) : [el('p', {}, 'None.')])];
}

export function measuresEditor(definition: Json): MeasuresEditor {
  const scales = (definition.scales as Json[]).map(scaleRow);
  const flags = (definition.flags as Json[]).map(flagRow);
  const current = (definition.demographics as string[]) ?? [];
  const candidates = choiceQuestions(definition.survey);
  for (const name of current) if (!candidates.some(([n]) => n === name)) candidates.push([name, name]);
  const demographics = checkGroup(
    'demographics',
    'Demographic questions',
    candidates,
    current,
    'Results are broken down by these; each must be optional.',
  );
  const edits = (): MeasureEdits => ({
    scales: scales.map((r) => readRow<ScaleEdit>(r)),
    flags: flags.map((r) => readRow<FlagEdit>(r)),
    demographics: picked(demographics),
  });
  const element = el(
    'div',
    { id: 'survey-measures' },
    ...rowsSection('Scales', 'scale', scales, definition.scales as Json[]),
    ...rowsSection('Flags', 'flag', flags, definition.flags as Json[]),
    demographics.row,
  );
  const place = (problems: Problem[]) => {
    const all = [...scales, ...flags].flatMap((r) => Object.values(r));
    [...all, demographics].forEach(markValid);
    const current = edits();
    for (const { path, reason } of problems) {
      if (path.startsWith('$.demographics')) markInvalid(demographics, reason);
      const target = problemTarget(path, current);
      if (!target) continue;
      const row = (target.kind === 'scales' ? scales : flags)[target.row]!;
      markInvalid(row[FIELD_OF[target.field] ?? target.field] ?? row.id!, reason);
    }
  };
  return { element, edited: () => applyEdits(definition, edits()), place };
}
