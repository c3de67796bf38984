import { conflict, notFound } from '../errors.js';
import { invalid } from '../accounts/errors.js';
import { todayInUk } from '../platform/dates.js';
import { changeWave, findWave, listCampaigns, listWaves as readWaves, type WaveDoc } from '../study/store.js';
import { anyQueued } from '../tally/queue.js';
import type { Tallier } from '../tally/runner.js';
import { count } from '../tally/read-counters.js';
import { groupCounters } from '../tally/store.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { createWave } from '../study/waves/service.js';
import { NewWave, WaveChange } from './schemas.js';

export type WaveDeps = { surveys: SurveyRegistry; tallier: Tallier; minGroupSize: number; now?: () => number };

// Counted from the council × wave summary (one read by _id), never by scanning responses; only
// ever compared with 0 here, never shown.
const responseCount = async (pilotCode: string, waveId: string) =>
  count(await groupCounters(pilotCode, waveId, ['main']), 'n');

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

// The name may change at any time; the survey only while no response exists, because answers
// already collected belong to the version they were given against. Dates only while the wave has
// not closed, and never so as to close it in the past: a closed wave's results are published and
// final (moving its close later would reopen it, and a response then would be told apart by
// comparing the two publications), and a wave closes at the end of a day still to come, so its
// close has an instant after which results are published (disclosure/publication.ts). To close
// early, close its campaigns.
function checkDates(wave: WaveDoc, change: WaveChange, today: string) {
  const moves =
    (change.opensOn ?? wave.opensOn) !== wave.opensOn || (change.closesOn ?? wave.closesOn) !== wave.closesOn;
  if (!moves) return;
  if (today > wave.closesOn)
    throw conflict(
      `${wave.name} closed on ${wave.closesOn}: its results are published and final, so its dates can no longer change. Start a new wave instead.`,
    );
  if (change.closesOn !== undefined && change.closesOn < today)
    throw invalid(
      'closesOn',
      `must be today (${today}) or later: a wave cannot be closed in the past; close its campaigns to end it now`,
    );
}

export async function updateWave(id: string, input: unknown, { surveys, tallier, now }: WaveDeps) {
  const change = WaveChange.parse(input);
  const wave = await findWave(id);
  if (!wave) throw notFound(`No wave with id ${id}.`);
  checkDates(wave, change, todayInUk(new Date(now?.() ?? Date.now())));
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
