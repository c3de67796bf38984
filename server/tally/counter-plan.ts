import type { SurveyDefinition } from '../surveys/definition.js';
import { summaryLayout, type SummaryItem } from './layout.js';

// Where each counter of a survey version is added up while a batch is counted (counters.ts): a
// slot, an index into one array of numbers per summary part, worked out once per version and
// kept. Adding to an array slot costs a fraction of adding to a string-keyed object, which
// hashes the key and reaches a dictionary of hundreds of properties every time; counting did that
// ~300 times a response. The keys themselves are written once a batch, when the arrays become
// counters again (`names`).

// One part's slots: `names[slot]` is the counter's key. A slot is given on a key's first use.
export class PartSlots {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(readonly part: string) {}
  slot(key: string): number {
    let s = this.index.get(key);
    if (s === undefined) {
      s = this.names.length;
      this.names.push(key);
      this.index.set(key, s);
    }
    return s;
  }
}

// The score and flag counters under one prefix ("" in main, "bd|<question>|<band>|" in a band):
// n, then per scale [n, s, q], per flag [n, x], in the definition's order.
export type BlockSlots = { n: number; sc: number[][]; fl: number[][] };
type AlphaSlots = { u: number; n: number; s: number[]; x: number[][] } | null;
// A closed item (a matrix row: one per row): its answer's place, its tick-box base and a slot per
// option, found by the answer as given (a number or a string).
// `path`: "question" or "question.row", as answerAt reads it.
type ItemSlots = { path: string; ia: number; options: Map<unknown, number>; item: SummaryItem };
// A demographic question: its part, and a block per band, found by the answer as given
// (undefined for no answer).
type DemographicSlots = { question: string; slots: PartSlots; bands: Map<unknown, BlockSlots> };
// The combinations ("t|<band>|…|<month>") as a tree: one level per demographic question, keyed by
// the answer as given, then the month (no more leaves than the counters it stands for).
type ComboNode = Map<unknown, ComboNode | number>;

export type CounterPlan = {
  def: SurveyDefinition;
  main: PartSlots;
  mainBlock: BlockSlots;
  days: Map<string, number>;
  months: Map<string, string>; // day → its month, "YYYY-MM"
  alpha: AlphaSlots[];
  items: ItemSlots[];
  demographics: DemographicSlots[];
  ex: PartSlots;
  combos: ComboNode;
  answered: Map<string, number>;
  answeredRows: Map<string, Map<string, number>>;
  scored: number[];
};

const plans = new WeakMap<SurveyDefinition, CounterPlan>();

export function counterPlan(def: SurveyDefinition): CounterPlan {
  let plan = plans.get(def);
  if (!plan) plans.set(def, (plan = makePlan(def)));
  return plan;
}

function blockSlots(slots: PartSlots, def: SurveyDefinition, prefix: string): BlockSlots {
  return {
    n: slots.slot(`${prefix}n`),
    sc: def.scales.map((s) => ['n', 's', 'q'].map((k) => slots.slot(`${prefix}sc|${s.id}|${k}`))),
    fl: def.flags.map((f) => ['n', 'x'].map((k) => slots.slot(`${prefix}fl|${f.id}|${k}`))),
  };
}

function makePlan(def: SurveyDefinition): CounterPlan {
  const layout = summaryLayout(def);
  const main = new PartSlots('main');
  const ex = new PartSlots('ex');
  return {
    def,
    main,
    mainBlock: blockSlots(main, def, ''),
    days: new Map(),
    months: new Map(),
    alpha: def.scales.map((scale) => {
      if (scale.items.length < 2) return null;
      const items = scale.items.map((_, i) => i);
      return {
        u: main.slot(`sc|${scale.id}|u`),
        n: main.slot(`al|${scale.id}|n`),
        s: items.map((i) => main.slot(`al|${scale.id}|s|${i}`)),
        x: items.map((i) => items.map((j) => main.slot(`al|${scale.id}|x|${i}|${j}`))),
      };
    }),
    items: layout.items.map((item) => ({
      path: item.row === undefined ? item.question : `${item.question}.${item.row}`,
      ia: main.slot(`ia|${item.ref}`),
      options: new Map(),
      item,
    })),
    demographics: layout.demographics.map(({ question }) => ({
      question,
      slots: new PartSlots(`bd:${question}`),
      bands: new Map(),
    })),
    ex,
    combos: new Map(),
    answered: new Map(),
    answeredRows: new Map(),
    scored: def.scales.map((s) => ex.slot(`s|${s.id}`)),
  };
}

// The band an answer falls in, as its key spells it.
const bandOf = (answer: unknown) => (answer === undefined ? 'unanswered' : String(answer));

export function optionSlot(plan: CounterPlan, item: ItemSlots, option: unknown): number {
  let s = item.options.get(option);
  if (s === undefined) item.options.set(option, (s = plan.main.slot(`it|${item.item.ref}|${String(option)}`)));
  return s;
}

export function daySlot(plan: CounterPlan, day: string): number {
  let s = plan.days.get(day);
  if (s === undefined) plan.days.set(day, (s = plan.main.slot(`d|${day}`)));
  return s;
}

export function bandBlock(plan: CounterPlan, d: DemographicSlots, answer: unknown): BlockSlots {
  let block = d.bands.get(answer);
  if (!block) d.bands.set(answer, (block = blockSlots(d.slots, plan.def, `bd|${d.question}|${bandOf(answer)}|`)));
  return block;
}

// `answers` picks the path through the tree: one answer per demographic question.
export function comboSlot(plan: CounterPlan, answers: Record<string, unknown>, day: string): number {
  let node = plan.combos;
  for (let i = 0; i < plan.demographics.length; i++) {
    const answer = answers[plan.demographics[i]!.question];
    let next = node.get(answer) as ComboNode | undefined;
    if (!next) node.set(answer, (next = new Map()));
    node = next;
  }
  let month = plan.months.get(day);
  if (month === undefined) plan.months.set(day, (month = day.slice(0, 7)));
  let s = node.get(month) as number | undefined;
  if (s === undefined) {
    const bands = plan.demographics.map((d) => `${bandOf(answers[d.question])}|`).join('');
    node.set(month, (s = plan.ex.slot(`t|${bands}${month}`)));
  }
  return s;
}

export function answeredSlot(plan: CounterPlan, question: string, row?: string): number {
  if (row === undefined) {
    let s = plan.answered.get(question);
    if (s === undefined) plan.answered.set(question, (s = plan.ex.slot(`a|${question}`)));
    return s;
  }
  let rows = plan.answeredRows.get(question);
  if (!rows) plan.answeredRows.set(question, (rows = new Map()));
  let s = rows.get(row);
  if (s === undefined) rows.set(row, (s = plan.ex.slot(`a|${question}|${row}`)));
  return s;
}
