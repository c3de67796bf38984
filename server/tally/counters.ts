import type { SurveyDefinition } from '../surveys/definition.js';
import { answerAt, flagValue, scoreScale } from '../surveys/scoring.js';
import {
  alphaKeys,
  answeredKey,
  bandPrefix,
  dayKey,
  itemKeys,
  keysFor,
  keysUnder,
  optionKey,
  scoredKey,
} from './counter-keys.js';
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

// Indexed loops throughout, and scores and flags as arrays in the definition's order: counting runs
// for every response on the server's one thread, and iterators, destructured pairs and objects
// built per response had made ~15 kB of garbage a response.
type Scores = (number | null)[];
type Flags = (boolean | null)[];

function scaleAndFlagCounters(c: Counters, prefix: string, def: SurveyDefinition, scores: Scores, flags: Flags) {
  const keys = keysUnder(prefix);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (score === null) continue;
    const sc = keysFor(keys, 'sc', def.scales[i]!.id);
    bump(c, sc[0]!);
    bump(c, sc[1]!, score);
    bump(c, sc[2]!, score * score);
  }
  for (let i = 0; i < flags.length; i++) {
    const value = flags[i]!;
    if (value === null) continue;
    const fl = keysFor(keys, 'fl', def.flags[i]!.id);
    bump(c, fl[0]!);
    if (value) bump(c, fl[1]!);
  }
}

// Scratch for alphaCounters, reused for every scale of every response: the items of a complete
// case as the accumulator adds them (reversed where the scale says).
const row: number[] = [];

function alphaCounters(c: Counters, def: SurveyDefinition, answers: Record<string, unknown>) {
  for (let k = 0; k < def.scales.length; k++) {
    const scale = def.scales[k]!;
    const items = scale.items;
    if (items.length < 2) continue;
    const keys = alphaKeys(scale);
    const min = scale.range[0];
    const max = scale.range[1];
    let answered = false;
    let complete = true;
    for (let i = 0; i < items.length; i++) {
      const v = answerAt(answers, items[i]!);
      if (v !== undefined) answered = true;
      if (typeof v !== 'number') complete = false;
      else row[i] = scale.reverse.includes(items[i]!) ? min + max - v : v;
    }
    if (answered) bump(c, keys.u);
    if (!complete) continue;
    bump(c, keys.n);
    for (let i = 0; i < items.length; i++) {
      const vi = row[i]!;
      bump(c, keys.s[i]!, vi);
      const x = keys.x[i]!;
      for (let j = i; j < items.length; j++) bump(c, x[j]!, vi * row[j]!);
    }
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
  const scores: Scores = def.scales.map((scale) => scoreScale(scale, answers));
  const flags: Flags = def.flags.map((flag) => flagValue(flag, answers));
  const main = (into.main ??= {});
  bump(main, 'n');
  bump(main, dayKey(day));
  scaleAndFlagCounters(main, '', def, scores, flags);
  alphaCounters(main, def, answers);
  for (let i = 0; i < layout.items.length; i++) {
    const item = layout.items[i]!;
    const keys = itemKeys(item);
    const v = answerAt(answers, keys.path);
    if (v === undefined) continue;
    if (item.multi) bump(main, keys.ia);
    if (Array.isArray(v)) for (let k = 0; k < v.length; k++) bump(main, optionKey(item, keys, v[k]));
    else bump(main, optionKey(item, keys, v));
  }
  const bands = layout.demographics.map(({ question }) =>
    answers[question] === undefined ? 'unanswered' : String(answers[question]),
  );
  exportCounters((into.ex ??= {}), def, answers, scores, bands, day);
  for (let i = 0; i < bands.length; i++) {
    const question = layout.demographics[i]!.question;
    const prefix = bandPrefix(question, bands[i]!);
    const part = (into[`bd:${question}`] ??= {});
    bump(part, `${prefix}n`);
    scaleAndFlagCounters(part, prefix, def, scores, flags);
  }
  return into;
}

// What an export needs to decide a group's release (disclosure/export-bands.ts): its rows per full
// combination, and how many people answered each question (each matrix row) or have each score.
function exportCounters(
  ex: Counters,
  def: SurveyDefinition,
  answers: Record<string, unknown>,
  scores: Scores,
  bands: string[],
  day: string,
): Counters {
  bump(ex, `t|${bands.length > 0 ? `${bands.join('|')}|` : ''}${day.slice(0, 7)}`);
  const questions = Object.keys(answers);
  for (let i = 0; i < questions.length; i++) {
    const question = questions[i]!;
    const value = answers[question];
    if (value === undefined || value === null) continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      const rows = Object.keys(value);
      for (let j = 0; j < rows.length; j++) {
        const v = (value as Record<string, unknown>)[rows[j]!];
        if (v !== undefined && v !== null) bump(ex, answeredKey(question, rows[j]));
      }
    } else bump(ex, answeredKey(question));
  }
  for (let i = 0; i < scores.length; i++) if (scores[i] !== null) bump(ex, scoredKey(def.scales[i]!.id));
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
