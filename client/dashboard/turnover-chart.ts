import { series } from '../charts/setup.js';
import { el } from '../dom.js';
import { chartCard } from './card.js';
import { ci, fmt, pct } from './format.js';
import type { Overview, WaveOverview, Workforce, WorkforceYear } from './types.js';
import type { DashboardWords } from './words.js';

// DfE figures are for the year to 30 September: a wave opening on 2025-10-06 falls in the year
// to 30 September 2026, one opening on 2025-09-01 in the year to 30 September 2025.
export function dfeYearOf(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month <= 9 ? year : year + 1;
}

type Source = { type?: string; file?: string; enteredBy?: string };
const sourceText = (s: unknown, words: DashboardWords) => {
  const src = (s ?? {}) as Source;
  if (src.type === 'dfe') return `${words.dfeRelease}${src.file ? ` (${src.file})` : ''}`;
  if (src.type === 'local entry') return words.localEntry;
  return '–';
};

function surveyText(w: WaveOverview, min: number, words: DashboardWords): string {
  if (w.status !== 'closed') return words.publishedAtClose;
  if (w.responses.suppressed) return words.fewer(min);
  const p = w.proportions?.find((x) => x.id === 'turnover_problem_authority');
  if (!p || p.suppressed || p.p === undefined) return words.fewer(min);
  return `${pct(p.p, 1)} (${words.ci95} ${ci(p.ci95, (x) => pct(x, 1), words.to)}), ${words.answered(p.n!)}`;
}

// DfE's own symbols (c, x, z, low, u) are shown as published; their meaning comes from the API in English.
function dfeText(year: WorkforceYear | undefined, dfeYear: number, words: DashboardWords): string {
  const m = year?.council?.turnoverRateFte;
  if (m?.value === undefined) return m?.symbol ? `${m.symbol} (${m.meaning ?? words.notPublished})` : words.noDfe;
  return `${fmt(m.value, 1)}% (${words.dfeYear(dfeYear, sourceText(m.source, words))})`;
}

// Two panels, never one shared axis: what staff say (survey %, with 95% CIs) beside the council's
// DfE turnover rate for the year each wave falls in. They measure different things.
export function turnoverCard(o: Overview, w: Workforce, words: DashboardWords): HTMLElement {
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
    title: words.perceivedTitle,
    description: words.perceivedDescription,
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: words.perceivedLegend,
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
        scales: { y: { min: 0, max: 100, title: { display: true, text: words.perceivedAxis } } },
      },
    },
    table: {
      caption: words.perceivedCaption,
      headers: [words.wave, words.sayYes],
      rows: waves.map((v) => [v.x.wave.name, surveyText(v.x, o.minGroupSize, words)]),
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
    title: words.actualTitle,
    description: words.actualDescription,
    config: {
      type: 'bar',
      data: {
        labels: waves.map((v) => words.yearToSep(v.x.wave.name, v.dfeYear)),
        datasets: [
          {
            label: words.actualLegend,
            data: waves.map((v) => v.year?.council?.turnoverRateFte?.value ?? null),
            ...series(1),
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: words.actualAxis } } },
      },
    },
    table: {
      caption: words.actualCaption,
      headers: [words.wave, words.actualHeader],
      rows: waves.map((v) => [v.x.wave.name, dfeText(v.year, v.dfeYear, words)]),
    },
  });
  return el(
    'section',
    { class: 'card-pair', id: 'perceived-actual', 'aria-label': words.perceivedActual },
    survey,
    dfe,
  );
}
