import { bandsShowing, suppressBreakdown } from '../../disclosure/suppression.js';
import type { SurveyDefinition } from '../../surveys/definition.js';
import { labelsOf } from '../../surveys/presentation.js';
import type { Counters } from '../../tally/counters.js';
import { proportionStats, scaleShown, scaleStats, suppressed } from './group-stats.js';
import { summaryLayout } from '../../tally/layout.js';
import { count, flagAt, momentsAt } from '../../tally/read-counters.js';

const hiddenNote = (min: number) => `fewer than ${min} responses, or hidden so a small group cannot be worked out`;

// Results by demographic band. The bands of one question, "unanswered" included, add up to the
// published total, so complementary suppression keeps a small band from being worked out as the
// total minus the others — for the band counts and again for every statistic's own base. A scale
// hidden for the whole group (disclosure/scales.ts) is hidden in every band, as the bands add up to it.
export function breakdowns(def: SurveyDefinition, c: Counters, min: number) {
  return summaryLayout(def).demographics.map(({ question, bands }) => {
    const prefix = (band: string) => `bd|${question}|${band}|`;
    const { cells: published } = suppressBreakdown(
      bands.map((band) => ({ key: band, n: count(c, `${prefix(band)}n`) })),
      min,
    );
    const bandShown = new Set(published.filter((p) => p.status === 'shown').map((p) => p.key));
    const bases = (n: (band: string) => number) =>
      bandsShowing(
        bands.map((band) => ({ band, n: n(band), bandShown: bandShown.has(band) })),
        min,
      );
    const scaleShows = new Map(
      def.scales.map((s) => [
        s.id,
        scaleShown(c, s, min) ? bases((band) => momentsAt(c, prefix(band), s.id).n) : new Set<string>(),
      ]),
    );
    const flagShows = new Map(def.flags.map((f) => [f.id, bases((band) => flagAt(c, prefix(band), f.id).n)]));
    return {
      question,
      bands: published.map((p) => {
        if (p.status === 'suppressed') return { value: p.key, suppressed: true as const, note: hiddenNote(min) };
        const scales = scaleStats(def, c, prefix(p.key), min).map((s) =>
          scaleShows.get(s.id)!.has(p.key) ? s : { id: s.id, ...labelsOf(s), range: s.range, ...suppressed(min) },
        );
        const proportions = proportionStats(def, c, prefix(p.key), min).map((f) =>
          flagShows.get(f.id)!.has(p.key) ? f : { id: f.id, ...labelsOf(f), ...suppressed(min) },
        );
        return { value: p.key, suppressed: false as const, n: p.n, scales, proportions };
      }),
    };
  });
}
