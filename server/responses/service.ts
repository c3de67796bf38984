import { AppError, conflict, unprocessable } from '../errors.js';
import { findCampaign, findOpenCampaign } from '../campaigns/service.js';
import { redeemInvitation, settleInvitation } from '../invitations/redeem.js';
import { todayInUk } from '../campaigns/status.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { validateAnswers } from '../surveys/validate-answers.js';
import { TallyQueue } from '../summaries/model.js';
import { SurveyResponse, type ResponseDoc } from './model.js';
import type { SubmitBody } from './schemas.js';

export type SubmitResult = { id: string; created: boolean };

// Stored exactly once: the client's submissionId is the document id, so a retry after a lost
// acknowledgement finds its own earlier copy instead of adding a second one.
export async function submitResponse(code: string, body: SubmitBody, surveys: SurveyRegistry): Promise<SubmitResult> {
  const { campaign, wave } = await findOpenCampaign(code).catch(async (err) => {
    // only a closed or not-yet-open campaign can still acknowledge a stored retry; anything
    // else (the database being down, say) fails at once rather than waiting twice
    if (err instanceof AppError && (err.status === 410 || err.status === 403) && await alreadyStored(code, body.submissionId)) return findCampaign(code);
    throw err;
  });
  const def = surveys.get(wave.surveyId, wave.surveyVersion);
  const checked = validateAnswers(def, body.answers);
  if (!checked.ok) {
    throw unprocessable('invalid_answers', 'Some answers are not valid for this survey.', checked.problems);
  }
  const earlier = await storedCampaign(body.submissionId);
  if (earlier !== null) {
    const result = sameCampaign(earlier, code, body.submissionId);
    await settleInvitation(code, body.token, body.submissionId); // a retry finishes what a failed attempt left
    return result;
  }
  // a personal link is marked used before the response exists; nothing stored links the two
  const invitation = await redeemInvitation(campaign, body.token, body.submissionId);
  // queue first: a response can then never be stored without being queued for the summaries
  await TallyQueue.create({ _id: body.submissionId }).catch((err) => { if (err.code !== 11000) throw err; });
  try {
    await SurveyResponse.create({
      _id: body.submissionId, campaign: campaign._id, pilotCode: campaign.pilotCode, waveId: wave._id,
      surveyId: def.id, surveyVersion: def.version, day: todayInUk(), answers: checked.answers,
    });
    await invitation?.settle();
    return { id: body.submissionId, created: true };
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    return sameCampaign(await storedCampaign(body.submissionId), code, body.submissionId);
  }
}

// Read by _id alone: the one lookup FerretDB answers from an index.
async function storedCampaign(submissionId: string): Promise<string | null> {
  return (await SurveyResponse.findById(submissionId, { campaign: 1 }).lean<Pick<ResponseDoc, 'campaign'>>())?.campaign ?? null;
}

function sameCampaign(stored: string | null, code: string, submissionId: string): SubmitResult {
  if (stored === code) return { id: submissionId, created: false };
  throw conflict('This submissionId was already used for another survey; generate a new one.');
}

async function alreadyStored(code: string, submissionId: string): Promise<boolean> {
  return (await storedCampaign(submissionId)) === code;
}
