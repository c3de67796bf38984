import type { Cell, Layout } from '../codec/columns.js';
import type { Publication } from './audit.js';
import { personTargets, type Respondent } from './unknowns.js';

// An export (GET /api/v1/exports/responses) as the reader sees it. A row cannot be tied to a
// person, but a group of rows can: the rows of a council × wave, of one code of one demographic
// column in it (the -9 merge and the blank "unanswered" included), of one submission month in it.
// Each such cell is published whole — every row's every value — so it must hold no rows or at
// least the minimum, and its sums join the equations (what the sums cannot express, the multiset
// of rows, is checked by the cell sizes alone).
export type ExportRow = Record<string, Cell>;
export type ExportCell = { source: string; rows: number };

type CellKey = { column: string; code: Cell } | { column: 'submission_month'; code: string } | null;

function cellName(council: string, wave: string, key: CellKey) {
  return `export ${council} ${wave}${key ? ` ${key.column}=${key.code ?? 'blank'}` : ''}`;
}

// The cells of the exported rows, counted.
function countCells(layout: Layout, rows: readonly ExportRow[]): Map<string, number> {
  const demographic = layout.columns.filter((c) => c.demographic).map((c) => c.name);
  const counts = new Map<string, number>();
  const add = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const row of rows) {
    const [council, wave] = [String(row.council), String(row.wave)];
    add(cellName(council, wave, null));
    add(cellName(council, wave, { column: 'submission_month', code: String(row.submission_month) }));
    for (const column of demographic) add(cellName(council, wave, { column, code: row[column] ?? null }));
  }
  return counts;
}

// Which cells each respondent's row falls in, worked out from their stored answers and the codes
// the export shows for their council × wave (any other code of a band goes to -9).
function cellsOf(layout: Layout, r: Respondent, shown: Map<string, Set<Cell>>): string[] {
  const version = layout.versions.get(r.def.version)!;
  const names = [cellName(r.council, r.wave, null)];
  names.push(cellName(r.council, r.wave, { column: 'submission_month', code: r.day.slice(0, 7) }));
  for (const { index, read } of version.readers) {
    const column = layout.columns[index]!;
    if (!column.demographic) continue;
    const code = read(r.answers);
    const visible = code === null ? null : shown.get(`${r.council}|${r.wave}|${column.name}`)?.has(code) ? code : -9;
    names.push(cellName(r.council, r.wave, { column: column.name, code: visible }));
  }
  return names;
}

export function exportFigures(layout: Layout, rows: readonly ExportRow[], people: readonly Respondent[]) {
  const cells = countCells(layout, rows);
  const shown = new Map<string, Set<Cell>>();
  for (const row of rows)
    for (const column of layout.columns.filter((c) => c.demographic)) {
      const code = row[column.name];
      if (code === null || code === undefined || code === -9) continue;
      const key = `${row.council}|${row.wave}|${column.name}`;
      shown.set(key, (shown.get(key) ?? new Set()).add(code));
    }
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
    for (const fn of fns) publications.push({ source, fn, group, rows: true });
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
