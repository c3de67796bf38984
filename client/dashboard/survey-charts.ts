import { series } from '../charts/setup.js';
import { chartCard } from './card.js';
import { ci, fmt, pct, suppressedText } from './format.js';
import type { Overview, WaveOverview } from './types.js';

// Why a wave shows no figure: still open (results come at close) or too few responses.
const why = (w: WaveOverview, min: number, result?: { comparable?: false }) =>
  result?.comparable === false
    ? 'measured differently in this wave, so not compared'
    : w.status !== 'closed'
      ? 'results when the wave closes'
      : suppressedText(min);

// Scales over waves with 95% CI whiskers; a suppressed wave leaves a gap, never a zero.
export function scalesCard(o: Overview, id: string, title: string, ids: string[]): HTMLElement {
  const labels = o.waves.map((w) => w.wave.name);
  const find = (w: Overview['waves'][number], sid: string) => w.scales?.find((s) => s.id === sid);
  const first = o.waves.flatMap((w) => w.scales ?? []).find((s) => ids.includes(s.id));
  const range = first?.range ?? [0, 10];
  const datasets = ids.map((sid, i) => ({
    label: o.waves.flatMap((w) => w.scales ?? []).find((s) => s.id === sid)?.label ?? sid,
    data: o.waves.map((w) => {
      const s = find(w, sid);
      return s && !s.suppressed ? s.mean! : null;
    }),
    errorBars: o.waves.map((w) => {
      const s = find(w, sid);
      return s && !s.suppressed ? s.ci95! : null;
    }),
    ...series(i),
  }));
  const notes = o.waves
    .filter((w) => !w.scales)
    .map((w) => `${w.wave.name}: ${why(w, o.minGroupSize)}, so nothing is shown.`);
  return chartCard({
    id,
    title,
    source: { council: o.council.name, waves: labels },
    description: `Mean score in each wave with its 95% confidence interval (scale ${range[0]} to ${range[1]}).`,
    notes,
    config: {
      type: 'line',
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { min: range[0], max: range[1], title: { display: true, text: 'Mean score' } } },
      },
    },
    table: {
      caption: `${title}: mean (95% CI) by wave`,
      headers: ['Measure', ...labels],
      rows: datasets.map((d, i) => [
        d.label,
        ...o.waves.map((w) => {
          const s = find(w, ids[i]!);
          return !s || s.suppressed
            ? why(w, o.minGroupSize, s)
            : `${fmt(s.mean)} (${ci(s.ci95, (x) => fmt(x))}), n ${s.n}`;
        }),
      ]),
    },
  });
}

export function proportionsCard(o: Overview, id: string, title: string, ids: string[]): HTMLElement {
  const labels = o.waves.map((w) => w.wave.name);
  const find = (w: Overview['waves'][number], pid: string) => w.proportions?.find((p) => p.id === pid);
  const datasets = ids.map((pid, i) => ({
    label: o.waves.flatMap((w) => w.proportions ?? []).find((p) => p.id === pid)?.label ?? pid,
    data: o.waves.map((w) => {
      const p = find(w, pid);
      return p && !p.suppressed ? p.p! * 100 : null;
    }),
    errorBars: o.waves.map((w) => {
      const p = find(w, pid);
      return p && !p.suppressed ? ([p.ci95![0] * 100, p.ci95![1] * 100] as [number, number]) : null;
    }),
    ...series(i),
  }));
  return chartCard({
    id,
    title,
    source: { council: o.council.name, waves: labels },
    description: 'Percentage of respondents in each wave with its 95% confidence interval.',
    notes: o.waves
      .filter((w) => !w.proportions)
      .map((w) => `${w.wave.name}: ${why(w, o.minGroupSize)}, so nothing is shown.`),
    config: {
      type: 'line',
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: '% of respondents' } } },
      },
    },
    table: {
      caption: `${title}: percentage (95% CI) by wave`,
      headers: ['Measure', ...labels],
      rows: datasets.map((d, i) => [
        d.label,
        ...o.waves.map((w) => {
          const p = find(w, ids[i]!);
          return !p || p.suppressed
            ? why(w, o.minGroupSize, p)
            : `${pct(p.p, 1)} (${ci(p.ci95, (x) => pct(x, 1))}), n ${p.n}`;
        }),
      ]),
    },
  });
}
