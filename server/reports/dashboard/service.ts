import { findCouncil, listCampaigns, listWaves } from '../../study/store.js';
import { campaignStatus } from '../../study/campaigns/status.js';
import { todayInUk } from '../../platform/dates.js';
import { notFound } from '../../errors.js';
import { councilSummary, type SummaryDeps } from '../summaries/service.js';
import { surveyPresentation } from '../../surveys/presentation.js';
import type { SurveyDefinition } from '../../surveys/definition.js';
import { questionTexts } from '../../codec/texts.js';

const texts = (t: { en: string; cy: string | null }) => ({ label: t.en, ...(t.cy ? { labelCy: t.cy } : {}) });

// The survey's measures and charts, and its demographic questions and bands as respondents saw
// them, for the dashboard and the breakdown view.
function presentation(def: SurveyDefinition) {
  const questions = questionTexts(def.survey);
  const demographics = def.demographics.map((question) => {
    const t = questions.get(question);
    const bands = [...(t?.options ?? new Map())].map(([key, label]) => ({
      value: String(JSON.parse(key)),
      ...texts(label),
    }));
    return {
      question,
      ...(t ? texts(t.title) : { label: question }),
      bands: [...bands, { value: 'unanswered', label: 'Not answered', labelCy: 'Heb ateb' }],
    };
  });
  return { ...surveyPresentation(def), demographics };
}

// Everything a council's dashboard charts: each wave's headline results (scales and
// proportions, already suppressed), its campaign's status and response progress. Those who
// manage the council's invitations (admins, its HR leads) also get each campaign's code, which
// is the respondent link and the address of its invitations page; researchers do not need it.
export async function councilOverview(code: string, deps: SummaryDeps, { withCampaignCodes = false } = {}) {
  const council = await findCouncil(code);
  if (!council) throw notFound(`No council with code ${code}.`);
  const [waves, campaigns] = await Promise.all([
    listWaves(),
    listCampaigns({ pilotCode: code }, { waveId: 1, closedManually: 1 }),
  ]);
  const today = todayInUk();
  const rows = [];
  for (const wave of waves) {
    const campaign = campaigns.find((c) => c.waveId === wave._id);
    if (!campaign) continue;
    const { responses, scales, proportions } = await councilSummary(code, wave._id, deps);
    rows.push({
      wave: { id: wave._id, name: wave.name, opensOn: wave.opensOn, closesOn: wave.closesOn },
      // the wave's own measures, charts and labels, so any survey shows what it measures
      survey: presentation(deps.surveys.get(wave.surveyId, wave.surveyVersion)),
      status: campaignStatus(wave, campaign.closedManually ?? false, today),
      ...(withCampaignCodes ? { campaign: campaign._id } : {}),
      responses,
      scales: scales ?? null,
      proportions: proportions ?? null,
    });
  }
  return {
    council: { code: council._id, name: council.name, arm: council.arm },
    minGroupSize: deps.minGroupSize,
    waves: rows,
  };
}
