import type { Layout } from '../codec/columns.js';
import { groupKey } from '../codec/response-row.js';
import { groupRelease, type CountCell, type GroupCounts, type GroupRelease } from '../disclosure/export-bands.js';
import { unavailable } from '../errors.js';
import type { SurveyDefinition } from '../surveys/definition.js';
import type { Counters } from '../tally/counters.js';
import { summaryLayout } from '../tally/layout.js';
import { exportCounts } from '../tally/store.js';
import { countsSource, readSeals, type Sealed } from './seals.js';
import type { SelectedGroup } from './selection.js';

// What encodeRow may write for the rows of one council × wave: per demographic column, the codes
// shown and whether "unanswered" is shown (else an unanswered cell is coded -9 with the other
// hidden bands); the months a row may carry (else it is dated by its wave alone); and whether
// free text leaves.
export type BandRule = { codes: Set<number>; unanswered: boolean };
export type GroupRules = {
  total: number;
  demographic: Map<number, BandRule>;
  months: Set<string>;
  withheld: Set<number>; // answer and score columns left blank for the whole group
  freeText: boolean;
};

function add(cells: Map<string, number>, key: string, n: number) {
  cells.set(key, (cells.get(key) ?? 0) + n);
}

// A group's counts from its export counts (rows per full combination "t|<band>|…|<month>", see
// tally/counters.ts): the bands of each demographic question in the summary's order, "unanswered"
// last, as the summary's breakdowns count them; the months in calendar order; the combinations.
export function countsFromCounters(def: SurveyDefinition, c: Counters): GroupCounts {
  const demographics = summaryLayout(def).demographics;
  const perBand = demographics.map(() => new Map<string, number>());
  const months = new Map<string, number>();
  const combinations: GroupCounts['combinations'] = [];
  const answered: CountCell[] = [];
  let total = 0;
  for (const [key, n] of Object.entries(c)) {
    if (key.startsWith('a|') || key.startsWith('s|')) {
      answered.push({ key: key.startsWith('a|') ? key.slice(2) : `score:${key.slice(2)}`, n });
      continue;
    }
    const values = key.split('|').slice(1);
    if (!key.startsWith('t|') || values.length !== demographics.length + 1 || n <= 0) continue;
    const bands = values.slice(0, -1);
    const month = values.at(-1)!;
    bands.forEach((band, i) => add(perBand[i]!, band, n));
    add(months, month, n);
    combinations.push({ bands, month, n });
    total += n;
  }
  const cells = (keys: string[], counted: Map<string, number>): CountCell[] =>
    keys.map((key) => ({ key, n: counted.get(key) ?? 0 }));
  return {
    total,
    bands: demographics.map(({ question, bands }, i) => ({ question, cells: cells(bands, perBand[i]!) })),
    months: cells([...months.keys()].sort(), months),
    combinations,
    answered,
  };
}

// The release decided in disclosure/, put in the layout's columns and codes.
export function rulesFor(layout: Layout, def: SurveyDefinition, release: GroupRelease, total: number): GroupRules {
  const demographic: GroupRules['demographic'] = new Map();
  const withheld = new Set<number>();
  const version = layout.versions.get(def.version);
  for (const { index, scale } of version?.scores ?? [])
    if (release.answers.has(`score:${scale.id}`)) withheld.add(index);
  for (const { index, target } of version?.readers ?? []) {
    const column = layout.columns[index]!;
    if (
      !column.demographic &&
      release.answers.has(target.row === undefined ? target.question : `${target.question}|${target.row}`)
    )
      withheld.add(index);
    const shown = release.bands.get(target.question);
    if (!column.demographic || !shown) continue;
    const codes = column.codes.filter((c) => c.value !== undefined && shown.has(String(c.value))).map((c) => c.code);
    demographic.set(index, { codes: new Set(codes), unanswered: shown.has('unanswered') });
  }
  return { total, demographic, months: release.months, withheld, freeText: release.freeText };
}

export type RuleLimits = { min: number; freeTextMin: number };

// What a group's counts decided under given rules (the release of disclosure/export-bands.ts and
// the row total), kept in this process for the next export of the same counts under the same
// rules: `source` names the counts (a hash of their JSON text, or of a seal as stored). Never
// stored, so a change to the rules' code applies to every group at the next start.
type Decision = { source: string; total: number; release: GroupRelease };
export type DecisionCache = Map<string, Decision>;
const CACHED_MAX = 5_000;

export type ReadRules = {
  rules: Map<string, GroupRules>;
  live: Map<string, string>; // the counts' JSON text of groups read live, not from a seal
  textSeals: Map<string, string>; // the same of groups whose seal is of the earlier text form
};

// Every selected group's export counts as JSON text, in one or two reads of small documents: its
// seal where it has one (seals.ts), else its live counts document (one each, by _id), read only
// after `flush` has counted every acknowledged response into them.
async function countsOf(groups: readonly SelectedGroup[], flush: () => Promise<void>) {
  const sealed = await readSeals(groups.map((g) => groupKey(g.pilotCode, g.waveId)));
  const missing = groups.filter((g) => !sealed.has(groupKey(g.pilotCode, g.waveId)));
  const live = new Map<string, string>();
  if (missing.length === 0) return { sealed, live };
  await flush();
  const counted = await exportCounts(missing);
  if (!counted)
    throw unavailable('The export counts are being rebuilt after an upgrade; please try again in a minute.');
  for (const g of missing) {
    const key = groupKey(g.pilotCode, g.waveId);
    live.set(key, counted.get(key) ?? '{}');
  }
  return { sealed, live };
}

export async function readGroupRules(
  groups: readonly SelectedGroup[],
  layout: Layout,
  limits: RuleLimits,
  flush: () => Promise<void>,
  cache: DecisionCache = new Map(),
): Promise<ReadRules> {
  const { sealed, live } = await countsOf(groups, flush);
  const rules = new Map<string, GroupRules>();
  for (const g of groups) {
    const key = groupKey(g.pilotCode, g.waveId);
    const counts = sealed.get(key) ?? liveCounts(live.get(key)!);
    const { total, release } = decide(g, limits, counts, cache);
    rules.set(key, rulesFor(layout, g.def, release, total));
  }
  const textSeals = new Map([...sealed].filter(([, s]) => !s.deflated).map(([key, s]) => [key, s.text()]));
  return { rules, live, textSeals };
}

type Named = Pick<Sealed, 'source' | 'text'>; // counts, named for the decision cache

const liveCounts = (text: string): Named => ({ source: countsSource(text), text: () => text });

function decide(g: SelectedGroup, limits: RuleLimits, { source, text }: Named, cache: DecisionCache): Decision {
  const key = JSON.stringify([g.pilotCode, g.waveId, limits.min, limits.freeTextMin, g.allowFreeText, g.def.hash]);
  const cached = cache.get(key);
  if (cached?.source === source) return cached;
  const counts = countsFromCounters(g.def, JSON.parse(text()) as Counters);
  const release = groupRelease(counts, { ...limits, freeTextAllowed: g.allowFreeText });
  const decision = { source, total: counts.total, release };
  if (!cache.has(key) && cache.size >= CACHED_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, decision);
  return decision;
}
