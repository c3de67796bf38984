import type { SurveyDefinition } from '../surveys/definition.js';
import { questionsOf } from '../surveys/questions.js';

// Written comments are kept only where the campaign allows them (`allowFreeText`). Where it does
// not, they are dropped before the response is stored, and the answer to the submission names
// them: refusing the whole response would lose every other answer the person gave. The survey
// page is expected not to show comment boxes then (docs/ANONYMITY.md).
const textQuestionsBySurvey = new WeakMap<object, Set<string>>();

function textQuestions(def: SurveyDefinition): Set<string> {
  let names = textQuestionsBySurvey.get(def.survey);
  if (!names) {
    names = new Set(
      questionsOf(def.survey)
        .filter((q) => q.kind === 'text')
        .map((q) => q.name),
    );
    textQuestionsBySurvey.set(def.survey, names);
  }
  return names;
}

export function withoutFreeText(
  def: SurveyDefinition,
  answers: Record<string, unknown>,
): { answers: Record<string, unknown>; dropped: string[] } {
  const text = textQuestions(def);
  const kept: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(answers)) {
    if (text.has(name)) dropped.push(name);
    else kept[name] = value;
  }
  return { answers: kept, dropped };
}
