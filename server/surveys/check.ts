import type { z } from 'zod';
import { pathSegment, SurveyFileSchema, type DefinitionProblem, type Report, type SurveyFile } from './definition.js';
import { buildModel, readSupportedQuestions, type QuestionSpec } from './questions.js';
import { checkReferences } from './references.js';
import { checkNoForbiddenKeys, checkStructure } from './structure.js';

export type DefinitionCheck = { ok: true; definition: SurveyFile } | { ok: false; problems: DefinitionProblem[] };

// The one check of a definition in our format, used by the loader, `npm run surveys:check` and
// the admin API. It goes on after a problem so the author sees every problem, each with its JSON
// path; checks that need a part already found broken are skipped rather than guessed at.
export function checkDefinition(json: unknown): DefinitionCheck {
  const problems: DefinitionProblem[] = [];
  const report: Report = (path, reason) => void problems.push({ path, reason });
  checkNoForbiddenKeys(json, '$', report);
  if (problems.length > 0) return { ok: false, problems };
  const parsed = SurveyFileSchema.safeParse(json);
  if (!parsed.success) parsed.error.issues.forEach((issue) => reportIssue(issue, report));
  const survey = isObject(json) && isObject(json.survey) ? json.survey : undefined;
  const specs = survey ? checkSurvey(survey, report) : undefined;
  if (parsed.success && specs) checkReferences(parsed.data, specs, report);
  if (parsed.success)
    for (const [list, entries] of [['scales', parsed.data.scales], ['flags', parsed.data.flags]] as const)
      entries.forEach((entry, i) => {
        if (entry.outcome && entry.driver) report(`$.${list}[${i}]`, 'is marked both outcome and driver: choose one');
      });
  return problems.length > 0 || !parsed.success ? { ok: false, problems } : { ok: true, definition: parsed.data };
}

function checkSurvey(survey: Record<string, unknown>, report: Report) {
  const pathByName = checkStructure(survey, report);
  const model = buildModel(survey);
  for (const error of model.jsonErrors ?? []) {
    // survey-core names the element and the property it could not read; point at them when it can.
    const { element, propertyName } = error as { element?: { name?: unknown }; propertyName?: unknown };
    const at = typeof element?.name === 'string' ? pathByName.get(element.name) : undefined;
    const path = at && typeof propertyName === 'string' ? `${at}${pathSegment(propertyName)}` : '$.survey';
    report(path, `survey-core cannot read the survey: ${error.message}`);
  }
  const specs = readSupportedQuestions(model);
  if (model.getAllQuestions(false).length === 0) report('$.survey', 'the survey has no questions');
  return { byName: new Map<string, QuestionSpec>(specs.map((spec) => [spec.name, spec])), pathByName };
}

function reportIssue(issue: z.core.$ZodIssue, report: Report): void {
  const path = issue.path.map(pathSegment).join('');
  // A record or object with keys it does not allow: name each key, so the path points at it.
  if (issue.code === 'unrecognized_keys') {
    issue.keys.forEach((key) => report(`$${path}${pathSegment(key)}`, `unrecognised key "${key}"`));
  } else report(`$${path}`, issue.message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
