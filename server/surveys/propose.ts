import { localisedTitle, variableName } from './names.js';
import { numericRange, type QuestionSpec } from './questions.js';
import { walkElements } from './structure.js';

type Json = Record<string, unknown>;
export type Proposal = { kind: 'scale' | 'flag' | 'demographic'; id: string; label: string; because: string };
export type Measures = { scales: Json[]; flags: Json[]; demographics: string[]; proposals: Proposal[] };

// Where a question sits: its parent's path, the panel it is in (if any), and its panel or page.
type Placed = { element: Json; parent: string; panel?: Json; container?: Json };
const DEMOGRAPHIC_CONTAINER = /about you|about yourself|demograph|your role/i;

// Scales from numeric ratings and matrices, flags from yes/no questions, demographics from
// optional single-choice questions in an "About you" page or panel. The direction (which way is
// better) is left unset: the author knows it, a guess would colour results the wrong way.
export function proposeMeasures(survey: Json, specs: QuestionSpec[], variableOf: (name: string) => string): Measures {
  const placed = placeQuestions(survey);
  const out: Measures = { scales: [], flags: [], demographics: [], proposals: [] };
  const grouped = new Set<string>();
  for (const group of ratingGroups(specs, placed)) {
    const panel = placed.get(group[0]!.name)!.panel!;
    const id = variableName(String(panel.name ?? group[0]!.name));
    const label = labelOf(panel, id);
    addScale(out, { id, label, items: group.map((s) => s.name), range: numericRange(valuesOf(group[0]!))! }, 'ratings on one scale in one panel');
    group.forEach((s) => grouped.add(s.name));
  }
  for (const spec of specs) {
    const element = placed.get(spec.name)?.element ?? {};
    const range = numericRange(valuesOf(spec));
    const label = labelOf(element, spec.name);
    if (spec.kind === 'matrix' && range && spec.rows.length > 0) {
      const items = spec.rows.map((row) => `${spec.name}.${String(row)}`);
      addScale(out, { id: variableOf(spec.name), label, items, range }, 'a matrix with numeric columns');
    } else if (spec.kind === 'rating' && range && !grouped.has(spec.name)) {
      addScale(out, { id: variableOf(spec.name), label, items: [spec.name], range }, 'a numeric rating');
    } else if (element.type === 'boolean' && spec.kind === 'choice') {
      const flag = { id: `${variableOf(spec.name)}_yes`, label: `Answered yes: ${label}`, question: spec.name, values: [spec.values[0]] };
      out.flags.push(flag);
      out.proposals.push({ kind: 'flag', id: flag.id, label: flag.label, because: 'a yes/no question' });
    } else if (spec.kind === 'choice' && !spec.required && isDemographic(placed.get(spec.name))) {
      out.demographics.push(spec.name);
      out.proposals.push({ kind: 'demographic', id: spec.name, label, because: 'an optional single choice about the respondent' });
    }
  }
  return out;
}

type ScaleParts = { id: string; label: string; items: string[]; range: [number, number] };

function addScale(out: Measures, { id, label, items, range }: ScaleParts, because: string): void {
  const unique = out.scales.some((s) => s.id === id) ? `${id}_${out.scales.length + 1}` : id;
  const minAnswered = Math.ceil(items.length / 2);
  out.scales.push({ id: unique, label, items, reverse: [], range, scoring: 'mean', minAnswered });
  out.proposals.push({ kind: 'scale', id: unique, label, because });
}

// Two or more numeric ratings with the same values, side by side in one panel, read as one scale.
function ratingGroups(specs: QuestionSpec[], placed: Map<string, Placed>): QuestionSpec[][] {
  const groups = new Map<string, QuestionSpec[]>();
  for (const spec of specs) {
    const where = placed.get(spec.name);
    const range = numericRange(valuesOf(spec));
    if (spec.kind !== 'rating' || !range || !where?.panel) continue;
    const key = `${where.parent}|${JSON.stringify(valuesOf(spec))}`;
    groups.set(key, [...(groups.get(key) ?? []), spec]);
  }
  return [...groups.values()].filter((group) => group.length >= 2);
}

function placeQuestions(survey: Json): Map<string, Placed> {
  const elements = walkElements(survey);
  const byPath = new Map(elements.map(({ path, element }) => [path, element]));
  const pages = Array.isArray(survey.pages) ? (survey.pages as unknown[]) : [];
  const placed = new Map<string, Placed>();
  for (const { path, element } of elements) {
    if (typeof element.name !== 'string' || element.type === 'panel') continue;
    const parent = path.replace(/\.elements\[\d+\]$/, '');
    const panel = byPath.get(parent);
    const page = /^\$\.survey\.pages\[(\d+)\]$/.exec(parent);
    const container = panel ?? (page ? (pages[Number(page[1])] as Json | undefined) : undefined);
    placed.set(element.name, { element, parent, panel, container });
  }
  return placed;
}

function isDemographic(where: Placed | undefined): boolean {
  if (!where) return false;
  const container = where.container ?? {};
  const words = `${String(container.name ?? '')} ${labelOf(container, '')}`;
  return /^demo(graphic)?_/i.test(String(where.element.name)) || DEMOGRAPHIC_CONTAINER.test(words);
}

function valuesOf(spec: QuestionSpec): unknown[] {
  return spec.kind === 'matrix' ? spec.columns : spec.kind === 'rating' ? spec.values : [];
}

function labelOf(element: Json, fallback: string): string {
  return localisedTitle(element.title)?.default ?? fallback;
}
