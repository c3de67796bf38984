// What the admin changes in a survey's proposed measures before saving a version: keep or drop
// each scale and flag, rename it, change its items, direction and part in the driver analysis,
// and choose the demographic questions. Pure: the editor reads its fields into these, and the
// server checks the result like any definition (every problem at once, with its JSON path).
type Json = Record<string, unknown>;
export type Better = '' | 'higher' | 'lower';
export type Role = '' | 'outcome' | 'driver';
export type ScaleEdit = {
  keep: boolean;
  id: string;
  label: string;
  items: string;
  reverse: string;
  minAnswered: string;
  better: Better;
  role: Role;
};
export type FlagEdit = {
  keep: boolean;
  id: string;
  label: string;
  question: string;
  values: string;
  better: Better;
  role: Role;
};
export type MeasureEdits = { scales: ScaleEdit[]; flags: FlagEdit[]; demographics: string[] };

export const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export const betterOf = (m: Json): Better =>
  m.higherIsBetter === true ? 'higher' : m.higherIsBetter === false ? 'lower' : '';
export const roleOf = (m: Json): Role => (m.outcome === true ? 'outcome' : m.driver === true ? 'driver' : '');

// Presentation and analysis marks: left out when not chosen, so an unedited definition is unchanged.
function marks(m: Json, better: Better, role: Role): Json {
  const out: Json = { ...m };
  delete out.higherIsBetter;
  delete out.outcome;
  delete out.driver;
  if (better) out.higherIsBetter = better === 'higher';
  if (role) out[role] = true;
  return out;
}

// A number typed as a number; anything else is sent as typed for the server to name the problem.
const numberOr = (text: string): unknown => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text.trim());

// An answer value: a number where the question's answers are numbers (the flag's values were),
// text otherwise.
function answerValues(text: string, before: unknown[]): unknown[] {
  const numeric = before.length > 0 && before.every((v) => typeof v === 'number');
  return list(text).map((v) => (numeric ? numberOr(v) : v));
}

export function applyEdits(definition: Json, edits: MeasureEdits): Json {
  const scales = (definition.scales as Json[]).flatMap((scale, i) => {
    const e = edits.scales[i];
    if (!e) return [scale];
    if (!e.keep) return [];
    const items = list(e.items);
    const edited = { ...scale, id: e.id.trim(), label: e.label.trim(), items, reverse: list(e.reverse) };
    return [marks({ ...edited, minAnswered: numberOr(e.minAnswered) }, e.better, e.role)];
  });
  const flags = (definition.flags as Json[]).flatMap((flag, i) => {
    const e = edits.flags[i];
    if (!e) return [flag];
    if (!e.keep) return [];
    const values = answerValues(e.values, (flag.values as unknown[]) ?? []);
    return [
      marks({ ...flag, id: e.id.trim(), label: e.label.trim(), question: e.question.trim(), values }, e.better, e.role),
    ];
  });
  return { ...definition, scales, flags, demographics: edits.demographics };
}

// Which editor row a problem's path points at: `$.scales[1].items[0]` is the second scale kept
// (dropped ones are not sent), field `items`.
export function problemTarget(
  path: string,
  edits: MeasureEdits,
): { kind: 'scales' | 'flags'; row: number; field: string } | null {
  const match = /^\$\.(scales|flags)\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!match) return null;
  const kind = match[1] as 'scales' | 'flags';
  const kept = edits[kind].map((e, row) => (e.keep ? row : -1)).filter((row) => row >= 0);
  const row = kept[Number(match[2])];
  return row === undefined ? null : { kind, row, field: match[3] ?? 'id' };
}
