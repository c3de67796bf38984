import { AppError, conflict, unprocessable } from '../errors.js';
import { findCampaign, findOpenCampaign, type OpenCampaign } from '../study/campaigns/service.js';
import { redeemInvitation, settleInvitation } from '../invitations/redeem.js';
import { todayInUk } from '../platform/dates.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { validateAnswers } from '../surveys/validate-answers.js';
import { SurveyResponse, type ResponseDoc } from './model.js';
import type { SubmitBody } from './schemas.js';
import type { ResponseWriter } from './writer.js';
import type { CampaignCache } from '../study/campaigns/cache.js';

export type SubmitResult = { id: string; created: boolean };

// Stored exactly once: the client's submissionId is the document id, so a retry after a lost
// acknowledgement finds its own earlier copy instead of adding a second one (writer.ts).
export type SubmitDeps = { surveys: SurveyRegistry; writer: ResponseWriter; cache: CampaignCache };

export async function submitResponse(
  code: string,
  body: SubmitBody,
  { surveys, writer, cache }: SubmitDeps,
): Promise<SubmitResult> {
  const { campaign, wave } = await findOpenCampaign(code, cache).catch(async (err) => {
    // only a closed or not-yet-open campaign can still acknowledge a stored retry; anything
    // else (the database being down, say) fails at once rather than waiting twice
    if (
      err instanceof AppError &&
      (err.status === 410 || err.status === 403) &&
      (await writer.storedCampaign(body.submissionId)) === code
    )
      return findCampaign(code);
    throw err;
  });
  const def = surveys.get(wave.surveyId, wave.surveyVersion);
  const checked = validateAnswers(def, body.answers);
  if (!checked.ok) {
    throw unprocessable('invalid_answers', 'Some answers are not valid for this survey.', checked.problems);
  }
  const doc = new SurveyResponse({
    _id: body.submissionId,
    campaign: campaign._id,
    pilotCode: campaign.pilotCode,
    waveId: wave._id,
    surveyId: def.id,
    surveyVersion: def.version,
    day: todayInUk(),
    answers: checked.answers,
  });
  await doc.validate();
  const response = doc.toObject() as ResponseDoc;
  if (body.token) return submitInvited(campaign, response, body.token, writer);
  await redeemInvitation(campaign, undefined, body.submissionId); // refuses if the campaign needs a personal link
  const outcome = await writer.store(response);
  return outcome.created ? { id: response._id, created: true } : sameCampaign(outcome.campaign, code, response._id);
}

// A personal link is marked used before the response exists; nothing stored links the two.
async function submitInvited(
  campaign: OpenCampaign['campaign'],
  response: ResponseDoc,
  token: string,
  writer: ResponseWriter,
): Promise<SubmitResult> {
  const code = campaign._id;
  // looked for first: a retry of a stored response must not find its own link used up
  let stored = await writer.storedCampaign(response._id);
  if (stored === null) {
    const invitation = await redeemInvitation(campaign, token, response._id);
    const outcome = await writer.store(response);
    if (outcome.created) {
      await invitation?.settle();
      return { id: response._id, created: true };
    }
    stored = outcome.campaign;
  }
  if (stored === code) await settleInvitation(code, token, response._id); // a retry finishes what a failed attempt left
  return sameCampaign(stored, code, response._id);
}

function sameCampaign(stored: string | null, code: string, submissionId: string): SubmitResult {
  if (stored === code) return { id: submissionId, created: false };
  throw conflict('This submissionId was already used for another survey; generate a new one.');
}
