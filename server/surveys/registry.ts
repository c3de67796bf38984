import { resolve } from 'node:path';
import { conflict, notFound } from '../errors.js';
import type { SurveyDefinition } from './definition.js';
import { loadSurveys } from './loader.js';

export type InstalledSurvey = SurveyDefinition & { locales: string[] };
export type SurveyRegistry = {
  get(id: string, version: number): InstalledSurvey;
  all(): SurveyDefinition[];
  // A version added while the server runs (stored in the database); the same version twice must be identical.
  add(definition: SurveyDefinition): InstalledSurvey;
  has(id: string, version: number): boolean;
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

// The files in `dir` are the built-in set; stored versions join them through `add`.
export function createSurveyRegistry(dir = surveysDir): SurveyRegistry {
  const installed = new Map<string, InstalledSurvey>();
  const add = (def: SurveyDefinition) => {
    const existing = installed.get(def.key);
    if (existing && existing.hash !== def.hash) throw conflict(`Survey ${def.key} is already installed with different content.`);
    const entry = existing ?? { ...def, locales: localesOf(def) };
    installed.set(def.key, entry);
    return entry;
  };
  for (const def of loadSurveys(dir).values()) add(def);
  return {
    get(id, version) {
      const def = installed.get(`${id}@${version}`);
      if (!def) throw notFound(`Survey ${id} version ${version} is not installed on this server.`);
      return def;
    },
    all: () => [...installed.values()],
    add,
    has: (id, version) => installed.has(`${id}@${version}`),
  };
}
