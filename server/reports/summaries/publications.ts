import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { resultsState, type ResultsState } from '../../disclosure/publication.js';
import { campaignStatus } from '../../study/campaigns/status.js';
import type { CampaignDoc, WaveDoc } from '../../study/store.js';
import { todayInUk } from '../../platform/dates.js';
import { mergeCounters, type Counters } from '../../tally/counters.js';
import { groupCounters } from '../../tally/store.js';
import { summaryLayout } from '../../tally/layout.js';
import type { SurveyDefinition } from '../../surveys/definition.js';
import type { Tallier } from '../../tally/runner.js';
import { Publication, type PublicationDoc } from './model.js';

export type PublicationDeps = { tallier: Tallier; now?: () => number };

// Every part of a council × wave's counters: a publication keeps them all at once.
const partsOf = (def: SurveyDefinition) => ['main', ...summaryLayout(def).demographics.map((d) => `bd:${d.question}`)];

export const publicationId = (pilotCode: string, waveId: string) => `${pilotCode}|${waveId}`;

// Whether a council × wave's results have been published to someone (its counters kept as first
// read): anything stored since would make an export differ from them (imports refuse it).
export async function resultsKept(pilotCode: string, waveId: string): Promise<boolean> {
  return (await Publication.exists({ _id: publicationId(pilotCode, waveId) })) !== null;
}

// Where a council × wave stands (a council without a campaign in the wave follows the wave's dates).
export function stateOf(wave: WaveDoc, campaign: CampaignDoc | null, now: Date): ResultsState {
  const closedManually = campaign?.closedManually ?? false;
  const closed = campaignStatus(wave, closedManually, todayInUk(now)) === 'closed';
  return resultsState({ closed, closedManually, closedAt: campaign?.closedAt ?? null, closesOn: wave.closesOn }, now);
}

// Where each campaign of a wave stands; a wave without campaigns follows its dates. A wave's
// results are published (compared, offered to researchers) once every one of them is.
export function waveStates(wave: WaveDoc, campaigns: CampaignDoc[], now: Date): ResultsState[] {
  return campaigns.length > 0 ? campaigns.map((c) => stateOf(wave, c, now)) : [stateOf(wave, null, now)];
}

// The counters a report is built from. Published: the figures as first published, made once
// (claimed by unique insert, so two instances publishing at once keep the same one) after every
// acknowledged response has been counted. Otherwise the live counters, for stepped counts only.
export async function reportCounters(
  pilotCode: string,
  wave: WaveDoc,
  campaign: CampaignDoc | null,
  def: SurveyDefinition,
  deps: PublicationDeps,
): Promise<{ state: ResultsState; counters: Counters }> {
  const { state, counters } = await reportSource(pilotCode, wave, campaign, def, deps);
  return { state, counters: counters() };
}

// As reportCounters, with the counters merged only when asked for, and `kept`: a fingerprint of
// the published figures when they were read as stored (null for live or just-made figures).
export type ReportSource = { state: ResultsState; kept: string | null; counters: () => Counters };

export async function reportSource(
  pilotCode: string,
  wave: WaveDoc,
  campaign: CampaignDoc | null,
  def: SurveyDefinition,
  deps: PublicationDeps,
): Promise<ReportSource> {
  const parts = partsOf(def);
  const state = stateOf(wave, campaign, new Date(deps.now?.() ?? Date.now()));
  const id = publicationId(pilotCode, wave._id);
  if (state === 'published') {
    const kept = await readKept(id);
    if (kept) return { state, ...kept };
  }
  // every acknowledged response of this council × wave counted (a run only if one may be waiting)
  await deps.tallier.flushFor((p, w) => p === pilotCode && w === wave._id);
  if (state !== 'published') {
    const live = await groupCounters(pilotCode, wave._id, parts);
    return { state, kept: null, counters: () => live };
  }
  const live = Object.fromEntries(
    await Promise.all(parts.map(async (p) => [p, await groupCounters(pilotCode, wave._id, [p])] as const)),
  );
  try {
    await Publication.create({ _id: id, parts: live });
    return { state, kept: null, counters: () => mergeCounters(Object.values(live)) };
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    return { state, ...(await readKept(id))! };
  }
}

// The kept figures by bare _id, as stored bytes: their hash is the fingerprint, and they are
// decoded only if a report has to be built from them.
async function readKept(id: string): Promise<{ kept: string; counters: () => Counters } | null> {
  const raw = (await Publication.collection.findOne({ _id: id as never }, { raw: true })) as Buffer | null;
  if (!raw) return null;
  return {
    kept: createHash('sha256').update(raw).digest('base64url'),
    counters: () => mergeCounters(Object.values((mongoose.mongo.BSON.deserialize(raw) as PublicationDoc).parts)),
  };
}
