import { ApiError, getOverview, getSummary } from '../api.js';
import { fmt, pct } from '../dashboard/format.js';
import type { Demographic, Overview, WaveOverview } from '../dashboard/types.js';
import { el, show } from '../dom.js';
import { table } from '../research/table.js';
import { startStaffPage } from '../staff.js';
import { labeller, type Labeller } from '../words/lang.js';
import { englishNamesNote, startLanguage } from '../words/page.js';
import { dashboardWords } from '../dashboard/words.js';

// A council × wave's measures by demographic band, as the summary API publishes them: every
// suppressed cell says so, and each scale's alpha stands beside its name.
type Stat = { id: string; label: string; labelCy?: string; suppressed: boolean; n?: number; mean?: number; p?: number };
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
const lang = startLanguage();
const words = dashboardWords(lang);

function alphaText(s: Summary, id: string): string {
  const a = s.alpha?.find((x) => x.scale === id);
  if (!a) return words.singleItem;
  if (a.suppressed || a.alpha === undefined) return words.alphaHidden;
  // the server's reading is in English; the words follow the page's language
  const reading = a.alpha < 0 ? words.alphaNegative : a.alpha < 0.5 ? words.alphaPoor : null;
  return reading ? `${words.alpha} ${fmt(a.alpha)}. ${reading}` : `${words.alpha} ${fmt(a.alpha)}`;
}

function demographicTable(s: Summary, d: Demographic, bands: Band[], labels: Labeller): HTMLElement {
  const band = (value: string) => d.bands.find((b) => b.value === value);
  const label = (value: string) => {
    const b = band(value);
    return b ? labels.label(b) : value;
  };
  const hidden = words.hiddenCell(s.minGroupSize);
  const head = bands.map((b) =>
    b.suppressed ? `${label(b.value)} (${words.hidden})` : `${label(b.value)} (n ${b.n})`,
  );
  const cell = (b: Band, kind: 'scales' | 'proportions', id: string) => {
    if (b.suppressed) return hidden;
    const x = b[kind]?.find((y) => y.id === id);
    if (!x || x.suppressed) return hidden;
    return kind === 'scales' ? `${fmt(x.mean)} (n ${x.n})` : `${pct(x.p, 1)} (n ${x.n})`;
  };
  const rows = [
    ...(s.scales ?? []).map((m) => [
      `${labels.label(m)} [${alphaText(s, m.id)}]`,
      ...bands.map((b) => cell(b, 'scales', m.id)),
    ]),
    ...(s.proportions ?? []).map((m) => [labels.label(m), ...bands.map((b) => cell(b, 'proportions', m.id))]),
  ];
  return el(
    'section',
    { class: 'card breakdown', id: `breakdown-${d.question}` },
    el('h2', {}, words.by(labels.label(d))),
    table(words.byCaption(labels.label(d)), [words.measure, ...head], rows),
  );
}

function render(o: Overview, w: WaveOverview, s: Summary) {
  const labels = labeller(lang);
  const title = el('h1', {}, words.breakdownTitle(o.council.name, w.wave.name));
  document.title = title.textContent!;
  const surveyTitle = labels.title(w.survey);
  const intro = el('p', { class: 'muted' }, words.breakdownIntro(surveyTitle, w.survey.version, s.minGroupSize));
  if (!s.breakdowns)
    return show(main, title, intro, el('p', { class: 'empty' }, lang === 'en' && s.note ? s.note : words.noResults));
  const sections = s.breakdowns.map((b) => {
    const d = w.survey.demographics.find((x) => x.question === b.question) ?? {
      question: b.question,
      label: b.question,
      bands: [],
    };
    return demographicTable(s, d, b.bands, labels);
  });
  const note = englishNamesNote(labels);
  show(
    main,
    title,
    intro,
    ...(note ? [note] : []),
    ...(sections.length ? sections : [el('p', { class: 'empty' }, words.noDemographics)]),
  );
}

async function start() {
  try {
    if (!(await startStaffPage(lang))) return;
    const code = params.get('council') ?? '';
    const overview = await getOverview<Overview>(code);
    const wave = overview.waves.find((w) => w.wave.id === params.get('wave')) ?? overview.waves.at(-1);
    if (!wave) return show(main, el('h1', {}, words.noWaveYet), el('p', { class: 'empty' }, words.noWaveText));
    render(overview, wave, await getSummary<Summary>(code, wave.wave.id));
  } catch (err) {
    const message = err instanceof ApiError ? err.message : words.breakdownFailed;
    show(main, el('h1', {}, words.wrong), el('p', { role: 'alert' }, message));
  }
}

void start();
