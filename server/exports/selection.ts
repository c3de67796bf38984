import { listCampaigns, listCouncils, listWaves, type WaveDoc } from '../study/store.js';
import { badRequest, conflict } from '../errors.js';
import { stateOf } from '../reports/summaries/publications.js';
import type { SurveyDefinition } from '../surveys/definition.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import type { ExportFilters } from './schemas.js';

// Which responses an export covers, resolved from the filters against waves, councils and
// campaigns (all small collections), so the response scan itself needs one simple filter.
export type Selection = {
  query: Record<string, unknown>;
  definitions: SurveyDefinition[];
  installed: SurveyDefinition[];
  arms: Map<string, string>;
  // the council × wave groups exported (one closed campaign each), with their survey version
  groups: SelectedGroup[];
  stillOpen: number; // campaigns left out because their results are not published yet
};
export type SelectedGroup = { pilotCode: string; waveId: string; def: SurveyDefinition; allowFreeText: boolean };

const invalid = (field: string, problem: string) =>
  badRequest(`The export filters are invalid: ${field}: ${problem}.`, [{ field, problem }]);

async function selectWaves(filters: ExportFilters): Promise<WaveDoc[]> {
  const waves = await listWaves(filters.wave ? { _id: { $in: filters.wave } } : {});
  const unknown = (filters.wave ?? []).filter((id) => !waves.some((w) => w._id === id));
  if (unknown.length) throw invalid('wave', `no wave with id ${unknown.join(', ')}`);
  const bySurvey = filters.survey ? waves.filter((w) => w.surveyId === filters.survey) : waves;
  if (filters.survey && bySurvey.length === 0)
    throw invalid('survey', `no selected wave uses survey ${filters.survey}`);
  const chosen = filters.version ? bySurvey.filter((w) => filters.version!.includes(w.surveyVersion)) : bySurvey;
  if (filters.version && chosen.length === 0)
    throw invalid('version', `no selected wave uses survey version ${filters.version.join(', ')}`);
  if (chosen.length === 0) throw invalid('wave', 'there are no waves to export');
  const surveyIds = [...new Set(chosen.map((w) => w.surveyId))];
  if (surveyIds.length > 1)
    throw invalid('survey', `the waves use different surveys (${surveyIds.join(', ')}); choose one with survey=`);
  return chosen;
}

async function selectCouncils(filters: ExportFilters): Promise<{ arms: Map<string, string>; codes?: string[] }> {
  const councils = await listCouncils({}, { arm: 1 });
  const arms = new Map(councils.map((p) => [p._id, p.arm]));
  const unknown = (filters.pilot ?? []).filter((code) => !arms.has(code));
  if (unknown.length) throw invalid('pilot', `no council with code ${unknown.join(', ')}`);
  if (!filters.arm) return { arms, codes: filters.pilot };
  const codes = (filters.pilot ?? [...arms.keys()]).filter((code) => arms.get(code) === filters.arm);
  if (codes.length === 0) throw invalid('arm', `no selected council is in the ${filters.arm} arm`);
  return { arms, codes };
}

export async function resolveSelection(
  filters: ExportFilters,
  surveys: SurveyRegistry,
  now = new Date(),
): Promise<Selection> {
  // both read at once (the scan waits on them); a bad wave filter is reported before a bad council one
  const [wavesRead, councilsRead] = await Promise.allSettled([selectWaves(filters), selectCouncils(filters)]);
  if (wavesRead.status === 'rejected') throw wavesRead.reason;
  if (councilsRead.status === 'rejected') throw councilsRead.reason;
  const waves = wavesRead.value;
  const { arms, codes } = councilsRead.value;
  const surveyId = waves[0]!.surveyId;
  const versions = [...new Set(waves.map((w) => w.surveyVersion))].sort((a, b) => a - b);
  const waveIds = waves.map((w) => w._id);
  // Only campaigns whose results are published (closed by date or by hand, and a minute gone:
  // stateOf, as summaries and comparisons decide it): rows of one still collecting would let two
  // exports a day apart be subtracted to isolate the few people who answered in between; and in
  // the minute after a close by hand, a response accepted just before it by another instance may
  // still land (disclosure/publication.ts), so an export then and one later would differ by it.
  const wavesById = new Map(waves.map((w) => [w._id, w]));
  const campaigns = (
    await listCampaigns(
      { waveId: { $in: waveIds } },
      { allowFreeText: 1, waveId: 1, pilotCode: 1, closedManually: 1, closedAt: 1 },
    )
  ).filter((c) => !codes || codes.includes(c.pilotCode));
  const closed = campaigns.filter((c) => stateOf(wavesById.get(c.waveId)!, c, now) === 'published');
  if (campaigns.length > 0 && closed.length === 0) {
    throw conflict(
      'No campaign in this selection has closed yet: responses are exported once a campaign closes and its results are published (a minute after a close by hand), so that exports taken at different times cannot be subtracted.',
    );
  }
  return {
    query: {
      campaign: { $in: closed.map((c) => c._id) },
      waveId: { $in: waveIds },
      surveyId,
      surveyVersion: { $in: versions },
      ...(codes ? { pilotCode: { $in: codes } } : {}),
    },
    stillOpen: campaigns.length - closed.length,
    definitions: versions.map((v) => surveys.get(surveyId, v)),
    installed: surveys.all().filter((d) => d.id === surveyId),
    arms,
    groups: closed.map((c) => ({
      pilotCode: c.pilotCode,
      waveId: c.waveId,
      def: surveys.get(surveyId, wavesById.get(c.waveId)!.surveyVersion),
      allowFreeText: c.allowFreeText ?? false,
    })),
  };
}
