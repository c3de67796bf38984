import type { SurveyDefinition } from '../surveys/definition.js';
import { answerAt, evaluateFlags, scoreScales } from '../surveys/scoring.js';
import { alphaKeys, answeredKey, bandPrefix, itemKeys, keysFor, keysUnder, optionKey } from './counter-keys.js';
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

function scaleAndFlagCounters(
  c: Counters,
  prefix: string,
  scores: Record<string, number | null>,
  flags: Record<string, boolean | null>,
) {
  const keys = keysUnder(prefix);
  for (const id in scores) {
    const score = scores[id];
    if (score === null || score === undefined) continue;
    const [n, sum, squares] = keysFor(keys, 'sc', id);
    bump(c, n!);
    bump(c, sum!, score);
    bump(c, squares!, score * score);
  }
  for (const id in flags) {
    const value = flags[id];
    if (value === null || value === undefined) continue;
    const [n, x] = keysFor(keys, 'fl', id);
    bump(c, n!);
    if (value) bump(c, x!);
  }
}

function alphaCounters(c: Counters, def: SurveyDefinition, answers: Record<string, unknown>) {
  for (const scale of def.scales) {
    if (scale.items.length < 2) continue;
    const keys = alphaKeys(scale);
    const [min, max] = scale.range;
    const raw = scale.items.map((ref) => answerAt(answers, ref));
    const row = raw.map((v, i) =>
      typeof v === 'number' ? (scale.reverse.includes(scale.items[i]!) ? min + max - v : v) : null,
    );
    if (raw.some((v) => v !== undefined)) bump(c, keys.u);
    if (row.some((v) => v === null)) continue;
    bump(c, keys.n);
    row.forEach((vi, i) => {
      bump(c, keys.s[i]!, vi!);
      for (let j = i; j < row.length; j++) bump(c, keys.x[i]![j]!, vi! * row[j]!);
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
    const keys = itemKeys(item);
    const v = answerAt(answers, keys.path);
    if (v === undefined) continue;
    if (item.multi) bump(main, keys.ia);
    if (Array.isArray(v)) for (const option of v) bump(main, optionKey(item, keys, option));
    else bump(main, optionKey(item, keys, v));
  }
  const bands = layout.demographics.map(({ question }) =>
    answers[question] === undefined ? 'unanswered' : String(answers[question]),
  );
  exportCounters((into.ex ??= {}), answers, scores, bands, day);
  for (const [i, { question }] of layout.demographics.entries()) {
    const prefix = bandPrefix(question, bands[i]!);
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
      for (const [row, v] of Object.entries(value))
        if (v !== undefined && v !== null) bump(ex, answeredKey(question, row));
    } else bump(ex, answeredKey(question));
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
