import { conflict, notFound } from '../errors.js';
import { invalid } from '../accounts/errors.js';
import { changeWave, findWave, listCampaigns, listWaves as readWaves, type WaveDoc } from '../study/store.js';
import { anyQueued, type Tallier } from '../tally/runner.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { createWave } from '../study/waves/service.js';
import { responseCount } from './campaigns.js';
import { NewWave, WaveChange } from './schemas.js';

export type WaveDeps = { surveys: SurveyRegistry; tallier: Tallier };

const view = ({ _id, surveyHash: _hash, ...rest }: WaveDoc) => ({ id: _id, ...rest });

export async function listWaves() {
  return (await readWaves()).map(view);
}

function installedSurvey(surveys: SurveyRegistry, id: string, version: number) {
  const def = surveys.all().find((d) => d.id === id && d.version === version);
  if (!def) throw invalid('surveyVersion', `survey ${id} version ${version} is not installed on this server`);
  return def;
}

export async function createAdminWave(input: unknown, { surveys }: WaveDeps) {
  const data = NewWave.parse(input);
  installedSurvey(surveys, data.surveyId, data.surveyVersion);
  return view(await createWave(data, surveys));
}

// After the tally has caught up: does any council have a counted response in this wave?
async function waveHasResponses(waveId: string, tallier: Tallier): Promise<boolean> {
  await tallier.flush();
  if (await anyQueued()) return true; // not yet counted: assume the worst
  const campaigns = await listCampaigns({ waveId }, { pilotCode: 1 });
  const counts = await Promise.all(campaigns.map((c) => responseCount(c.pilotCode, waveId)));
  return counts.some((n) => n > 0);
}

// Name and dates may change at any time; the survey only while no response exists, because
// answers already collected belong to the version they were given against.
export async function updateWave(id: string, input: unknown, { surveys, tallier }: WaveDeps) {
  const change = WaveChange.parse(input);
  const wave = await findWave(id);
  if (!wave) throw notFound(`No wave with id ${id}.`);
  const next = { ...wave, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as WaveDoc;
  if (next.closesOn < next.opensOn)
    throw invalid(change.closesOn ? 'closesOn' : 'opensOn', 'closesOn must be on or after opensOn');
  if (next.surveyId !== wave.surveyId || next.surveyVersion !== wave.surveyVersion) {
    next.surveyHash = installedSurvey(surveys, next.surveyId, next.surveyVersion).hash;
    if (await waveHasResponses(id, tallier))
      throw conflict(`Wave ${id} already has responses: its survey version can no longer change.`);
  }
  const { _id, ...fields } = next;
  await changeWave(_id, fields);
  return view(next);
}
