import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDefinition } from './check.js';
import { SurveyDefinitionError, type DefinitionProblem, type SurveyDefinition, type SurveyFile } from './definition.js';

export { SurveyDefinitionError } from './definition.js';

const FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.v([1-9][0-9]*)\.json$/;

// Reads every *.json file in `dir`; a file with problems throws a SurveyDefinitionError listing them all.
export function loadSurveys(dir: string): Map<string, SurveyDefinition> {
  const definitions = new Map<string, SurveyDefinition>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const definition = loadSurveyFile(join(dir, file));
    definitions.set(definition.key, definition);
  }
  return definitions;
}

export function loadSurveyFile(filePath: string): SurveyDefinition {
  const file = filePath.split(/[\\/]/).pop() ?? filePath;
  const json = parseJson(readFileSync(filePath, 'utf8'));
  if (!json.ok) throw new SurveyDefinitionError(file, json.problems);
  const checked = checkDefinition(json.value);
  if (!checked.ok) throw new SurveyDefinitionError(file, checked.problems);
  const { id, version } = checked.definition;
  const match = FILE_NAME.exec(file);
  if (!match || match[1] !== id || Number(match[2]) !== version) {
    throw new SurveyDefinitionError(file, [{ path: '$', reason: `file name must be "${id}.v${version}.json"` }]);
  }
  return toDefinition(checked.definition, json.value, file);
}

// A checked file as the rest of the server sees it: frozen, with its key and content hash.
export function toDefinition(definition: SurveyFile, json: unknown, file: string): SurveyDefinition {
  const key = `${definition.id}@${definition.version}`;
  return deepFreeze({ ...definition, key, hash: contentHash(withoutPresentation(json)), file });
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problems: DefinitionProblem[] } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problems: [{ path: '$', reason: `invalid JSON: ${(error as Error).message}` }] };
  }
}

// How the dashboard groups measures into charts (`dashboard`), which way is better for a scale or
// flag (`higherIsBetter`), its name in Welsh on the staff pages (`labelCy`), and which the driver
// analysis relates to which (`outcome` / `driver`)
// say how to show and analyse a result, not what was asked or how it is scored, so they are left
// out of the content hash: they can be added to a version already in use without changing the
// hash its waves pinned. A file without them hashes exactly as before.
const PRESENTATION_KEYS = new Set(['higherIsBetter', 'labelCy', 'outcome', 'driver']);

export function withoutPresentation(json: unknown): unknown {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return json;
  const strip = (list: unknown) =>
    Array.isArray(list)
      ? list.map((entry: unknown) =>
          entry !== null && typeof entry === 'object' && !Array.isArray(entry)
            ? Object.fromEntries(Object.entries(entry).filter(([key]) => !PRESENTATION_KEYS.has(key)))
            : entry,
        )
      : list;
  const { dashboard: _dashboard, ...file } = json as Record<string, unknown>;
  return { ...file, scales: strip(file.scales), flags: strip(file.flags) };
}

// Key order in the file must not change the hash, so keys are sorted at every level.
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
