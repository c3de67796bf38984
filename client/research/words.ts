import type { Labeller } from '../words/lang.js';
import { fixed, signed } from '../words/numbers.js';
import { researchStrings } from './strings.js';
import type { Est, Kind, Measure } from './types.js';

export { fixed as num, signed };

// Scales in their own points; proportions in percentage points.
export const amount = (x: number, kind: Kind, sign = true) =>
  kind === 'scale' ? (sign ? signed(x) : fixed(x)) : `${sign ? signed(x * 100, 1) : fixed(x * 100, 1)}`;
export const withUnit = (x: number, kind: Kind, labels: Labeller, sign = true) => {
  const s = researchStrings(labels.lang);
  return `${amount(x, kind, sign)} ${kind === 'scale' ? s.points : s.pts}`;
};

export const interval = (e: NonNullable<Est>, kind: Kind, labels: Labeller) =>
  `${amount(e.ci95[0], kind)} ${researchStrings(labels.lang).to} ${amount(e.ci95[1], kind)}`;

export function estimateText(e: Est, kind: Kind, labels: Labeller, df = false): string {
  if (!e) return '–';
  const s = researchStrings(labels.lang);
  const dfText = df && e.df !== undefined ? `; ${fixed(e.df, 1)} ${s.df}` : '';
  return `${withUnit(e.estimate, kind, labels)} (${s.ci95} ${interval(e, kind, labels)}${dfText})`;
}

export const direction = (m: Measure, labels: Labeller) => {
  const s = researchStrings(labels.lang);
  return m.higherIsBetter === null ? '' : m.higherIsBetter ? s.higherBetter : s.lowerBetter;
};
export const arrow = (m: Measure) => (m.higherIsBetter === null ? '' : m.higherIsBetter ? '↑' : '↓');
export const labelWithDirection = (m: Measure, labels: Labeller) =>
  m.higherIsBetter === null
    ? labels.label(m)
    : `${labels.label(m)} (${arrow(m)} ${researchStrings(labels.lang).better})`;

export type Verdict = 'pilot' | 'comparison' | 'none' | 'higher' | 'lower';

// Which arm a pilot-minus-comparison estimate favours, given which way is better for the measure;
// 'none' when the 95% CI includes 0. Without a direction, only "higher"/"lower" is said.
export function verdict(e: Est, m: Measure): Verdict {
  if (!e || (e.ci95[0] <= 0 && e.ci95[1] >= 0)) return 'none';
  const up = e.estimate > 0;
  if (m.higherIsBetter === null) return up ? 'higher' : 'lower';
  return up === m.higherIsBetter ? 'pilot' : 'comparison';
}

export const verdictColour: Record<Verdict, string> = {
  pilot: '#0072B2',
  comparison: '#D55E00',
  none: '#6b7280',
  higher: '#1d2330',
  lower: '#1d2330',
};

export const verdictText = (v: Verdict, labels: Labeller) => researchStrings(labels.lang).verdict[v];

// The alpha reading the API sends is English; the page says it in its own language.
export function alphaReading(alpha: { alpha: number; reading: string | null }, labels: Labeller): string | null {
  if (!alpha.reading || labels.lang === 'en') return alpha.reading;
  const s = researchStrings(labels.lang);
  return alpha.alpha < 0 ? s.alphaNegative : s.alphaPoor;
}
