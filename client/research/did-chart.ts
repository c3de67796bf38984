import { chartCard } from '../dashboard/card.js';
import type { Labeller } from '../words/lang.js';
import { researchStrings } from './strings.js';
import type { Comparison, Measure } from './types.js';
import { estimateText, labelWithDirection, verdict, verdictColour, verdictText } from './words.js';

// The clustered estimate per scale with its 95% CI. Each point is coloured by what it means for
// that scale (which arm it favours, given whether higher is better), not by its sign.
export function clusteredChart(c: Comparison, labels: Labeller): HTMLElement | null {
  const s = researchStrings(labels.lang);
  const twoWaves = c.baseline !== null;
  const pick = (m: Measure) => (twoWaves ? m.clustered.differenceInDifferences : m.clustered.difference);
  const rows = c.scales.filter((m) => pick(m));
  if (rows.length === 0) return null;
  const colours = rows.map((m) => verdictColour[verdict(pick(m), m)]);
  const what = twoWaves ? s.did(c.baseline!.name, c.wave.name) : s.armDifference(c.wave.name);
  return chartCard({
    id: 'clustered',
    source: { council: 'councils in both arms', waves: twoWaves ? [c.baseline!.name, c.wave.name] : [c.wave.name] },
    title: twoWaves ? s.didTitle : s.armTitle,
    description: s.chartDescription(what),
    config: {
      type: 'line',
      data: {
        labels: rows.map((m) => labelWithDirection(m, labels)),
        datasets: [
          {
            label: s.estimateLegend,
            data: rows.map((m) => pick(m)!.estimate),
            errorBars: rows.map((m) => pick(m)!.ci95),
            borderColor: '#6b7280',
            pointBackgroundColor: colours,
            pointBorderColor: colours,
            pointStyle: rows.map((m) => (m.higherIsBetter === false ? 'triangle' : 'circle')),
            pointRadius: 6,
            showLine: false,
          } as never,
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { title: { display: true, text: s.chartAxis } } },
      },
    },
    table: {
      caption: s.asClusters(what),
      headers: [s.scale, s.estimateHead, s.reading],
      rows: rows.map((m) => [
        labelWithDirection(m, labels),
        estimateText(pick(m), 'scale', labels, true),
        verdictText(verdict(pick(m), m), labels),
      ]),
    },
  });
}
