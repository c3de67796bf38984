import { el } from '../dom.js';

// Labelled form fields. Each has a hint (optional) and an error line between label and control,
// and keeps the ids that aria-describedby needs when the field is marked invalid.
export type Field = {
  name: string;
  label: string;
  row: HTMLElement;
  error: HTMLElement;
  target: HTMLElement; // carries aria-describedby: the control, or the fieldset of a group
  inputs: (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[]; // carry aria-invalid
  describedBy: string;
};

let seq = 0; // several forms (an add form and an edit row) can be on the page at once
const uid = (name: string) => `f${++seq}-${name}`;

function parts(id: string, hint?: string) {
  const hintEl = hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: '' });
  return { hintEl, error, describedBy: hint ? `${id}-hint` : '' };
}

const describe = (d: string): Record<string, string> => (d ? { 'aria-describedby': d } : {});

export function textField(
  name: string,
  label: string,
  value = '',
  hint?: string,
  attrs: Record<string, string> = {},
): Field {
  const id = uid(name);
  const { hintEl, error, describedBy } = parts(id, hint);
  const input = el('input', { id, name, type: 'text', ...attrs, ...describe(describedBy) }) as HTMLInputElement;
  input.value = value;
  const row = el('div', { class: 'field' }, el('label', { for: id }, label), ...(hintEl ? [hintEl] : []), error, input);
  return { name, label, row, error, target: input, inputs: [input], describedBy };
}

export function textAreaField(name: string, label: string, hint?: string, attrs: Record<string, string> = {}): Field {
  const id = uid(name);
  const { hintEl, error, describedBy } = parts(id, hint);
  const area = el('textarea', { id, name, ...attrs, ...describe(describedBy) }) as HTMLTextAreaElement;
  const row = el('div', { class: 'field' }, el('label', { for: id }, label), ...(hintEl ? [hintEl] : []), error, area);
  return { name, label, row, error, target: area, inputs: [area], describedBy };
}

export const dateField = (name: string, label: string, value: string | null, hint?: string) =>
  textField(name, label, value ?? '', hint, { type: 'date' });

export function selectField(
  name: string,
  label: string,
  options: [string, string][],
  value = '',
  hint?: string,
): Field {
  const id = uid(name);
  const { hintEl, error, describedBy } = parts(id, hint);
  const select = el(
    'select',
    { id, name, ...describe(describedBy) },
    ...options.map(([v, text]) => el('option', { value: v }, text)),
  ) as HTMLSelectElement;
  select.value = value || (options[0]?.[0] ?? '');
  const row = el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    ...(hintEl ? [hintEl] : []),
    error,
    select,
  );
  return { name, label, row, error, target: select, inputs: [select], describedBy };
}

export function checkField(name: string, label: string, checked: boolean, hint?: string): Field {
  const id = uid(name);
  const { hintEl, error, describedBy } = parts(id, hint);
  const box = el('input', { id, name, type: 'checkbox', ...describe(describedBy) }) as HTMLInputElement;
  box.checked = checked;
  const row = el(
    'div',
    { class: 'field' },
    error,
    el('div', { class: 'check' }, box, el('label', { for: id }, label)),
    ...(hintEl ? [hintEl] : []),
  );
  return { name, label, row, error, target: box, inputs: [box], describedBy };
}

// A set of checkboxes in a fieldset: easier to use by keyboard and screen reader than <select multiple>.
export function checkGroup(
  name: string,
  legend: string,
  options: [string, string][],
  checked: string[],
  hint?: string,
): Field {
  const id = uid(name);
  const { hintEl, error, describedBy } = parts(id, hint);
  const boxes = options.map(([value, text], i) => {
    const box = el('input', { id: `${id}-${i}`, name, type: 'checkbox', value }) as HTMLInputElement;
    box.checked = checked.includes(value);
    return el('div', { class: 'check' }, box, el('label', { for: `${id}-${i}` }, text));
  });
  const list = boxes.length
    ? el('div', { class: 'check-list' }, ...boxes)
    : el('p', { class: 'muted' }, 'There are no councils to choose from yet.');
  const target = el(
    'fieldset',
    { class: 'field checks', id, ...describe(describedBy) },
    el('legend', {}, legend),
    ...(hintEl ? [hintEl] : []),
    error,
    list,
  );
  return {
    name,
    label: legend,
    row: target,
    error,
    target,
    inputs: [...target.querySelectorAll('input')],
    describedBy,
  };
}

// One choice of a few, all visible: radio buttons in a fieldset.
export function radioGroup(
  name: string,
  legend: string,
  options: [string, string][],
  value: string,
  hint?: string,
): Field {
  const id = uid(name);
  const { hintEl, error, describedBy } = parts(id, hint);
  const radios = options.map(([v, text], i) => {
    const radio = el('input', { id: `${id}-${i}`, name: id, type: 'radio', value: v }) as HTMLInputElement;
    if (v === value) radio.setAttribute('checked', ''); // the default a form reset returns to
    return el('div', { class: 'check' }, radio, el('label', { for: `${id}-${i}` }, text));
  });
  const target = el(
    'fieldset',
    { class: 'field checks', id, ...describe(describedBy) },
    el('legend', {}, legend),
    ...(hintEl ? [hintEl] : []),
    error,
    el('div', { class: 'radio-list' }, ...radios),
  );
  return {
    name,
    label: legend,
    row: target,
    error,
    target,
    inputs: [...target.querySelectorAll('input')],
    describedBy,
  };
}

export const chosen = (f: Field) => f.inputs.find((i) => (i as HTMLInputElement).checked)?.value ?? '';
export const text = (f: Field) => f.inputs[0]!.value.trim();
export const checked = (f: Field) => (f.inputs[0] as HTMLInputElement).checked;
export const picked = (f: Field) => f.inputs.filter((i) => (i as HTMLInputElement).checked).map((i) => i.value);

export function markInvalid(f: Field, message: string): void {
  f.error.textContent = message;
  f.error.hidden = false;
  f.row.classList.add('invalid');
  for (const i of f.inputs) i.setAttribute('aria-invalid', 'true');
  f.target.setAttribute('aria-describedby', [f.describedBy, f.error.id].filter(Boolean).join(' '));
}

export function markValid(f: Field): void {
  f.error.textContent = '';
  f.error.hidden = true;
  f.row.classList.remove('invalid');
  for (const i of f.inputs) i.removeAttribute('aria-invalid');
  if (f.describedBy) f.target.setAttribute('aria-describedby', f.describedBy);
  else f.target.removeAttribute('aria-describedby');
}
