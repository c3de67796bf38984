import { ApiError, getComparisons, getWaves } from '../api.js';
import { el, show } from '../dom.js';
import { closedWaves, chosenWaves, controls } from '../research/controls.js';
import type { Comparison, Kind, Measure } from '../research/types.js';
import { direction, estimateText, meaning, num } from '../research/words.js';
import { startStaffPage } from '../staff.js';

const main = document.getElementById('main')!;

const method = (c: Comparison) =>
  `Each estimate comes from a model of every respondent's answer with arm${c.baseline ? ', wave and their interaction' : ''} ` +
  '(y ~ arm × wave), whose 95% confidence interval treats councils as clusters: CR2 standard errors with ' +
  'Satterthwaite degrees of freedom, as R’s clubSandwich package computes them. Councils, not people, were ' +
  'assigned to arms, and staff of one council answer alike, so with few councils the honest degrees of freedom ' +
  'are few and the intervals wide. "Can detect" is the difference this design would find 8 times in 10.';

function finding(m: Measure, kind: Kind, c: Comparison): HTMLElement {
  const two = c.baseline !== null;
  const e = two ? m.clustered.differenceInDifferences : m.clustered.difference;
  const what = two ? 'Change in the pilot arm minus change in the comparison arm' : 'Pilot arm minus comparison arm';
  const icc = m.clustered.icc;
  return el(
    'article',
    { class: 'finding' },
    el('h3', {}, m.label, m.higherIsBetter === null ? '' : el('span', { class: 'muted' }, ` (${direction(m)})`)),
    el('p', {}, `${what}: ${estimateText(e, kind, true)}.`),
    el('p', {}, meaning(m, kind, two)),
    el(
      'p',
      { class: 'muted' },
      `Council level (each council once): ${estimateText(m.councilLevel.difference, kind, true)}.` +
        (icc ? ` Intra-council correlation ${num(icc.icc, 3)}, design effect ${num(icc.designEffect, 1)}.` : '') +
        (m.alpha?.reading ? ` Alpha ${num(m.alpha.alpha)}: ${m.alpha.reading}` : ''),
    ),
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
        el('p', { class: 'empty' }, 'Findings appear once a wave has closed.'),
      );
      return;
    }
    const { wave, baseline } = chosenWaves(closed);
    const c = await getComparisons<Comparison>(wave, baseline);
    const list = (arm: 'pilot' | 'comparison') => c.arms.compared[arm].map((k) => k.name).join(', ') || 'none';
    const print = el('button', { type: 'button', class: 'secondary no-print' }, 'Print');
    print.addEventListener('click', () => window.print());
    show(
      main,
      el('h1', {}, c.baseline ? `Findings: ${c.baseline.name} to ${c.wave.name}` : `Findings: ${c.wave.name}`),
      controls(closed, wave, baseline, '/research/findings'),
      el('p', { class: 'no-print' }, print, ' ', el('a', { href: `/research${location.search}` }, 'Tables and charts')),
      el('p', {}, method(c)),
      el('p', {}, `Pilot councils: ${list('pilot')}. Comparison councils: ${list('comparison')}.`),
      el('section', { class: 'card' }, el('h2', {}, 'Scales'), ...c.scales.map((m) => finding(m, 'scale', c))),
      el(
        'section',
        { class: 'card' },
        el('h2', {}, 'Proportions'),
        ...c.proportions.map((m) => finding(m, 'proportion', c)),
      ),
    );
  } catch (err) {
    show(
      main,
      el('h1', {}, 'Something went wrong'),
      el(
        'p',
        { role: 'alert' },
        err instanceof ApiError ? err.message : 'The findings could not be loaded. Reload the page to try again.',
      ),
    );
  }
}

void start();
