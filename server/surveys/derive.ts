import { walkElements } from './structure.js';
import { buildModel, readSupportedQuestions } from './questions.js';
import { localisedTitle, slug, variableName } from './names.js';
import { proposeMeasures, type Proposal } from './propose.js';

type Json = Record<string, unknown>;

// Comments and one-line text answers need a limit the server can check; these are generous.
export const DEFAULT_MAX_LENGTH = { comment: 2000, text: 250 } as const;
export const UNKNOWN_LICENCE = 'unknown';

export type DeriveOptions = { suppliedBy: string; id?: string; version?: number };
export type Derived = { file: Json; proposals: Proposal[]; notes: string[] };

// A definition in our format has the SurveyJS JSON under `survey` and our metadata beside it.
export function isWrapped(json: unknown): json is Json {
  return isObject(json) && isObject(json.survey) && Object.hasOwn(json, 'items');
}

// Wraps a plain SurveyJS JSON in our format: every question gets an item entry, comments a
// maxLength, yes/no questions text values, and scales and flags are proposed for the author to
// confirm. Nothing that the respondent sees changes. The result still goes through checkDefinition.
export function deriveDefinition(plain: Json, options: DeriveOptions): Derived {
  const notes: string[] = [];
  const survey = withDefaults(plain, notes);
  const specs = readSupportedQuestions(buildModel(survey));
  const items = deriveItems(survey, options.suppliedBy);
  const variableOf = (name: string) => (items[name] as { variable: string } | undefined)?.variable ?? name;
  const { scales, flags, demographics, proposals } = proposeMeasures(survey, specs, variableOf);
  const title = localisedTitle(plain.title) ?? { default: options.id ?? 'Untitled survey' };
  if (!title.cy) notes.push('No Welsh title: the survey will be offered in English only.');
  const file: Json = {
    id: options.id ?? slug(title.default),
    version: options.version ?? 1,
    title,
    description: localisedTitle(plain.description)?.default ?? title.default,
    items,
    scales,
    demographics,
    flags,
    survey,
  };
  return { file, proposals, notes };
}

function withDefaults(plain: Json, notes: string[]): Json {
  const survey = structuredClone(plain);
  for (const { path, element } of walkElements(survey)) {
    const type = element.type;
    if ((type === 'comment' || type === 'text') && element.maxLength === undefined) {
      element.maxLength = DEFAULT_MAX_LENGTH[type];
      notes.push(`${path.replace('$.survey', '$')}: maxLength set to ${element.maxLength} characters.`);
    }
    if (type === 'boolean' && element.valueTrue === undefined && element.valueFalse === undefined) {
      Object.assign(element, { valueTrue: 'yes', valueFalse: 'no' });
      notes.push(`${path.replace('$.survey', '$')}: yes/no answers stored as "yes" and "no".`);
    }
  }
  return survey;
}

function deriveItems(survey: Json, suppliedBy: string): Json {
  const items: Json = {};
  const taken = new Set<string>();
  for (const { element } of walkElements(survey)) {
    if (element.type === 'panel' || typeof element.name !== 'string' || Object.hasOwn(items, element.name)) continue;
    const variable = uniqueVariable(element.name, taken);
    items[element.name] = { provenance: `supplied by ${suppliedBy}`, licence: UNKNOWN_LICENCE, variable };
  }
  return items;
}

function uniqueVariable(name: string, taken: Set<string>): string {
  const base = variableName(name);
  let variable = base;
  for (let n = 2; taken.has(variable); n++) variable = `${base}_${n}`;
  taken.add(variable);
  return variable;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
