import { walkElements } from '../surveys/structure.js';

// Question and answer wording in each language, read from the survey JSON as the respondent saw it.
export type Localised = { en: string; cy: string | null };
export type QuestionTexts = {
  title: Localised;
  // choices, rating values and matrix columns, keyed by JSON.stringify(value)
  options: Map<string, Localised>;
  rows: Map<string, Localised>;
  minRate?: Localised;
  maxRate?: Localised;
};

type Json = Record<string, unknown>;

export function localised(value: unknown, fallback: string): Localised {
  if (typeof value === 'string' && value) return { en: value, cy: null };
  if (value && typeof value === 'object') {
    const text = value as Json;
    const en = typeof text.default === 'string' ? text.default : typeof text.en === 'string' ? text.en : fallback;
    return { en, cy: typeof text.cy === 'string' ? text.cy : null };
  }
  return { en: fallback, cy: null };
}

function itemTexts(items: unknown): Map<string, Localised> {
  const texts = new Map<string, Localised>();
  if (!Array.isArray(items)) return texts;
  for (const item of items) {
    const value = item && typeof item === 'object' ? (item as Json).value : item;
    const text = item && typeof item === 'object' ? (item as Json).text : undefined;
    texts.set(JSON.stringify(value), localised(text, String(value)));
  }
  return texts;
}

// A yes/no question's two answers, worded as survey-core shows them by default.
function booleanItems(element: Json): Json[] | undefined {
  if (element.type !== 'boolean') return undefined;
  return [
    { value: element.valueTrue, text: element.labelTrue ?? 'Yes' },
    { value: element.valueFalse, text: element.labelFalse ?? 'No' },
  ];
}

const cache = new WeakMap<object, Map<string, QuestionTexts>>();

export function questionTexts(survey: Json): Map<string, QuestionTexts> {
  const hit = cache.get(survey);
  if (hit) return hit;
  const byName = new Map<string, QuestionTexts>();
  for (const { element } of walkElements(survey)) {
    if (element.type === 'panel' || typeof element.name !== 'string') continue;
    const options = itemTexts(element.choices ?? element.rateValues ?? element.columns ?? booleanItems(element));
    byName.set(element.name, {
      title: localised(element.title, element.name),
      options,
      rows: itemTexts(element.rows),
      minRate: element.minRateDescription ? localised(element.minRateDescription, '') : undefined,
      maxRate: element.maxRateDescription ? localised(element.maxRateDescription, '') : undefined,
    });
  }
  cache.set(survey, byName);
  return byName;
}

export function joinLabels(a: Localised, b: Localised): Localised {
  return { en: `${a.en}: ${b.en}`, cy: a.cy && b.cy ? `${a.cy}: ${b.cy}` : null };
}
