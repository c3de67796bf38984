import { el, show } from '../dom.js';
import { campaignsTab } from '../admin/campaigns.js';
import { councilsTab } from '../admin/councils.js';
import { messageFor } from '../admin/forms.js';
import type { AdminContext } from '../admin/status.js';
import { surveysTab } from '../admin/surveys.js';
import { usersTab } from '../admin/users.js';
import { wavesTab } from '../admin/waves.js';
import { homeFor, startStaffPage } from '../staff.js';

// Administration: one page, five sections picked by the address's hash (#councils, #surveys,
// #waves, #campaigns/<wave>, #users), so each can be bookmarked and the Back button works.
const main = document.getElementById('main')!;

type Tab = { id: string; label: string; render: (host: HTMLElement, ctx: AdminContext, arg?: string) => void };
const TABS: Tab[] = [
  { id: 'councils', label: 'Councils', render: councilsTab },
  { id: 'surveys', label: 'Surveys', render: surveysTab },
  { id: 'waves', label: 'Waves', render: wavesTab },
  { id: 'campaigns', label: 'Campaigns', render: campaignsTab },
  { id: 'users', label: 'Users', render: usersTab },
];

function parseHash(): { tab?: Tab; arg?: string } {
  const [id = '', arg] = location.hash.slice(1).split('/');
  return { tab: TABS.find((t) => t.id === id), arg: arg ? decodeURIComponent(arg) : undefined };
}

function layout() {
  const links = TABS.map((t) => el('a', { href: `#${t.id}`, 'data-tab': t.id }, t.label));
  const status = el('div', { class: 'notice', role: 'status' });
  const alert = el('div', { class: 'notice error', role: 'alert' });
  const title = el('h2', { id: 'admin-tab-title', tabindex: '-1' });
  const body = el('div', { class: 'admin-tab' });
  show(
    main,
    el('h1', {}, 'Administration'),
    el(
      'nav',
      { class: 'admin-tabs', 'aria-label': 'Administration sections' },
      el('ul', {}, ...links.map((a) => el('li', {}, a))),
    ),
    status,
    alert,
    el('section', { 'aria-labelledby': 'admin-tab-title' }, title, body),
  );
  return { links, status, alert, title, body };
}

async function start() {
  try {
    const me = await startStaffPage();
    if (!me) return;
    if (me.role !== 'admin') {
      show(
        main,
        el('h1', {}, 'Administrators only'),
        el(
          'p',
          {},
          'Your account cannot change the study set-up. ',
          el('a', { href: homeFor(me) }, 'Go to your start page'),
          '.',
        ),
      );
      return;
    }
    const page = layout();
    const ctx: AdminContext = {
      me,
      done: (message) => {
        page.alert.textContent = '';
        page.status.textContent = message;
      },
      failed: (message) => {
        page.status.textContent = '';
        page.alert.textContent = message;
      },
      focusTitle: () => page.title.focus(),
    };
    let current: Tab | undefined;
    const route = (moveFocus: boolean) => {
      const { tab, arg } = parseHash();
      // a hash that names no tab (e.g. a field's id) keeps the tab that is showing
      if (!tab && current) return;
      current = tab ?? TABS[0]!;
      for (const a of page.links) {
        if (a.dataset.tab === current.id) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
      page.title.textContent = current.label;
      document.title = `${current.label}: Administration`;
      page.status.textContent = '';
      page.alert.textContent = '';
      current.render(page.body, ctx, arg);
      if (moveFocus) page.title.focus();
    };
    window.addEventListener('hashchange', () => route(true));
    route(false);
  } catch (err) {
    show(
      main,
      el('h1', {}, 'Something went wrong'),
      el('p', { role: 'alert' }, `The administration page could not be loaded. ${messageFor(err)}`),
    );
  }
}

void start();
