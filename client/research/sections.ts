import { el } from '../dom.js';
import type { Labeller } from '../words/lang.js';
import { researchStrings } from './strings.js';
import { table } from './table.js';
import type { Cell, Comparison, Kind, Measure } from './types.js';
import {
  alphaReading,
  estimateText,
  labelWithDirection,
  num,
  signed,
  verdict,
  verdictText,
  withUnit,
} from './words.js';

const headline = (m: Measure, two: boolean) => (two ? m.clustered.differenceInDifferences : m.clustered.difference);
const names = (c: Comparison, codes: string[], none: string) =>
  codes.map((code) => c.councils.wave.find((k) => k.code === code)?.name ?? code).join(', ') || none;
const armName = (arm: string, labels: Labeller) => {
  const s = researchStrings(labels.lang);
  return arm === 'pilot' ? s.pilot : s.comparison;
};

export function comparedCouncils(c: Comparison, labels: Labeller): HTMLElement {
  const s = researchStrings(labels.lang);
  const list = (arm: 'pilot' | 'comparison') => c.arms.compared[arm].map((k) => k.name).join(', ') || s.nobody;
  const both = c.baseline
    ? s.bothWaves(c.minGroupSize, c.baseline.name, c.wave.name)
    : s.oneWave(c.minGroupSize, c.wave.name);
  return el(
    'section',
    { class: 'card', id: 'councils-compared' },
    el('h2', {}, s.councilsCompared),
    el('p', {}, s.councilsWho(both)),
    el(
      'ul',
      {},
      el('li', {}, `${s.pilotArm}: ${list('pilot')}`),
      el('li', {}, `${s.comparisonArm}: ${list('comparison')}`),
    ),
    el('p', { class: 'muted' }, s.leftOutNote),
  );
}

const iccText = (m: Measure, labels: Labeller) =>
  m.clustered.icc
    ? `${num(m.clustered.icc.icc, 3)} (${researchStrings(labels.lang).designEffect} ${num(m.clustered.icc.designEffect, 1)})`
    : '–';

// The primary table: councils as clusters, with the council-level version beside it.
export function primaryTable(c: Comparison, kind: Kind, labels: Labeller): HTMLElement {
  const s = researchStrings(labels.lang);
  const two = c.baseline !== null;
  const mde = (m: Measure) => m.clustered.minimumDetectableEffect;
  const rows = (kind === 'scale' ? c.scales : c.proportions).map((m) => [
    labelWithDirection(m, labels),
    estimateText(headline(m, two), kind, labels, true),
    verdictText(verdict(headline(m, two), m), labels),
    estimateText(m.councilLevel.difference, kind, labels, true),
    iccText(m, labels),
    mde(m) === null ? '–' : s.about(withUnit(mde(m)!, kind, labels, false)),
    m.councils.leftOutBelowMinimum.length ? s.leftOut(names(c, m.councils.leftOutBelowMinimum, s.nobody)) : '–',
  ]);
  const what = two ? s.didName : s.armName;
  return table(
    s.primaryCaption(`${what}${kind === 'proportion' ? s.inPoints : ''}`),
    [
      kind === 'scale' ? s.scale : s.measure,
      s.clusteredHead(what),
      s.reading,
      s.councilHead(what),
      s.icc,
      s.canDetect,
      s.councils,
    ],
    rows,
  );
}

const cellText = (cell: Cell, kind: Kind, labels: Labeller) => {
  const s = researchStrings(labels.lang);
  if (cell.suppressed) return s.belowMinimum;
  return kind === 'scale'
    ? `${num(cell.mean!)} (${num(cell.ci95![0])} ${s.to} ${num(cell.ci95![1])}), n ${cell.n}`
    : `${num(cell.p! * 100, 1)}% (${num(cell.ci95![0] * 100, 1)} ${s.to} ${num(cell.ci95![1] * 100, 1)}), n ${cell.n}`;
};

// Each council's figure per wave and its change, so every council's contribution can be seen.
export function councilContributions(c: Comparison, kind: Kind, labels: Labeller): HTMLElement {
  const s = researchStrings(labels.lang);
  const waves = c.baseline ? [c.baseline.name, c.wave.name] : [c.wave.name];
  const scale = (x: number) => (kind === 'scale' ? num(x) : `${num(x * 100, 1)}%`);
  return el(
    'div',
    {},
    ...(kind === 'scale' ? c.scales : c.proportions).map((m) =>
      el(
        'details',
        { class: 'data-table' },
        el('summary', {}, labelWithDirection(m, labels)),
        table(
          s.eachCouncil(labels.label(m)),
          [s.council, s.arm, ...waves, ...(c.baseline ? [s.change] : [])],
          m.councilLevel.rows.map((r) => [
            r.name,
            armName(r.arm, labels),
            ...r.means.map(scale),
            ...(r.change === null
              ? []
              : [kind === 'scale' ? signed(r.change) : `${signed(r.change * 100, 1)} ${s.pts}`]),
          ]),
        ),
      ),
    ),
  );
}

// Secondary: every respondent treated as independent. Kept for comparison with earlier reports.
export function independentTable(c: Comparison, kind: Kind, labels: Labeller): HTMLElement {
  const s = researchStrings(labels.lang);
  const rows = (kind === 'scale' ? c.scales : c.proportions).map((m) => [
    labelWithDirection(m, labels),
    cellText(m.wave.pilot, kind, labels),
    cellText(m.wave.comparison, kind, labels),
    estimateText(m.wave.difference, kind, labels),
    ...(c.baseline ? [estimateText(m.differenceInDifferences, kind, labels)] : []),
  ]);
  return table(
    s.independentCaption(kind === 'scale'),
    [
      s.measure,
      s.armIn(s.pilotArm, c.wave.name),
      s.armIn(s.comparisonArm, c.wave.name),
      s.difference,
      ...(c.baseline ? [s.didName] : []),
    ],
    rows,
  );
}

export function alphaNotes(c: Comparison, labels: Labeller): HTMLElement | null {
  const s = researchStrings(labels.lang);
  const flagged = c.scales.filter((m) => m.alpha?.reading);
  if (flagged.length === 0) return null;
  return el(
    'div',
    { class: 'note', role: 'note' },
    el('p', {}, s.alphaIntro),
    el(
      'ul',
      {},
      ...flagged.map((m) =>
        el('li', {}, `${labels.label(m)}: ${s.alpha} ${num(m.alpha!.alpha)}. ${alphaReading(m.alpha!, labels)}`),
      ),
    ),
  );
}

// Council means with the scales' own names as column headers.
export function councilsTable(c: Comparison, labels: Labeller): HTMLElement {
  const s = researchStrings(labels.lang);
  const shown = c.scales.slice(0, 6);
  const rows = c.councils.wave.map((k) => [
    k.name,
    armName(k.arm, labels),
    k.suppressed ? s.belowMinimum : String(k.n),
    ...shown.map((sc) => {
      const x = k.scales?.find((y) => y.id === sc.id);
      return !x || x.suppressed ? s.belowMinimum : num(x.mean!);
    }),
  ]);
  return table(
    s.councilMeans(c.wave.name),
    [s.council, s.arm, s.responses, ...shown.map((m) => labelWithDirection(m, labels))],
    rows,
  );
}
