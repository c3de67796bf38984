import { ApiError } from '../api.js';
import { el, show } from '../dom.js';
import { admin } from './data.js';
import { messageFor } from './forms.js';
import { measuresEditor } from './survey-measures.js';

// After a survey passes its check: its measures open for the admin to confirm or edit, checked
// again by the server on request and on save. What is sent from here on is the edited definition
// in our format, so the server checks exactly what will be saved.
type Problem = { path: string; reason: string };
const problemsOf = (err: unknown): Problem[] =>
  err instanceof ApiError && Array.isArray(err.details) ? (err.details as Problem[]) : [];

export function problemsView(err: unknown): HTMLElement[] {
  const items = problemsOf(err).map((d) => el('li', {}, el('code', {}, d.path), `: ${d.reason}`));
  return [
    el(
      'div',
      { class: 'error-summary', role: 'alert', id: 'survey-problems' },
      el('p', {}, messageFor(err)),
      ...(items.length ? [el('ul', {}, ...items)] : []),
    ),
  ];
}

type Confirm = {
  suppliedBy: string;
  before: HTMLElement[]; // what the check found, shown above the editor
  save: (json: () => unknown, failed: (err: unknown) => void) => HTMLElement;
};

export function confirmMeasures(outcome: HTMLElement, definition: Record<string, unknown>, opts: Confirm): void {
  const editor = measuresEditor(definition);
  const verdict = el('div', { id: 'survey-edit-check', 'aria-live': 'polite' });
  const failed = (err: unknown) => {
    editor.place(problemsOf(err));
    show(verdict, ...problemsView(err));
  };
  const again = el('button', { type: 'button', class: 'secondary', id: 'survey-recheck' }, 'Check the measures again');
  again.addEventListener('click', async () => {
    try {
      await admin.addSurvey(editor.edited(), { check: true, suppliedBy: opts.suppliedBy });
      editor.place([]);
      show(verdict, el('p', { role: 'status' }, 'No problems found in the measures.'));
    } catch (err) {
      failed(err);
    }
  });
  show(
    outcome,
    ...opts.before,
    el('h3', {}, 'Confirm the measures'),
    el(
      'p',
      { class: 'hint' },
      'Keep, rename, drop or change each scale and flag, say which way is better, and choose the demographic questions. Nothing is saved until you choose Save.',
    ),
    editor.element,
    verdict,
    el(
      'div',
      { class: 'actions' },
      again,
      opts.save(() => editor.edited(), failed),
    ),
  );
}
