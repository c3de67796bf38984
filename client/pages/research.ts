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

const main = document.getElementById('main')!;

const card = (title: string, ...children: (HTMLElement | null)[]) =>
  el('section', { class: 'card' }, el('h2', {}, title), ...children.filter((x): x is HTMLElement => x !== null));

async function render(wave: string, baseline: string | undefined, waves: WaveSummary[]) {
  const [c, drivers] = await Promise.all([
    getComparisons<Comparison>(wave, baseline),
    getArmDrivers<ArmDrivers>(wave).catch(() => null),
  ]);
  const query = `wave=${encodeURIComponent(wave)}${baseline ? `&baseline=${encodeURIComponent(baseline)}` : ''}`;
  show(
    main,
    el('h1', {}, 'Research: arms and councils'),
    controls(waves, wave, baseline),
    el(
      'p',
      {},
      el('a', { href: `/research/findings?${query}` }, 'Findings, in words and printable'),
      ' · Councils are the unit that was assigned to an arm, so every primary figure treats them as clusters.',
    ),
    comparedCouncils(c),
    clusteredChart(c) ?? el('span'),
    card('Scales: pilot arm against comparison arm', primaryTable(c, 'scale'), alphaNotes(c)),
    card('Proportions', primaryTable(c, 'proportion')),
    card(
      'Each council’s contribution',
      el(
        'p',
        { class: 'muted' },
        'Each council’s mean per wave and its change: the council-level figures above use exactly these.',
      ),
      councilContributions(c, 'scale'),
      councilContributions(c, 'proportion'),
    ),
    card('Ignoring clustering (secondary)', independentTable(c, 'scale'), independentTable(c, 'proportion')),
    ...armDriverCards(drivers),
    card('Councils', councilsTable(c)),
    card('Exports', el('p', {}, 'Analysis-ready files for this wave:'), exportLinks(waves.find((w) => w.id === wave)!)),
  );
}

type ArmDrivers = { wave: { name: string }; arms: { arm: string; outcomes: DriverOutcome[] }[] };

// What goes with each outcome in each arm (association, not cause), pilot arm first.
function armDriverCards(d: ArmDrivers | null): HTMLElement[] {
  if (!d) return [];
  return d.arms.flatMap(({ arm, outcomes }) =>
    outcomes.map((o) =>
      driversCard(o, {
        id: `drivers-${arm}-${o.id}`,
        where: `in the ${arm} arm`,
        group: `the ${arm} arm, ${d.wave.name}`,
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
    if (!(await startStaffPage())) return;
    const closed = closedWaves(await getWaves());
    if (closed.length === 0) {
      show(
        main,
        el('h1', {}, 'No closed waves yet'),
        el('p', { class: 'empty' }, 'Comparisons appear once a survey wave has closed.'),
      );
      return;
    }
    const { wave, baseline } = chosenWaves(closed);
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
