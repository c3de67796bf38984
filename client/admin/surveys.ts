import { ApiError } from '../api.js';
import { el, show } from '../dom.js';
import { admin, surveyTitle, type AdminSurvey, type SurveyAddition } from './data.js';
import { messageFor } from './forms.js';
import { card, load, type AdminContext } from './status.js';
import { confirmMeasures, problemsView } from './survey-confirm.js';

// Survey versions: the installed ones, and adding one (plain SurveyJS or our format) in four
// steps: check (every problem at once, or what was derived), preview as a respondent, confirm
// or edit the proposed measures (checked again by the server), save.
export const PREVIEW_KEY = 'survey-preview';

export function surveysTab(host: HTMLElement, ctx: AdminContext): void {
  void load(
    host,
    'survey versions',
    () => admin.surveys(),
    (surveys) => draw(host, ctx, surveys),
  );
}

function draw(host: HTMLElement, ctx: AdminContext, surveys: AdminSurvey[]) {
  show(
    host,
    el(
      'p',
      { class: 'muted' },
      'A survey version never changes once saved: a wave pins it. To change a survey, add it again as a new version.',
    ),
    installedTable(surveys),
    card('Add a survey', addForm(host, ctx)),
  );
}

function installedTable(surveys: AdminSurvey[]): HTMLElement {
  const source = (s: AdminSurvey) =>
    s.source === 'added'
      ? `Added by ${s.addedBy ?? 'unknown'} on ${new Date(s.addedAt ?? 0).toLocaleDateString('en-GB')}`
      : 'Built in (surveys/)';
  const list = (xs: { label: string }[] | undefined) => (xs?.length ? xs.map((x) => x.label).join('; ') : 'none');
  const rows = surveys.map((s) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, `${surveyTitle(s)}, version ${s.version}`),
      el('td', {}, s.id),
      el('td', {}, source(s)),
      el('td', {}, list(s.scales)),
      el('td', {}, list(s.flags)),
      el('td', { class: 'mono' }, (s.hash ?? '').slice(0, 12)),
    ),
  );
  return el(
    'table',
    { class: 'data-table', id: 'installed-surveys' },
    el('caption', {}, 'Installed survey versions'),
    el(
      'thead',
      {},
      el('tr', {}, ...['Survey', 'Id', 'Source', 'Scales', 'Flags', 'Hash'].map((h) => el('th', { scope: 'col' }, h))),
    ),
    el('tbody', {}, ...rows),
  );
}

function addForm(host: HTMLElement, ctx: AdminContext): HTMLElement {
  const file = el('input', { id: 'survey-file', type: 'file', accept: '.json,application/json' }) as HTMLInputElement;
  const supplied = el('input', {
    id: 'survey-supplied-by',
    type: 'text',
    autocomplete: 'organization',
  }) as HTMLInputElement;
  const check = el('button', { type: 'button', class: 'primary' }, 'Check');
  const outcome = el('div', { id: 'survey-check', 'aria-live': 'polite' });
  check.addEventListener('click', () => void runCheck(file, supplied.value.trim(), outcome, host, ctx));
  return el(
    'div',
    { class: 'stack' },
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'survey-file' }, 'SurveyJS JSON file'),
      el(
        'p',
        { class: 'hint' },
        'A plain SurveyJS definition, or one in this project’s format. Nothing is saved until you choose Save.',
      ),
      file,
    ),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'survey-supplied-by' }, 'Questions supplied by'),
      el(
        'p',
        { class: 'hint' },
        'Shown as each question’s provenance, e.g. a partner university. Leave empty to record your own address.',
      ),
      supplied,
    ),
    el('div', { class: 'actions' }, check),
    outcome,
  );
}

async function readJson(file: HTMLInputElement): Promise<unknown> {
  const chosen = file.files?.[0];
  if (!chosen) throw new ApiError(400, 'no_file', 'Choose a JSON file first.');
  try {
    return JSON.parse(await chosen.text()) as unknown;
  } catch (err) {
    throw new ApiError(400, 'invalid_json', `The file is not valid JSON: ${(err as Error).message}`);
  }
}

async function runCheck(
  file: HTMLInputElement,
  suppliedBy: string,
  outcome: HTMLElement,
  host: HTMLElement,
  ctx: AdminContext,
) {
  show(outcome, el('p', { class: 'loading', role: 'status' }, 'Checking…'));
  try {
    const json = await readJson(file);
    const checked = await admin.addSurvey(json, { check: true, suppliedBy });
    showChecked(outcome, checked, suppliedBy, host, ctx);
  } catch (err) {
    show(outcome, ...problemsView(err));
  }
}

function showChecked(
  outcome: HTMLElement,
  checked: SurveyAddition,
  suppliedBy: string,
  host: HTMLElement,
  ctx: AdminContext,
) {
  confirmMeasures(outcome, checked.definition as Record<string, unknown>, {
    suppliedBy,
    before: derivedView(checked),
    save: (json, failed) => saveButton(json, suppliedBy, host, ctx, failed),
  });
}

function derivedView(checked: SurveyAddition): HTMLElement[] {
  const { definition, proposals, notes } = checked;
  const preview = el(
    'a',
    { href: '/admin/survey-preview', target: '_blank', rel: 'opener', id: 'survey-preview-link' },
    'Preview the respondent page (opens in a new tab)',
  );
  preview.addEventListener('click', () => sessionStorage.setItem(PREVIEW_KEY, JSON.stringify(definition)));
  const rows = proposals.map((p) =>
    el(
      'tr',
      {},
      el('td', {}, p.kind),
      el('td', { class: 'mono' }, p.id),
      el('td', {}, p.label),
      el('td', {}, p.because),
    ),
  );
  return [
    el(
      'p',
      { role: 'status' },
      `No problems found: “${surveyTitle(definition)}” (${definition.id}). ${checked.derived ? 'Our metadata was derived from the plain SurveyJS JSON:' : 'It is already in our format.'}`,
    ),
    ...(rows.length
      ? [
          el(
            'table',
            { class: 'data-table', id: 'survey-proposals' },
            el('caption', {}, 'Proposed measures (confirm or change them below)'),
            el(
              'thead',
              {},
              el('tr', {}, ...['Kind', 'Id', 'Label', 'Because it is'].map((h) => el('th', { scope: 'col' }, h))),
            ),
            el('tbody', {}, ...rows),
          ),
        ]
      : []),
    ...(notes.length ? [el('ul', { class: 'notes' }, ...notes.map((n) => el('li', {}, n)))] : []),
    el('p', {}, preview),
  ];
}

function saveButton(
  json: () => unknown,
  suppliedBy: string,
  host: HTMLElement,
  ctx: AdminContext,
  failed: (err: unknown) => void,
): HTMLElement {
  const save = el('button', { type: 'button', class: 'primary', id: 'survey-save' }, 'Save as a new version');
  save.addEventListener('click', async () => {
    save.setAttribute('disabled', '');
    try {
      const saved = await admin.addSurvey(json(), { check: false, suppliedBy });
      const what = `${saved.definition.id} version ${saved.definition.version}`;
      surveysTab(host, ctx);
      ctx.done(
        saved.created === false
          ? `${what} was already installed; nothing new was saved.`
          : `Saved ${what}. A wave can use it now.`,
      );
    } catch (err) {
      save.removeAttribute('disabled');
      failed(err);
      ctx.failed(messageFor(err));
    }
  });
  return save;
}
