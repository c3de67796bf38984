import { el } from '../dom.js';
import type { Codebook, CodebookVariable } from './types.js';

// The codebook as HTML tables, one section each: variables (wording, value labels, missing
// codes), items (provenance and licence), scales and flags (how each is made, which way is
// better, its part in the driver analysis).
const versions = (vs: number[]) => vs.join(', ');

// Wide tables scroll sideways on a narrow screen: the scrolling region can be reached by keyboard.
function table(caption: string, headers: string[], rows: (string | HTMLElement)[][]): HTMLElement {
  const cell = (c: string | HTMLElement, i: number) => el(i ? 'td' : 'th', i ? {} : { scope: 'row' }, c);
  return el(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
    el(
      'table',
      {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map(cell)))),
    ),
  );
}
const better = (h: boolean | null) => (h === null ? 'not stated' : h ? 'higher' : 'lower');
const section = (id: string, title: string, ...body: HTMLElement[]) =>
  el(
    'section',
    { class: 'card codebook-section', id, 'aria-labelledby': `${id}-h` },
    el('h2', { id: `${id}-h` }, title),
    ...body,
  );

function valueLabels(v: CodebookVariable): HTMLElement | string {
  if (v.codes.length === 0) return '–';
  const welsh = v.codes.some((c) => c.label_cy);
  return el(
    'ul',
    { class: 'codes' },
    ...v.codes.map((c) =>
      el(
        'li',
        {},
        el('span', { class: 'mono' }, String(c.code)),
        ` = ${c.label_en}${welsh && c.label_cy ? ` / ${c.label_cy}` : ''}${c.missing ? ' (missing)' : ''}`,
      ),
    ),
  );
}

function variablesSection(book: Codebook): HTMLElement {
  const welsh = book.variables.some((v) => v.label_cy);
  const headers = ['Variable', 'Label', ...(welsh ? ['Label (Welsh)'] : []), 'Type', 'Value labels', 'Missing codes'];
  const rows = book.variables.map((v) => [
    el('code', {}, v.variable),
    v.label_en,
    ...(welsh ? [v.label_cy ?? '–'] : []),
    `${v.type}, ${v.measure} (${v.question_type})`,
    valueLabels(v),
    v.codes
      .filter((c) => c.missing)
      .map((c) => String(c.code))
      .join(', ') || '–',
  ]);
  const roles = book.variables.filter((v) => v.scales.length || v.reversed_in.length || v.analysis || v.note);
  const roleRows = roles.map((v) => [
    el('code', {}, v.variable),
    v.scales.join(', ') || '–',
    v.reversed_in.join(', ') || '–',
    v.analysis ?? '–',
    v.note ?? '–',
    versions(v.survey_versions),
  ]);
  return section(
    'codebook-variables',
    'Variables',
    table(`${book.variables.length} variables, in export column order`, headers, rows),
    table(
      'Scale membership, reverse scoring and analysis',
      ['Variable', 'In scales', 'Reversed in', 'Analysis', 'Note', 'Versions'],
      roleRows,
    ),
  );
}

function itemsSection(book: Codebook): HTMLElement {
  const rows = book.items.map((i) => [
    el('code', {}, i.question),
    i.variable,
    i.provenance,
    i.licence,
    versions(i.survey_versions),
  ]);
  return section(
    'codebook-items',
    'Items: provenance and licence',
    table('Where each question comes from', ['Question', 'Variable', 'Provenance', 'Licence', 'Versions'], rows),
  );
}

function measuresSections(book: Codebook): HTMLElement[] {
  const scaleRows = book.scales.map((s) => [
    el('code', {}, s.id),
    s.label,
    s.items.join(', '),
    s.reversed.join(', ') || '–',
    `${s.range[0]} to ${s.range[1]}; mean of at least ${s.min_answered} answered`,
    better(s.higher_is_better),
    s.role ?? '–',
    versions(s.survey_versions),
  ]);
  const flagRows = book.flags.map((f) => [
    el('code', {}, f.id),
    f.label,
    f.question,
    f.values.join(', '),
    f.exclude_from_base.join(', ') || '–',
    better(f.higher_is_better),
    f.role ?? '–',
    versions(f.survey_versions),
  ]);
  const head = (what: string) => [
    what,
    'Label',
    what === 'Scale' ? 'Items' : 'Question',
    what === 'Scale' ? 'Reversed' : 'Counted when',
    what === 'Scale' ? 'Scoring' : 'Left out of the base',
    'Better',
    'Analysis',
    'Versions',
  ];
  return [
    ...(scaleRows.length
      ? [section('codebook-scales', 'Scales', table('How each scale score is made', head('Scale'), scaleRows))]
      : []),
    ...(flagRows.length
      ? [section('codebook-flags', 'Flags', table('How each flag (a percentage) is made', head('Flag'), flagRows))]
      : []),
  ];
}

export function codebookSections(book: Codebook): HTMLElement[] {
  return [variablesSection(book), itemsSection(book), ...measuresSections(book)];
}
