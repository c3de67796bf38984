import type { Layout } from '../codec/columns.js';
import { groupKey } from '../codec/response-row.js';
import { groupRelease, type GroupCounts, type GroupRelease } from '../disclosure/export-bands.js';
import type { SurveyDefinition } from '../surveys/definition.js';
import type { Counters } from '../tally/counters.js';
import { summaryLayout } from '../tally/layout.js';
import { count } from '../tally/read-counters.js';
import { groupCounters } from '../tally/store.js';
import type { SelectedGroup } from './selection.js';

// What encodeRow may write for the rows of one council × wave: per demographic column, the codes
// shown and whether "unanswered" is shown (else an unanswered cell is coded -9 with the other
// hidden bands); and whether free text leaves.
export type BandRule = { codes: Set<number>; unanswered: boolean };
export type GroupRules = {
  total: number;
  demographic: Map<number, BandRule>;
  freeText: boolean;
};

// A group's counts as the summary reads them: the bands of each demographic question, in the
// summary's order, "unanswered" last. The total is the bands' sum (every response is in one band
// of each question); a survey without demographics takes it from the main counters.
export function countsFromCounters(def: SurveyDefinition, c: Counters): GroupCounts {
  const bands = summaryLayout(def).demographics.map(({ question, bands }) => ({
    question,
    cells: bands.map((band) => ({ key: band, n: count(c, `bd|${question}|${band}|n`) })),
  }));
  const total = bands.length ? bands[0]!.cells.reduce((s, cell) => s + cell.n, 0) : count(c, 'n');
  return { total, bands };
}

// The release decided in disclosure/, put in the layout's columns and codes.
export function rulesFor(layout: Layout, def: SurveyDefinition, release: GroupRelease, total: number): GroupRules {
  const demographic: GroupRules['demographic'] = new Map();
  for (const { index, target } of layout.versions.get(def.version)?.readers ?? []) {
    const column = layout.columns[index]!;
    const shown = release.bands.get(target.question);
    if (!column.demographic || !shown) continue;
    const codes = column.codes.filter((c) => c.value !== undefined && shown.has(String(c.value))).map((c) => c.code);
    demographic.set(index, { codes: new Set(codes), unanswered: shown.has('unanswered') });
  }
  return { total, demographic, freeText: release.freeText };
}

export type RuleLimits = { min: number; freeTextMin: number };
const AT_ONCE = 8;

// Each group's counters, read by _id (the only lookup FerretDB answers from an index) a few groups
// at a time: the demographic parts only, or "main" for a survey without demographics. The caller
// flushes the tally first, so the counts include every acknowledged response.
export async function readGroupRules(
  groups: readonly SelectedGroup[],
  layout: Layout,
  limits: RuleLimits,
): Promise<Map<string, GroupRules>> {
  const rules = new Map<string, GroupRules>();
  for (let i = 0; i < groups.length; i += AT_ONCE) {
    await Promise.all(
      groups.slice(i, i + AT_ONCE).map(async (g) => {
        const questions = summaryLayout(g.def).demographics.map((d) => `bd:${d.question}`);
        const counts = countsFromCounters(
          g.def,
          await groupCounters(g.pilotCode, g.waveId, questions.length ? questions : ['main']),
        );
        const release = groupRelease(counts, { ...limits, freeTextAllowed: g.allowFreeText });
        rules.set(groupKey(g.pilotCode, g.waveId), rulesFor(layout, g.def, release, counts.total));
      }),
    );
  }
  return rules;
}
