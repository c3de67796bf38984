import { ApiError, getArmDrivers, getComparisons, getWaves, type WaveSummary } from '../api.js';
import { driversCard, type DriverOutcome } from '../dashboard/drivers-card.js';
import { el, show } from '../dom.js';
import { closedWaves, chosenWaves, controls } from '../research/controls.js';
import { clusteredChart } from '../research/did-chart.js';
import {
  alphaNotes,
  comparedCouncils,
  councilContributions,
  councilsTable,
  independentTable,
  primaryTable,
} from '../research/sections.js';
import type { Comparison } from '../research/types.js';
import { startStaffPage } from '../staff.js';
import { driverWords } from '../dashboard/driver-words.js';
import { researchStrings } from '../research/strings.js';
import { labeller, type Labeller } from '../words/lang.js';
import { englishNamesNote, startLanguage } from '../words/page.js';

const main = document.getElementById('main')!;
const lang = startLanguage();
const s = researchStrings(lang);

const card = (title: string, ...children: (HTMLElement | null)[]) =>
  el('section', { class: 'card' }, el('h2', {}, title), ...children.filter((x): x is HTMLElement => x !== null));

async function render(wave: string, baseline: string | undefined, waves: WaveSummary[]) {
  const [c, drivers] = await Promise.all([
    getComparisons<Comparison>(wave, baseline),
    getArmDrivers<ArmDrivers>(wave).catch(() => null),
  ]);
  const query = `wave=${encodeURIComponent(wave)}${baseline ? `&baseline=${encodeURIComponent(baseline)}` : ''}`;
  const labels = labeller(lang);
  const sections = [
    comparedCouncils(c, labels),
    clusteredChart(c, labels) ?? el('span'),
    card(s.scalesCard, primaryTable(c, 'scale', labels), alphaNotes(c, labels)),
    card(s.proportions, primaryTable(c, 'proportion', labels)),
    card(
      s.contributions,
      el('p', { class: 'muted' }, s.contributionsNote),
      councilContributions(c, 'scale', labels),
      councilContributions(c, 'proportion', labels),
    ),
    card(s.ignoring, independentTable(c, 'scale', labels), independentTable(c, 'proportion', labels)),
    ...armDriverCards(drivers, labels),
    card(s.councils, councilsTable(c, labels)),
  ];
  document.title = s.title;
  show(
    main,
    el('h1', {}, s.title),
    controls(waves, wave, baseline, lang),
    el('p', {}, el('a', { href: `/research/findings?${query}` }, s.findingsLink), s.clustersNote),
    ...[englishNamesNote(labels)].filter((x): x is HTMLElement => x !== null),
    ...sections,
    card(s.exports, el('p', {}, s.exportsIntro), exportLinks(waves.find((w) => w.id === wave)!)),
  );
}

type ArmDrivers = {
  wave: { name: string };
  driverMinGroupSize: number;
  arms: { arm: string; outcomes: DriverOutcome[] }[];
};

// What goes with each outcome in each arm (association, not cause), pilot arm first.
function armDriverCards(d: ArmDrivers | null, labels: Labeller): HTMLElement[] {
  if (!d) return [];
  const w = driverWords(lang);
  return d.arms.flatMap(({ arm, outcomes }) =>
    outcomes.map((o) =>
      driversCard(o, {
        id: `drivers-${arm}-${o.id}`,
        where: w.inArm(arm === 'pilot'),
        group: w.armGroup(arm === 'pilot', d.wave.name),
        labels,
        driverMin: d.driverMinGroupSize,
        source: { council: `councils in the ${arm} arm`, waves: [d.wave.name] },
      }),
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
  const link = (href: string, text: string) => el('li', {}, el('a', { href }, text));
  return el(
    'ul',
    {},
    ...formats.map(([f, label]) =>
      link(
        `/api/v1/exports/responses?format=${f}&wave=${encodeURIComponent(wave.id)}`,
        `${label} (responses, ${wave.name})`,
      ),
    ),
    link(`/codebook?survey=${survey}`, `Codebook (${wave.surveyId} version ${wave.surveyVersion})`),
  );
}

async function start() {
  try {
    if (!(await startStaffPage(lang))) return;
    const closed = closedWaves(await getWaves());
    if (closed.length === 0) {
      show(main, el('h1', {}, s.noClosed), el('p', { class: 'empty' }, s.noClosedText));
      return;
    }
    const { wave, baseline } = chosenWaves(closed);
    await render(wave, baseline, closed);
  } catch (err) {
    show(main, el('h1', {}, s.wrong), el('p', { role: 'alert' }, err instanceof ApiError ? err.message : s.loadFailed));
  }
}

void start();
