import { chartCard } from '../dashboard/card.js';
import type { Comparison, Measure } from './types.js';
import { estimateText, labelWithDirection, verdict, verdictColour, verdictText } from './words.js';

// The clustered estimate per scale with its 95% CI. Each point is coloured by what it means for
// that scale (which arm it favours, given whether higher is better), not by its sign.
export function clusteredChart(c: Comparison): HTMLElement | null {
  const twoWaves = c.baseline !== null;
  const pick = (m: Measure) => (twoWaves ? m.clustered.differenceInDifferences : m.clustered.difference);
  const rows = c.scales.filter((m) => pick(m));
  if (rows.length === 0) return null;
  const colours = rows.map((m) => verdictColour[verdict(pick(m), m)]);
  const what = twoWaves
    ? `Change from ${c.baseline!.name} to ${c.wave.name} in the pilot arm minus the change in the comparison arm`
    : `Pilot arm minus comparison arm in ${c.wave.name}`;
  return chartCard({
    id: 'clustered',
    source: { council: 'councils in both arms', waves: twoWaves ? [c.baseline!.name, c.wave.name] : [c.wave.name] },
    title: twoWaves ? 'Difference-in-differences, councils as clusters' : 'Arm difference, councils as clusters',
    description: `${what}, per scale, in points on the scale's own range, with 95% confidence intervals that allow for councils (CR2, Satterthwaite df). Blue: favours the pilot arm; orange: favours the comparison arm; grey: the interval includes 0. Whether above 0 is good depends on the scale: ↑ marks scales where higher is better, ↓ where lower is better.`,
    config: {
      type: 'line',
      data: {
        labels: rows.map(labelWithDirection),
        datasets: [
          {
            label: 'Estimate (95% CI)',
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
        scales: { y: { title: { display: true, text: 'Pilot minus comparison (points)' } } },
      },
    },
    table: {
      caption: `${what}, councils as clusters`,
      headers: ['Scale', 'Estimate (95% CI; df)', 'Reading'],
      rows: rows.map((m) => [
        labelWithDirection(m),
        estimateText(pick(m), 'scale', true),
        verdictText(verdict(pick(m), m)),
      ]),
    },
  });
}
