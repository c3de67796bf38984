import { series } from '../charts/setup.js';
import { el } from '../dom.js';
import { chartCard } from './card.js';
import { ci, fmt, pct, suppressedText } from './format.js';
import type { Overview, WaveOverview, Workforce, WorkforceYear } from './types.js';

// DfE figures are for the year to 30 September: a wave opening on 2025-10-06 falls in the year
// to 30 September 2026, one opening on 2025-09-01 in the year to 30 September 2025.
export function dfeYearOf(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month <= 9 ? year : year + 1;
}

type Source = { type?: string; file?: string; enteredBy?: string };
const sourceText = (s: unknown) => {
  const src = (s ?? {}) as Source;
  if (src.type === 'dfe') return `DfE children's social work workforce release${src.file ? ` (${src.file})` : ''}`;
  if (src.type === 'local entry') return "the council's own entry";
  return '–';
};

function surveyText(w: WaveOverview, min: number): string {
  if (w.status !== 'closed') return 'published when the wave closes';
  if (w.responses.suppressed) return suppressedText(min);
  const p = w.proportions?.find((x) => x.id === 'turnover_problem_authority');
  if (!p || p.suppressed || p.p === undefined) return p?.note ?? suppressedText(min);
  return `${pct(p.p, 1)} (95% CI ${ci(p.ci95, (x) => pct(x, 1))}), ${p.n} answered`;
}

function dfeText(year: WorkforceYear | undefined, dfeYear: number): string {
  const m = year?.council?.turnoverRateFte;
  if (m?.value === undefined) return m?.symbol ? `${m.symbol} (${m.meaning ?? 'not published'})` : 'no DfE figure yet';
  return `${fmt(m.value, 1)}% (year to 30 September ${dfeYear}; source: ${sourceText(m.source)})`;
}

// Two panels, never one shared axis: what staff say (survey %, with 95% CIs) beside the council's
// DfE turnover rate for the year each wave falls in. They measure different things.
export function turnoverCard(o: Overview, w: Workforce): HTMLElement {
  const waves = o.waves.map((x) => {
    const p = x.status === 'closed' ? x.proportions?.find((q) => q.id === 'turnover_problem_authority') : undefined;
    const shown = p && !p.suppressed && p.p !== undefined ? p : null;
    const dfeYear = dfeYearOf(x.wave.opensOn);
    return { x, shown, dfeYear, year: w.years.find((y) => y.year === dfeYear) };
  });
  const labels = waves.map((v) => v.x.wave.name);
  const survey = chartCard({
    id: 'perceived-turnover',
    source: { council: o.council.name, waves: labels },
    title: 'Staff who say turnover is a problem in the authority',
    description:
      'Survey of staff, per closed wave: the percentage answering yes, with its 95% confidence interval. Open waves are published when they close.',
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: 'Say turnover is a problem in the authority (%)',
            data: waves.map((v) => (v.shown ? v.shown.p! * 100 : null)),
            errorBars: waves.map((v) => (v.shown?.ci95 ? [v.shown.ci95[0] * 100, v.shown.ci95[1] * 100] : null)),
            ...series(5),
            borderColor: '#1d2330',
          } as never,
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: 'Staff saying yes (%), survey' } } },
      },
    },
    table: {
      caption: 'Survey: say turnover is a problem in the authority',
      headers: ['Wave', 'Say yes (95% CI)'],
      rows: waves.map((v) => [v.x.wave.name, surveyText(v.x, o.minGroupSize)]),
    },
  });
  const dfe = chartCard({
    id: 'actual-turnover',
    source: {
      council: o.council.name,
      waves: [...new Set(waves.map((v) => `year to September ${v.dfeYear}`))],
      survey: false,
      dfe: true,
    },
    title: "The council's turnover rate (DfE)",
    description:
      "DfE children's social work workforce statistics: leavers as a percentage of social workers (FTE), for the year to 30 September each wave falls in. A wave whose year is not yet published has no bar.",
    config: {
      type: 'bar',
      data: {
        labels: waves.map((v) => `${v.x.wave.name} (year to Sep ${v.dfeYear})`),
        datasets: [
          {
            label: 'DfE turnover rate (%)',
            data: waves.map((v) => v.year?.council?.turnoverRateFte?.value ?? null),
            ...series(1),
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: 'Turnover rate (%), DfE' } } },
      },
    },
    table: {
      caption: 'DfE turnover rate for the year each wave falls in',
      headers: ['Wave', 'DfE turnover rate'],
      rows: waves.map((v) => [v.x.wave.name, dfeText(v.year, v.dfeYear)]),
    },
  });
  return el(
    'section',
    { class: 'card-pair', id: 'perceived-actual', 'aria-label': 'Perceived and actual turnover' },
    survey,
    dfe,
  );
}
