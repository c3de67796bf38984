import { randomUUID } from 'node:crypto';
import { SurveyResponse } from '../../server/responses/model.js';
import { TallyQueue } from '../../server/tally/model.js';
import { queueForCounting } from '../../server/tally/queue.js';
import { buildAnswers } from './factories.js';

type Campaign = { code: string; pilotCode: string; waveId: string };

// What the response writer leaves behind before any counting: the queue entry first (one for the
// ids stored together), then the responses, each with its queue token. `untokened`: as a version
// before queue tokens left them, the responses without one. `earlier`: as a version before grouped
// entries left them, one entry per response, its id as the entry's own (and no tokens). `skip`:
// positions queued but not stored (yet). Returns the ids, in order, and the tokens to store the
// skipped ones with later (storeResponse).
export async function storeUncounted(
  count: number,
  { code, pilotCode, waveId }: Campaign,
  { earlier = false, untokened = earlier, skip = [] }: { earlier?: boolean; untokened?: boolean; skip?: number[] } = {},
): Promise<string[] & { tokens: string[] }> {
  const ids = Array.from({ length: count }, () => randomUUID());
  const tokens = earlier ? [] : await queueForCounting(ids);
  for (const [i, _id] of ids.entries()) {
    if (earlier) await TallyQueue.create({ _id });
    const queuedBy = untokened ? undefined : tokens[i];
    if (!skip.includes(i)) await storeResponse(_id, i, { code, pilotCode, waveId }, queuedBy);
  }
  return Object.assign(ids, { tokens });
}

// The i-th response of storeUncounted, stored under `_id` (with its queue token `queuedBy`).
export async function storeResponse(
  _id: string,
  i: number,
  { code, pilotCode, waveId }: Campaign,
  queuedBy?: string,
): Promise<void> {
  await SurveyResponse.create({
    _id,
    queuedBy,
    campaign: code,
    pilotCode,
    waveId,
    surveyId: 'staff-wellbeing',
    surveyVersion: 1,
    day: i % 2 ? '2025-03-03' : '2025-03-04',
    answers: buildAnswers({
      js_overall: 1 + (i % 5),
      demo_role: i % 3 ? 'social_worker' : undefined,
      leave_looking: ['yes', 'no', 'prefer_not_to_say'][i % 3],
    }),
  });
}
