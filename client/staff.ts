import { ApiError, getSession, signOut, type StaffUser } from './api.js';
import { el } from './dom.js';

export const homeFor = (user: StaffUser) =>
  user.role === 'admin' ? '/admin' : user.role === 'researcher' ? '/research' : '/dashboard';

// Every staff page starts here: who is signed in (or off to the sign-in page) and the top menu.
export async function startStaffPage(): Promise<StaffUser | null> {
  try {
    const user = await getSession();
    renderNav(user);
    return user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`);
      return null;
    }
    throw err;
  }
}

function renderNav(user: StaffUser) {
  const nav = document.getElementById('nav');
  if (!nav) return;
  const links: [string, string][] = [['/dashboard', 'Council dashboard']];
  if (user.role !== 'hr_lead') links.push(['/research', 'Research']);
  if (user.role === 'admin') links.push(['/admin', 'Administration']);
  const out = el('button', { type: 'button', class: 'linklike' }, 'Sign out');
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
}
