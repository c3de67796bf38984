import { reachesMinimum } from '../disclosure/suppression.js';
import type { DriverFinding } from './driver-figures.js';
import { solve, type Row } from './linear.js';
import { personRow, personTargets, structuralRows, Unknowns, type Fn, type Respondent } from './unknowns.js';

// One published figure: the sum over a group of people of a per-person figure (see unknowns.ts),
// with the number the platform printed when there is one to check the auditor's reading against.
// `rows`: a sum over a cell of exported rows, whose every row the reader sees anyway: only the
// cell's size is checked against the minimum, and its sums join the equations.
// `byDay`: a count of the people who responded up to a day (a progress point). No answer is ever
// published over a group cut by day (the export's months go through their own partition rule), so
// such a count differing by a few from another figure tells how many responded in a span of days —
// which the counts published while a campaign is open say anyway — and nothing of what they
// answered: it is left out of the difference test (its equation has no unknowns either).
export type Publication = {
  source: string;
  fn: Fn;
  group: readonly Respondent[];
  published?: number;
  rows?: true;
  byDay?: true;
};

export type Finding =
  | { kind: 'small-base'; source: string; fn: Fn; people: number }
  | { kind: 'difference'; source: string; minus: string; fn: Fn; people: number }
  | { kind: 'determined'; respondent: string; council: string; wave: string; figures: Fn[] }
  | { kind: 'export-cell'; source: string; rows: number }
  | DriverFinding;
export type Mismatch = { source: string; fn: Fn; published: number; computed: number };
export type AuditResult = { findings: Finding[]; mismatches: Mismatch[]; equations: number; unknowns: number };

type Equation = { pub: Publication; members: Respondent[]; row: Row };

function equationOf(u: Unknowns, pub: Publication): Equation {
  const row: Row = new Map();
  const members: Respondent[] = [];
  for (const r of pub.group) {
    const part = personRow(u, r, pub.fn);
    if (!part) continue;
    members.push(r);
    for (const [k, c] of part) row.set(k, (row.get(k) ?? 0) + c);
  }
  return { pub, members, row };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

// Two figures of the same kind whose groups are nested: their difference describes the people
// in one and not the other, which must be nobody or at least the minimum.
function differences(equations: Equation[], min: number): Finding[] {
  const byFn = new Map<Fn, Equation[]>();
  for (const e of equations)
    if ((!e.pub.rows || e.pub.fn === 'n') && !e.pub.byDay) byFn.set(e.pub.fn, [...(byFn.get(e.pub.fn) ?? []), e]);
  const found: Finding[] = [];
  for (const [fn, list] of byFn) {
    const sets = list.map((e) => new Set(e.members.map((r) => r.id)));
    for (let i = 0; i < list.length; i++)
      for (let j = 0; j < list.length; j++) {
        const rest = sets[j]!.size - sets[i]!.size;
        if (sets[i]!.size === 0 || rest <= 0 || reachesMinimum(rest, min)) continue;
        if (![...sets[i]!].every((id) => sets[j]!.has(id))) continue;
        found.push({ kind: 'difference', source: list[j]!.pub.source, minus: list[i]!.pub.source, fn, people: rest });
      }
  }
  return found;
}

// Every person's figures that the published equations pin down (the row-space test).
function determined(u: Unknowns, equations: Equation[], people: Respondent[]): Finding[] {
  const known = people.flatMap((r) => structuralRows(u, r));
  const solved = solve([...equations.filter((e) => e.row.size > 0).map((e) => e.row), ...known]);
  const unaided = solve(known); // what the reader knows before reading any figure
  const found: Finding[] = [];
  for (const r of people) {
    const figures = personTargets(r).filter((fn) => {
      const row = personRow(u, r, fn);
      return row !== null && solved.isDetermined(row) && !unaided.isDetermined(row);
    });
    if (figures.length) found.push({ kind: 'determined', respondent: r.id, council: r.council, wave: r.wave, figures });
  }
  return found;
}

// The audit of a set of publications. `exportCells` are groups of exported rows a reader can
// pick out (a council × wave, a band of one demographic column in it, a month in it, a full
// combination of every demographic column and the month in it).
export function audit(
  publications: readonly Publication[],
  min: number,
  exportCells: readonly { source: string; rows: number }[] = [],
): AuditResult {
  const u = new Unknowns();
  const equations = publications.map((p) => equationOf(u, p));
  const mismatches: Mismatch[] = [];
  const findings: Finding[] = [];
  for (const e of equations) {
    const computed = e.pub.fn === 'n' ? e.members.length : u.value(e.row);
    if (e.pub.published !== undefined && !close(e.pub.published, computed))
      mismatches.push({ source: e.pub.source, fn: e.pub.fn, published: e.pub.published, computed });
    if (!e.pub.rows && e.members.length > 0 && !reachesMinimum(e.members.length, min))
      findings.push({ kind: 'small-base', source: e.pub.source, fn: e.pub.fn, people: e.members.length });
  }
  for (const cell of exportCells)
    if (cell.rows > 0 && !reachesMinimum(cell.rows, min)) findings.push({ kind: 'export-cell', ...cell });
  findings.push(...differences(equations, min));
  const people = [...new Map(publications.flatMap((p) => p.group.map((r) => [r.id, r]))).values()];
  findings.push(...determined(u, equations, people));
  return { findings, mismatches, equations: equations.length, unknowns: u.size };
}
