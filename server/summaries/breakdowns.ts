import { suppressBreakdown } from '../stats/suppression.js';
import type { SurveyDefinition } from '../surveys/definition.js';
import type { Counters } from './counters.js';
import { summaryLayout } from './layout.js';
import { count } from './read-counters.js';
import { proportionStats, scaleStats } from './group-stats.js';

// Results by demographic band. The bands of one question, "unanswered" included, add up to
// the published total, so complementary suppression (rule 4) keeps a small band from being
// worked out as the total minus the others.
export function breakdowns(def: SurveyDefinition, c: Counters, min: number) {
  return summaryLayout(def).demographics.map(({ question, bands }) => {
    const cells = bands.map((band) => ({ key: band, n: count(c, `bd|${question}|${band}|n`) }));
    const { cells: published } = suppressBreakdown(cells, min);
    return {
      question,
      bands: published.map((p) => {
        if (p.status === 'suppressed') return { value: p.key, suppressed: true as const, note: `fewer than ${min} responses, or hidden so a small group cannot be worked out` };
        const prefix = `bd|${question}|${p.key}|`;
        return { value: p.key, suppressed: false as const, n: p.n, scales: scaleStats(def, c, prefix, min), proportions: proportionStats(def, c, prefix, min) };
      }),
    };
  });
}
