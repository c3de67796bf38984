import { driverBaseShown, type DriverRefusal } from '../../disclosure/drivers.js';
import type { SurveyDefinition } from '../../surveys/definition.js';
import { analyseOutcome, completeCases, markedVariables, type OutcomeAnalysis, type Values } from './analysis.js';
import { DriverResult } from './model.js';

export type OutcomeResult =
  | ({ shown: true } & OutcomeAnalysis)
  | { shown: false; id: string; label: string; kind: 'scale' | 'flag'; reason: DriverRefusal; explanation: string };

export function explain(reason: DriverRefusal, driverMin: number): string {
  switch (reason) {
    case 'not-published':
      return 'Driver analysis is shown once results are published, a minute after the survey closes.';
    case 'changed-since-publication':
      return 'The responses stored no longer match the published results, so no driver analysis is shown.';
    case 'below-driver-minimum':
      return `Driver analysis needs at least ${driverMin} people who answered this and every candidate driver. Fewer did here, so no figures are shown.`;
  }
}

// Every outcome the survey marks, analysed over the group's values or refused with the reason.
export function outcomeResults(
  def: SurveyDefinition,
  rows: readonly Values[] | DriverRefusal,
  limits: { driverMin: number; min: number },
): OutcomeResult[] {
  const drivers = markedVariables(def, 'driver');
  return markedVariables(def, 'outcome').map((outcome): OutcomeResult => {
    const refuse = (reason: DriverRefusal): OutcomeResult => {
      const { id, label, kind } = outcome;
      return { shown: false, id, label, kind, reason, explanation: explain(reason, limits.driverMin) };
    };
    if (typeof rows === 'string') return refuse(rows);
    const cases = completeCases(rows, outcome, drivers);
    if (!driverBaseShown(cases.length, limits.driverMin, limits.min)) return refuse('below-driver-minimum');
    return { shown: true, ...analyseOutcome(cases, outcome, drivers) };
  });
}

// Welsh names are read from the survey at each request, so a result kept before its survey had
// them gets them too; what was computed is not touched.
export function withWelshLabels(def: SurveyDefinition, outcomes: readonly OutcomeResult[]): OutcomeResult[] {
  const welsh = new Map<string, string>(
    [...def.scales.map((s) => ['scale', s] as const), ...def.flags.map((f) => ['flag', f] as const)].flatMap(
      ([kind, e]) => (e.labelCy ? [[`${kind}:${e.id}`, e.labelCy] as const] : []),
    ),
  );
  const add = <T extends { id: string; kind: string }>(x: T) => {
    const labelCy = welsh.get(`${x.kind}:${x.id}`);
    return labelCy ? { ...x, labelCy } : x;
  };
  return outcomes.map((o) => (o.shown ? { ...add(o), drivers: o.drivers.map(add) } : add(o)));
}

// The first analysis published for a group is kept (claimed by unique insert) and returned ever after.
export async function keptOr<T extends object>(id: string, compute: () => Promise<T>): Promise<T> {
  const kept = await DriverResult.findById(id).lean<{ result: T }>();
  if (kept) return kept.result;
  const result = await compute();
  try {
    await DriverResult.create({ _id: id, result });
    return result;
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    return (await DriverResult.findById(id).lean<{ result: T }>())!.result;
  }
}
