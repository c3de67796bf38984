import { badRequest, conflict } from '../../errors.js';
import { listCampaigns, listCouncils, type CouncilDoc, type WaveDoc } from '../../study/store.js';
import { alphaFromAccumulator, emptyAlpha, mergeAlpha } from '../../stats/alpha.js';
import { EMPTY_MOMENTS, type Moments } from '../../stats/descriptive.js';
import type { Flag, Scale, SurveyDefinition } from '../../surveys/definition.js';
import { labelsOf, sameMeasure } from '../../surveys/presentation.js';
import { compareMeasure, withAlpha, type Measure } from './compare-cells.js';
import type { Arm, CouncilSeries } from './compare.js';
import type { Counters } from '../../tally/counters.js';
import { isPublishable, reachesMinimum } from '../../disclosure/suppression.js';
import { alphaAt, count, flagAt, momentsAt } from '../../tally/read-counters.js';
import { scaleShown } from './group-stats.js';
import { reportCounters, waveStates } from './publications.js';
import { findWave, type SummaryDeps } from './service.js';

type Period = { wave: WaveDoc; def: SurveyDefinition };
type Table = Map<string, Counters[]>; // council code -> counters per period, baseline first

// Results of a wave are compared only once they are published (disclosure/publication.ts): live
// figures read day after day could be subtracted from each other to isolate the latest respondents.
// A wave is published when every campaign in it is, closed by date or by hand, as each council's
// summary and the exports decide it (waveStates).
async function requirePublished(wave: WaveDoc, now: Date) {
  const campaigns = await listCampaigns({ waveId: wave._id }, { closedManually: 1, closedAt: 1, pilotCode: 1 });
  const states = waveStates(wave, campaigns, now);
  if (states.every((state) => state === 'published')) return;
  const open = states.filter((state) => state === 'open').length;
  throw conflict(
    open === 0
      ? `${wave.name} has just closed; results are compared once published, a minute after closing.`
      : `${wave.name} is still open (${open} of its ${states.length} campaign(s); it closes on ${wave.closesOn}); results are compared once every campaign has closed, by date or by hand.`,
  );
}

// Each council's figures as published (reports/summaries/publications.ts), so the comparison and
// the council's own summary always agree.
async function readTable(periods: Period[], councils: CouncilDoc[], deps: SummaryDeps): Promise<Table> {
  const table: Table = new Map(councils.map((c) => [c._id, []]));
  for (const { wave, def } of periods) {
    const campaigns = new Map((await listCampaigns({ waveId: wave._id })).map((c) => [c.pilotCode, c]));
    for (const c of councils) {
      const { counters } = await reportCounters(c._id, wave, campaigns.get(c._id) ?? null, def, deps);
      table.get(c._id)!.push(counters);
    }
  }
  return table;
}

const flagMoments = (c: Counters, id: string): Moments => {
  const { x, n } = flagAt(c, '', id);
  return { n, sum: x, sumSq: x };
};

function seriesOf(compared: CouncilDoc[], table: Table, inBaseline: boolean, read: (c: Counters) => Moments) {
  return compared.map((c): CouncilSeries => ({
    code: c._id,
    name: c.name,
    arm: c.arm as Arm,
    periods: (inBaseline ? table.get(c._id)! : table.get(c._id)!.slice(-1)).map(read),
  }));
}

function pooledAlpha(scale: Scale, codes: string[], table: Table) {
  if (scale.items.length < 2) return null;
  const k = scale.items.length;
  const acc = codes.map((code) => alphaAt(table.get(code)!.at(-1)!, scale.id, k)).reduce(mergeAlpha, emptyAlpha(k));
  return alphaFromAccumulator(acc);
}

