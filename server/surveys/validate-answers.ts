import { ConditionRunner } from 'survey-core';
import { isForbiddenKey, type SurveyDefinition } from './definition.js';
import { questionsOf } from './questions.js';
import { checkAnswer, isEmptyAnswer, isPlainObject, prepareQuestion, type CheckedQuestion } from './answer-checks.js';

// A type alias (not an interface) so it stays assignable to Record<string, unknown>.
export type AnswerProblem = { question: string; problem: string };

export type AnswerValidation =
  | { ok: true; answers: Record<string, unknown> }
  | { ok: false; problems: AnswerProblem[] };

interface CompiledQuestion extends CheckedQuestion {
  visibleIf?: ConditionRunner;
}

interface Compiled {
  questions: CompiledQuestion[];
  byName: Map<string, CompiledQuestion>;
}

// Keyed by the survey JSON object, which the loader freezes and which survives `{ ...def }` copies.
const compiledBySurvey = new WeakMap<object, Compiled>();

export function validateAnswers(def: SurveyDefinition, answers: unknown): AnswerValidation {
  if (!isPlainObject(answers)) return { ok: false, problems: [{ question: '', problem: 'answers must be a JSON object' }] };
  const compiled = compile(def);
  const problems: AnswerProblem[] = [];
  const given = knownAnswers(answers, compiled, problems);
  // survey logic sees only answers of a shape a valid response can have (no deep nesting),
  // so hostile input cannot overflow survey-core's expression evaluator
  const conditionValues = shallowOnly(given);
  const normalised: Record<string, unknown> = {};
  let name = ''; // the question being checked: one report function for them all
  const report = (problem: string, question = name) => {
    problems.push({ question, problem });
  };
  for (const q of compiled.questions) {
    name = q.spec.name;
    const value = given[name];
    if (!isVisible(q, conditionValues)) {
      if (value !== undefined) report('answered but not shown (hidden by the survey logic)');
    } else if (isEmptyAnswer(value)) {
      if (q.spec.required || (q.spec.kind === 'matrix' && q.spec.eachRowRequired)) report('required');
    } else {
      const checked = checkAnswer(q, value, report);
      if (checked !== undefined) normalised[name] = checked;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: normalised };
}

// Own keys only, including the own "__proto__" property JSON.parse creates.
function knownAnswers(answers: object, compiled: Compiled, problems: AnswerProblem[]): Record<string, unknown> {
  const known: Record<string, unknown> = {};
  for (const key of Reflect.ownKeys(answers)) {
    const name = String(key);
    if (typeof key !== 'string' || isForbiddenKey(name)) problems.push({ question: name, problem: 'forbidden key' });
    else if (name.startsWith('$')) problems.push({ question: name, problem: 'reserved key' });
    else if (!compiled.byName.has(name)) problems.push({ question: name, problem: 'unknown question' });
    else known[name] = (answers as Record<string, unknown>)[name];
  }
  return known;
}

function isVisible(q: CompiledQuestion, values: Record<string, unknown>): boolean {
  if (q.visibleIf) return q.visibleIf.runValues(values) === true;
  return !q.spec.alwaysHidden;
}

function compile(def: SurveyDefinition): Compiled {
  let compiled = compiledBySurvey.get(def.survey);
  if (!compiled) {
    const questions = questionsOf(def.survey).map((spec): CompiledQuestion => ({
      ...prepareQuestion(spec),
      visibleIf: spec.visibleIf ? new ConditionRunner(spec.visibleIf) : undefined,
    }));
    compiled = { questions, byName: new Map(questions.map((q) => [q.spec.name, q])) };
    compiledBySurvey.set(def.survey, compiled);
  }
  return compiled;
}

const isScalar = (v: unknown) =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
// survey-core turns values into numbers and strings to compare them, which throws for an object
// whose own toString or valueOf is not a function: keys that name Object.prototype's members
// keep an object out of the survey logic too (checkAnswer still reports it)
const ownsPrototypeName = (v: object) => Object.keys(v).some((key) => key in Object.prototype);
const isShallow = (v: unknown) => isScalar(v) || (Array.isArray(v) ? v.every(isScalar) : isPlainObject(v) && !ownsPrototypeName(v) && Object.values(v).every(isScalar));

function shallowOnly(given: Record<string, unknown>): Record<string, unknown> {
  const shallow: Record<string, unknown> = {};
  for (const key of Object.keys(given)) if (isShallow(given[key])) shallow[key] = given[key];
  return shallow;
}
