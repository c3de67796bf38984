import { z } from 'zod';
import { unprocessable } from '../errors.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { addSurvey, listStoredSurveys } from '../surveys/store.js';
import { checkSubmitted } from '../surveys/submitted.js';

const AddQuery = z.strictObject({
  // `?check=true`: check and derive only, for the preview; nothing is stored
  check: z.enum(['true', 'false']).optional(),
  // who the questions come from, for each item's provenance (default: the signed-in admin)
  suppliedBy: z.string().trim().min(1).max(200).optional(),
});

// Every installed version, built-in or added, with where it came from.
export async function listSurveys(surveys: SurveyRegistry) {
  const stored = new Map((await listStoredSurveys()).map((s) => [s.key, s]));
  return surveys.all().map((d) => {
    const added = stored.get(d.key);
    return {
      id: d.id,
      version: d.version,
      title: d.title,
      hash: d.hash,
      source: added ? 'added' : 'built-in',
      addedBy: added?.addedBy ?? null,
      addedAt: added?.addedAt ?? null,
      scales: d.scales.map((s) => ({ id: s.id, label: s.label })),
      flags: d.flags.map((f) => ({ id: f.id, label: f.label })),
      demographics: d.demographics,
    };
  });
}

// The admin API's way in for any survey, plain SurveyJS or our format: every problem at once
// (422 with JSON paths), or the derived definition (check only), or a new immutable version.
export async function addAdminSurvey(body: unknown, query: unknown, addedBy: string, surveys: SurveyRegistry) {
  const { check, suppliedBy } = AddQuery.parse(query);
  const result = checkSubmitted(body, { suppliedBy: suppliedBy ?? addedBy });
  if (!result.ok) {
    const count = result.problems.length;
    throw unprocessable(
      'invalid_survey',
      `The survey has ${count} problem${count === 1 ? '' : 's'}; each is listed with its JSON path.`,
      [...result.problems],
    );
  }
  const { file, derived, proposals, notes } = result;
  if (check === 'true') return { status: 200, body: { stored: false, derived, proposals, notes, definition: file } };
  const added = await addSurvey(surveys, file, { addedBy, derived });
  const { definition } = added;
  return {
    status: added.created ? 201 : 200,
    body: {
      stored: true,
      created: added.created,
      ...added.stored,
      derived,
      proposals,
      notes,
      definition: { ...file, version: definition.version },
    },
  };
}
