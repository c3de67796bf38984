import type { SurveyDefinition } from '../surveys/definition.js';
import { answerAt, evaluateFlags, scoreScales } from '../surveys/scoring.js';
import { summaryLayout } from './layout.js';

// Sufficient statistics of a group of responses, as flat counters that only ever add up, so a
// summary is kept by `$inc` and two groups merge by adding. Keys never hold "." or start with "$".
//   n                         responses
//   d|<day>                   responses per day
//   sc|<scale>|n|s|q          scale score count, sum, sum of squares
//   sc|<scale>|u              answered at least one of a multi-item scale's items (main only)
//   al|<scale>|n, |s|i, |x|i|j   Cronbach's alpha accumulator (complete cases, i <= j)
//   it|<item>|<option>        answers per option
//   ia|<item>                 respondents who answered a tick-box item (its base: not the ticks)
//   fl|<flag>|x, |n           flag true count and base
//   bd|<question>|<band>|…    n, sc|… and fl|… again within a demographic band
//   t|<band>|…|<band>|<month> responses per full combination: the band of each demographic
//                             question (in the summary layout's order) and the month (YYYY-MM)
//   a|<question>[|<row>]      respondents who answered a question (a matrix: each row) ("ex" only)
//   s|<scale>                 respondents with a scale score ("ex" only)
// They are split into parts (one document each): "main", one per demographic question, and
// "ex" (the combinations, which exports read; model.ts keeps it in a collection of its own).
export type Counters = Record<string, number>;
export type CounterParts = Record<string, Counters>;

const bump = (c: Counters, key: string, by = 1) => {
  c[key] = (c[key] ?? 0) + by;
};

// Counter keys, built once per prefix and id and then reused: building them afresh for every
// response was most of what counting cost. Bounded by the surveys' scales, flags and bands.
const keyCache = new Map<string, Map<string, string[]>>();
const MAX_CACHED_PREFIXES = 10_000;

function keysFor(prefix: string, kind: 'sc' | 'fl', id: string): string[] {
  let byId = keyCache.get(prefix + kind);
  if (!byId) {
    if (keyCache.size >= MAX_CACHED_PREFIXES) keyCache.clear();
    keyCache.set(prefix + kind, (byId = new Map()));
  }
  let keys = byId.get(id);
  if (!keys) {
    const base = `${prefix}${kind}|${id}|`;
    keys = kind === 'sc' ? [`${base}n`, `${base}s`, `${base}q`] : [`${base}n`, `${base}x`];
    byId.set(id, keys);
  }
  return keys;
}

function scaleAndFlagCounters(
  c: Counters,
  prefix: string,
  scores: Record<string, number | null>,
  flags: Record<string, boolean | null>,
) {
  for (const id in scores) {
    const score = scores[id];
    if (score === null || score === undefined) continue;
    const [n, sum, squares] = keysFor(prefix, 'sc', id);
    bump(c, n!);
    bump(c, sum!, score);
    bump(c, squares!, score * score);
  }
  for (const id in flags) {
    const value = flags[id];
    if (value === null || value === undefined) continue;
    const [n, x] = keysFor(prefix, 'fl', id);
    bump(c, n!);
    if (value) bump(c, x!);
  }
}

function alphaCounters(c: Counters, def: SurveyDefinition, answers: Record<string, unknown>) {
  for (const scale of def.scales) {
    if (scale.items.length < 2) continue;
    const [min, max] = scale.range;
    const row = scale.items.map((ref) => {
      const v = answerAt(answers, ref);
      return typeof v === 'number' ? (scale.reverse.includes(ref) ? min + max - v : v) : null;
    });
    if (scale.items.some((ref) => answerAt(answers, ref) !== undefined)) bump(c, `sc|${scale.id}|u`);
    if (row.some((v) => v === null)) continue;
    bump(c, `al|${scale.id}|n`);
    row.forEach((vi, i) => {
      bump(c, `al|${scale.id}|s|${i}`, vi!);
      for (let j = i; j < row.length; j++) bump(c, `al|${scale.id}|x|${i}|${j}`, vi! * row[j]!);
    });
  }
}

export function responseCounters(def: SurveyDefinition, answers: Record<string, unknown>, day: string): CounterParts {
  return addResponseCounters({}, def, answers, day);
}

// The same, added into `into` in place: counting a batch this way builds no counters per response
// to be merged afterwards, which took most of the server's time spent counting.
export function addResponseCounters(
  into: CounterParts,
  def: SurveyDefinition,
  answers: Record<string, unknown>,
  day: string,
): CounterParts {
  const layout = summaryLayout(def);
  const scores = scoreScales(def, answers);
  const flags = evaluateFlags(def, answers);
  const main = (into.main ??= {});
  bump(main, 'n');
  bump(main, `d|${day}`);
  scaleAndFlagCounters(main, '', scores, flags);
  alphaCounters(main, def, answers);
  for (const item of layout.items) {
    const v = answerAt(answers, item.row === undefined ? item.question : `${item.question}.${item.row}`);
    if (v === undefined) continue;
    if (item.multi) bump(main, `ia|${item.ref}`);
    for (const option of Array.isArray(v) ? v : [v]) bump(main, `it|${item.ref}|${String(option)}`);
  }
  const bands = layout.demographics.map(({ question }) =>
    answers[question] === undefined ? 'unanswered' : String(answers[question]),
  );
  exportCounters((into.ex ??= {}), answers, scores, bands, day);
  for (const [i, { question }] of layout.demographics.entries()) {
    const prefix = `bd|${question}|${bands[i]!}|`;
    const part = (into[`bd:${question}`] ??= {});
    bump(part, `${prefix}n`);
    scaleAndFlagCounters(part, prefix, scores, flags);
  }
  return into;
}

// What an export needs to decide a group's release (disclosure/export-bands.ts): its rows per full
// combination, and how many people answered each question (each matrix row) or have each score.
function exportCounters(
  ex: Counters,
  answers: Record<string, unknown>,
  scores: Record<string, number | null>,
  bands: string[],
  day: string,
): Counters {
  bump(ex, ['t', ...bands, day.slice(0, 7)].join('|'));
  for (const [question, value] of Object.entries(answers)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [row, v] of Object.entries(value)) if (v !== undefined && v !== null) bump(ex, `a|${question}|${row}`);
    } else bump(ex, `a|${question}`);
  }
  for (const [id, score] of Object.entries(scores)) if (score !== null) bump(ex, `s|${id}`);
  return ex;
}

export function addParts(into: CounterParts, add: CounterParts): CounterParts {
  for (const [part, counters] of Object.entries(add)) {
    const target = (into[part] ??= {});
    for (const [k, v] of Object.entries(counters)) bump(target, k, v);
  }
  return into;
}

export function mergeCounters(parts: Counters[]): Counters {
  const out: Counters = {};
  for (const c of parts) for (const [k, v] of Object.entries(c)) bump(out, k, v);
  return out;
}
