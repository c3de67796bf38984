import { el } from '../dom.js';
import { chartCard, type ChartSource } from './card.js';
import { ci, fmt } from './format.js';

type Estimate = { estimate: number; se: number; ci95: [number, number] };
type DriverRow = {
  id: string;
  label: string;
  correlation: { r: number; ci95: [number, number] | null } | null;
  model: Estimate | null;
};
export type DriverOutcome =
  | {
      shown: true;
      id: string;
      label: string;
      kind: 'scale' | 'flag';
      n: number;
      modelUnavailable: string | null;
      drivers: DriverRow[];
    }
  | { shown: false; id: string; label: string; kind: 'scale' | 'flag'; explanation: string };

const CAVEAT =
  'This is association, not cause: it shows what tends to go together in the answers, not what would change if something changed.';
const UNAVAILABLE: Record<string, string> = {
  'too-few': 'there are too few answers for a model with this many drivers',
  'no-variation': 'a driver or the outcome is the same for everyone',
  collinear: 'some drivers move so closely together that their separate parts cannot be told apart',
  separation: 'some drivers predict the answer perfectly in this group, so the model has no finite estimates',
};

const heading = (o: DriverOutcome, where: string) =>
  o.id === 'intends_to_leave_12m'
    ? `What goes with intending to leave ${where}`
    : `What goes with ${o.label.toLowerCase()} ${where}`;

// One outcome's drivers ranked by the size of their correlation, with 95% CIs, and the
// multivariable model beside it in the table; an outcome not shown is a plain explanation.
export function driversCard(
  o: DriverOutcome,
  opts: { id: string; where: string; group: string; source: ChartSource },
): HTMLElement {
  const title = heading(o, opts.where);
  if (!o.shown)
    return el(
      'section',
      { class: 'card', id: opts.id, 'aria-labelledby': `${opts.id}-h` },
      el('h2', { id: `${opts.id}-h` }, title),
      el('p', { class: 'empty' }, o.explanation),
    );
  const rows = o.drivers.filter((d) => d.correlation);
  const modelHead =
    o.kind === 'flag' ? 'Odds ratio per SD, others held equal (95% CI)' : 'Standardised β, others held equal (95% CI)';
  const model = (m: Estimate | null) =>
    !m
      ? '–'
      : o.kind === 'flag'
        ? `${fmt(Math.exp(m.estimate))} (${ci(m.ci95, (x) => fmt(Math.exp(x)))})`
        : `${fmt(m.estimate)} (${ci(m.ci95, (x) => fmt(x))})`;
  return chartCard({
    id: opts.id,
    source: opts.source,
    title,
    description: `How strongly each candidate driver goes with "${o.label}" in ${opts.group} (correlation, −1 to 1, with its 95% confidence interval), strongest first, among the ${o.n} people who answered it and every driver. ${CAVEAT}`,
    notes: o.modelUnavailable
      ? [`No multivariable model: ${UNAVAILABLE[o.modelUnavailable] ?? o.modelUnavailable}.`]
      : [],
    config: {
      type: 'bar',
      data: {
        labels: rows.map((d) => d.label),
        datasets: [
          {
            label: 'Correlation (r)',
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
        scales: { x: { min: -1, max: 1, title: { display: true, text: 'Correlation with the outcome (r)' } } },
      },
    },
    table: {
      caption: `${title}: correlation and model, strongest first (n ${o.n})`,
      headers: ['Driver', 'Correlation r (95% CI)', modelHead],
      rows: o.drivers.map((d) => [
        d.label,
        d.correlation ? `${fmt(d.correlation.r)} (${ci(d.correlation.ci95, (x) => fmt(x))})` : '–',
        model(d.model),
      ]),
    },
  });
}
