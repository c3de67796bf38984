import { randomUUID } from 'node:crypto';
import { todayInUk } from '../../server/platform/dates.js';
import { packAnswers } from '../../server/responses/packed.js';
import type { SurveyDefinition } from '../../server/surveys/definition.js';
import { validateAnswers } from '../../server/surveys/validate-answers.js';

// Fields of the stored shape, cheap enough to make in a timed loop: an _id as long as the app's
// (SHA-256 in hex, server/responses/ids.ts) and a queue token as long as the app's
// (server/tally/queue.ts), so that the yardsticks write documents of the same size as the app.
export const storedId = () => (randomUUID() + randomUUID()).replace(/-/g, '');
export const queueToken = () => randomUUID().replace(/-/g, '').slice(0, 22);

// A response as the app stores it but for its _id and token: answers checked and packed.
export function storedFields(
  { _id: code, pilotCode, waveId }: { _id: string; pilotCode: string; waveId: string },
  def: SurveyDefinition,
  answers: Record<string, unknown>,
) {
  const checked = validateAnswers(def, answers);
  if (!checked.ok) throw new Error('generator produced invalid answers');
  return {
    campaign: code,
    pilotCode,
    waveId,
    surveyId: def.id,
    surveyVersion: def.version,
    day: todayInUk(),
    answers: packAnswers(checked.answers),
  };
}
