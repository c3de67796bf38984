// The primary, cluster-aware figures for one measure: the CR2 model y ~ arm × wave on the
// respondents of the councils compared, and beside it the council-level version (one number
// per council, each council counting once) so a reader can see every council's contribution.
import { cr2Contrast, type ClusterCell } from '../../stats/clustered.js';
import { councilLevelDifference } from '../../stats/council-level.js';
import type { Moments } from '../../stats/descriptive.js';
import { intraClusterCorrelation, minimumDetectableEffect } from '../../stats/icc.js';

export type Arm = 'pilot' | 'comparison';
// A council's figures for one measure, one entry per wave compared (baseline first).
export type CouncilSeries = { code: string; name: string; arm: Arm; periods: Moments[] };

const cellOf = (arm: Arm, period: number) => period * 2 + (arm === 'pilot' ? 0 : 1);

function contrastOver(data: ClusterCell[], periods: number, weights: [Arm, number, number][]) {
  const c = Array<number>(periods * 2).fill(0);
  for (const [arm, period, weight] of weights) c[cellOf(arm, period)] = weight;
  return cr2Contrast(data, c);
}

export function clusteredComparison(members: readonly CouncilSeries[], periods: 1 | 2) {
  const data = members.flatMap((s) =>
    s.periods.map((moments, w) => ({ cluster: s.code, cell: cellOf(s.arm, w), moments })),
  );
  const last = periods - 1;
  const difference = contrastOver(data, periods, [
    ['pilot', last, 1],
    ['comparison', last, -1],
  ]);
  const twoWaves = periods === 2;
  const baselineDifference = twoWaves
    ? contrastOver(data, periods, [
        ['pilot', 0, 1],
        ['comparison', 0, -1],
      ])
    : null;
  const differenceInDifferences = twoWaves
    ? contrastOver(data, periods, [
        ['pilot', 1, 1],
        ['pilot', 0, -1],
        ['comparison', 1, -1],
        ['comparison', 0, 1],
      ])
    : null;
  const headline = twoWaves ? differenceInDifferences : difference;
  return {
    difference,
    baselineDifference,
    differenceInDifferences,
    icc: intraClusterCorrelation(data),
    minimumDetectableEffect: headline ? minimumDetectableEffect(headline.se, headline.df) : null,
  };
}

// Each council's mean per wave and its change; the arms compared on those council figures.
export function councilLevelComparison(members: readonly CouncilSeries[]) {
  const rows = members.map((s) => {
    const means = s.periods.map((m) => m.sum / m.n);
    return { code: s.code, name: s.name, arm: s.arm, means, change: means.length === 2 ? means[1]! - means[0]! : null };
  });
  const values = (arm: Arm) =>
    rows.filter((r) => r.arm === arm).map((r) => ({ code: r.code, value: r.change ?? r.means[0]! }));
  return { rows, difference: councilLevelDifference(values('pilot'), values('comparison')) };
}
