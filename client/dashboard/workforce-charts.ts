import { series } from '../charts/setup.js';
import { chartCard } from './card.js';
import { fmt, pct, suppressedText } from './format.js';
import type { Overview, Workforce } from './types.js';

const measureNames: Record<string, string> = {
  turnoverRateFte: 'Turnover rate (%)',
  vacancyRateFte: 'Vacancy rate (%)',
  agencyRateFte: 'Agency worker rate (%)',
  caseloadFte: 'Average caseload',
};

const symbolText = (m: { symbol?: string; meaning?: string } | null | undefined) =>
  m?.symbol ? `${m.symbol} (${m.meaning ?? 'not published'})` : '–';

// The council's DfE figure by year beside its statistical neighbours' median, both study arms'
// means and England. DfE symbols (c, x, z, low, u) leave a gap and are spelled out in the table.
export function workforceCard(w: Workforce, measure: string): HTMLElement {
  const years = w.years.map((y) => String(y.year));
  const lines: [
    string,
    (y: Workforce['years'][number]) => number | null | undefined,
    (y: Workforce['years'][number]) => string,
  ][] = [
    [
      w.council.name,
      (y) => y.council?.[measure]?.value,
      (y) =>
        y.council?.[measure]?.value !== undefined
          ? fmt(y.council[measure]!.value, 1)
          : symbolText(y.council?.[measure]),
    ],
    [
      'Statistical neighbours (median)',
      (y) => y.neighbourMedian?.[measure]?.value,
      (y) => fmt(y.neighbourMedian?.[measure]?.value, 1),
    ],
    [
      `${w.council.arm === 'comparison' ? 'Comparison' : 'Pilot'} arm (mean)`,
      (y) => y.armMean?.[measure]?.value,
      (y) => fmt(y.armMean?.[measure]?.value, 1),
    ],
    [
      `${w.council.arm === 'comparison' ? 'Pilot' : 'Comparison'} arm (mean)`,
      (y) => y.otherArmMean?.[measure]?.value,
      (y) => fmt(y.otherArmMean?.[measure]?.value, 1),
    ],
    [
      'England',
      (y) => y.england?.[measure]?.value,
      (y) =>
        y.england?.[measure]?.value !== undefined
          ? fmt(y.england[measure]!.value, 1)
          : symbolText(y.england?.[measure]),
    ],
  ];
  const datasets = lines.map(([label, get], i) => ({ label, data: w.years.map((y) => get(y) ?? null), ...series(i) }));
  const title = measureNames[measure] ?? measure;
  return chartCard({
    id: `workforce-${measure}`,
    source: { council: w.council.name, waves: years, survey: false, dfe: true },
    title: `${title}: DfE workforce statistics`,
    description: `${title} for the year to 30 September, from the DfE children's social work workforce release.`,
    config: {
      type: 'line',
      data: { labels: years, datasets },
      options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
    },
    table: {
      caption: `${title} by year`,
      headers: ['Series', ...years],
      rows: lines.map(([label, , text]) => [label, ...w.years.map(text)]),
    },
  });
}

export function progressCard(o: Overview): HTMLElement | null {
  const open = o.waves.filter((w) => w.status === 'open');
  if (open.length === 0) return null;
  const w = open[open.length - 1]!;
  const points = w.responses.progress ?? [];
  const headcount = w.responses.headcount;
  return chartCard({
    id: 'progress',
    source: { council: o.council.name, waves: [w.wave.name] },
    title: `Responses so far: ${w.wave.name}`,
    description: `Cumulative responses by day${headcount ? ` against ${headcount} staff in scope` : ''}; closes ${w.wave.closesOn}. Figures appear in steps of at least ${o.minGroupSize}.`,
    notes: w.responses.suppressed ? [`So far ${suppressedText(o.minGroupSize)}.`] : [],
    config: {
      type: 'line',
      data: {
        labels: points.map((p) => p.day),
        datasets: [{ label: 'Responses', data: points.map((p) => p.cumulative), ...series(0), fill: false }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ...(headcount ? { suggestedMax: headcount } : {}) } },
      },
    },
    table: {
      caption: 'Cumulative responses by day',
      headers: ['Day', 'Responses', 'Response rate'],
      rows: points.map((p) => [p.day, p.cumulative, headcount ? pct(p.cumulative / headcount) : '–']),
    },
  });
}
