import { ApiError, getSession, signOut, type StaffUser } from './api.js';
import { el } from './dom.js';
import type { Lang } from './words/lang.js';
import { chrome, languageSwitch } from './words/page.js';

export const homeFor = (user: StaffUser) =>
  user.role === 'admin' ? '/admin' : user.role === 'researcher' ? '/research' : '/dashboard';

// Every staff page starts here: who is signed in (or off to the sign-in page) and the top menu;
// a page offered in Welsh passes its language, and the menu gets the language switch.
export async function startStaffPage(lang?: Lang): Promise<StaffUser | null> {
  try {
    const user = await getSession();
    renderNav(user, lang);
    return user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`);
      return null;
    }
    throw err;
  }
}

function renderNav(user: StaffUser, lang?: Lang) {
  const nav = document.getElementById('nav');
  if (!nav) return;
  const w = chrome[lang ?? 'en'];
  const links: [string, string][] = [['/dashboard', w.dashboard]];
  if (user.role !== 'hr_lead') links.push(['/research', w.research]);
  if (user.role === 'admin') links.push(['/admin', w.admin]);
  const out = el('button', { type: 'button', class: 'linklike' }, w.signOut);
  out.addEventListener('click', async () => {
    const ended = await signOut().catch(() => undefined);
    // the sign-in page then offers the provider's own sign-out
    location.assign(ended?.provider ? `/login?signed-out=${encodeURIComponent(ended.provider.id)}` : '/login');
  });
  nav.replaceChildren(
    ...links.map(([href, text]) =>
      el('a', location.pathname === href ? { href, 'aria-current': 'page' } : { href }, text),
    ),
    el('span', { class: 'who' }, user.email),
    out,
  );
  // beside the main menu, not in it: a choice of language, not a place to go
  if (lang) nav.after(languageSwitch(lang));
}
