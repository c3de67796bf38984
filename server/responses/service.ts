import { conflict, unprocessable } from '../errors.js';
import { findCampaign, findOpenCampaign } from '../campaigns/service.js';
import { todayInUk } from '../campaigns/status.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { validateAnswers } from '../surveys/validate-answers.js';
import { SurveyResponse } from './model.js';
import type { SubmitBody } from './schemas.js';

export type SubmitResult = { id: string; created: boolean };

// Stored exactly once: the client's submissionId is the document id, so a retry after a lost
// acknowledgement finds its own earlier copy instead of adding a second one.
export async function submitResponse(code: string, body: SubmitBody, surveys: SurveyRegistry): Promise<SubmitResult> {
  const { campaign, wave } = await findOpenCampaign(code).catch(async (err) => {
    if (await alreadyStored(code, body.submissionId)) return findCampaign(code);
    throw err;
  });
  const def = surveys.get(wave.surveyId, wave.surveyVersion);
  const checked = validateAnswers(def, body.answers);
  if (!checked.ok) {
    throw unprocessable('invalid_answers', 'Some answers are not valid for this survey.', checked.problems);
  }
  try {
    await SurveyResponse.create({
      _id: body.submissionId, campaign: campaign._id, pilotCode: campaign.pilotCode, waveId: wave._id,
      surveyId: def.id, surveyVersion: def.version, day: todayInUk(), answers: checked.answers,
    });
    return { id: body.submissionId, created: true };
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    if (await alreadyStored(code, body.submissionId)) return { id: body.submissionId, created: false };
    throw conflict('This submissionId was already used for another survey; generate a new one.');
  }
}

async function alreadyStored(code: string, submissionId: string): Promise<boolean> {
  return (await SurveyResponse.exists({ _id: submissionId, campaign: code })) !== null;
}
