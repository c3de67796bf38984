import { el, show } from '../dom.js';

let captions = 0;

// Tables with a caption, column headers and a row header; rows can open an edit form beneath them.
// On a narrow screen a wide table scrolls sideways in its box, which can therefore take focus
// so that keyboard users can scroll it too.
export function table(caption: string, headers: string[], rows: HTMLElement[]): HTMLElement {
  const id = `table-caption-${++captions}`;
  return el(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': id },
    el(
      'table',
      { class: 'admin-table' },
      el('caption', { id }, caption),
      el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows),
    ),
  );
}

export function row(cells: (Node | string)[]): HTMLElement {
  const [first = '', ...rest] = cells;
  return el('tr', {}, el('th', { scope: 'row' }, first), ...rest.map((c) => el('td', {}, c)));
}

// Short visible words ("Edit") with an accessible name that says which row ("Edit council 855").
// data-action lets a redrawn table put focus back on the same button.
export function rowButton(
  word: string,
  what: string,
  action: string,
  onClick: (b: HTMLButtonElement) => void,
  kind = 'secondary',
): HTMLButtonElement {
  const b = el(
    'button',
    { type: 'button', class: `${kind} small`, 'data-action': action },
    word,
    el('span', { class: 'visually-hidden' }, ` ${what}`),
  ) as HTMLButtonElement;
  b.addEventListener('click', () => onClick(b));
  return b;
}

export type Editable<T> = {
  caption: string;
  headers: string[];
  empty: string | (() => HTMLElement);
  key: (t: T) => string;
  what: (t: T) => string; // names the row in button labels
  cells: (t: T, table: EditableTable<T>) => (Node | string)[];
  actions?: (t: T, table: EditableTable<T>) => HTMLElement[];
  editWord?: string;
  canEdit?: (t: T) => boolean;
  editor?: (t: T, done: (saved: T | null) => void) => HTMLElement;
};

export type EditableTable<T> = {
  node: HTMLElement;
  items: () => T[];
  set: (items: T[], focusAction?: string) => void;
  replace: (saved: T, focusAction?: string) => void;
  focus: (action: string) => boolean;
};

export function editableTable<T>(spec: Editable<T>, initial: T[]): EditableTable<T> {
  const node = el('div', { class: 'table-host' });
  let items = initial;
  let editing: string | null = null;

  const focus = (action: string) => {
    const target = [...node.querySelectorAll<HTMLElement>('[data-action]')].find((b) => b.dataset.action === action);
    target?.focus();
    return Boolean(target);
  };

  function draw(focusAction?: string) {
    if (items.length === 0) {
      show(node, typeof spec.empty === 'string' ? el('p', { class: 'empty' }, spec.empty) : spec.empty());
      return;
    }
    const rows = items.flatMap((t) => {
      const k = spec.key(t);
      const edit =
        spec.editor && (spec.canEdit?.(t) ?? true)
          ? [rowButton(spec.editWord ?? 'Edit', spec.what(t), `edit:${k}`, () => open(k))]
          : [];
      const r = row([
        ...spec.cells(t, api),
        el('div', { class: 'row-actions' }, ...edit, ...(spec.actions?.(t, api) ?? [])),
      ]);
      if (editing !== k || !spec.editor) return [r];
      const form = spec.editor(t, (saved) => close(k, saved));
      return [r, el('tr', { class: 'edit-row' }, el('td', { colspan: String(spec.headers.length) }, form))];
    });
    show(node, table(spec.caption, spec.headers, rows));
    if (focusAction) focus(focusAction);
  }

  function open(k: string) {
    editing = k;
    draw();
    node.querySelector<HTMLElement>('.edit-row input, .edit-row select')?.focus();
  }

  function close(k: string, saved: T | null) {
    if (saved) items = items.map((t) => (spec.key(t) === k ? saved : t));
    editing = null;
    draw(`edit:${k}`);
  }

  const api: EditableTable<T> = {
    node,
    items: () => items,
    focus,
    set: (next, focusAction) => {
      items = next;
      editing = null;
      draw(focusAction);
    },
    replace: (saved, focusAction) => {
      items = items.map((t) => (spec.key(t) === spec.key(saved) ? saved : t));
      draw(focusAction);
    },
  };
  draw();
  return api;
}
