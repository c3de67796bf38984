import { getSignInOptions, type SignInOptions } from './api.js';
import { el } from './dom.js';

// The organisations' sign-in services beside the password form, which the server may switch off;
// after signing out of a session a provider started, a link to sign out there too.
export async function showSignInOptions(form: HTMLFormElement): Promise<void> {
  let options: SignInOptions;
  try {
    options = await getSignInOptions();
  } catch {
    return; // the password form still works (or says the server cannot be reached)
  }
  const signedOut = options.providers.find((p) => p.id === new URLSearchParams(location.search).get('signed-out'));
  if (signedOut) form.before(signOutNote(signedOut));
  if (options.providers.length > 0) form.before(providerLinks(options, form));
  if (!options.local) form.remove();
}

function providerLinks(options: SignInOptions, form: HTMLFormElement): HTMLElement {
  const list = el(
    'ul',
    { class: 'providers' },
    ...options.providers.map((p) =>
      el('li', {}, el('a', { class: 'button primary', href: p.start }, `Sign in with ${p.name}`)),
    ),
  );
  const section = el('section', { 'aria-labelledby': 'providers-heading' });
  section.append(el('h2', { id: 'providers-heading' }, "With your organisation's account"), list);
  if (options.local) form.before(el('h2', {}, 'With a password for this service'));
  return section;
}

function signOutNote(p: { id: string; name: string }): HTMLElement {
  return el(
    'div',
    { class: 'note', role: 'status' },
    el('p', {}, `You have signed out of this service. You may still be signed in to ${p.name}.`),
    el('p', {}, el('a', { href: `/sign-in/oidc/${encodeURIComponent(p.id)}/sign-out` }, `Sign out of ${p.name} too`)),
  );
}
