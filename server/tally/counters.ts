import type { SurveyDefinition } from '../surveys/definition.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { answerAt, flagValue, scoreScale } from '../surveys/scoring.js';
import {
  answeredSlot,
  bandBlock,
  comboSlot,
  counterPlan,
  daySlot,
  optionSlot,
  type BlockSlots,
  type CounterPlan,
  type PartSlots,
} from './counter-plan.js';

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

// Indexed loops throughout, and scores and flags as arrays in the definition's order: counting runs
// for every response on the server's one thread, and iterators, destructured pairs and objects
// built per response had made ~15 kB of garbage a response.
type Scores = (number | null)[];
type Flags = (boolean | null)[];

// A part's counters while a batch is counted: its values by slot (counter-plan.ts), NaN where
// nothing was added yet (a counter added to by 0 still exists, as with `$inc`).
type Values = number[];

const add = (v: Values, slot: number, by = 1) => {
  while (slot >= v.length) v.push(NaN); // a slot given after the array was made
  const x = v[slot]!;
  v[slot] = x === x ? x + by : by; // x !== x: NaN, not yet added to
};

const valuesFor = (slots: PartSlots): Values => Array.from({ length: slots.names.length }, () => NaN);

function scaleAndFlagCounters(v: Values, block: BlockSlots, scores: Scores, flags: Flags) {
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (score === null) continue;
    const sc = block.sc[i]!;
    add(v, sc[0]!);
    add(v, sc[1]!, score);
    add(v, sc[2]!, score * score);
  }
  for (let i = 0; i < flags.length; i++) {
    const value = flags[i]!;
    if (value === null) continue;
    const fl = block.fl[i]!;
    add(v, fl[0]!);
    if (value) add(v, fl[1]!);
  }
}

// Scratch for alphaCounters, reused for every scale of every response: the items of a complete
// case as the accumulator adds them (reversed where the scale says).
const row: number[] = [];

function alphaCounters(v: Values, plan: CounterPlan, answers: Record<string, unknown>) {
  const scales = plan.def.scales;
  for (let k = 0; k < scales.length; k++) {
    const slots = plan.alpha[k];
    if (!slots) continue; // fewer than two items
    const scale = scales[k]!;
    const items = scale.items;
    const min = scale.range[0];
    const max = scale.range[1];
    let answered = false;
    let complete = true;
    for (let i = 0; i < items.length; i++) {
      const x = answerAt(answers, items[i]!);
      if (x !== undefined) answered = true;
      if (typeof x !== 'number') complete = false;
      else row[i] = scale.reverse.includes(items[i]!) ? min + max - x : x;
    }
    if (answered) add(v, slots.u);
    if (!complete) continue;
    add(v, slots.n);
    for (let i = 0; i < items.length; i++) {
      const vi = row[i]!;
      add(v, slots.s[i]!, vi);
      const x = slots.x[i]!;
      for (let j = i; j < items.length; j++) add(v, x[j]!, vi * row[j]!);
    }
  }
}

// The counters of many responses of one survey version, added up by slot; `parts()` gives them as
// keyed counters. Counting a batch this way builds no counters per response to be merged, and
// touches no string-keyed object until the end.
export type CounterTally = { add: (answers: Record<string, unknown>, day: string) => void; parts: () => CounterParts };

