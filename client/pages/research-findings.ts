import { ApiError, getComparisons, getWaves } from '../api.js';
import { el, show } from '../dom.js';
import { closedWaves, chosenWaves, controls } from '../research/controls.js';
import { meaning } from '../research/meaning.js';
import { researchStrings } from '../research/strings.js';
import type { Comparison, Kind, Measure } from '../research/types.js';
import { alphaReading, direction, estimateText, num } from '../research/words.js';
import { startStaffPage } from '../staff.js';
import { labeller, type Labeller } from '../words/lang.js';
import { englishNamesNote, startLanguage } from '../words/page.js';

const main = document.getElementById('main')!;
const lang = startLanguage();
const s = researchStrings(lang);

const words = {
  en: {
    method: (c: Comparison) =>
      `Each estimate comes from a model of every respondent's answer with arm${c.baseline ? ', wave and their interaction' : ''} ` +
      '(y ~ arm × wave), whose 95% confidence interval treats councils as clusters: CR2 standard errors with ' +
      'Satterthwaite degrees of freedom, as R’s clubSandwich package computes them. Councils, not people, were ' +
      'assigned to arms, and staff of one council answer alike, so with few councils the honest degrees of freedom ' +
      'are few and the intervals wide. "Can detect" is the difference this design would find 8 times in 10.',
    did: 'Change in the pilot arm minus change in the comparison arm',
    arm: 'Pilot arm minus comparison arm',
    councilLevel: 'Council level (each council once)',
    icc: (icc: string, de: string) => ` Intra-council correlation ${icc}, design effect ${de}.`,
    alpha: 'Alpha',
    heading: (c: Comparison) =>
      c.baseline ? `Findings: ${c.baseline.name} to ${c.wave.name}` : `Findings: ${c.wave.name}`,
    print: 'Print',
    tables: 'Tables and charts',
    councils: (pilot: string, comparison: string) => `Pilot councils: ${pilot}. Comparison councils: ${comparison}.`,
  },
  cy: {
    method: (c: Comparison) =>
      `Daw pob amcangyfrif o fodel o ateb pob ymatebydd gyda’r gangen${c.baseline ? ', y don a’u rhyngweithiad' : ''} ` +
      '(y ~ cangen × ton), y mae ei gyfwng hyder 95% yn trin cynghorau fel clystyrau: gwallau safonol CR2 gyda ' +
      'graddau rhyddid Satterthwaite, fel y mae pecyn clubSandwich R yn eu cyfrifo. Cynghorau, nid pobl, a ' +
      'neilltuwyd i ganghennau, ac mae staff un cyngor yn ateb yn debyg, felly gydag ychydig o gynghorau mae’r ' +
      'graddau rhyddid gonest yn brin a’r cyfyngau’n llydan. “Yn gallu canfod” yw’r gwahaniaeth y byddai’r cynllun hwn yn ei ganfod 8 gwaith o bob 10.',
    did: 'Y newid yn y gangen beilot llai’r newid yn y gangen gymharu',
    arm: 'Y gangen beilot llai’r gangen gymharu',
    councilLevel: 'Lefel cyngor (pob cyngor unwaith)',
    icc: (icc: string, de: string) => ` Cydberthyniad o fewn cyngor ${icc}, effaith cynllun ${de}.`,
    alpha: 'Alffa',
    heading: (c: Comparison) =>
      c.baseline ? `Canfyddiadau: ${c.baseline.name} i ${c.wave.name}` : `Canfyddiadau: ${c.wave.name}`,
    print: 'Argraffu',
    tables: 'Tablau a siartiau',
    councils: (pilot: string, comparison: string) => `Cynghorau peilot: ${pilot}. Cynghorau cymharu: ${comparison}.`,
  },
}[lang];

function finding(m: Measure, kind: Kind, c: Comparison, labels: Labeller): HTMLElement {
  const two = c.baseline !== null;
  const e = two ? m.clustered.differenceInDifferences : m.clustered.difference;
  const icc = m.clustered.icc;
  return el(
    'article',
    { class: 'finding' },
    el(
      'h3',
      {},
      labels.label(m),
      m.higherIsBetter === null ? '' : el('span', { class: 'muted' }, ` (${direction(m, labels)})`),
    ),
    el('p', {}, `${two ? words.did : words.arm}: ${estimateText(e, kind, labels, true)}.`),
    el('p', {}, meaning(m, kind, two, labels)),
    el(
      'p',
      { class: 'muted' },
      `${words.councilLevel}: ${estimateText(m.councilLevel.difference, kind, labels, true)}.` +
        (icc ? words.icc(num(icc.icc, 3), num(icc.designEffect, 1)) : '') +
        (m.alpha?.reading ? ` ${words.alpha} ${num(m.alpha.alpha)}: ${alphaReading(m.alpha, labels)}` : ''),
    ),
  );
}

async function start() {
  try {
    if (!(await startStaffPage(lang))) return;
    const closed = closedWaves(await getWaves());
    if (closed.length === 0) {
      show(main, el('h1', {}, s.noClosed), el('p', { class: 'empty' }, s.noClosedFindings));
      return;
    }
    const { wave, baseline } = chosenWaves(closed);
    const c = await getComparisons<Comparison>(wave, baseline);
    const labels = labeller(lang);
    const list = (arm: 'pilot' | 'comparison') => c.arms.compared[arm].map((k) => k.name).join(', ') || s.nobody;
    const print = el('button', { type: 'button', class: 'secondary no-print' }, words.print);
    print.addEventListener('click', () => window.print());
    const scales = c.scales.map((m) => finding(m, 'scale', c, labels));
    const proportions = c.proportions.map((m) => finding(m, 'proportion', c, labels));
    document.title = words.heading(c);
    show(
      main,
      el('h1', {}, words.heading(c)),
      controls(closed, wave, baseline, lang, '/research/findings'),
      el('p', { class: 'no-print' }, print, ' ', el('a', { href: `/research${location.search}` }, words.tables)),
      el('p', {}, words.method(c)),
      el('p', {}, words.councils(list('pilot'), list('comparison'))),
      ...[englishNamesNote(labels)].filter((x): x is HTMLElement => x !== null),
      el('section', { class: 'card' }, el('h2', {}, s.scales), ...scales),
      el('section', { class: 'card' }, el('h2', {}, s.proportions), ...proportions),
    );
  } catch (err) {
    show(
      main,
      el('h1', {}, s.wrong),
      el('p', { role: 'alert' }, err instanceof ApiError ? err.message : s.findingsFailed),
    );
  }
}

void start();