function measures(periods: Period[], compared: CouncilDoc[], table: Table, min: number) {
  const [def, base] = [periods.at(-1)!.def, periods.length === 2 ? periods[0]!.def : null];
  const scales = def.scales.map((s: Scale) => {
    const measure: Measure = {
      ...{ id: s.id, ...labelsOf(s), range: s.range, kind: 'scale', higherIsBetter: s.higherIsBetter ?? null },
      // a council whose partial answerers could be worked out shows nothing of this scale (disclosure/scales.ts)
      series: seriesOf(compared, table, !!base && sameMeasure(base, def, 'scale', s.id), (c) =>
        scaleShown(c, s, min) ? momentsAt(c, '', s.id) : EMPTY_MOMENTS,
      ),
    };
    const result = compareMeasure(measure, min);
    const members = [...result.councils.pilot, ...result.councils.comparison];
    return withAlpha(result, pooledAlpha(s, members, table), min);
  });
  const proportions = def.flags.map((f: Flag) =>
    compareMeasure(
      {
        ...{ id: f.id, ...labelsOf(f), kind: 'proportion', higherIsBetter: f.higherIsBetter ?? null },
        series: seriesOf(compared, table, !!base && sameMeasure(base, def, 'flag', f.id), (c) => flagMoments(c, f.id)),
      },
      min,
    ),
  );
  return { scales, proportions };
}

function listing(councils: CouncilDoc[], table: Table, w: number, min: number) {
  const of = (arm: Arm) => {
    const here = councils
      .filter((c) => c.arm === arm)
      .map((c) => ({ code: c._id, n: count(table.get(c._id)![w]!, 'n') }));
    return {
      included: here.filter((c) => reachesMinimum(c.n, min)).map((c) => c.code),
      excludedBelowMinimum: here.filter((c) => c.n > 0 && !reachesMinimum(c.n, min)).map((c) => c.code),
    };
  };
  return { pilot: of('pilot'), comparison: of('comparison') };
}

// A council's own figures; a count is shown when it is 0 or reaches the minimum.
function councilRows(def: SurveyDefinition, councils: CouncilDoc[], table: Table, w: number, min: number) {
  return councils.map((p) => {
    const c = table.get(p._id)![w]!;
    const n = count(c, 'n');
    const head = { code: p._id, name: p.name, arm: p.arm };
    if (!isPublishable(n, min)) return { ...head, suppressed: true as const };
    const scales = def.scales.map((s) => {
      const m = momentsAt(c, '', s.id);
      return reachesMinimum(m.n, min) && scaleShown(c, s, min)
        ? { id: s.id, suppressed: false as const, n: m.n, mean: m.sum / m.n }
        : { id: s.id, suppressed: true as const };
    });
    return { ...head, suppressed: false as const, n, scales: n === 0 ? [] : scales };
  });
}

export async function compareArms(waveId: string, baselineId: string | undefined, deps: SummaryDeps) {
  if (baselineId === waveId)
    throw badRequest('A difference-in-differences needs two different waves: choose a baseline other than the wave.');
  const min = deps.minGroupSize;
  const waves = [...(baselineId ? [await findWave(baselineId)] : []), await findWave(waveId)];
  if (waves.length === 2 && waves[0]!.surveyId !== waves[1]!.surveyId)
    throw badRequest(
      `${waves[0]!.name} and ${waves[1]!.name} use different surveys, whose measures are not comparable: choose a baseline wave of the same survey.`,
    );
  const at = new Date(deps.now?.() ?? Date.now());
  for (const wave of waves) await requirePublished(wave, at);
  const councils = await listCouncils();
  const periods = waves.map((wave) => ({ wave, def: deps.surveys.get(wave.surveyId, wave.surveyVersion) }));
  const table = await readTable(periods, councils, deps);
  // The councils compared are the same in every wave: those publishable in all of them.
  const compared = councils.filter((c) => table.get(c._id)!.every((t) => reachesMinimum(count(t, 'n'), min)));
  const last = periods.length - 1;
  const named = (arm: Arm) => compared.filter((c) => c.arm === arm).map((c) => ({ code: c._id, name: c.name }));
  return {
    wave: { id: waves[last]!._id, name: waves[last]!.name },
    baseline: last === 1 ? { id: waves[0]!._id, name: waves[0]!.name } : null,
    minGroupSize: min,
    arms: {
      wave: listing(councils, table, last, min),
      baseline: last === 1 ? listing(councils, table, 0, min) : null,
      compared: { pilot: named('pilot'), comparison: named('comparison') },
    },
    ...measures(periods, compared, table, min),
    councils: {
      wave: councilRows(periods[last]!.def, councils, table, last, min),
      baseline: last === 1 ? councilRows(periods[0]!.def, councils, table, 0, min) : null,
    },
  };
}
