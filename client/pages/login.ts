import { ApiError, signIn } from '../api.js';
import { el } from '../dom.js';
import { sameOriginPath } from '../next-path.js';
import { homeFor } from '../staff.js';
import { showSignInOptions } from '../sign-in-options.js';

const form = document.getElementById('login') as HTMLFormElement;
const message = document.getElementById('login-error')!;
void showSignInOptions(form);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const button = form.querySelector('button')!;
  button.disabled = true;
  message.replaceChildren();
  try {
    const user = await signIn(String(data.get('email') ?? ''), String(data.get('password') ?? ''));
    const next = sameOriginPath(new URLSearchParams(location.search).get('next'), location.origin);
    location.assign(next ?? homeFor(user));
  } catch (err) {
    const text =
      err instanceof ApiError ? err.message : 'Could not reach the server. Check your connection and try again.';
    message.replaceChildren(el('p', {}, text));
    button.disabled = false;
    (form.elements.namedItem('password') as HTMLInputElement).focus();
  }
});
