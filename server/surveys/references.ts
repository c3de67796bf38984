import { ConditionRunner } from 'survey-core';
import { isSafeKey, pathSegment, splitItemRef, type Report, type Flag, type Scale, type SurveyFile } from './definition.js';
import { numericRange, valuesForRef, type QuestionSpec } from './questions.js';

export interface Questions {
  byName: Map<string, QuestionSpec>;
  pathByName: Map<string, string>;
}

// Cross-references between the metadata and the SurveyJS questions.
export function checkReferences(file: SurveyFile, questions: Questions, fail: Report): void {
  checkItems(file.items, questions, fail);
  file.demographics.forEach((name, i) => {
    const spec = questions.byName.get(name);
    if (!spec) fail(`$.demographics[${i}]`, `no question named "${name}"`);
    else if (spec.required) fail(questions.pathByName.get(name) ?? '$', `demographic question "${name}" must be optional`);
  });
  checkUniqueIds(file.scales, '$.scales', fail);
  file.scales.forEach((scale, i) => checkScale(scale, `$.scales[${i}]`, questions.byName, fail));
  checkUniqueIds(file.flags, '$.flags', fail);
  file.flags.forEach((flag, i) => checkFlag(flag, `$.flags[${i}]`, questions.byName, fail));
  checkDashboard(file, fail);
  for (const spec of questions.byName.values()) {
    if (spec.kind === 'rating' && !numericRange(spec.values)) fail(questions.pathByName.get(spec.name) ?? '$.survey', 'rating values must be numbers');
    checkVisibleIf(spec, questions, fail);
  }
}

function checkItems(items: SurveyFile['items'], { byName, pathByName }: Questions, fail: Report): void {
  const variables = new Map<string, string>();
  for (const [name, meta] of Object.entries(items)) {
    if (!byName.has(name)) fail(`$.items${pathSegment(name)}`, `item metadata for "${name}" but no such question`);
    const previous = variables.get(meta.variable);
    if (previous) fail(`$.items${pathSegment(name)}.variable`, `variable "${meta.variable}" is also used by "${previous}"`);
    else variables.set(meta.variable, name);
  }
  for (const name of byName.keys()) {
    if (!Object.hasOwn(items, name)) fail(pathByName.get(name) ?? '$.survey', `question "${name}" has no entry in items`);
  }
}

function checkUniqueIds(entries: { id: string }[], path: string, fail: Report): void {
  const seen = new Set<string>();
  entries.forEach(({ id }, i) => {
    if (seen.has(id)) fail(`${path}[${i}].id`, `duplicate id "${id}"`);
    seen.add(id);
  });
}

function checkScale(scale: Scale, path: string, byName: Map<string, QuestionSpec>, fail: Report): void {
  const [min, max] = scale.range;
  if (!(min < max)) fail(`${path}.range`, 'range must be [min, max] with min < max');
  scale.items.forEach((ref, i) => {
    const { question, row } = splitItemRef(ref);
    const range = numericRange(valuesForRef(byName.get(question), row) ?? []);
    if (!range) fail(`${path}.items[${i}]`, `"${ref}" is not a numeric rating or matrix row`);
    else if (range[0] !== min || range[1] !== max) fail(`${path}.items[${i}]`, `"${ref}" runs ${range[0]}–${range[1]}, not ${min}–${max}`);
  });
  if (new Set(scale.items).size !== scale.items.length) fail(`${path}.items`, 'an item is listed twice');
  scale.reverse.forEach((ref, i) => {
    if (!scale.items.includes(ref)) fail(`${path}.reverse[${i}]`, `"${ref}" is not one of the scale's items`);
  });
  if (scale.minAnswered > scale.items.length) fail(`${path}.minAnswered`, `exceeds the ${scale.items.length} items`);
  checkBands(scale, path, fail);
}

function checkBands(scale: Scale, path: string, fail: Report): void {
  const [min, max] = scale.range;
  let previousMax = -Infinity;
  (scale.bands ?? []).forEach((band, i) => {
    if (band.min > band.max || band.min < min || band.max > max) fail(`${path}.bands[${i}]`, `band must lie within ${min}–${max} with min <= max`);
    // Bands may touch (4.5 ends one and starts the next: the first match wins) but not overlap.
    if (band.min < previousMax) fail(`${path}.bands[${i}]`, 'bands must be in ascending order without overlap');
    previousMax = band.max;
  });
}

function checkFlag(flag: Flag, path: string, byName: Map<string, QuestionSpec>, fail: Report): void {
  const { question, row } = splitItemRef(flag.question);
  const allowed = valuesForRef(byName.get(question), row);
  if (!allowed) return fail(`${path}.question`, `"${flag.question}" is not a single-answer question or matrix row`);
  flag.values.forEach((value, i) => {
    if (!allowed.includes(value)) fail(`${path}.values[${i}]`, `${JSON.stringify(value)} is not an answer to "${flag.question}"`);
  });
  (flag.excludeFromBase ?? []).forEach((value, i) => {
    if (!allowed.includes(value) || flag.values.includes(value)) {
      fail(`${path}.excludeFromBase[${i}]`, `${JSON.stringify(value)} must be an answer to "${flag.question}" not listed in values`);
    }
  });
}

function checkVisibleIf(spec: QuestionSpec, { byName, pathByName }: Questions, fail: Report): void {
  if (!spec.visibleIf) return;
  const path = `${pathByName.get(spec.name) ?? '$.survey'}.visibleIf`;
  const runner = new ConditionRunner(spec.visibleIf);
  if (!runner.canRun()) return fail(path, `cannot parse expression ${JSON.stringify(spec.visibleIf)}`);
  for (const variable of runner.getVariables()) {
    const { question } = splitItemRef(variable);
    if (!isSafeKey(question) || !byName.has(question)) fail(path, `expression refers to unknown question "${variable}"`);
    else if (question === spec.name) fail(path, 'a question cannot depend on itself');
  }
}

function checkDashboard(file: SurveyFile, fail: Report): void {
  const scales = new Set(file.scales.map((s) => s.id));
  const flags = new Set(file.flags.map((f) => f.id));
  (file.dashboard ?? []).forEach((card, i) => {
    if (!card.scales === !card.flags) fail(`$.dashboard[${i}]`, 'a chart shows either scales or flags');
    card.scales?.forEach((id, j) => scales.has(id) || fail(`$.dashboard[${i}].scales[${j}]`, `no scale "${id}"`));
    card.flags?.forEach((id, j) => flags.has(id) || fail(`$.dashboard[${i}].flags[${j}]`, `no flag "${id}"`));
  });
}
