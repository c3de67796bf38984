import { series } from '../charts/setup.js';
import { chartCard } from './card.js';
import { fmt, pct } from './format.js';
import type { Overview, Workforce } from './types.js';
import type { DashboardWords } from './words.js';

// The council's DfE figure by year beside its statistical neighbours' median, both study arms'
// means and England. DfE symbols (c, x, z, low, u) leave a gap and are spelled out in the table.
export function workforceCard(w: Workforce, measure: string, words: DashboardWords): HTMLElement {
  const symbolText = (m: { symbol?: string; meaning?: string } | null | undefined) =>
    m?.symbol ? `${m.symbol} (${m.meaning ?? words.notPublished})` : '–';
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
    [words.neighbours, (y) => y.neighbourMedian?.[measure]?.value, (y) => fmt(y.neighbourMedian?.[measure]?.value, 1)],
    [
      words.armMean(w.council.arm !== 'comparison'),
      (y) => y.armMean?.[measure]?.value,
      (y) => fmt(y.armMean?.[measure]?.value, 1),
    ],
    [
      words.armMean(w.council.arm === 'comparison'),
      (y) => y.otherArmMean?.[measure]?.value,
      (y) => fmt(y.otherArmMean?.[measure]?.value, 1),
    ],
    [
      words.england,
      (y) => y.england?.[measure]?.value,
      (y) =>
        y.england?.[measure]?.value !== undefined
          ? fmt(y.england[measure]!.value, 1)
          : symbolText(y.england?.[measure]),
    ],
  ];
  const datasets = lines.map(([label, get], i) => ({ label, data: w.years.map((y) => get(y) ?? null), ...series(i) }));
  const title = words.workforceMeasures[measure] ?? measure;
  return chartCard({
    id: `workforce-${measure}`,
    source: { council: w.council.name, waves: w.years.map((y) => String(y.year)), survey: false, dfe: true },
    title: words.workforceTitle(title),
    description: words.workforceDescription(title),
    config: {
      type: 'line',
      data: { labels: years, datasets },
      options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
    },
    table: {
      caption: words.byYear(title),
      headers: [words.series, ...years],
      rows: lines.map(([label, , text]) => [label, ...w.years.map(text)]),
    },
  });
}

export function progressCard(o: Overview, words: DashboardWords): HTMLElement | null {
  const open = o.waves.filter((w) => w.status === 'open');
  if (open.length === 0) return null;
  const w = open[open.length - 1]!;
  const points = w.responses.progress ?? [];
  const headcount = w.responses.headcount;
  return chartCard({
    id: 'progress',
    source: { council: o.council.name, waves: [w.wave.name] },
    title: words.progressTitle(w.wave.name),
    description: words.progressDescription(headcount, w.wave.closesOn, o.minGroupSize),
    notes: w.responses.suppressed ? [words.soFar(words.fewer(o.minGroupSize))] : [],
    config: {
      type: 'line',
      data: {
        labels: points.map((p) => p.day),
        datasets: [{ label: words.responses, data: points.map((p) => p.cumulative), ...series(0), fill: false }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ...(headcount ? { suggestedMax: headcount } : {}) } },
      },
    },
    table: {
      caption: words.progressCaption,
      headers: [words.day, words.responses, words.rate],
      rows: points.map((p) => [p.day, p.cumulative, headcount ? pct(p.cumulative / headcount) : '–']),
    },
  });
}
