import { ApiError, getComparisons, getWaves, type WaveSummary } from '../api.js';
import { series } from '../charts/setup.js';
import { chartCard } from '../dashboard/card.js';
import { ci, fmt, pct } from '../dashboard/format.js';
import { el, show } from '../dom.js';
import { startStaffPage } from '../staff.js';

type Cell = { suppressed: boolean; n?: number; mean?: number; p?: number; ci95?: [number, number] };
type Est = { estimate: number; ci95: [number, number] } | null;
type Row = {
  id: string;
  label: string;
  wave: { pilot: Cell; comparison: Cell; difference: Est };
  change?: { pilot: Est; comparison: Est } | null;
  differenceInDifferences: Est;
};
type Comparison = {
  wave: { name: string };
  baseline: { name: string } | null;
  minGroupSize: number;
  scales: Row[];
  proportions: Row[];
  arms: { wave: Record<'pilot' | 'comparison', { included: string[]; excludedBelowMinimum: string[] }> };
  councils: {
    wave: {
      code: string;
      name: string;
      arm: string;
      suppressed: boolean;
      n?: number;
      scales?: ({ id: string } & Cell)[];
    }[];
  };
};

const main = document.getElementById('main')!;
const cell = (c: Cell, f: (x: number) => string, v?: number) =>
  c.suppressed ? `fewer than the minimum` : `${f(v!)} (${ci(c.ci95, f)}), n ${c.n}`;
const est = (e: Est, f: (x: number) => string) =>
  e ? `${f(e.estimate)} (${ci(e.ci95, f)})${e.ci95[0] > 0 || e.ci95[1] < 0 ? ' *' : ''}` : '–';
const pp = (x: number) => `${(x * 100).toFixed(1)} pts`;

