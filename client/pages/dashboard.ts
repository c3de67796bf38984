import { ApiError, getCouncils, getDrivers, getOverview, getWorkforce, type Council } from '../api.js';
import { driversCard, type DriverOutcome } from '../dashboard/drivers-card.js';
import type { ChartSource } from '../dashboard/card.js';
import { startStaffPage } from '../staff.js';
import { el, show } from '../dom.js';
import { surveyCards } from '../dashboard/survey-cards.js';
import type { Overview, Workforce } from '../dashboard/types.js';
import { turnoverCard } from '../dashboard/turnover-chart.js';
import { progressCard, workforceCard } from '../dashboard/workforce-charts.js';
import { inLang, labeller, type Labeller } from '../words/lang.js';
import { englishNamesNote, startLanguage } from '../words/page.js';
import { dashboardWords, type DashboardWords } from '../dashboard/words.js';
import { driverWords } from '../dashboard/driver-words.js';

const main = document.getElementById('main')!;
const lang = startLanguage();
const words = dashboardWords(lang);

type Drivers = { outcomes: DriverOutcome[]; driverMinGroupSize: number };

async function render(code: string) {
  show(main, el('p', { class: 'loading', role: 'status' }, words.loading));
  const labels = labeller(lang);
  const [overview, workforce] = await Promise.all([
    getOverview<Overview>(code),
    getWorkforce<Workforce>(code).catch(() => null),
  ]);
  const { council } = overview;
  const latest = overview.waves.filter((w) => w.status === 'closed').at(-1);
  const drivers = latest ? await getDrivers<Drivers>(code, latest.wave.id).catch(() => null) : null;
  const cards: (HTMLElement | null)[] = [
    progressCard(overview, words),
    ...surveyCards(overview, labels),
    ...driverCards(drivers, `${council.name}, ${latest?.wave.name}`, labels, {
      council: council.name,
      waves: latest ? [latest.wave.name] : [],
    }),
    ...(workforce
      ? [
          turnoverCard(overview, workforce, words),
          ...['turnoverRateFte', 'vacancyRateFte', 'agencyRateFte'].map((m) => workforceCard(workforce, m, words)),
        ]
      : []),
  ];
  const empty = overview.waves.length === 0 ? el('p', { class: 'empty' }, words.noWaves) : null;
  document.title = words.title(council.name);
  show(
    main,
    el('h1', {}, words.title(council.name)),
    el('p', { class: 'muted' }, words.intro(council.code, council.arm === 'pilot', overview.minGroupSize)),
    el('div', { class: 'no-print actions' }, printButton(words)),
    breakdownLinks(overview, words),
    ...[englishNamesNote(labels), invitationsCard(overview, words), empty, ...cards].filter(
      (c): c is HTMLElement => c !== null,
    ),
  );
  main.focus();
}

function driverCards(drivers: Drivers | null, group: string, labels: Labeller, source: ChartSource): HTMLElement[] {
  const where = driverWords(lang).here;
  const driverMin = drivers?.driverMinGroupSize ?? 0;
  return (drivers?.outcomes ?? []).map((o) =>
    driversCard(o, { id: `drivers-${o.id}`, where, group, labels, driverMin, source }),
  );
}

// Admins and the council's HR leads get each campaign's code in the overview: their way in to
// the campaign's email invitations. Researchers get no codes, so no card.
type ManagedWave = Overview['waves'][number] & { campaign?: string };

function invitationsCard(overview: Overview, words: DashboardWords): HTMLElement | null {
  const waves = overview.waves as ManagedWave[];
  if (!waves.some((w) => w.campaign)) return null;
  const current = waves.filter((w) => w.campaign && w.status !== 'closed');
  const href = (w: ManagedWave) =>
    `/invitations?council=${encodeURIComponent(overview.council.code)}&campaign=${encodeURIComponent(w.campaign!)}`;
  const when = (w: ManagedWave) =>
    w.status === 'scheduled' ? words.opens(w.wave.opensOn) : words.openUntil(w.wave.closesOn);
  return el(
    'section',
    { class: 'card no-print', id: 'invitations', 'aria-labelledby': 'invitations-h' },
    el('h2', { id: 'invitations-h' }, words.invitations),
    ...(current.length
      ? [
          el('p', { class: 'muted' }, words.invitationsIntro),
          el(
            'ul',
            { class: 'invitations-links' },
            ...current.map((w) =>
              el('li', {}, el('a', { href: href(w) }, words.invitationsFor(w.wave.name)), ` (${when(w)})`),
            ),
          ),
        ]
      : [el('p', { class: 'empty' }, words.noInvitations)]),
  );
}

// Each wave with published results has a breakdown by demographic band, with each scale's alpha.
function breakdownLinks(overview: Overview, words: DashboardWords): HTMLElement {
  const shown = overview.waves.filter((w) => w.scales);
  const href = (w: Overview['waves'][number]) =>
    `/breakdown?council=${encodeURIComponent(overview.council.code)}&wave=${encodeURIComponent(w.wave.id)}`;
  return el(
    'nav',
    { class: 'no-print breakdown-links', 'aria-label': words.byGroup },
    shown.length
      ? el('ul', {}, ...shown.map((w) => el('li', {}, el('a', { href: href(w) }, words.byGroupFor(w.wave.name)))))
      : el('p', { class: 'muted' }, words.byGroupLater),
  );
}

function printButton(words: DashboardWords) {
  const b = el('button', { type: 'button', class: 'secondary' }, words.print);
  b.addEventListener('click', () => window.print());
  return b;
}

function picker(councils: Council[], current: string): HTMLElement {
  const select = el(
    'select',
    { id: 'council-picker' },
    ...councils.map((c) => {
      const o = el('option', { value: c.code }, `${c.name} (${c.code})`) as HTMLOptionElement;
      o.selected = c.code === current;
      return o;
    }),
  );
  select.addEventListener('change', () =>
    location.assign(
      inLang(`/dashboard?council=${encodeURIComponent((select as HTMLSelectElement).value)}`, lang, location.href),
    ),
  );
  return el('div', { class: 'no-print picker' }, el('label', { for: 'council-picker' }, words.council), select);
}

async function start() {
  try {
    if (!(await startStaffPage(lang))) return;
    const councils = await getCouncils();
    if (councils.length === 0) {
      show(main, el('h1', {}, words.noCouncils), el('p', { class: 'empty' }, words.noCouncilsText));
      return;
    }
    const asked = new URLSearchParams(location.search).get('council');
    if (asked !== null && !councils.some((c) => c.code === asked)) {
      // said plainly rather than showing another council's figures under a link that names this one
      show(
        main,
        el('h1', {}, words.forbidden),
        el('p', { role: 'alert' }, words.forbiddenText(asked)),
        el('p', {}, el('a', { href: '/dashboard' }, words.ownDashboard)),
      );
      return;
    }
    const code = asked ?? councils[0]!.code;
    await render(code);
    main.prepend(picker(councils, code));
  } catch (err) {
    const message = err instanceof ApiError ? err.message : words.loadFailed;
    show(main, el('h1', {}, words.wrong), el('p', { role: 'alert' }, message));
  }
}

void start();
