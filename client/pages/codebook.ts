import { ApiError, getCodebook } from '../api.js';
import { codebookSections } from '../codebook/sections.js';
import type { Codebook } from '../codebook/types.js';
import { el, show } from '../dom.js';
import { startStaffPage } from '../staff.js';

// /codebook?survey=<id>@<version>[,<id>@<version>]: the codebook of a survey's versions as a
// page to read and print, with the files to download.
const main = document.getElementById('main')!;
const survey = new URLSearchParams(location.search).get('survey') ?? '';

function downloads(book: Codebook): HTMLElement {
  const formats: [string, string][] = [
    ['csv', 'CSV'],
    ['json', 'JSON'],
    ['md', 'Markdown'],
  ];
  const href = (f: string) => `/api/v1/exports/codebook?format=${f}&survey=${encodeURIComponent(survey)}`;
  return el(
    'ul',
    { class: 'downloads no-print', id: 'codebook-downloads' },
    ...formats.map(([f, label]) =>
      el(
        'li',
        {},
        el('a', { href: href(f), download: `${book.survey}-codebook.${f}` }, `Download the codebook (${label})`),
      ),
    ),
  );
}

function render(book: Codebook) {
  document.title = `Codebook: ${book.survey}`;
  const plural = book.versions.length > 1 ? 's' : '';
  show(
    main,
    el('h1', {}, `Codebook: ${book.survey}, version${plural} ${book.versions.join(', ')}`),
    el(
      'p',
      { class: 'muted' },
      'What each column of a research export means. The same content is in the files below and in the codebook sheet of an Excel export.',
    ),
    downloads(book),
    el(
      'section',
      { class: 'card', id: 'codebook-notes', 'aria-labelledby': 'codebook-notes-h' },
      el('h2', { id: 'codebook-notes-h' }, 'Notes'),
      el('ul', {}, ...book.notes.map((n) => el('li', {}, n))),
    ),
    ...codebookSections(book),
  );
}

async function start() {
  try {
    if (!(await startStaffPage())) return;
    render(await getCodebook<Codebook>(survey));
  } catch (err) {
    show(
      main,
      el('h1', {}, 'The codebook could not be shown'),
      el('p', { role: 'alert' }, err instanceof ApiError ? err.message : 'Reload the page to try again.'),
    );
  }
}

void start();
