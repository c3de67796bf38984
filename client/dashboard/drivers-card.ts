import { el } from '../dom.js';
import { chartCard, type ChartSource } from './card.js';
import type { Labeller } from '../words/lang.js';
import { driverWords, type DriverWords } from './driver-words.js';
import { ci, fmt } from './format.js';

type Estimate = { estimate: number; se: number; ci95: [number, number] };
type DriverRow = {
  id: string;
  label: string;
  labelCy?: string;
  correlation: { r: number; ci95: [number, number] | null } | null;
  model: Estimate | null;
};
export type DriverOutcome =
  | {
      shown: true;
      id: string;
      label: string;
      labelCy?: string;
      kind: 'scale' | 'flag';
      n: number;
      modelUnavailable: string | null;
      drivers: DriverRow[];
    }
  | {
      shown: false;
      id: string;
      label: string;
      labelCy?: string;
      kind: 'scale' | 'flag';
      reason: string;
      explanation: string;
    };

const heading = (o: DriverOutcome, where: string, w: DriverWords, labels: Labeller) =>
  o.id === 'intends_to_leave_12m' ? w.leaving(where) : w.goesWith(labels.label(o), where);

export type DriversCardOptions = {
  id: string;
  where: string;
  group: string;
  labels: Labeller;
  driverMin: number;
  source: ChartSource;
};

// One outcome's drivers ranked by the size of their correlation, with 95% CIs, and the
// multivariable model beside it in the table; an outcome not shown is a plain explanation.
export function driversCard(o: DriverOutcome, opts: DriversCardOptions): HTMLElement {
  const { labels } = opts;
  const w = driverWords(labels.lang);
  const title = heading(o, opts.where, w, labels);
  if (!o.shown)
    return el(
      'section',
      { class: 'card', id: opts.id, 'aria-labelledby': `${opts.id}-h` },
      el('h2', { id: `${opts.id}-h` }, title),
      el('p', { class: 'empty' }, w.refusal?.(o.reason, opts.driverMin) ?? o.explanation),
    );
  const rows = o.drivers.filter((d) => d.correlation);
  const range = (c: [number, number], f: (x: number) => string) => ci(c, f, labels.lang === 'cy' ? 'i' : 'to');
  const model = (m: Estimate | null) =>
    !m
      ? '–'
      : o.kind === 'flag'
        ? `${fmt(Math.exp(m.estimate))} (${range(m.ci95, (x) => fmt(Math.exp(x)))})`
        : `${fmt(m.estimate)} (${range(m.ci95, (x) => fmt(x))})`;
  return chartCard({
    id: opts.id,
    source: opts.source,
    title,
    description: `${w.description(labels.label(o), opts.group, o.n)} ${w.caveat}`,
    notes: o.modelUnavailable ? [w.noModel(w.unavailable[o.modelUnavailable] ?? o.modelUnavailable)] : [],
    config: {
      type: 'bar',
      data: {
        labels: rows.map((d) => labels.label(d)),
        datasets: [
          {
            label: w.legend,
            data: rows.map((d) => d.correlation!.r),
            errorBars: rows.map((d) => d.correlation!.ci95),
            backgroundColor: rows.map((d) => (d.correlation!.r < 0 ? '#b3541e' : '#1d70b8')),
            borderColor: '#0b0c0c',
          } as never,
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { x: { min: -1, max: 1, title: { display: true, text: w.axis } } },
      },
    },
    table: {
      caption: w.caption(title, o.n),
      headers: [w.driver, w.correlation, o.kind === 'flag' ? w.oddsHead : w.betaHead],
      rows: o.drivers.map((d) => [
        labels.label(d),
        d.correlation?.ci95
          ? `${fmt(d.correlation.r)} (${range(d.correlation.ci95, (x) => fmt(x))})`
          : d.correlation
            ? fmt(d.correlation.r)
            : '–',
        model(d.model),
      ]),
    },
  });
}