function table(caption: string, headers: string[], rows: string[][]): HTMLElement {
  return el(
    'div',
    { class: 'table-scroll' },
    el(
      'table',
      {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
      el(
        'tbody',
        {},
        ...rows.map((r) => el('tr', {}, ...r.map((c, i) => el(i ? 'td' : 'th', i ? {} : { scope: 'row' }, c)))),
      ),
    ),
  );
}

function didChart(c: Comparison): HTMLElement | null {
  const rows = c.scales.filter((s) => s.differenceInDifferences);
  if (!c.baseline || rows.length === 0) return null;
  return chartCard({
    id: 'did',
    title: `Difference-in-differences, ${c.baseline.name} to ${c.wave.name}`,
    description:
      'Change in the pilot arm minus change in the comparison arm, per scale, with 95% confidence intervals. Above 0 favours the pilot arm.',
    config: {
      type: 'line',
      data: {
        labels: rows.map((r) => r.label),
        datasets: [
          {
            label: 'Difference-in-differences',
            data: rows.map((r) => r.differenceInDifferences!.estimate),
            errorBars: rows.map((r) => r.differenceInDifferences!.ci95),
            ...series(0),
            showLine: false,
          } as never,
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: 'x',
        scales: { y: { title: { display: true, text: 'Points on the scale' } } },
      },
    },
    table: {
      caption: 'Difference-in-differences by scale',
      headers: ['Scale', 'Estimate (95% CI)'],
      rows: rows.map((r) => [r.label, est(r.differenceInDifferences, fmt)]),
    },
  });
}

async function render(wave: string, baseline: string | undefined, waves: WaveSummary[]) {
  const c = await getComparisons<Comparison>(wave, baseline);
  const scaleRows = c.scales.map((s) => [
    s.label,
    cell(s.wave.pilot, fmt, s.wave.pilot.mean),
    cell(s.wave.comparison, fmt, s.wave.comparison.mean),
    est(s.wave.difference, fmt),
    est(s.change?.pilot ?? null, fmt),
    est(s.change?.comparison ?? null, fmt),
    est(s.differenceInDifferences, fmt),
  ]);
  const propRows = c.proportions.map((p) => [
    p.label,
    cell(p.wave.pilot, (x) => pct(x, 1), p.wave.pilot.p),
    cell(p.wave.comparison, (x) => pct(x, 1), p.wave.comparison.p),
    est(p.wave.difference, pp),
    est(p.differenceInDifferences, pp),
  ]);
  const scaleIds = ['js_overall', 'js_facets', 'ons_life_satisfaction', 'ons_anxiety', 'recommend_employer'];
  const councilRows = c.councils.wave.map((k) => [
    k.name,
    k.arm,
    k.suppressed ? 'fewer than the minimum' : String(k.n),
    ...scaleIds.map((id) => {
      const s = k.scales?.find((x) => x.id === id);
      return !s || s.suppressed ? '–' : fmt(s.mean);
    }),
  ]);
  const excluded = [...c.arms.wave.pilot.excludedBelowMinimum, ...c.arms.wave.comparison.excludedBelowMinimum];
  show(
    main,
    el('h1', {}, 'Research: arms and councils'),
    controls(waves, wave, baseline),
    el(
      'p',
      { class: 'muted' },
      `Arms include only councils with at least ${c.minGroupSize} responses in the wave${excluded.length ? `; left out this wave: ${excluded.join(', ')}` : ''}. * marks a 95% CI that excludes 0.`,
    ),
    didChart(c) ?? el('span'),
    el(
      'section',
      { class: 'card' },
      el('h2', {}, 'Scales: pilot arm against comparison arm'),
      table(
        `Means (95% CI) in ${c.wave.name}${c.baseline ? `, change since ${c.baseline.name}` : ''}`,
        [
          'Scale',
          'Pilot arm',
          'Comparison arm',
          'Difference',
          'Change, pilot',
          'Change, comparison',
          'Difference-in-differences',
        ],
        scaleRows,
      ),
    ),
    el(
      'section',
      { class: 'card' },
      el('h2', {}, 'Proportions'),
      table(
        `Percentages (95% CI) in ${c.wave.name}`,
        ['Measure', 'Pilot arm', 'Comparison arm', 'Difference', 'Difference-in-differences'],
        propRows,
      ),
    ),
    el(
      'section',
      { class: 'card' },
      el('h2', {}, 'Councils'),
      table(`Council means in ${c.wave.name}`, ['Council', 'Arm', 'Responses', ...scaleIds], councilRows),
    ),
    el(
      'section',
      { class: 'card' },
      el('h2', {}, 'Exports'),
      el('p', {}, 'Analysis-ready files for this wave:'),
      exportLinks(waves.find((w) => w.id === wave)!),
    ),
  );
}

// The codebook is the one for the wave's own survey version.
function exportLinks(wave: WaveSummary): HTMLElement {
  const formats: [string, string][] = [
    ['csv', 'CSV'],
    ['xlsx', 'Excel'],
    ['sav', 'SPSS'],
    ['ndjson', 'NDJSON'],
  ];
  const survey = encodeURIComponent(`${wave.surveyId}@${wave.surveyVersion}`);
  return el(
    'ul',
    {},
    ...formats.map(([f, label]) =>
      el(
        'li',
        {},
        el(
          'a',
          { href: `/api/v1/exports/responses?format=${f}&wave=${encodeURIComponent(wave.id)}` },
          `${label} (responses, ${wave.name})`,
        ),
      ),
    ),
    el(
      'li',
      {},
      el(
        'a',
        { href: `/api/v1/exports/codebook?format=md&survey=${survey}` },
        `Codebook (Markdown, ${wave.surveyId} version ${wave.surveyVersion})`,
      ),
    ),
  );
}

function controls(waves: WaveSummary[], wave: string, baseline?: string): HTMLElement {
  const select = (id: string, label: string, value: string | undefined, withNone: boolean) => {
    const s = el(
      'select',
      { id, name: id },
      ...(withNone ? [el('option', { value: '' }, 'None')] : []),
      ...waves.map((w) => el('option', { value: w.id }, w.name)),
    ) as HTMLSelectElement;
    s.value = value ?? '';
    return el('div', {}, el('label', { for: id }, label), s);
  };
  const form = el(
    'form',
    { class: 'inline-form no-print' },
    select('wave', 'Wave', wave, false),
    select('baseline', 'Baseline wave', baseline, true),
    el('button', { type: 'submit', class: 'secondary' }, 'Compare'),
  );
  return form; // a plain GET form: the choice lives in the URL, so it can be bookmarked and shared
}

async function start() {
  try {
    if (!(await startStaffPage())) return;
    const waves = await getWaves();
    if (waves.length === 0) {
      show(
        main,
        el('h1', {}, 'No waves yet'),
        el('p', { class: 'empty' }, 'Comparisons appear once a survey wave has responses.'),
      );
      return;
    }
    // results are compared once a wave has closed (the API refuses open waves)
    const today = new Date().toISOString().slice(0, 10);
    const closed = waves.filter((w) => w.closesOn < today);
    if (closed.length === 0) {
      show(
        main,
        el('h1', {}, 'No closed waves yet'),
        el('p', { class: 'empty' }, 'Comparisons appear once a survey wave has closed.'),
      );
      return;
    }
    const params = new URLSearchParams(location.search);
    const wave = closed.some((w) => w.id === params.get('wave')) ? params.get('wave')! : closed[closed.length - 1]!.id;
    const baseline = params.has('baseline')
      ? params.get('baseline') || undefined
      : closed[0]!.id !== wave
        ? closed[0]!.id
        : undefined;
    await render(wave, baseline, closed);
  } catch (err) {
    show(
      main,
      el('h1', {}, 'Something went wrong'),
      el(
        'p',
        { role: 'alert' },
        err instanceof ApiError ? err.message : 'The comparisons could not be loaded. Reload the page to try again.',
      ),
    );
  }
}

void start();
