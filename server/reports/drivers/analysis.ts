import { pearson, type Correlation } from '../../stats/correlation.js';
import { linearModel, logisticModel, type Coefficient, type Fit } from '../../stats/regression.js';
import type { SurveyDefinition } from '../../surveys/definition.js';
import { evaluateFlags, scoreScales } from '../../surveys/scoring.js';

// The driver analysis of one group, from its respondents' scale scores and flags (never returned
// one by one): for each outcome the survey marks, the respondents who answered it and every
// candidate driver (complete cases), each driver's correlation with the outcome, and one
// standardised model of the outcome on all drivers together: linear for a scale, logistic for a
// flag. Drivers are ranked by the size of their correlation.
export type Variable = { id: string; label: string; kind: 'scale' | 'flag'; higherIsBetter: boolean | null };
export type DriverRow = Variable & { correlation: Correlation | null; model: Coefficient | null };
export type OutcomeAnalysis = Variable & {
  model: 'linear' | 'logistic';
  n: number;
  df: number | null;
  modelUnavailable: Exclude<Fit, { ok: true }>['reason'] | null;
  drivers: DriverRow[];
};
export type Values = Record<string, number | null>;

export function markedVariables(def: SurveyDefinition, mark: 'outcome' | 'driver'): Variable[] {
  return [
    ...def.scales.filter((s) => s[mark]).map((s) => ({ id: s.id, label: s.label, kind: 'scale' as const, hib: s })),
    ...def.flags.filter((f) => f[mark]).map((f) => ({ id: f.id, label: f.label, kind: 'flag' as const, hib: f })),
  ].map(({ hib, ...v }) => ({ ...v, higherIsBetter: hib.higherIsBetter ?? null }));
}

// One respondent's scale scores and flags (1 / 0), null where outside the base.
export function valuesOf(def: SurveyDefinition, answers: Record<string, unknown>): Values {
  const flags = Object.entries(evaluateFlags(def, answers)).map(([id, v]) => [id, v === null ? null : v ? 1 : 0]);
  return { ...scoreScales(def, answers), ...Object.fromEntries(flags) };
}

// The complete cases of an outcome: [drivers…, outcome] for every respondent who has them all.
export function completeCases(rows: readonly Values[], outcome: Variable, drivers: readonly Variable[]): number[][] {
  const ids = [...drivers.map((d) => d.id), outcome.id];
  return rows.flatMap((row) => {
    const values = ids.map((id) => row[id] ?? null);
    return values.every((v) => v !== null) ? [values as number[]] : [];
  });
}

export function analyseOutcome(cases: readonly number[][], outcome: Variable, drivers: readonly Variable[]) {
  const x = cases.map((c) => c.slice(0, -1));
  const y = cases.map((c) => c.at(-1)!);
  const fit = outcome.kind === 'flag' ? logisticModel(x, y) : linearModel(x, y);
  const rows: DriverRow[] = drivers.map((d, j) => ({
    ...d,
    correlation: pearson(
      x.map((r) => r[j]!),
      y,
    ),
    model: fit.ok ? fit.coefficients[j]! : null,
  }));
  const strength = (r: DriverRow) => Math.abs(r.correlation?.r ?? 0);
  return {
    ...outcome,
    model: outcome.kind === 'flag' ? ('logistic' as const) : ('linear' as const),
    n: cases.length,
    df: fit.ok ? fit.df : null,
    modelUnavailable: fit.ok ? null : fit.reason,
    drivers: rows.sort((a, b) => strength(b) - strength(a)),
  } satisfies OutcomeAnalysis;
}
