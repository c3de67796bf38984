import { splitItemRef, type Flag, type Scale, type ScaleBand, type SurveyDefinition } from './definition.js';

// Pure functions over answers already accepted by validateAnswers.

export function scoreScales(def: SurveyDefinition, answers: Record<string, unknown>): Record<string, number | null> {
  return Object.fromEntries(def.scales.map((scale) => [scale.id, scoreScale(scale, answers)]));
}

export function scoreScale(scale: Scale, answers: Record<string, unknown>): number | null {
  const min = scale.range[0];
  const max = scale.range[1];
  let sum = 0; // added in item order
  let answered = 0;
  for (let i = 0; i < scale.items.length; i++) {
    const ref = scale.items[i]!;
    const value = answerAt(answers, ref);
    if (typeof value !== 'number') continue;
    sum += scale.reverse.includes(ref) ? min + max - value : value;
    answered++;
  }
  if (answered < scale.minAnswered) return null;
  return sum / answered;
}

// Bands are inclusive at both ends; where two touch, the lower band takes the shared boundary.
export function bandFor(scale: Scale, score: number | null): ScaleBand | null {
  if (score === null) return null;
  return scale.bands?.find((band) => score >= band.min && score <= band.max) ?? null;
}

// true / false for respondents in the flag's base; null for those outside it (no answer, or an
// excluded answer such as "prefer not to say"), so a proportion is count(true) / count(non-null).
export function flagValue(flag: Flag, answers: Record<string, unknown>): boolean | null {
  const value = answerAt(answers, flag.question);
  if (value === undefined || flag.excludeFromBase?.includes(value as string | number)) return null;
  return flag.values.includes(value as string | number);
}

export function evaluateFlags(def: SurveyDefinition, answers: Record<string, unknown>): Record<string, boolean | null> {
  return Object.fromEntries(def.flags.map((flag) => [flag.id, flagValue(flag, answers)]));
}

// "question" or "matrixQuestion.row"
export function answerAt(answers: Record<string, unknown>, ref: string): unknown {
  const { question, row } = splitItemRef(ref);
  const value = Object.hasOwn(answers, question) ? answers[question] : undefined;
  if (row === undefined) return value;
  return value !== null && typeof value === 'object' && Object.hasOwn(value, row) ? (value as Record<string, unknown>)[row] : undefined;
}
