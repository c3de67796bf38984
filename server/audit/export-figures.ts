import type { Cell, Layout } from '../codec/columns.js';
import type { Publication } from './audit.js';
import { personTargets, type Respondent } from './unknowns.js';

// An export (GET /api/v1/exports/responses) as the reader sees it. A row cannot be tied to a
// person, but a group of rows can: the rows of a council × wave, of one code of one demographic
// column in it (the -9 of the hidden bands and the blank of a shown "unanswered" included), of one
// submission month in it (blank: dated by the wave alone), and — the finest a reader can sort
// them — of one full combination of every demographic column and the month in it, the released
// tuple ("the only part-time team manager of 10+ years in role" is one such class). Each such cell
// is published whole — every row's every value — so it must hold no rows or at least the minimum,
// and its sums join the equations (what the sums cannot express, the multiset of rows, is checked
// by the cell sizes alone).
//
// Which codes and months a council × wave shows is read off the rows themselves, as a reader
// would, never from the export's own rules: each respondent is then put in the cells their stored
// answers and day fall in, and every cell's size is checked against the rows counted. A model
// that drifts from the exporter (or an exporter that drifts from its rules) shows up as a mismatch.
export type ExportRow = Record<string, Cell>;
export type ExportCell = { source: string; rows: number };

const label = (column: string, code: Cell) => `${column}=${code ?? 'blank'}`;
const cellName = (council: string, wave: string, labels = '') => `export ${council} ${wave}${labels && ` ${labels}`}`;

// A row's cells: its group, each column's code alone, and the full combination.
function namesOf(council: string, wave: string, labels: string[]): string[] {
  return [
    cellName(council, wave),
    ...labels.map((l) => cellName(council, wave, l)),
    cellName(council, wave, labels.join(' ')),
  ];
}

// The cells of the exported rows, counted.
function countCells(layout: Layout, rows: readonly ExportRow[]): Map<string, number> {
  const demographic = layout.columns.filter((c) => c.demographic).map((c) => c.name);
  const counts = new Map<string, number>();
  for (const row of rows) {
    const labels = [
      label('submission_month', row.submission_month ?? null),
      ...demographic.map((column) => label(column, row[column] ?? null)),
    ];
    for (const name of namesOf(String(row.council), String(row.wave), labels))
      counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

// Which cells each respondent's row falls in, worked out from their stored answers and day and the
// codes the export shows for their council × wave: a code (unanswered, null, included) or month
// that no row of the group carries is hidden, so the row carries -9 (a month: blank) instead.
function cellsOf(layout: Layout, r: Respondent, shown: Map<string, Set<Cell>>): string[] {
  const version = layout.versions.get(r.def.version)!;
  const group = `${r.council}|${r.wave}`;
  const visible = (column: string, code: Cell, hidden: Cell) =>
    shown.get(`${group}|${column}`)?.has(code) ? code : hidden;
  const labels = [label('submission_month', visible('submission_month', r.day.slice(0, 7), null))];
  const codes = new Map<number, Cell>();
  for (const { index, read } of version.readers)
    if (layout.columns[index]!.demographic) codes.set(index, read(r.answers));
  // in the layout's column order, as countCells reads them (a column of another version: blank)
  layout.columns.forEach((column, index) => {
    if (column.demographic) labels.push(label(column.name, visible(column.name, codes.get(index) ?? null, -9)));
  });
  return namesOf(r.council, r.wave, labels);
}

// The codes each council × wave's rows carry, per demographic column and for the month.
function shownCodes(layout: Layout, rows: readonly ExportRow[]): Map<string, Set<Cell>> {
  const columns = ['submission_month', ...layout.columns.filter((c) => c.demographic).map((c) => c.name)];
  const shown = new Map<string, Set<Cell>>();
  for (const row of rows)
    for (const column of columns) {
      const code = row[column] ?? null;
      if (code === -9 || (column === 'submission_month' && code === null)) continue;
      const key = `${row.council}|${row.wave}|${column}`;
      shown.set(key, (shown.get(key) ?? new Set()).add(code));
    }
  return shown;
}

// The columns that carry a value in some row of each council × wave: a column blank in every row
// of a group (an answer too few of them gave, free text not released) publishes no sum there.
function filledColumns(layout: Layout, rows: readonly ExportRow[]): Map<string, Set<string>> {
  const filled = new Map<string, Set<string>>();
  for (const row of rows) {
    const key = `${row.council}|${row.wave}`;
    const set = filled.get(key) ?? new Set<string>();
    filled.set(key, set);
    for (const column of layout.columns) if ((row[column.name] ?? null) !== null) set.add(column.name);
  }
  return filled;
}

// The columns a per-person figure is read from, in the respondent's survey version.
function columnsOf(layout: Layout, r: Respondent, fn: string): string[] {
  const version = layout.versions.get(r.def.version)!;
  const [kind, ref] = fn.split('|');
  if (kind === 'sc') return version.scores.filter((s) => s.scale.id === ref).map((s) => layout.columns[s.index]!.name);
  return version.readers
    .filter(({ target }) => (target.row === undefined ? target.question : `${target.question}.${target.row}`) === ref)
    .map(({ index }) => layout.columns[index]!.name);
}

export function exportFigures(layout: Layout, rows: readonly ExportRow[], people: readonly Respondent[]) {
  const cells = countCells(layout, rows);
  const shown = shownCodes(layout, rows);
  const filled = filledColumns(layout, rows);
  const exported = new Set(rows.map((row) => `${row.council}|${row.wave}`));
  const members = new Map<string, Respondent[]>();
  for (const r of people) {
    if (!exported.has(`${r.council}|${r.wave}`)) continue;
    for (const name of cellsOf(layout, r, shown)) members.set(name, [...(members.get(name) ?? []), r]);
  }
  const publications: Publication[] = [];
  for (const [source, group] of members) {
    publications.push({ source, fn: 'n', group, published: cells.get(source) ?? 0, rows: true });
    const fns = new Set(group.flatMap((r) => personTargets(r)).filter(cellSum));
    const inRows = filled.get(`${group[0]!.council}|${group[0]!.wave}`) ?? new Set<string>();
    for (const fn of fns)
      if (columnsOf(layout, group[0]!, fn).some((column) => inRows.has(column)))
        publications.push({ source, fn, group, rows: true });
  }
  return { publications, cells: [...cells].map(([source, n]) => ({ source, rows: n })) };
}

// Rating items are summed as values, the options of a categorical item counted one by one, and
// scales averaged. Flags are left out: their base ("prefer not to say" excluded) is chosen by an
// answer, and within a cell of visible rows a reader cannot tell whose row is whose by answers.
function cellSum(fn: string): boolean {
  const [kind, , option] = fn.split('|');
  if (kind === 'it') return !Number.isFinite(Number(option));
  return kind === 'val' || kind === 'sc';
}
