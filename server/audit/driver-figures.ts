import { isDeepStrictEqual } from 'node:util';
import { reachesMinimum } from '../disclosure/suppression.js';
import type { Mismatch } from './audit.js';
import { personRow, Unknowns, type Respondent } from './unknowns.js';

// Driver analyses (GET /api/v1/pilots/:code/drivers, GET /api/v1/drivers) are regressions and
// correlations: not linear in the answers, so the equations cannot hold them. What can be checked
// is checked here: each published analysis is over at least the driver minimum of complete answers
// (recounted from the stored responses of the group and the published driver set), over published
// groups only, with no field beyond the scale-free group-level ones; the same group reads the same
// every time; an arm gathers only councils of at least the minimum (in people and, for each
// outcome, in complete answers, or none); and no two analyses of one outcome are over nested
// samples that differ by 1 to the minimum − 1 people (an arm with and without a small council).
export type DriverRead = {
  source: string;
  key: string; // the group: every read of one key must publish the same analysis
  wave: string;
  councils: readonly string[]; // whose respondents (in the wave) the group holds
  arm: boolean;
  published: boolean; // every council in the group has its results published
  head: readonly string[]; // the fields published beside the outcomes (the body's and the arm's)
  outcomes: readonly unknown[];
};
export type DriverFinding = { kind: 'driver'; source: string; problem: string };
export type DriverLimits = { min: number; driverMin: number };

const HEAD = {
  council: ['council', 'wave', 'driverMinGroupSize', 'outcomes'],
  arm: ['wave', 'driverMinGroupSize', 'arms', 'arm', 'councils', 'outcomes'],
};
const FIELDS = {
  shown: [
    'shown',
    'id',
    'label',
    'labelCy',
    'kind',
    'higherIsBetter',
    'model',
    'n',
    'df',
    'modelUnavailable',
    'drivers',
  ],
  refused: ['shown', 'id', 'label', 'labelCy', 'kind', 'reason', 'explanation'],
  driver: ['id', 'label', 'labelCy', 'kind', 'higherIsBetter', 'correlation', 'model'],
  correlation: ['n', 'r', 'ci95'],
  model: ['estimate', 'se', 'ci95'],
};

type Variable = { id: string; kind: string };
type Outcome = Variable & { shown: boolean; n?: number; drivers?: (Variable & Record<string, unknown>)[] };

const extraFields = (value: unknown, allowed: readonly string[], at: string): string[] =>
  value && typeof value === 'object'
    ? Object.keys(value).flatMap((k) => (allowed.includes(k) ? [] : [`${at}${k}`]))
    : [];

function fieldProblems(o: Outcome): string[] {
  const extra = extraFields(o, o.shown ? FIELDS.shown : FIELDS.refused, '');
  for (const d of o.shown ? (o.drivers ?? []) : []) {
    extra.push(...extraFields(d, FIELDS.driver, `drivers.${d.id}.`));
    extra.push(...extraFields(d.correlation, FIELDS.correlation, `drivers.${d.id}.correlation.`));
    extra.push(...extraFields(d.model, FIELDS.model, `drivers.${d.id}.model.`));
  }
  return extra.length ? [`publishes fields the rules do not allow: ${extra.join(', ')}`] : [];
}

const fnOf = (v: Variable) => `${v.kind === 'flag' ? 'fl' : 'sc'}|${v.id}`;

// The people who answered the outcome and every published driver (as the auditor's model of
// scores and flags has it).
function completeAnswers(u: Unknowns, group: readonly Respondent[], o: Outcome): Respondent[] {
  const fns = [o, ...(o.drivers ?? [])].map(fnOf);
  return group.filter((r) => fns.every((fn) => personRow(u, r, fn) !== null));
}

type Sample = { source: string; outcome: string; analysis: string; ids: Set<string> };

function armProblems(read: DriverRead, wave: readonly Respondent[], o: Outcome, u: Unknowns, min: number) {
  return read.councils.flatMap((code) => {
    const council = wave.filter((r) => r.council === code);
    const complete = completeAnswers(u, council, o).length;
    if (!reachesMinimum(council.length, min)) return [`gathers council ${code} of ${council.length} people`];
    if (complete > 0 && !reachesMinimum(complete, min))
      return [`gathers council ${code} with ${complete} complete answers for ${o.id}`];
    return [];
  });
}

// Two analyses of the same outcome and drivers over nested samples: the difference is a few people.
function differences(samples: Sample[], min: number): DriverFinding[] {
  const found: DriverFinding[] = [];
  for (const a of samples)
    for (const b of samples) {
      const rest = b.ids.size - a.ids.size;
      if (a.analysis !== b.analysis || a.ids.size === 0 || rest <= 0 || reachesMinimum(rest, min)) continue;
      if (![...a.ids].every((id) => b.ids.has(id))) continue;
      const problem = `its sample is ${a.source}'s and ${rest} more people (${a.outcome})`;
      found.push({ kind: 'driver', source: b.source, problem });
    }
  return found;
}

type Context = { u: Unknowns; limits: DriverLimits; mismatches: Mismatch[]; samples: Sample[] };

// What one shown outcome of a read publishes, against the auditor's own count.
function shownProblems(read: DriverRead, wave: readonly Respondent[], o: Outcome, ctx: Context): string[] {
  const problems: string[] = [];
  if (!read.published) problems.push(`${o.id} is analysed over a group whose results are not published`);
  const complete = completeAnswers(
    ctx.u,
    wave.filter((r) => read.councils.includes(r.council)),
    o,
  );
  if (o.n !== complete.length)
    ctx.mismatches.push({
      source: read.source,
      fn: `drivers|${o.id}`,
      published: o.n ?? NaN,
      computed: complete.length,
    });
  const { driverMin, min } = ctx.limits;
  if (!reachesMinimum(complete.length, driverMin))
    problems.push(`${o.id} is over ${complete.length} complete answers, fewer than the driver minimum ${driverMin}`);
  if (read.arm) problems.push(...armProblems(read, wave, o, ctx.u, min));
  const analysis = [o.id, ...(o.drivers ?? []).map((d) => d.id).sort()].join(' ~ ');
  ctx.samples.push({ source: read.source, outcome: o.id, analysis, ids: new Set(complete.map((r) => r.id)) });
  return problems;
}

export function driverFindings(reads: readonly DriverRead[], people: readonly Respondent[], limits: DriverLimits) {
  const ctx: Context = { u: new Unknowns(), limits, mismatches: [], samples: [] };
  const findings: DriverFinding[] = [];
  const first = new Map<string, unknown>();
  for (const read of reads) {
    const wave = people.filter((r) => r.wave === read.wave);
    const report = (problem: string) => findings.push({ kind: 'driver', source: read.source, problem });
    const extraHead = read.head.filter((k) => !HEAD[read.arm ? 'arm' : 'council'].includes(k));
    if (extraHead.length) report(`publishes fields the rules do not allow: ${extraHead.join(', ')}`);
    for (const o of read.outcomes as Outcome[]) {
      const kept = first.get(`${read.key}|${o.id}`);
      if (kept === undefined) first.set(`${read.key}|${o.id}`, o);
      else if (!isDeepStrictEqual(kept, o)) report(`${o.id} differs from what the same group published before`);
      fieldProblems(o).forEach(report);
      if (o.shown) shownProblems(read, wave, o, ctx).forEach(report);
    }
  }
  // a group read twice reports its problems once
  const once = <T>(list: T[]) => [...new Map(list.map((x) => [JSON.stringify(x), x])).values()];
  return { findings: once([...findings, ...differences(ctx.samples, limits.min)]), mismatches: once(ctx.mismatches) };
}
