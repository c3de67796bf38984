import { columnsToWithhold } from './export-combos.js';
import { reachesMinimum, suppressBreakdown } from './suppression.js';

// What an export may show of one council × wave — the smallest group a reader can pick out with
// the file's own columns — decided from the same counts the summaries publish, by the same rules:
// - Demographic bands are partitioned exactly as in the summary's breakdowns: the question's
//   answer options and "unanswered", in the summary's order, through the rules of
//   suppression.ts (a band of 1 to min - 1 hidden, and if the hidden bands add up to fewer than
//   min the smallest shown band is hidden too). The export codes every row of a hidden band -9
//   (unanswered included), so the rows coded -9 are exactly the respondents the summary hides,
//   never fewer, and summary and export cannot be subtracted to isolate a small band.
// - Months of submission go through the same partition within the group: a row keeps its month
//   only when that month's cell is shown; otherwise the file dates it by its wave alone.
// - Combinations: the columns above, read together, must not single anyone out either: where a
//   class of rows agreeing on all of them is small, whole columns are withheld for the group
//   (export-combos.ts), and a withheld column shows nothing (every band hidden, no month).
// - Free text leaves only where the campaign allows it and the group reaches the free-text
//   minimum (FREE_TEXT_MIN_GROUP_SIZE): a comment is far easier to attribute than a number.
// A band or month not in the counts (a response counted after they were read) is never shown.
export type CountCell = { key: string; n: number };
// `combinations`: the rows per full combination of bands (one per question, in `bands`' order)
// and month, which is what a reader sorting the rows by every column at once counts.
export type GroupCounts = {
  total: number;
  bands: { question: string; cells: CountCell[] }[];
  months: CountCell[];
  combinations: { bands: string[]; month: string; n: number }[];
  answered?: CountCell[]; // people who answered each question ("q", a matrix row "q|row") or have a score ("score:<id>")
};
// `withheld`: the questions (and 'month') withheld whole for the combinations' sake.
export type GroupRelease = {
  bands: Map<string, Set<string>>;
  months: Set<string>;
  withheld: string[];
  answers: Set<string>; // the answered keys (see GroupCounts) left blank for the whole group
  freeText: boolean;
};
export type ReleaseRules = { min: number; freeTextMin: number; freeTextAllowed: boolean };

// The cells a published breakdown shows, as the summaries decide them; empty cells are not listed.
export function shownCells(cells: readonly CountCell[], min: number): Set<string> {
  const { cells: published } = suppressBreakdown(cells, min);
  return new Set(published.flatMap((p, i) => (p.status === 'shown' && cells[i]!.n > 0 ? [p.key] : [])));
}

// The months (YYYY-MM) a council × wave's rows may carry, from its rows per month.
export const shownMonths = (months: readonly CountCell[], min: number) => shownCells(months, min);

export function groupRelease(counts: GroupCounts, rules: ReleaseRules): GroupRelease {
  const shown = counts.bands.map(({ cells }) => shownCells(cells, rules.min));
  const months = shownMonths(counts.months, rules.min);
  const combos = counts.combinations.map(({ bands, month, n }) => ({ values: [...bands, month], n }));
  const withheld = columnsToWithhold(
    [...shown, months].map((s) => ({ shown: s })),
    combos,
    rules.min,
  );
  const names = withheld.map((i) => (i === shown.length ? 'month' : counts.bands[i]!.question));
  return {
    bands: new Map(
      counts.bands.map(({ question }, i) => [question, withheld.includes(i) ? new Set<string>() : shown[i]!]),
    ),
    months: withheld.includes(shown.length) ? new Set() : months,
    withheld: names,
    answers: fewAnswered(counts.answered ?? [], rules.min),
    freeText: rules.freeTextAllowed && reachesMinimum(counts.total, rules.freeTextMin),
  };
}

// A question (or matrix row, or scale score) that 1 to min - 1 people of the group answered is left
// blank in every row of the group: a reader who knows who answered it (people say what they
// skipped) would otherwise read those few people's answers from the rows that have one, as the
// summaries hide an item's distribution over so few. Unanswered by all, it is blank anyway.
export function fewAnswered(answered: readonly CountCell[], min: number): Set<string> {
  return new Set(answered.filter(({ n }) => n > 0 && !reachesMinimum(n, min)).map(({ key }) => key));
}

export type ExportedGroups = { keep: Set<string>; rows: number; leftOut: number };

// Rule 1 of the suppression rule, for files: a council × wave with 1 to MIN_GROUP_SIZE - 1
// responses in the selection is left out whole, as summaries show it only as "fewer than N".
// Merging its bands would not be enough: its rows would still show a small group's answers.
// Every filter selects whole council × wave groups, so a group's total — and whether it is
// left out — is the same in every export that includes it, and no two exports differ by part
// of a group. Callers report how many groups were left out, never which or how small: a list
// naming the councils that had 1 to MIN_GROUP_SIZE - 1 respondents would travel with the file
// wherever it is shared, and their sizes are exactly the small counts the rule withholds.
// A group with no responses at all is neither kept nor left out.
export function exportedGroups(totals: ReadonlyMap<string, number>, min: number): ExportedGroups {
  const keep = new Set<string>();
  let rows = 0;
  let leftOut = 0;
  for (const [key, n] of totals) {
    if (n === 0) continue;
    if (!reachesMinimum(n, min)) {
      leftOut++;
      continue;
    }
    keep.add(key);
    rows += n;
  }
  return { keep, rows, leftOut };
}
