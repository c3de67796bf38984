import { alphaFromAccumulator, alphaReading, type AlphaAccumulator } from '../../stats/alpha.js';
import { reachesMinimum } from '../../disclosure/suppression.js';
import { alphaShown } from '../../disclosure/scales.js';
import { openCount, steppedProgress } from '../../disclosure/progress.js';
import type { SurveyDefinition } from '../../surveys/definition.js';
import { breakdowns } from './breakdowns.js';
import type { Counters } from '../../tally/counters.js';
import { summaryLayout } from '../../tally/layout.js';
import { proportionStats, scaleStats, suppressed } from './group-stats.js';
import { alphaAt, answeredAt, count, dayCounts, medianOfCounts, scaleBasesAt } from '../../tally/read-counters.js';

// `open`: results are not published yet (the campaign takes responses, or closed moments ago and
// `closing`), so only stepped response counts are.
export type ReportOptions = {
  minGroupSize: number;
  headcount?: number | null;
  open?: boolean;
  closing?: boolean;
  today?: string;
};

export const RESULTS_AFTER_CLOSE =
  'Results are published when the survey closes: figures that changed with every response could be compared from day to day to work out what the latest respondents said.';
export const RESULTS_SOON =
  'The survey has closed; results are published a minute after closing, once every response accepted before the close is counted.';

export type ReportResponses = {
  suppressed: boolean;
  n?: number;
  headcount: number | null;
  rate?: number | null;
  progress?: { day: string; cumulative: number }[];
  note?: string;
};
export type Report = {
  survey: { id: string; version: number };
  minGroupSize: number;
  resultsPublished?: boolean;
  note?: string;
  responses: ReportResponses;
  scales?: ReturnType<typeof scaleStats>;
  alpha?: object[];
  proportions?: ReturnType<typeof proportionStats>;
  items?: object[];
  breakdowns?: ReturnType<typeof breakdowns>;
};

// Alpha with its reading in words where it is poor (below 0.5) or negative; null otherwise.
function withReading(scale: string, acc: AlphaAccumulator) {
  const a = alphaFromAccumulator(acc);
  return a ? { scale, ...a, reading: alphaReading(a.alpha) } : { scale };
}

// A council × wave (or any merged group) as published: nothing at all below the minimum group.
export function buildReport(
  def: SurveyDefinition,
  c: Counters,
  { minGroupSize: min, headcount, open = false, closing = false, today = '9999-12-31' }: ReportOptions,
): Report {
  const survey = { id: def.id, version: def.version };
  if (open || closing) return openReport(survey, c, min, headcount ?? null, today, closing);
  const n = count(c, 'n');
  if (n === 0)
    return {
      survey,
      minGroupSize: min,
      responses: {
        suppressed: false as const,
        n: 0,
        headcount: headcount ?? null,
        rate: headcount ? 0 : null,
        progress: [],
      },
    };
  if (!reachesMinimum(n, min))
    return { survey, minGroupSize: min, responses: { ...suppressed(min), headcount: headcount ?? null } };
  const items = summaryLayout(def).items.map((item) => {
    const options = item.options.map((value) => ({ value, n: count(c, `it|${item.ref}|${value}`) }));
    const answered = answeredAt(c, item);
    if (!reachesMinimum(answered, min)) return { ref: item.ref, ...suppressed(min) };
    return {
      ref: item.ref,
      suppressed: false as const,
      answered,
      median: item.multi ? null : medianOfCounts(options),
      options,
    };
  });
  const alpha = def.scales
    .filter((s) => s.items.length >= 2)
    .map((s) => {
      const acc = alphaAt(c, s.id, s.items.length);
      return alphaShown(scaleBasesAt(c, s), min) ? withReading(s.id, acc) : { scale: s.id, ...suppressed(min) };
    });
  return {
    survey,
    minGroupSize: min,
    resultsPublished: true as const,
    responses: {
      suppressed: false as const,
      n,
      headcount: headcount ?? null,
      rate: headcount ? Math.min(1, n / headcount) : null,
      progress: steppedProgress(dayCounts(c), min),
    },
    scales: scaleStats(def, c, '', min),
    alpha,
    proportions: proportionStats(def, c, '', min),
    items,
    breakdowns: breakdowns(def, c, min),
  };
}

// Until results are published: the response count as of the last published progress point (steps
// of at least the minimum, completed days only, so a figure cannot change between two reads on
// the same day), and no statistics.
function openReport(
  survey: { id: string; version: number },
  c: Counters,
  min: number,
  headcount: number | null,
  today: string,
  closing: boolean,
): Report {
  const { n, points } = openCount(dayCounts(c), min, today);
  const responses = {
    suppressed: false as const,
    n,
    headcount,
    rate: headcount ? Math.min(1, n / headcount) : null,
    progress: points,
    note: `counts up to yesterday, in steps of at least ${min}`,
  };
  const note = closing ? RESULTS_SOON : RESULTS_AFTER_CLOSE;
  return { survey, minGroupSize: min, resultsPublished: false as const, note, responses };
}