export function counterTally(def: SurveyDefinition): CounterTally {
  const plan = counterPlan(def);
  const main = valuesFor(plan.main);
  const ex = valuesFor(plan.ex);
  const bands = plan.demographics.map((d) => valuesFor(d.slots));
  let counted = 0;
  return {
    add(answers, day) {
      counted++;
      const scores: Scores = def.scales.map((scale) => scoreScale(scale, answers));
      const flags: Flags = def.flags.map((flag) => flagValue(flag, answers));
      add(main, plan.mainBlock.n);
      add(main, daySlot(plan, day));
      scaleAndFlagCounters(main, plan.mainBlock, scores, flags);
      alphaCounters(main, plan, answers);
      for (let i = 0; i < plan.items.length; i++) {
        const item = plan.items[i]!;
        const x = answerAt(answers, item.path);
        if (x === undefined) continue;
        if (item.item.multi) add(main, item.ia);
        if (Array.isArray(x)) for (let k = 0; k < x.length; k++) add(main, optionSlot(plan, item, x[k]));
        else add(main, optionSlot(plan, item, x));
      }
      exportCounters(ex, plan, answers, scores, day);
      for (let i = 0; i < plan.demographics.length; i++) {
        const d = plan.demographics[i]!;
        const block = bandBlock(plan, d, answers[d.question]);
        add(bands[i]!, block.n);
        scaleAndFlagCounters(bands[i]!, block, scores, flags);
      }
    },
    parts() {
      const out: CounterParts = {};
      if (counted === 0) return out;
      out.main = keyed(plan.main, main);
      plan.demographics.forEach((d, i) => (out[d.slots.part] = keyed(d.slots, bands[i]!)));
      out.ex = keyed(plan.ex, ex);
      return out;
    },
  };
}

const bump = (c: Counters, key: string, by: number) => {
  c[key] = (c[key] ?? 0) + by;
};

function keyed(slots: PartSlots, v: Values): Counters {
  const out: Counters = {};
  for (let s = 0; s < v.length; s++) {
    const x = v[s]!;
    if (x === x) out[slots.names[s]!] = x;
  }
  return out;
}

export type CountedResponse = {
  pilotCode: string;
  waveId: string;
  surveyId: string;
  surveyVersion: number;
  day: string;
  answers?: unknown;
};
export type GroupCounters = Map<string, { pilotCode: string; waveId: string; parts: CounterParts }>;

// The counters of many responses by group (pilot and wave, keyed "<pilotCode>|<waveId>"), each
// group's counted per survey version and added together at the end.
export function groupCounting(surveys: SurveyRegistry) {
  const tallies = new Map<string, { pilotCode: string; waveId: string; tally: CounterTally }>();
  return {
    add(r: CountedResponse) {
      const key = `${r.pilotCode}|${r.waveId}|${r.surveyId}@${r.surveyVersion}`;
      let t = tallies.get(key);
      if (!t) {
        const tally = counterTally(surveys.get(r.surveyId, r.surveyVersion));
        tallies.set(key, (t = { pilotCode: r.pilotCode, waveId: r.waveId, tally }));
      }
      t.tally.add((r.answers ?? {}) as Record<string, unknown>, r.day);
    },
    groups(): GroupCounters {
      const groups: GroupCounters = new Map();
      for (const { pilotCode, waveId, tally } of tallies.values()) {
        const key = `${pilotCode}|${waveId}`;
        const group = groups.get(key);
        if (group) addParts(group.parts, tally.parts());
        else groups.set(key, { pilotCode, waveId, parts: tally.parts() });
      }
      return groups;
    },
  };
}

export function responseCounters(def: SurveyDefinition, answers: Record<string, unknown>, day: string): CounterParts {
  const tally = counterTally(def);
  tally.add(answers, day);
  return tally.parts();
}

// What an export needs to decide a group's release (disclosure/export-bands.ts): its rows per full
// combination, and how many people answered each question (each matrix row) or have each score.
function exportCounters(ex: Values, plan: CounterPlan, answers: Record<string, unknown>, scores: Scores, day: string) {
  add(ex, comboSlot(plan, answers, day));
  for (const question in answers) {
    if (!Object.hasOwn(answers, question)) continue;
    const value = answers[question];
    if (value === undefined || value === null) continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      for (const r in value) {
        if (!Object.hasOwn(value, r)) continue;
        const x = (value as Record<string, unknown>)[r];
        if (x !== undefined && x !== null) add(ex, answeredSlot(plan, question, r));
      }
    } else add(ex, answeredSlot(plan, question));
  }
  for (let i = 0; i < scores.length; i++) if (scores[i] !== null) add(ex, plan.scored[i]!);
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
