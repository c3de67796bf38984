import { conflict } from '../../errors.js';
import { listCampaigns, listCouncils, type CouncilDoc, type WaveDoc } from '../../study/store.js';
import {
  differenceInDifferences,
  differenceOfMeans,
  differenceOfProportions,
  waveChange,
} from '../../stats/comparisons.js';
import { EMPTY_MOMENTS, type Moments } from '../../stats/descriptive.js';
import type { SurveyDefinition } from '../../surveys/definition.js';
import { resultsState } from '../../disclosure/publication.js';
import { todayInUk } from '../../platform/dates.js';
import { armMoments, compareFlag, scaleCell, type ArmWave } from './compare-cells.js';
import type { Counters } from '../../tally/counters.js';
import { reachesMinimum } from '../../disclosure/suppression.js';
import { count, momentsAt } from '../../tally/read-counters.js';
import { reportCounters } from './publications.js';
import { scaleShown } from './group-stats.js';
import { findWave, type SummaryDeps } from './service.js';

type Arm = 'pilot' | 'comparison';

// Each council's figures as published (reports/summaries/publications.ts), so the comparison and
// the council's own summary always agree.
async function armsInWave(
  wave: WaveDoc,
  def: SurveyDefinition,
  pilots: CouncilDoc[],
  deps: SummaryDeps,
): Promise<Record<Arm, ArmWave>> {
  const min = deps.minGroupSize;
  const campaigns = new Map((await listCampaigns({ waveId: wave._id })).map((c) => [c.pilotCode, c]));
  const byCouncil = new Map<string, Counters>();
  for (const p of pilots) {
    const { counters } = await reportCounters(p._id, wave, campaigns.get(p._id) ?? null, def, deps);
    byCouncil.set(p._id, counters);
  }
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
      scales: def.scales.map((s) =>
        scaleShown(c, s, min) ? scaleCell(s.id, momentsAt(c, '', s.id), min) : { id: s.id, suppressed: true as const },
      ),
    };
  });
}

// Results of a wave are compared only once they are published (disclosure/publication.ts): live
// figures read day after day could be subtracted from each other to isolate the latest respondents.
function requireClosed(wave: WaveDoc, now: Date) {
  const closed = todayInUk(now) > wave.closesOn;
  if (resultsState({ closed, closedManually: false, closesOn: wave.closesOn }, now) !== 'published')
    throw conflict(
      closed
        ? `${wave.name} has just closed; results are compared once published, a minute after closing.`
        : `${wave.name} is still open (it closes on ${wave.closesOn}); results are compared once a wave has closed.`,
    );
}

export async function compareArms(waveId: string, baselineId: string | undefined, deps: SummaryDeps) {
  const min = deps.minGroupSize;
  const wave = await findWave(waveId);
  const baseline = baselineId ? await findWave(baselineId) : null;
  const at = new Date(deps.now?.() ?? Date.now());
  requireClosed(wave, at);
  if (baseline) requireClosed(baseline, at);
  const pilots = await listCouncils();
  const def = deps.surveys.get(wave.surveyId, wave.surveyVersion);
  const baseDef = baseline ? deps.surveys.get(baseline.surveyId, baseline.surveyVersion) : null;
  const now = await armsInWave(wave, def, pilots, deps);
  const before = baseline && baseDef ? await armsInWave(baseline, baseDef, pilots, deps) : null;

  const scales = def.scales.map((s) => {
    const [pw, cw] = [armMoments(now.pilot, s, min), armMoments(now.comparison, s, min)];
    const base = baseDef?.scales.find((b) => b.id === s.id);
    const hasBase = before !== null && base !== undefined;
    const [pb, cb] = hasBase
      ? [armMoments(before.pilot, base, min), armMoments(before.comparison, base, min)]
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
