import { summaryLayout } from '../tally/layout.js';
import type { Publication } from './audit.js';
import type { Fn, Respondent } from './unknowns.js';

// The figures of one council × wave summary (GET /api/v1/pilots/:code/summary?wave=) as
// publications over the people it describes. Every figure shown is read; suppressed ones are not.
type Stat = { id?: string; suppressed: boolean; n?: number; mean?: number | null; sd?: number | null; x?: number };
type Summary = {
  responses: { suppressed: boolean; n?: number; progress?: { day: string; cumulative: number }[] };
  resultsPublished?: boolean;
  scales?: Stat[];
  proportions?: Stat[];
  items?: { ref: string; suppressed: boolean; options?: { value: string; n: number }[] }[];
  breakdowns?: { question: string; bands: (Stat & { value: string; scales?: Stat[]; proportions?: Stat[] })[] }[];
};

// A scale's mean and SD as sums: n·mean, and (n−1)·sd² + n·mean² for one-item scales (the
// square of a mean of several items is not linear in the answers, so it is left out).
export function momentFigures(source: string, id: string, s: Stat, group: readonly Respondent[], oneItem: boolean) {
  if (s.suppressed || s.n === undefined || s.mean === undefined || s.mean === null) return [];
  const out: Publication[] = [{ source, fn: `sc|${id}`, group, published: s.n * s.mean }];
  if (oneItem && s.sd !== undefined && s.sd !== null)
    out.push({ source, fn: `sq-sc|${id}`, group, published: (s.n - 1) * s.sd ** 2 + s.n * s.mean ** 2 });
  return out;
}

function statFigures(
  source: string,
  stats: Stat[] | undefined,
  group: readonly Respondent[],
  oneItem: (id: string) => boolean,
  kind: 'sc' | 'fl',
) {
  return (stats ?? []).flatMap((s) =>
    kind === 'sc'
      ? momentFigures(`${source} scale ${s.id}`, s.id!, s, group, oneItem(s.id!))
      : s.suppressed
        ? []
        : [{ source: `${source} proportion ${s.id}`, fn: `fl|${s.id}` as Fn, group, published: s.x }],
  );
}

const dayOf = (r: Respondent) => r.day;

// `json`: the summary as the API sends it (the route's body or the service's return value).
export function summaryFigures(label: string, json: object, group: readonly Respondent[]): Publication[] {
  const summary = json as Summary;
  const out: Publication[] = [];
  const { responses } = summary;
  if (!responses.suppressed && responses.n !== undefined && summary.resultsPublished)
    out.push({ source: `${label} responses`, fn: 'n', group, published: responses.n });
  for (const p of responses.progress ?? [])
    out.push({
      source: `${label} progress to ${p.day}`,
      fn: 'n',
      group: group.filter((r) => dayOf(r) <= p.day),
      published: p.cumulative,
      byDay: true,
    });
  const def = group[0]?.def;
  if (!def || !summary.resultsPublished) return out;
  const oneItem = (id: string) => def.scales.find((s) => s.id === id)?.items.length === 1;
  out.push(...statFigures(label, summary.scales, group, oneItem, 'sc'));
  out.push(...statFigures(label, summary.proportions, group, oneItem, 'fl'));
  for (const item of summary.items ?? []) {
    if (item.suppressed) continue;
    for (const o of item.options ?? [])
      out.push({
        source: `${label} item ${item.ref} = ${o.value}`,
        fn: `it|${item.ref}|${o.value}`,
        group,
        published: o.n,
      });
  }
  const layout = summaryLayout(def);
  for (const b of summary.breakdowns ?? []) {
    const options = layout.demographics.find((d) => d.question === b.question)?.bands ?? [];
    for (const band of b.bands) {
      if (band.suppressed || !options.includes(band.value)) continue;
      const inBand = group.filter((r) => bandOf(r, b.question) === band.value);
      const where = `${label} band ${b.question}=${band.value}`;
      out.push({ source: where, fn: 'n', group: inBand, published: band.n });
      out.push(...statFigures(where, band.scales, inBand, oneItem, 'sc'));
      out.push(...statFigures(where, band.proportions, inBand, oneItem, 'fl'));
    }
  }
  return out;
}

export function bandOf(r: Respondent, question: string): string {
  const v = r.answers[question];
  return v === undefined ? 'unanswered' : String(v);
}
