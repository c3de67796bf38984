import { conflict } from '../../errors.js';
import { listCouncils, type CouncilDoc, type WaveDoc } from '../../study/store.js';
import {
  differenceInDifferences,
  differenceOfMeans,
  differenceOfProportions,
  waveChange,
} from '../../stats/comparisons.js';
import { EMPTY_MOMENTS, type Moments } from '../../stats/descriptive.js';
import type { SurveyDefinition } from '../../surveys/definition.js';
import { todayInUk } from '../../platform/dates.js';
import { armMoments, compareFlag, scaleCell, type ArmWave } from './compare-cells.js';
import type { Counters } from '../../tally/counters.js';
import { reachesMinimum } from '../../disclosure/suppression.js';
import { count, momentsAt } from '../../tally/read-counters.js';
import { groupCounters } from '../../tally/store.js';
import { findWave, type SummaryDeps } from './service.js';

type Arm = 'pilot' | 'comparison';

async function armsInWave(wave: WaveDoc, pilots: CouncilDoc[], min: number): Promise<Record<Arm, ArmWave>> {
  const byCouncil = new Map(
    await Promise.all(
      pilots.map(async (p): Promise<[string, Counters]> => [p._id, await groupCounters(p._id, wave._id, ['main'])]),
    ),
  );
  const arms: Record<Arm, ArmWave> = {
    pilot: { included: [], excluded: [], byCouncil },
    comparison: { included: [], excluded: [], byCouncil },
  };
  for (const p of pilots) {
    const n = count(byCouncil.get(p._id) ?? {}, 'n');
    if (n > 0) arms[p.arm as Arm][reachesMinimum(n, min) ? 'included' : 'excluded'].push(p._id);
  }
  return arms;
}

function councilRows(def: SurveyDefinition, pilots: CouncilDoc[], arms: Record<Arm, ArmWave>, min: number) {
  return pilots.map((p) => {
    const c = arms.pilot.byCouncil.get(p._id) ?? {};
    const n = count(c, 'n');
    if (!reachesMinimum(n, min)) return { code: p._id, name: p.name, arm: p.arm, suppressed: true as const };
    return {
      code: p._id,
      name: p.name,
      arm: p.arm,
      suppressed: false as const,
      n,
      scales: def.scales.map((s) => scaleCell(s.id, momentsAt(c, '', s.id), min)),
    };
  });
}

// Results of a wave are compared only once it has closed: live figures read day after day
// could be subtracted from each other to isolate the latest respondents.
function requireClosed(wave: WaveDoc) {
  if (todayInUk() <= wave.closesOn)
    throw conflict(
      `${wave.name} is still open (it closes on ${wave.closesOn}); results are compared once a wave has closed.`,
    );
}

export async function compareArms(waveId: string, baselineId: string | undefined, deps: SummaryDeps) {
  const min = deps.minGroupSize;
  const wave = await findWave(waveId);
  const baseline = baselineId ? await findWave(baselineId) : null;
  requireClosed(wave);
  if (baseline) requireClosed(baseline);
  await deps.tallier.flush();
  const pilots = await listCouncils();
  const def = deps.surveys.get(wave.surveyId, wave.surveyVersion);
  const baseDef = baseline ? deps.surveys.get(baseline.surveyId, baseline.surveyVersion) : null;
  const now = await armsInWave(wave, pilots, min);
  const before = baseline ? await armsInWave(baseline, pilots, min) : null;

  const scales = def.scales.map((s) => {
    const [pw, cw] = [armMoments(now.pilot, s.id, min), armMoments(now.comparison, s.id, min)];
    const hasBase = before !== null && baseDef!.scales.some((b) => b.id === s.id);
    const [pb, cb] = hasBase
      ? [armMoments(before.pilot, s.id, min), armMoments(before.comparison, s.id, min)]
      : [EMPTY_MOMENTS, EMPTY_MOMENTS];
    const ok = (...ms: Moments[]) => ms.every((x) => reachesMinimum(x.n, min));
    return {
      id: s.id,
      label: s.label,
      range: s.range,
      wave: {
        pilot: scaleCell(s.id, pw, min),
        comparison: scaleCell(s.id, cw, min),
        difference: ok(pw, cw) ? differenceOfMeans(pw, cw) : null,
      },
      baseline: hasBase
        ? {
            pilot: scaleCell(s.id, pb, min),
            comparison: scaleCell(s.id, cb, min),
            difference: ok(pb, cb) ? differenceOfMeans(pb, cb) : null,
          }
        : null,
      change: hasBase
        ? {
            pilot: ok(pb, pw) ? waveChange({ w1: pb, w2: pw }) : null,
            comparison: ok(cb, cw) ? waveChange({ w1: cb, w2: cw }) : null,
          }
        : null,
      differenceInDifferences:
        hasBase && ok(pw, cw, pb, cb) ? differenceInDifferences({ w1: pb, w2: pw }, { w1: cb, w2: cw }) : null,
    };
  });
  const hasFlag = (id: string) => before !== null && baseDef!.flags.some((f) => f.id === id);
  const proportions = def.flags.map((f) =>
    compareFlag(f, now, hasFlag(f.id) ? before : null, min, differenceOfProportions),
  );
  const arms = (a: Record<Arm, ArmWave>) => ({
    pilot: { included: a.pilot.included, excludedBelowMinimum: a.pilot.excluded },
    comparison: { included: a.comparison.included, excludedBelowMinimum: a.comparison.excluded },
  });
  return {
    wave: { id: wave._id, name: wave.name },
    baseline: baseline ? { id: baseline._id, name: baseline.name } : null,
    minGroupSize: min,
    arms: { wave: arms(now), baseline: before ? arms(before) : null },
    scales,
    proportions,
    councils: {
      wave: councilRows(def, pilots, now, min),
      baseline: before && baseDef ? councilRows(baseDef, pilots, before, min) : null,
    },
  };
}
