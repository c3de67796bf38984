import type { Layout } from '../codec/columns.js';

// The rest of a codebook beside its variables: where each question comes from and under what
// licence, and how each scale and flag is made, with its direction and its part in the driver
// analysis. A definition that is the same in several versions is listed once, with its versions.
export type CodebookItem = {
  question: string;
  variable: string;
  provenance: string;
  licence: string;
  survey_versions: number[];
};
type Role = 'outcome' | 'driver' | null;
export type CodebookScale = {
  id: string;
  label: string;
  items: string[];
  reversed: string[];
  range: [number, number];
  min_answered: number;
  higher_is_better: boolean | null;
  role: Role;
  survey_versions: number[];
};
export type CodebookFlag = {
  id: string;
  label: string;
  question: string;
  values: (string | number)[];
  exclude_from_base: (string | number)[];
  higher_is_better: boolean | null;
  role: Role;
  survey_versions: number[];
};
export type CodebookMeasures = { items: CodebookItem[]; scales: CodebookScale[]; flags: CodebookFlag[] };

const roleOf = (m: { outcome?: boolean | undefined; driver?: boolean | undefined }): Role =>
  m.outcome ? 'outcome' : m.driver ? 'driver' : null;

// Adds `entry` for `version`, or the version to an equal entry already there.
function collect<T extends { survey_versions: number[] }>(into: Map<string, T>, entry: T, version: number): void {
  const key = JSON.stringify({ ...entry, survey_versions: [] });
  const seen = into.get(key);
  if (seen) seen.survey_versions.push(version);
  else into.set(key, { ...entry, survey_versions: [version] });
}

export function codebookMeasures(layout: Layout): CodebookMeasures {
  const items = new Map<string, CodebookItem>();
  const scales = new Map<string, CodebookScale>();
  const flags = new Map<string, CodebookFlag>();
  const ordered = [...layout.versions.entries()].sort(([a], [b]) => a - b);
  for (const [version, { def }] of ordered) {
    for (const [question, item] of Object.entries(def.items))
      collect(items, { question, ...item, survey_versions: [] }, version);
    for (const s of def.scales) {
      const { id, label, items: members, reverse, range, minAnswered } = s;
      const entry = { id, label, items: members, reversed: reverse, range, min_answered: minAnswered };
      collect(
        scales,
        { ...entry, higher_is_better: s.higherIsBetter ?? null, role: roleOf(s), survey_versions: [] },
        version,
      );
    }
    for (const f of def.flags) {
      const { id, label, question, values } = f;
      const entry = { id, label, question, values, exclude_from_base: f.excludeFromBase ?? [] };
      collect(
        flags,
        { ...entry, higher_is_better: f.higherIsBetter ?? null, role: roleOf(f), survey_versions: [] },
        version,
      );
    }
  }
  return { items: [...items.values()], scales: [...scales.values()], flags: [...flags.values()] };
}
