import { ApiError, getCouncils, getDrivers, getOverview, getWorkforce, type Council } from '../api.js';
import { driversCard, type DriverOutcome } from '../dashboard/drivers-card.js';
import { startStaffPage } from '../staff.js';
import { el, show } from '../dom.js';
import { surveyCards } from '../dashboard/survey-cards.js';
import type { Overview, Workforce } from '../dashboard/types.js';
import { turnoverCard } from '../dashboard/turnover-chart.js';
import { progressCard, workforceCard } from '../dashboard/workforce-charts.js';
import { day } from '../admin/data.js';

const main = document.getElementById('main')!;

async function render(code: string) {
  show(main, el('p', { class: 'loading', role: 'status' }, 'Loading the dashboard…'));
  const [overview, workforce] = await Promise.all([
    getOverview<Overview>(code),
    getWorkforce<Workforce>(code).catch(() => null),
  ]);
  const { council } = overview;
  const latest = overview.waves.filter((w) => w.status === 'closed').at(-1);
  const drivers = latest
    ? await getDrivers<{ outcomes: DriverOutcome[] }>(code, latest.wave.id).catch(() => null)
    : null;
  const cards: (HTMLElement | null)[] = [
    progressCard(overview),
    ...surveyCards(overview),
    ...(drivers?.outcomes ?? []).map((o) =>
      driversCard(o, {
        id: `drivers-${o.id}`,
        where: 'here',
        group: `${council.name}, ${latest!.wave.name}`,
        source: { council: council.name, waves: [latest!.wave.name] },
      }),
    ),
    ...(workforce
      ? [
          turnoverCard(overview, workforce),
          ...['turnoverRateFte', 'vacancyRateFte', 'agencyRateFte'].map((m) => workforceCard(workforce, m)),
        ]
      : []),
  ];
  const empty =
    overview.waves.length === 0
      ? el(
          'p',
          { class: 'empty' },
          'No survey waves have run for this council yet. Results appear here once a wave has at least the minimum number of responses.',
        )
      : null;
  show(
    main,
    el('h1', {}, `${council.name}: staff wellbeing and retention`),
    el(
      'p',
      { class: 'muted' },
      `Council ${council.code} · ${council.arm === 'pilot' ? 'pilot' : 'comparison'} arm · results are shown only for groups of ${overview.minGroupSize} or more.`,
    ),
    el('div', { class: 'no-print actions' }, printButton()),
    breakdownLinks(overview),
    ...[invitationsCard(overview), empty, ...cards].filter((c): c is HTMLElement => c !== null),
  );
  main.focus();
}

// Admins and the council's HR leads get each campaign's code in the overview: their way in to
// the campaign's email invitations. Researchers get no codes, so no card.
type ManagedWave = Overview['waves'][number] & { campaign?: string };

function invitationsCard(overview: Overview): HTMLElement | null {
  const waves = overview.waves as ManagedWave[];
  if (!waves.some((w) => w.campaign)) return null;
  const current = waves.filter((w) => w.campaign && w.status !== 'closed');
  const href = (w: ManagedWave) =>
    `/invitations?council=${encodeURIComponent(overview.council.code)}&campaign=${encodeURIComponent(w.campaign!)}`;
  const when = (w: ManagedWave) =>
    w.status === 'scheduled' ? `opens ${day(w.wave.opensOn)}` : `open until ${day(w.wave.closesOn)}`;
  return el(
    'section',
    { class: 'card no-print', id: 'invitations', 'aria-labelledby': 'invitations-h' },
    el('h2', { id: 'invitations-h' }, 'Email invitations'),
    ...(current.length
      ? [
          el(
            'p',
            { class: 'muted' },
            'Upload a staff email list so that each person gets a personal, single-use link; set reminder dates; and read what personal links leave knowable.',
          ),
          el(
            'ul',
            { class: 'invitations-links' },
            ...current.map((w) =>
              el('li', {}, el('a', { href: href(w) }, `Email invitations for ${w.wave.name}`), ` (${when(w)})`),
            ),
          ),
        ]
      : [
          el(
            'p',
            { class: 'empty' },
            'No survey is open or scheduled for this council, so there are no invitations to send.',
          ),
        ]),
  );
}

// Each wave with published results has a breakdown by demographic band, with each scale's alpha.
function breakdownLinks(overview: Overview): HTMLElement {
  const shown = overview.waves.filter((w) => w.scales);
  const href = (w: Overview['waves'][number]) =>
    `/breakdown?council=${encodeURIComponent(overview.council.code)}&wave=${encodeURIComponent(w.wave.id)}`;
  return el(
    'nav',
    { class: 'no-print breakdown-links', 'aria-label': 'Results by staff group' },
    shown.length
      ? el(
          'ul',
          {},
          ...shown.map((w) => el('li', {}, el('a', { href: href(w) }, `Results by staff group, ${w.wave.name}`))),
        )
      : el('p', { class: 'muted' }, 'Results by staff group appear here once a wave’s results are published.'),
  );
}

function printButton() {
  const b = el('button', { type: 'button', class: 'secondary' }, 'Print report');
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
    location.assign(`/dashboard?council=${encodeURIComponent((select as HTMLSelectElement).value)}`),
  );
  return el('div', { class: 'no-print picker' }, el('label', { for: 'council-picker' }, 'Council'), select);
}

async function start() {
  try {
    if (!(await startStaffPage())) return;
    const councils = await getCouncils();
    if (councils.length === 0) {
      show(
        main,
        el('h1', {}, 'No councils yet'),
        el('p', { class: 'empty' }, 'Your account is not linked to any council. Ask an administrator to add one.'),
      );
      return;
    }
    const asked = new URLSearchParams(location.search).get('council');
    if (asked !== null && !councils.some((c) => c.code === asked)) {
      // said plainly rather than showing another council's figures under a link that names this one
      show(
        main,
        el('h1', {}, 'You cannot see this council'),
        el('p', { role: 'alert' }, `Your account does not give you access to council ${asked}.`),
        el('p', {}, el('a', { href: '/dashboard' }, 'Open your own council’s dashboard')),
      );
      return;
    }
    const code = asked ?? councils[0]!.code;
    await render(code);
    main.prepend(picker(councils, code));
  } catch (err) {
    const message =
      err instanceof ApiError
        ? err.message
        : 'The dashboard could not be loaded. Check your connection and reload the page.';
    show(main, el('h1', {}, 'Something went wrong'), el('p', { role: 'alert' }, message));
  }
}

void start();
