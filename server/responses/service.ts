import { AppError, conflict, unprocessable } from '../errors.js';
import { findCampaign, findOpenCampaign, type OpenCampaign } from '../study/campaigns/service.js';
import { redeemInvitation, settleInvitation } from '../invitations/redeem.js';
import { todayInUk } from '../platform/dates.js';
import type { SurveyDefinition } from '../surveys/definition.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { validateAnswers } from '../surveys/validate-answers.js';
import { withoutFreeText } from './free-text.js';
import { requireRandomSubmissionId, storedResponseId } from './ids.js';
import type { ResponseDoc } from './model.js';
import type { SubmitBody } from './schemas.js';
import type { ResponseWriter, StoreOutcome } from './writer.js';
import type { CampaignCache } from '../study/campaigns/cache.js';

// `id` echoes the client's submissionId (the stored id is never sent); `notStored` names written
// comments dropped because the campaign does not collect them.
export type SubmitResult = { id: string; created: boolean; notStored?: string[]; message?: string };

// Stored exactly once: the stored id is a hash of the client's submissionId (ids.ts), so a retry
// after a lost acknowledgement finds its own earlier copy instead of adding a second one (writer.ts).
export type SubmitDeps = { surveys: SurveyRegistry; writer: ResponseWriter; cache: CampaignCache };

export async function submitResponse(
  code: string,
  body: SubmitBody,
  { surveys, writer, cache }: SubmitDeps,
): Promise<SubmitResult> {
  requireRandomSubmissionId(body.submissionId);
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
  const { answers, dropped } = checkedAnswers(def, body.answers, campaign.allowFreeText ?? false);
  // a plain object, not a mongoose document: every field is set here from checked values (the
  // answers validated above), and constructing and validating a document cost more server time
  // than the rest of the submission together
  const response: ResponseDoc = {
    _id: storedResponseId(body.submissionId),
    campaign: campaign._id,
    pilotCode: campaign.pilotCode,
    waveId: wave._id,
    surveyId: def.id,
    surveyVersion: def.version,
    day: todayInUk(),
    answers,
  };
  const result = body.token
    ? await submitInvited(campaign, response, body, writer)
    : await submitOpen(campaign, response, body.submissionId, writer);
  return dropped.length === 0
    ? result
    : {
        ...result,
        notStored: dropped,
        message: 'This survey does not collect written comments, so what was written there was not stored.',
      };
}

// Valid answers, without written comments where the campaign does not collect them; an empty
// response (no question answered) is refused.
function checkedAnswers(def: SurveyDefinition, given: unknown, allowFreeText: boolean) {
  const checked = validateAnswers(def, given);
  if (!checked.ok) {
    throw unprocessable('invalid_answers', 'Some answers are not valid for this survey.', checked.problems);
  }
  const kept = allowFreeText ? { answers: checked.answers, dropped: [] } : withoutFreeText(def, checked.answers);
  if (Object.keys(kept.answers).length > 0) return kept;
  throw unprocessable(
    'empty_response',
    kept.dropped.length > 0
      ? 'No question was answered apart from written comments, which this survey does not collect, so nothing was stored. Answer at least one other question and send again.'
      : 'No question was answered, so there is nothing to store. Answer at least one question and send again.',
  );
}

async function submitOpen(
  campaign: OpenCampaign['campaign'],
  response: ResponseDoc,
  submissionId: string,
  writer: ResponseWriter,
): Promise<SubmitResult> {
  await redeemInvitation(campaign, undefined, submissionId); // refuses if the campaign needs a personal link
  const outcome = await writer.store(response, submissionId);
  return outcome.created
    ? { id: submissionId, created: true }
    : sameCampaign(outcome.campaign, campaign._id, submissionId);
}

// Redeems the link, then stores. A retry of this same submission running in parallel may have
// stored it and used the link up meanwhile (the link is used only after the response is stored):
// that retry's "used" is this submission's own, so it is answered as stored, not refused.
async function redeemAndStore(
  campaign: OpenCampaign['campaign'],
  response: ResponseDoc,
  { submissionId, token }: SubmitBody,
  writer: ResponseWriter,
): Promise<StoreOutcome> {
  let invitation: Awaited<ReturnType<typeof redeemInvitation>>;
  try {
    invitation = await redeemInvitation(campaign, token, submissionId);
  } catch (err) {
    const used = err instanceof AppError && err.code === 'invitation_used';
    const stored = used ? await writer.storedCampaign(submissionId) : null;
    if (stored === null) throw err;
    return { created: false, campaign: stored };
  }
  const outcome = await writer.store(response, submissionId);
  if (outcome.created) await invitation?.settle();
  return outcome;
}

// A personal link is marked used before the response exists; nothing stored links the two.
async function submitInvited(
  campaign: OpenCampaign['campaign'],
  response: ResponseDoc,
  body: SubmitBody,
  writer: ResponseWriter,
): Promise<SubmitResult> {
  const { submissionId, token } = body;
  const code = campaign._id;
  // looked for first: a retry of a stored response must not find its own link used up
  const known = await writer.storedCampaign(submissionId);
  const outcome: StoreOutcome =
    known === null ? await redeemAndStore(campaign, response, body, writer) : { created: false, campaign: known };
  if (outcome.created) return { id: submissionId, created: true };
  if (outcome.campaign === code) await settleInvitation(code, token, submissionId); // a retry finishes what a failed attempt left
  return sameCampaign(outcome.campaign, code, submissionId);
}

function sameCampaign(stored: string | null, code: string, submissionId: string): SubmitResult {
  if (stored === code) return { id: submissionId, created: false };
  throw conflict('This submissionId was already used for another survey; generate a new one.');
}
