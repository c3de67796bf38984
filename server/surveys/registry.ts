import { resolve } from 'node:path';
import { notFound } from '../errors.js';
import type { SurveyDefinition } from './definition.js';
import { loadSurveys } from './loader.js';

export type SurveyRegistry = {
  get(id: string, version: number): SurveyDefinition & { locales: string[] };
  all(): SurveyDefinition[];
};

export const surveysDir = resolve(import.meta.dirname, '../../surveys');

// Locales a definition offers: English plus every language its strings carry.
function localesOf(def: SurveyDefinition): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k === 'cy' && typeof child === 'string') found.add('cy');
        walk(child);
      }
    }
  };
  walk(def.survey);
  return ['en', ...[...found].sort()];
}

export function createSurveyRegistry(dir = surveysDir): SurveyRegistry {
  const map = loadSurveys(dir);
  const withLocales = new Map([...map].map(([k, d]) => [k, { ...d, locales: localesOf(d) }]));
  return {
    get(id, version) {
      const def = withLocales.get(`${id}@${version}`);
      if (!def) throw notFound(`Survey ${id} version ${version} is not installed on this server.`);
      return def;
    },
    all: () => [...map.values()],
  };
}
