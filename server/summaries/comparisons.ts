import { Pilot, type PilotDoc } from '../pilots/model.js';
import { differenceInDifferences, differenceOfMeans, differenceOfProportions, waveChange } from '../stats/comparisons.js';
import { enough } from './group-stats.js';
import type { SurveyDefinition } from '../surveys/definition.js';
import type { WaveDoc } from '../waves/model.js';
import { compareFlag, scaleCell } from './compare-cells.js';
import { mergeCounters, type Counters } from './counters.js';
import { count, momentsAt } from './read-counters.js';
import { findWave, groupCounters, type SummaryDeps } from './service.js';

type Arm = 'pilot' | 'comparison';
type ArmWave = { counters: Counters; included: string[]; excluded: string[] };

// An arm's figures include only councils that reach the minimum group in that wave, so the arm
// total minus the councils shown never reveals a council that is suppressed on its own.
async function armsInWave(wave: WaveDoc, pilots: PilotDoc[], min: number) {
  const byPilot = new Map(await Promise.all(pilots.map(async (p): Promise<[string, Counters]> => [p._id, await groupCounters(p._id, wave._id, ['main'])])));
  const arms: Record<Arm, ArmWave> = { pilot: { counters: {}, included: [], excluded: [] }, comparison: { counters: {}, included: [], excluded: [] } };
  for (const p of pilots) {
    const c = byPilot.get(p._id);
    if (!c || count(c, 'n') === 0) continue;
    const arm = arms[p.arm as Arm];
    if (enough(count(c, 'n'), min)) arm.included.push(p._id); else arm.excluded.push(p._id);
  }
  for (const arm of Object.values(arms)) arm.counters = mergeCounters(arm.included.map((code) => byPilot.get(code)!));
  return { arms, byPilot };
}

function councilRows(def: SurveyDefinition, pilots: PilotDoc[], byPilot: Map<string, Counters>, min: number) {
  return pilots.map((p) => {
    const c = byPilot.get(p._id) ?? {};
    const n = count(c, 'n');
    if (!enough(n, min)) return { code: p._id, name: p.name, arm: p.arm, suppressed: true as const };
    return { code: p._id, name: p.name, arm: p.arm, suppressed: false as const, n, scales: def.scales.map((s) => scaleCell(s.id, momentsAt(c, '', s.id), min)) };
  });
}

export async function compareArms(waveId: string, baselineId: string | undefined, deps: SummaryDeps) {
  const min = deps.minGroupSize;
  const wave = await findWave(waveId);
  const baseline = baselineId ? await findWave(baselineId) : null;
  await deps.tallier.flush();
  const pilots = await Pilot.find().sort({ _id: 1 }).lean<PilotDoc[]>();
  const def = deps.surveys.get(wave.surveyId, wave.surveyVersion);
  const now = await armsInWave(wave, pilots, min);
  const before = baseline ? await armsInWave(baseline, pilots, min) : null;
  const baseDef = baseline ? deps.surveys.get(baseline.surveyId, baseline.surveyVersion) : null;

  const scales = def.scales.map((s) => {
    const m = (a: ArmWave | undefined) => (a ? momentsAt(a.counters, '', s.id) : { n: 0, sum: 0, sumSq: 0 });
    const [pw, cw, pb, cb] = [m(now.arms.pilot), m(now.arms.comparison), m(before?.arms.pilot), m(before?.arms.comparison)];
    const ok = (...ms: { n: number }[]) => ms.every((x) => enough(x.n, min));
    const hasBase = baseDef !== null && baseDef.scales.some((b) => b.id === s.id);
    return {
      id: s.id, label: s.label, range: s.range,
      wave: { pilot: scaleCell(s.id, pw, min), comparison: scaleCell(s.id, cw, min), difference: ok(pw, cw) ? differenceOfMeans(pw, cw) : null },
      baseline: hasBase ? { pilot: scaleCell(s.id, pb, min), comparison: scaleCell(s.id, cb, min), difference: ok(pb, cb) ? differenceOfMeans(pb, cb) : null } : null,
      change: hasBase ? { pilot: ok(pb, pw) ? waveChange({ w1: pb, w2: pw }) : null, comparison: ok(cb, cw) ? waveChange({ w1: cb, w2: cw }) : null } : null,
      differenceInDifferences: hasBase && ok(pw, cw, pb, cb) ? differenceInDifferences({ w1: pb, w2: pw }, { w1: cb, w2: cw }) : null,
    };
  });
  const proportions = def.flags.map((f) => compareFlag(f, now.arms, before?.arms ?? null, min, differenceOfProportions));
  const arms = (a: Record<Arm, ArmWave>) => ({ pilot: { included: a.pilot.included, excludedBelowMinimum: a.pilot.excluded }, comparison: { included: a.comparison.included, excludedBelowMinimum: a.comparison.excluded } });
  return {
    wave: { id: wave._id, name: wave.name }, baseline: baseline ? { id: baseline._id, name: baseline.name } : null, minGroupSize: min,
    arms: { wave: arms(now.arms), baseline: before ? arms(before.arms) : null },
    scales, proportions,
    councils: { wave: councilRows(def, pilots, now.byPilot, min), baseline: before && baseDef ? councilRows(baseDef, pilots, before.byPilot, min) : null },
  };
}
