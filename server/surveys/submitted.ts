import { checkDefinition, type DefinitionCheck } from './check.js';
import type { DefinitionProblem, SurveyFile } from './definition.js';
import { deriveDefinition, isWrapped, type DeriveOptions } from './derive.js';
import type { Proposal } from './propose.js';
import { buildModel, readSupportedQuestions } from './questions.js';

export type Submitted =
  | { ok: true; file: SurveyFile; json: Record<string, unknown>; derived: boolean; proposals: Proposal[]; notes: string[] }
  | { ok: false; problems: DefinitionProblem[]; notes: string[] };

// Any survey someone brings: our format is checked as it is; a plain SurveyJS JSON is wrapped
// (deriveDefinition) and then checked, its problems pointing into the JSON the author sent.
export function checkSubmitted(json: unknown, options: DeriveOptions): Submitted {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, problems: [{ path: '$', reason: 'expected a SurveyJS JSON object' }], notes: [] };
  }
  const wrapped = isWrapped(json);
  const derived = wrapped ? undefined : deriveDefinition(json as Record<string, unknown>, options);
  const candidate = derived?.file ?? (json as Record<string, unknown>);
  const checked = withNewVersionChecks(checkDefinition(candidate), candidate);
  const notes = derived?.notes ?? [];
  if (!checked.ok) {
    return { ok: false, problems: wrapped ? checked.problems : inPlainTerms(checked.problems), notes };
  }
  return { ok: true, file: checked.definition, json: candidate, derived: !wrapped, proposals: derived?.proposals ?? [], notes };
}

// Problems in the metadata we derived follow from problems in the questions while there are any
// (a duplicate name makes a duplicate item), so only the questions' own problems are shown then.
function inPlainTerms(problems: DefinitionProblem[]): DefinitionProblem[] {
  const mapped = problems.map(({ path, reason }) => ({ path: intoPlain(path), reason: reason.replaceAll('$.survey', '$') }));
  const own = mapped.filter(({ path }) => path.startsWith('$'));
  return own.length > 0 ? own : mapped;
}

// `$.survey.pages[0]` in the wrapped file is `$.pages[0]` in the plain JSON the author sent.
function intoPlain(path: string): string {
  if (path === '$.survey') return '$';
  return path.startsWith('$.survey') ? `$${path.slice('$.survey'.length)}` : `(derived metadata) ${path}`;
}

// Checks for a version being added, not for one already stored (which must go on loading): a
// demographic takes a single answer, since its answer is the staff group a breakdown shows.
// Reported beside any other problem, so the author sees every one at once.
function withNewVersionChecks(checked: DefinitionCheck, json: Record<string, unknown>): DefinitionCheck {
  const { survey, demographics } = json;
  if (!survey || typeof survey !== 'object' || Array.isArray(survey) || !Array.isArray(demographics)) return checked;
  const kinds = new Map(
    readSupportedQuestions(buildModel(survey as Record<string, unknown>)).map((s) => [s.name, s.kind]),
  );
  const problems = demographics.flatMap((name: unknown, i) => {
    const kind = kinds.get(String(name));
    return kind === undefined || kind === 'choice' || kind === 'rating'
      ? []
      : [{ path: `$.demographics[${i}]`, reason: `"${String(name)}" is a ${kind} question: a demographic must take a single answer` }];
  });
  if (problems.length === 0) return checked;
  return { ok: false, problems: [...(checked.ok ? [] : checked.problems), ...problems] };
}
