import { series } from '../charts/setup.js';
import type { Labeller } from '../words/lang.js';
import { chartCard } from './card.js';
import { ci, fmt, pct } from './format.js';
import type { Overview, WaveOverview } from './types.js';
import { dashboardWords, type DashboardWords } from './words.js';

// Why a wave shows no figure: still open (results come at close) or too few responses.
const why = (w: WaveOverview, min: number, words: DashboardWords, result?: { comparable?: false }) =>
  result?.comparable === false ? words.notCompared : w.status !== 'closed' ? words.atClose : words.fewer(min);

type Result = { id: string; label: string; labelCy?: string; suppressed: boolean; n?: number; ci95?: [number, number] };

// One line per measure over the waves, with its name in the page's language from the wave that has it.
function datasetsOf<R extends Result>(
  o: Overview,
  ids: string[],
  pick: (w: WaveOverview) => R[] | null,
  value: (r: R) => number,
  labels: Labeller,
  scale = 1,
) {
  const find = (w: WaveOverview, id: string) => pick(w)?.find((r) => r.id === id);
  return ids.map((id, i) => {
    const named = o.waves.flatMap((w) => pick(w) ?? []).find((r) => r.id === id);
    return {
      label: named ? labels.label(named) : id,
      data: o.waves.map((w) => {
        const r = find(w, id);
        return r && !r.suppressed ? value(r) * scale : null;
      }),
      errorBars: o.waves.map((w) => {
        const r = find(w, id);
        return r && !r.suppressed ? ([r.ci95![0] * scale, r.ci95![1] * scale] as [number, number]) : null;
      }),
      cell: (w: WaveOverview) => find(w, id),
      ...series(i),
    };
  });
}

// Scales over waves with 95% CI whiskers; a suppressed wave leaves a gap, never a zero.
export function scalesCard(o: Overview, id: string, title: string, ids: string[], labels: Labeller): HTMLElement {
  const words = dashboardWords(labels.lang);
  const waveNames = o.waves.map((w) => w.wave.name);
  const first = o.waves.flatMap((w) => w.scales ?? []).find((s) => ids.includes(s.id));
  const range = first?.range ?? [0, 10];
  const lines = datasetsOf(
    o,
    ids,
    (w) => w.scales,
    (s) => s.mean!,
    labels,
  );
  return chartCard({
    id,
    title,
    source: { council: o.council.name, waves: waveNames },
    description: words.meanDescription(range[0], range[1]),
    notes: o.waves.filter((w) => !w.scales).map((w) => words.nothingShown(w.wave.name, why(w, o.minGroupSize, words))),
    config: {
      type: 'line',
      data: { labels: waveNames, datasets: lines.map(({ cell: _cell, ...d }) => d) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { min: range[0], max: range[1], title: { display: true, text: words.meanAxis } } },
      },
    },
    table: {
      caption: words.meanCaption(title),
      headers: [words.measure, ...waveNames],
      rows: lines.map((d) => [
        d.label,
        ...o.waves.map((w) => {
          const s = d.cell(w);
          return !s || s.suppressed
            ? why(w, o.minGroupSize, words, s)
            : `${fmt(s.mean)} (${ci(s.ci95, (x) => fmt(x), words.to)}), n ${s.n}`;
        }),
      ]),
    },
  });
}

export function proportionsCard(o: Overview, id: string, title: string, ids: string[], labels: Labeller): HTMLElement {
  const words = dashboardWords(labels.lang);
  const waveNames = o.waves.map((w) => w.wave.name);
  const lines = datasetsOf(
    o,
    ids,
    (w) => w.proportions,
    (p) => p.p!,
    labels,
    100,
  );
  return chartCard({
    id,
    title,
    source: { council: o.council.name, waves: waveNames },
    description: words.percentDescription,
    notes: o.waves
      .filter((w) => !w.proportions)
      .map((w) => words.nothingShown(w.wave.name, why(w, o.minGroupSize, words))),
    config: {
      type: 'line',
      data: { labels: waveNames, datasets: lines.map(({ cell: _cell, ...d }) => d) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: words.percentAxis } } },
      },
    },
    table: {
      caption: words.percentCaption(title),
      headers: [words.measure, ...waveNames],
      rows: lines.map((d) => [
        d.label,
        ...o.waves.map((w) => {
          const p = d.cell(w);
          return !p || p.suppressed
            ? why(w, o.minGroupSize, words, p)
            : `${pct(p.p, 1)} (${ci(p.ci95, (x) => pct(x, 1), words.to)}), n ${p.n}`;
        }),
      ]),
    },
  });
}
