import { ApiError } from '../api.js';
import { el } from '../dom.js';
import { markInvalid, markValid, text, type Field } from './fields.js';

// Every admin form works the same way: one request per save (a second Enter or click while
// saving does nothing), buttons disabled meanwhile, and the API's field errors shown next to
// their fields and in a summary at the top that takes focus so screen readers read it out.
export type FormSpec = {
  fields: Field[];
  submit: string;
  save: () => Promise<void>;
  cancel?: () => void;
  layout?: 'stack' | 'inline-form';
  aliases?: Record<string, string>; // an API field name → the form field that shows its error
};

type Detail = { field?: string; problem?: string };
let summaries = 0;

// A problem found before sending, shown exactly like one the server found.
export const fieldProblem = (field: string, problem: string) =>
  new ApiError(400, 'invalid_request', 'The form has a problem.', [{ field, problem }]);

export function messageFor(err: unknown): string {
  if (err instanceof ApiError)
    return err.status === 401 ? 'Your session has ended. Reload the page and sign in again.' : err.message;
  return 'The server could not be reached. Check your connection, then reload the page to see what was saved.';
}

export function adminForm(spec: FormSpec): HTMLFormElement {
  const summary = el('div', { class: 'error-summary', tabindex: '-1', hidden: '' });
  const submit = el('button', { type: 'submit', class: 'primary' }, spec.submit);
  const buttons: HTMLElement[] = [submit];
  if (spec.cancel) {
    const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
    cancel.addEventListener('click', spec.cancel);
    buttons.push(cancel);
  }
  const form = el(
    'form',
    { class: spec.layout ?? 'stack', novalidate: '' },
    summary,
    ...spec.fields.map((f) => f.row),
    el('div', { class: 'actions' }, ...buttons),
  ) as HTMLFormElement;
  let saving = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (saving) return;
    saving = true;
    setBusy(form, submit, spec.submit, true);
    clearProblems(spec.fields, summary);
    try {
      await spec.save();
    } catch (err) {
      showProblems(err, spec, summary);
    } finally {
      saving = false;
      setBusy(form, submit, spec.submit, false);
    }
  });
  if (spec.cancel)
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !saving) spec.cancel!();
    });
  return form;
}

function setBusy(form: HTMLFormElement, submit: HTMLElement, label: string, busy: boolean) {
  form.setAttribute('aria-busy', String(busy));
  for (const b of form.querySelectorAll('button')) b.disabled = busy;
  submit.textContent = busy ? 'Saving…' : label;
}

function clearProblems(fields: Field[], summary: HTMLElement) {
  fields.forEach(markValid);
  summary.hidden = true;
  summary.replaceChildren();
}

function showProblems(err: unknown, spec: FormSpec, summary: HTMLElement) {
  const details = err instanceof ApiError && Array.isArray(err.details) ? (err.details as Detail[]) : [];
  const items = details.length ? details.map((d) => problemItem(d, spec)) : [el('li', {}, messageFor(err))];
  const titleId = `problems-${++summaries}`;
  summary.replaceChildren(el('h3', { id: titleId }, 'There is a problem'), el('ul', {}, ...items));
  summary.setAttribute('aria-labelledby', titleId);
  summary.hidden = false;
  summary.focus();
}

// "pilots.0" is a problem with the pilots field; an unknown field still shows in the summary.
function problemItem(d: Detail, spec: FormSpec): HTMLElement {
  const key = String(d.field ?? '').split('.')[0] ?? '';
  const name = spec.aliases?.[key] ?? key;
  const field = spec.fields.find((f) => f.name === name);
  if (!field) return el('li', {}, key ? `${key}: ${d.problem}` : String(d.problem));
  const problem = readable(d.problem ?? 'is not valid', key, spec.fields);
  const message = /^(must|is|needs|should) /.test(problem) ? `${field.label} ${problem}` : `${field.label}: ${problem}`;
  if (field.error.hidden) markInvalid(field, message);
  const link = el('a', { href: `#${field.inputs[0]?.id ?? ''}` }, message);
  // focus the field without changing the URL's hash, which picks the tab
  link.addEventListener('click', (e) => {
    e.preventDefault();
    field.inputs[0]?.focus();
  });
  return el('li', {}, link);
}

// The API names fields as in JSON ("closesOn must be on or after opensOn"): say them as the form
// does. Only camelCase names are swapped, so an ordinary word such as "code" is left alone.
function readable(problem: string, key: string, fields: Field[]): string {
  const own = problem.startsWith(`${key} `) ? problem.slice(key.length + 1) : problem;
  return fields
    .filter((f) => /[A-Z]/.test(f.name))
    .reduce((p, f) => p.replace(new RegExp(`\\b${f.name}\\b`, 'g'), `“${f.label}”`), own);
}

// The fields whose value differs from the saved one, so a change sends only what changed.
export function changed<T extends object>(next: Partial<T>, current: T): Partial<T> {
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => v !== current[k as keyof T])) as Partial<T>;
}

// Blank means "not set" (null); anything else must be a whole number.
export function wholeNumber(f: Field): number | null {
  const value = text(f).replace(/[,\s]/g, '');
  if (value === '') return null;
  if (!/^\d+$/.test(value)) throw fieldProblem(f.name, 'must be a whole number, e.g. 40');
  return Number(value);
}

export const orNull = (value: string) => (value === '' ? null : value);
