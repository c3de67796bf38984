import type { StaffUser } from '../api.js';
import { el, show } from '../dom.js';
import { messageFor } from './forms.js';

// What every admin tab gets from the page: who is signed in, and the page's two live regions
// (polite for done, assertive for failed) that stay in place while the tab's content changes.
export type AdminContext = {
  me: StaffUser;
  done: (message: string) => void;
  failed: (message: string) => void;
  focusTitle: () => void;
};

export const loading = (what: string) => el('p', { class: 'loading', role: 'status' }, `Loading ${what}…`);

// The load each host last started: a tab left before its data arrived must not draw over the
// tab shown now (the first tab starts loading while the address already names another).
const latest = new WeakMap<HTMLElement, object>();

// Shows "Loading …", then the data, or what went wrong with a way to try again.
export async function load<T>(
  host: HTMLElement,
  what: string,
  get: () => Promise<T>,
  render: (data: T) => void,
): Promise<void> {
  const mine = {};
  latest.set(host, mine);
  show(host, loading(what));
  let data: T;
  try {
    data = await get();
  } catch (err) {
    if (latest.get(host) !== mine) return;
    const retry = el('button', { type: 'button', class: 'secondary' }, 'Try again');
    retry.addEventListener('click', () => void load(host, what, get, render));
    show(
      host,
      el(
        'div',
        { class: 'load-failed' },
        el('p', { role: 'alert' }, `The ${what} could not be loaded. ${messageFor(err)}`),
        retry,
      ),
    );
    return;
  }
  if (latest.get(host) !== mine) return;
  render(data);
}

export function card(title: string, ...children: Node[]): HTMLElement {
  const id = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return el('section', { class: 'card', 'aria-labelledby': id }, el('h3', { id }, title), ...children);
}

// Row actions that are not forms (close, disable, delete …): one request at a time, the
// button disabled meanwhile, a confirmation first when asked for, and the outcome announced.
export async function act(
  ctx: AdminContext,
  button: HTMLButtonElement,
  run: () => Promise<string>,
  confirmText?: string,
): Promise<void> {
  if (button.disabled || (confirmText && !window.confirm(confirmText))) return;
  button.disabled = true;
  try {
    ctx.done(await run());
  } catch (err) {
    ctx.failed(messageFor(err));
  } finally {
    button.disabled = false;
  }
}
