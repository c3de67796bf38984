import { checkDefinition } from './check.js';
import { SurveyDefinitionError, type SurveyDefinition, type SurveyFile } from './definition.js';
import { canonicalJson, toDefinition } from './loader.js';
import { SurveyVersion, type SurveyVersionDoc } from './model.js';
import type { SurveyRegistry } from './registry.js';

export type StoredSurvey = { key: string; id: string; version: number; hash: string; addedBy: string; addedAt: Date; derived: boolean };
export type Addition = { definition: SurveyDefinition; stored: StoredSurvey; created: boolean };

const CLAIM_ATTEMPTS = 5;
const isDuplicateKey = (err: unknown) => (err as { code?: unknown }).code === 11000;

// Run at start, before anything reads a wave, and then now and again so a version added by the
// CLI or another server process is installed here too: stored versions not yet installed join
// the built-in files. Each is checked again and must still hash as it did when added.
export async function loadStoredSurveys(registry: SurveyRegistry): Promise<number> {
  const ids = await SurveyVersion.find({}, { _id: 1, surveyId: 1, version: 1 }).lean<SurveyVersionDoc[]>();
  const missing = ids.filter((doc) => !registry.has(doc.surveyId, doc.version)).map((doc) => doc._id);
  for (const id of missing) {
    const doc = await SurveyVersion.findById(id).lean<SurveyVersionDoc>();
    if (doc) registry.add(definitionOf(doc));
  }
  return missing.length;
}

// Stores a checked definition as the next version of its id and installs it. The same content
// (apart from the version number) added again returns the version already installed.
export async function addSurvey(
  registry: SurveyRegistry,
  file: SurveyFile,
  { addedBy, derived, now = new Date() }: { addedBy: string; derived: boolean; now?: Date },
): Promise<Addition> {
  const same = registry.all().find((def) => def.id === file.id && sameContent(def, file));
  if (same) return { definition: same, stored: await storedOrBuiltIn(same), created: false };
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const version = Math.max(0, ...registry.all().filter((d) => d.id === file.id).map((d) => d.version), ...(await storedVersions(file.id))) + 1;
    const json = { ...file, version };
    const definition = toDefinition(json, json, `added by ${addedBy}`);
    const doc = { _id: definition.key, surveyId: file.id, version, hash: definition.hash, json: canonicalJson(json), derived, addedBy, addedAt: now };
    try {
      await SurveyVersion.create(doc);
    } catch (err) {
      if (isDuplicateKey(err)) continue; // someone else took this version a moment ago
      throw err;
    }
    return { definition: registry.add(definition), stored: view(doc), created: true };
  }
  throw new Error(`could not claim a version number for survey ${file.id}`);
}

export async function listStoredSurveys(): Promise<StoredSurvey[]> {
  const docs = await SurveyVersion.find({}, { json: 0 }).lean<SurveyVersionDoc[]>();
  return docs.map(view).sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

async function storedVersions(id: string): Promise<number[]> {
  const docs = await SurveyVersion.find({ surveyId: id }, { version: 1 }).lean<{ version: number }[]>();
  return docs.map((d) => d.version);
}

async function storedOrBuiltIn(def: SurveyDefinition): Promise<StoredSurvey> {
  const doc = await SurveyVersion.findById(def.key, { json: 0 }).lean<SurveyVersionDoc>();
  return doc ? view(doc) : { key: def.key, id: def.id, version: def.version, hash: def.hash, addedBy: 'built in (surveys/)', addedAt: new Date(0), derived: false };
}

function sameContent(def: SurveyDefinition, file: SurveyFile): boolean {
  const strip = ({ version: _v, ...rest }: SurveyFile) => canonicalJson(rest);
  const { key: _k, hash: _h, file: _f, locales: _l, ...own } = def as SurveyDefinition & { locales?: unknown };
  return strip(own) === strip(file);
}

function definitionOf(doc: SurveyVersionDoc): SurveyDefinition {
  const json: unknown = JSON.parse(doc.json);
  const checked = checkDefinition(json);
  if (!checked.ok) throw new SurveyDefinitionError(`stored survey ${doc._id}`, checked.problems);
  const definition = toDefinition(checked.definition, json, `added by ${doc.addedBy}`);
  if (definition.hash !== doc.hash) {
    throw new SurveyDefinitionError(`stored survey ${doc._id}`, [{ path: '$', reason: 'its content no longer matches the hash it was stored with' }]);
  }
  return definition;
}

function view(doc: Omit<SurveyVersionDoc, 'json'> & { json?: string }): StoredSurvey {
  return { key: doc._id, id: doc.surveyId, version: doc.version, hash: doc.hash, addedBy: doc.addedBy, addedAt: doc.addedAt, derived: doc.derived };
}
