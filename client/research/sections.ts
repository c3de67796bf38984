import { el } from '../dom.js';
import { table } from './table.js';
import type { Cell, Comparison, Kind, Measure } from './types.js';
import { estimateText, labelWithDirection, num, signed, verdict, verdictText, withUnit } from './words.js';

const headline = (m: Measure, two: boolean) => (two ? m.clustered.differenceInDifferences : m.clustered.difference);
const names = (c: Comparison, codes: string[]) =>
  codes.map((code) => c.councils.wave.find((k) => k.code === code)?.name ?? code).join(', ') || 'none';

export function comparedCouncils(c: Comparison): HTMLElement {
  const list = (arm: 'pilot' | 'comparison') => c.arms.compared[arm].map((k) => k.name).join(', ') || 'none';
  const both = c.baseline
    ? `publishable (at least ${c.minGroupSize} responses) in both ${c.baseline.name} and ${c.wave.name}, so both waves compare the same councils`
    : `with at least ${c.minGroupSize} responses in ${c.wave.name}`;
  return el(
    'section',
    { class: 'card', id: 'councils-compared' },
    el('h2', {}, 'Councils compared'),
    el('p', {}, `Councils ${both}:`),
    el('ul', {}, el('li', {}, `Pilot arm: ${list('pilot')}`), el('li', {}, `Comparison arm: ${list('comparison')}`)),
    el(
      'p',
      { class: 'muted' },
      'A measure leaves out a council whose own answers to it are below the minimum; each table says which.',
    ),
  );
}

const iccText = (m: Measure) =>
  m.clustered.icc ? `${num(m.clustered.icc.icc, 3)} (design effect ${num(m.clustered.icc.designEffect, 1)})` : '–';

// The primary table: councils as clusters, with the council-level version beside it.
export function primaryTable(c: Comparison, kind: Kind): HTMLElement {
  const two = c.baseline !== null;
  const rows = (kind === 'scale' ? c.scales : c.proportions).map((m) => [
    labelWithDirection(m),
    estimateText(headline(m, two), kind, true),
    verdictText(verdict(headline(m, two), m)),
    estimateText(m.councilLevel.difference, kind, true),
    iccText(m),
    m.clustered.minimumDetectableEffect === null
      ? '–'
      : `about ${withUnit(m.clustered.minimumDetectableEffect, kind, false)}`,
    m.councils.leftOutBelowMinimum.length ? `left out: ${names(c, m.councils.leftOutBelowMinimum)}` : '–',
  ]);
  const what = two ? 'Difference-in-differences' : 'Pilot minus comparison';
  return table(
    `${what}${kind === 'proportion' ? ' in percentage points' : ''}: respondents in a model that treats councils as clusters (CR2 standard errors, Satterthwaite df), and councils compared directly (each council counting once)`,
    [
      kind === 'scale' ? 'Scale' : 'Measure',
      `${what}, councils as clusters`,
      'Reading',
      `${what}, council level`,
      'Intra-council correlation',
      'Can detect',
      'Councils',
    ],
    rows,
  );
}

const cellText = (cell: Cell, kind: Kind) =>
  cell.suppressed
    ? 'fewer than the minimum'
    : kind === 'scale'
      ? `${num(cell.mean!)} (${num(cell.ci95![0])} to ${num(cell.ci95![1])}), n ${cell.n}`
      : `${num(cell.p! * 100, 1)}% (${num(cell.ci95![0] * 100, 1)} to ${num(cell.ci95![1] * 100, 1)}), n ${cell.n}`;

// Each council's figure per wave and its change, so every council's contribution can be seen.
export function councilContributions(c: Comparison, kind: Kind): HTMLElement {
  const waves = c.baseline ? [c.baseline.name, c.wave.name] : [c.wave.name];
  const scale = (x: number) => (kind === 'scale' ? num(x) : `${num(x * 100, 1)}%`);
  return el(
    'div',
    {},
    ...(kind === 'scale' ? c.scales : c.proportions).map((m) =>
      el(
        'details',
        { class: 'data-table' },
        el('summary', {}, labelWithDirection(m)),
        table(
          `${m.label}: each council`,
          ['Council', 'Arm', ...waves, ...(c.baseline ? ['Change'] : [])],
          m.councilLevel.rows.map((r) => [
            r.name,
            r.arm === 'pilot' ? 'Pilot' : 'Comparison',
            ...r.means.map(scale),
            ...(r.change === null ? [] : [kind === 'scale' ? signed(r.change) : `${signed(r.change * 100, 1)} pts`]),
          ]),
        ),
      ),
    ),
  );
}

// Secondary: every respondent treated as independent. Kept for comparison with earlier reports.
export function independentTable(c: Comparison, kind: Kind): HTMLElement {
  const rows = (kind === 'scale' ? c.scales : c.proportions).map((m) => [
    labelWithDirection(m),
    cellText(m.wave.pilot, kind),
    cellText(m.wave.comparison, kind),
    estimateText(m.wave.difference, kind),
    ...(c.baseline ? [estimateText(m.differenceInDifferences, kind)] : []),
  ]);
  return table(
    `Ignoring clustering (${kind === 'scale' ? 'Welch' : 'Wilson and Newcombe'}, every respondent independent): these intervals are too narrow when councils differ; use the table above`,
    [
      'Measure',
      `Pilot arm, ${c.wave.name}`,
      `Comparison arm, ${c.wave.name}`,
      'Difference',
      ...(c.baseline ? ['Difference-in-differences'] : []),
    ],
    rows,
  );
}

export function alphaNotes(c: Comparison): HTMLElement | null {
  const flagged = c.scales.filter((m) => m.alpha?.reading);
  if (flagged.length === 0) return null;
  return el(
    'div',
    { class: 'note', role: 'note' },
    el('p', {}, "Internal consistency (Cronbach's alpha, councils compared pooled):"),
    el('ul', {}, ...flagged.map((m) => el('li', {}, `${m.label}: alpha ${num(m.alpha!.alpha)}. ${m.alpha!.reading}`))),
  );
}

// Council means with the scales' own names as column headers.
export function councilsTable(c: Comparison): HTMLElement {
  const shown = c.scales.slice(0, 6);
  const rows = c.councils.wave.map((k) => [
    k.name,
    k.arm === 'pilot' ? 'Pilot' : 'Comparison',
    k.suppressed ? 'fewer than the minimum' : String(k.n),
    ...shown.map((s) => {
      const x = k.scales?.find((y) => y.id === s.id);
      return !x || x.suppressed ? 'fewer than the minimum' : num(x.mean!);
    }),
  ]);
  return table(
    `Council means in ${c.wave.name}`,
    ['Council', 'Arm', 'Responses', ...shown.map(labelWithDirection)],
    rows,
  );
}
