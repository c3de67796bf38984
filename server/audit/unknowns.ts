import type { SurveyDefinition } from '../surveys/definition.js';
import { answerAt, flagValue, scoreScale } from '../surveys/scoring.js';
import { summaryLayout, type SummaryItem } from '../tally/layout.js';
import type { Row } from './linear.js';

// The auditor's unknowns are the individual answers: for respondent r and closed item v, one
// 0/1 unknown per answer option ("r chose o"). Any per-person figure the platform aggregates is a
// linear function of them: an item's value is Σ o·[chose o], its square Σ o²·[chose o], a k-item
// scale mean (1/k)·Σ items, a flag Σ [chose a flagged option]. Who belongs to which council,
// wave, demographic band, and who answered which items, are taken as known to the reader: the
// attacker the auditor models can tell every group a figure describes.
export type Respondent = {
  id: string;
  council: string;
  arm: string;
  wave: string;
  day: string;
  def: SurveyDefinition;
  answers: Record<string, unknown>;
};

// What a published figure adds up over its group, per person:
//   n            the person (a count; no unknowns)
//   it|ref|o     chose option o of item ref      val|ref / sq|ref   the item's value / its square
//   sc|id        a scale score                   sq-sc|id           its square (one-item scales)
//   fl|id        a flag (true = 1)
export type Fn = string;

export class Unknowns {
  private index = new Map<string, number>();
  readonly truth: number[] = [];

  at(r: Respondent, ref: string, option: string): number {
    const key = `${r.id}\u0000${ref}\u0000${option}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.truth.length;
      this.index.set(key, i);
      this.truth.push(chosen(r, itemOf(r.def, ref), option) ? 1 : 0);
    }
    return i;
  }

  get size() {
    return this.truth.length;
  }

  value(row: Row): number {
    let s = 0;
    for (const [u, c] of row) s += c * this.truth[u]!;
    return s;
  }
}

export function itemOf(def: SurveyDefinition, ref: string): SummaryItem {
  const item = summaryLayout(def).items.find((i) => i.ref === ref);
  if (!item) throw new Error(`${def.key} has no item ${ref}`);
  return item;
}

const pathOf = (item: SummaryItem) => (item.row === undefined ? item.question : `${item.question}.${item.row}`);

export function answered(r: Respondent, item: SummaryItem): boolean {
  return answerAt(r.answers, pathOf(item)) !== undefined;
}

function chosen(r: Respondent, item: SummaryItem, option: string): boolean {
  const v = answerAt(r.answers, pathOf(item));
  return Array.isArray(v) ? v.map(String).includes(option) : v !== undefined && String(v) === option;
}

// Σ_o f(o)·[r chose o] for one item r answered; options where f is 0 are left out.
function itemRow(u: Unknowns, r: Respondent, item: SummaryItem, f: (o: string) => number, into: Row = new Map()) {
  for (const o of item.options) {
    const c = f(o);
    if (c !== 0) {
      const k = u.at(r, item.ref, o);
      into.set(k, (into.get(k) ?? 0) + c);
    }
  }
  return into;
}

function scaleRow(u: Unknowns, r: Respondent, id: string, square: boolean): Row | null {
  const scale = r.def.scales.find((s) => s.id === id);
  if (!scale || scoreScale(scale, r.answers) === null) return null;
  const items = scale.items.map((ref) => itemOf(r.def, ref.replace('.', ':'))).filter((i) => answered(r, i));
  if (square && items.length !== 1) throw new Error(`the square of ${id} is not linear in the answers`);
  const [lo, hi] = scale.range;
  const row: Row = new Map();
  for (const item of items) {
    const reversed = scale.reverse.includes(pathOf(item));
    const score = (o: string) => (reversed ? lo + hi - Number(o) : Number(o));
    itemRow(u, r, item, (o) => (square ? score(o) ** 2 : score(o) / items.length), row);
  }
  return row;
}

// The person's part of a published sum: null when the person is outside the figure's base (did
// not answer the item, has no score on the scale, is outside the flag's base).
export function personRow(u: Unknowns, r: Respondent, fn: Fn): Row | null {
  const [kind, id, option] = fn.split('|') as [string, string, string?];
  switch (kind) {
    case 'n':
      return new Map();
    case 'it':
    case 'val':
    case 'sq': {
      const item = itemOf(r.def, id);
      if (!answered(r, item)) return null;
      if (kind === 'it') return itemRow(u, r, item, (o) => (o === option ? 1 : 0));
      return itemRow(u, r, item, (o) => (kind === 'val' ? Number(o) : Number(o) ** 2));
    }
    case 'sc':
      return scaleRow(u, r, id, false);
    case 'sq-sc':
      return scaleRow(u, r, id, true);
    case 'fl': {
      const flag = r.def.flags.find((f) => f.id === id);
      if (!flag || flagValue(flag, r.answers) === null) return null;
      const item = itemOf(r.def, flag.question.replace('.', ':'));
      return itemRow(u, r, item, (o) => (flag.values.map(String).includes(o) ? 1 : 0));
    }
    default:
      throw new Error(`unknown figure kind ${fn}`);
  }
}

// What the reader knows without any figure: one option per answered single-choice item, and —
// since the groups a figure describes are taken as known — whether each person's answer to a
// flag's question is one that leaves them out of its base ("prefer not to say"), so the other
// side's options are known zeros.
export function structuralRows(u: Unknowns, r: Respondent): Row[] {
  const rows = summaryLayout(r.def)
    .items.filter((item) => !item.multi && answered(r, item))
    .map((item) => itemRow(u, r, item, () => 1));
  for (const flag of r.def.flags) {
    const excluded = (flag.excludeFromBase ?? []).map(String);
    const item = itemOf(r.def, flag.question.replace('.', ':'));
    if (excluded.length === 0 || !answered(r, item)) continue;
    const out = flagValue(flag, r.answers) === null;
    for (const o of item.options) if (excluded.includes(o) !== out) rows.push(new Map([[u.at(r, item.ref, o), 1]]));
  }
  return rows;
}

// Per-person figures whose value must never follow from what is published.
export function personTargets(r: Respondent): Fn[] {
  const items = summaryLayout(r.def).items.filter((item) => answered(r, item));
  const numeric = (item: SummaryItem) => item.options.every((o) => Number.isFinite(Number(o)));
  return [
    ...items.flatMap((item) => [
      ...(numeric(item) ? [`val|${item.ref}`] : []),
      ...item.options.map((o) => `it|${item.ref}|${o}`),
    ]),
    ...r.def.scales.map((s) => `sc|${s.id}`),
    ...r.def.flags.map((f) => `fl|${f.id}`),
  ];
}
