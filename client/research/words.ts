import type { Est, Kind, Measure } from './types.js';

// Rounds first, so a value that rounds to zero prints as 0.0, never "-0.0"; a true minus sign.
export function num(x: number, digits = 2): string {
  const text = x.toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return text.replace(/^-/, '−');
}
export const signed = (x: number, digits = 2) => {
  const text = num(x, digits);
  return Number(x.toFixed(digits)) > 0 ? `+${text}` : text;
};

// Scales in their own points; proportions in percentage points.
export const unitOf = (kind: Kind) => (kind === 'scale' ? 'points' : 'percentage points');
export const amount = (x: number, kind: Kind, sign = true) =>
  kind === 'scale' ? (sign ? signed(x) : num(x)) : `${sign ? signed(x * 100, 1) : num(x * 100, 1)}`;
export const withUnit = (x: number, kind: Kind, sign = true) =>
  `${amount(x, kind, sign)} ${kind === 'scale' ? 'points' : 'pts'}`;

export const interval = (e: NonNullable<Est>, kind: Kind) => `${amount(e.ci95[0], kind)} to ${amount(e.ci95[1], kind)}`;

export const estimateText = (e: Est, kind: Kind, df = false) =>
  e
    ? `${withUnit(e.estimate, kind)} (95% CI ${interval(e, kind)}${df && e.df !== undefined ? `; ${num(e.df, 1)} df` : ''})`
    : '–';

export const direction = (m: Measure) =>
  m.higherIsBetter === null ? '' : m.higherIsBetter ? 'higher is better' : 'lower is better';
export const arrow = (m: Measure) => (m.higherIsBetter === null ? '' : m.higherIsBetter ? '↑' : '↓');
export const labelWithDirection = (m: Measure) =>
  m.higherIsBetter === null ? m.label : `${m.label} (${arrow(m)} better)`;

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

export function verdictText(v: Verdict): string {
  return {
    pilot: 'favours the pilot arm',
    comparison: 'favours the comparison arm',
    none: 'no clear difference',
    higher: 'higher in the pilot arm',
    lower: 'lower in the pilot arm',
  }[v];
}

// What a clustered DiD (or, with one wave, arm difference) means, in a sentence for a reader.
export function meaning(m: Measure, kind: Kind, twoWaves: boolean): string {
  const e = twoWaves ? m.clustered.differenceInDifferences : m.clustered.difference;
  const perArm = Math.min(m.councils.pilot.length, m.councils.comparison.length);
  if (!e)
    return `Not estimated: a clustered comparison needs at least 2 councils in each arm with enough answers (here ${perArm}).`;
  const what = twoWaves
    ? 'the change in the pilot arm relative to the comparison arm'
    : 'the pilot arm compared with the comparison arm';
  const mde = m.clustered.minimumDetectableEffect;
  const detect =
    mde !== null
      ? ` With ${m.councils.pilot.length} pilot and ${m.councils.comparison.length} comparison councils, this comparison can detect a difference of about ${withUnit(mde, kind, false)} (80% power, 5% two-sided).`
      : '';
  const v = verdict(e, m);
  const head =
    v === 'none'
      ? `No evidence of a difference in ${what}: the 95% interval includes 0.`
      : `Evidence that ${what} ${verdictText(v)}${m.higherIsBetter === null ? '' : ` (${direction(m)})`}: the 95% interval excludes 0.`;
  return head + detect;
}
