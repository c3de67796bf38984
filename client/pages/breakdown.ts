import { ApiError, getOverview, getSummary } from '../api.js';
import { fmt, pct } from '../dashboard/format.js';
import type { Demographic, Overview, WaveOverview } from '../dashboard/types.js';
import { el, show } from '../dom.js';
import { table } from '../research/table.js';
import { startStaffPage } from '../staff.js';

// A council × wave's measures by demographic band, as the summary API publishes them: every
// suppressed cell says so, and each scale's alpha stands beside its name.
type Stat = { id: string; label: string; suppressed: boolean; n?: number; mean?: number; p?: number };
type Band = { value: string; suppressed: boolean; n?: number; scales?: Stat[]; proportions?: Stat[] };
type Summary = {
  minGroupSize: number;
  resultsPublished?: boolean;
  note?: string;
  scales?: Stat[];
  proportions?: Stat[];
  alpha?: { scale: string; suppressed?: boolean; alpha?: number; reading?: string | null }[];
  breakdowns?: { question: string; bands: Band[] }[];
};

const main = document.getElementById('main')!;
const params = new URLSearchParams(location.search);

function alphaText(s: Summary, id: string): string {
  const a = s.alpha?.find((x) => x.scale === id);
  if (!a) return 'single item: no alpha';
  if (a.suppressed || a.alpha === undefined) return 'alpha hidden (small group)';
  return a.reading ? `alpha ${fmt(a.alpha)}. ${a.reading}` : `alpha ${fmt(a.alpha)}`;
}

function demographicTable(s: Summary, d: Demographic, bands: Band[]): HTMLElement {
  const label = (value: string) => d.bands.find((b) => b.value === value)?.label ?? value;
  const hidden = `hidden: fewer than ${s.minGroupSize} or could be worked out`;
  const head = bands.map((b) => (b.suppressed ? `${label(b.value)} (hidden)` : `${label(b.value)} (n ${b.n})`));
  const cell = (b: Band, kind: 'scales' | 'proportions', id: string) => {
    if (b.suppressed) return hidden;
    const x = b[kind]?.find((y) => y.id === id);
    if (!x || x.suppressed) return hidden;
    return kind === 'scales' ? `${fmt(x.mean)} (n ${x.n})` : `${pct(x.p, 1)} (n ${x.n})`;
  };
  const rows = [
    ...(s.scales ?? []).map((m) => [
      `${m.label} [${alphaText(s, m.id)}]`,
      ...bands.map((b) => cell(b, 'scales', m.id)),
    ]),
    ...(s.proportions ?? []).map((m) => [m.label, ...bands.map((b) => cell(b, 'proportions', m.id))]),
  ];
  return el(
    'section',
    { class: 'card breakdown', id: `breakdown-${d.question}` },
    el('h2', {}, `By ${d.label}`),
    table(`Measures by ${d.label}: mean or percentage, with the number answering`, ['Measure', ...head], rows),
  );
}

function render(o: Overview, w: WaveOverview, s: Summary) {
  const title = el('h1', {}, `${o.council.name}, ${w.wave.name}: results by staff group`);
  const intro = el(
    'p',
    { class: 'muted' },
    `${w.survey.title} (version ${w.survey.version}). A cell is hidden when fewer than ${s.minGroupSize} people are in it, or when its number could be worked out from the others; “hidden” cells are labelled so. Alpha (internal consistency) is shown beside each scale of two or more items.`,
  );
  if (!s.breakdowns)
    return show(
      main,
      title,
      intro,
      el('p', { class: 'empty' }, s.note ?? 'No results are published for this wave yet.'),
    );
  const sections = s.breakdowns.map((b) => {
    const d = w.survey.demographics.find((x) => x.question === b.question) ?? {
      question: b.question,
      label: b.question,
      bands: [],
    };
    return demographicTable(s, d, b.bands);
  });
  show(
    main,
    title,
    intro,
    ...(sections.length ? sections : [el('p', { class: 'empty' }, 'This survey has no demographic questions.')]),
  );
}

async function start() {
  try {
    if (!(await startStaffPage())) return;
    const code = params.get('council') ?? '';
    const overview = await getOverview<Overview>(code);
    const wave = overview.waves.find((w) => w.wave.id === params.get('wave')) ?? overview.waves.at(-1);
    if (!wave)
      return show(main, el('h1', {}, 'No waves yet'), el('p', { class: 'empty' }, 'This council has no survey waves.'));
    render(overview, wave, await getSummary<Summary>(code, wave.wave.id));
  } catch (err) {
    const message =
      err instanceof ApiError ? err.message : 'The breakdown could not be loaded. Reload the page to try again.';
    show(main, el('h1', {}, 'Something went wrong'), el('p', { role: 'alert' }, message));
  }
}

void start();
