import type { SurveyDefinition } from '../surveys/definition.js';
import { questionsOf } from '../surveys/questions.js';

// What a summary counts for one survey version, read once from the definition:
// every closed item with its answer options (matrix rows as "question:row"), and the demographics.
export type SummaryItem = { ref: string; question: string; row?: string; options: string[]; multi: boolean };
export type SummaryLayout = { items: SummaryItem[]; demographics: { question: string; bands: string[] }[] };

const cache = new WeakMap<object, SummaryLayout>();

export function summaryLayout(def: SurveyDefinition): SummaryLayout {
  const hit = cache.get(def.survey);
  if (hit) return hit;
  const demographicNames = new Set(def.demographics);
  const items: SummaryItem[] = [];
  const demographics: SummaryLayout['demographics'] = [];
  for (const q of questionsOf(def.survey)) {
    if (q.kind === 'text') continue;
    if (q.kind === 'matrix') {
      for (const row of q.rows.map(String))
        items.push({ ref: `${q.name}:${row}`, question: q.name, row, options: q.columns.map(String), multi: false });
      continue;
    }
    const options = q.values.map(String);
    if (demographicNames.has(q.name)) demographics.push({ question: q.name, bands: [...options, 'unanswered'] });
    else items.push({ ref: q.name, question: q.name, options, multi: q.kind === 'checkbox' });
  }
  const layout = { items, demographics };
  cache.set(def.survey, layout);
  return layout;
}
