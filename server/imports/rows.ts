import type { CampaignDoc, WaveDoc } from '../study/store.js';
import { variableOf } from '../codec/codes.js';
import { questionsOf } from '../surveys/questions.js';
import { safeName } from '../codec/question-columns.js';
import { splitItemRef, type SurveyDefinition } from '../surveys/definition.js';
import { validateAnswers } from '../surveys/validate-answers.js';
import type { CsvRecord } from '../workforce/csv.js';
import { clip, decodeAnswers, metaValue, type ImportPlan } from './decode.js';

export type CheckedRow = { day: string; answers: Record<string, unknown> };
type Context = { def: SurveyDefinition; campaign: CampaignDoc; wave: WaveDoc };

// The file carries months only; an imported response is dated the first of its month, or the
// wave's opening day when that is later or the file has no month; a month outside the wave's
// dates is refused. Wave ids may differ between servers, so the
// wave column is not compared; the council and survey version must match the campaign.
function checkMeta(
  plan: ImportPlan,
  fields: readonly string[],
  { def, campaign, wave }: Context,
  problems: string[],
): string {
  const council = metaValue(plan, fields, 'council');
  if (council && council !== campaign.pilotCode)
    problems.push(`council ${clip(council)} is not the campaign's council ${campaign.pilotCode}`);
  const surveyId = metaValue(plan, fields, 'survey_id');
  if (surveyId && surveyId !== def.id) problems.push(`survey_id ${clip(surveyId)} is not the wave's survey ${def.id}`);
  const version = metaValue(plan, fields, 'survey_version');
  if (version && Number(version) !== def.version)
    problems.push(`survey_version ${clip(version)} is not the wave's version ${def.version}`);
  const month = metaValue(plan, fields, 'submission_month');
  if (!month) return wave.opensOn;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) problems.push(`submission_month "${clip(month)}" is not YYYY-MM`);
  else if (month < wave.opensOn.slice(0, 7) || month > wave.closesOn.slice(0, 7))
    problems.push(`submission_month ${month} is outside the wave's dates (${wave.opensOn} to ${wave.closesOn})`);
  const first = `${month}-01`;
  return first < wave.opensOn ? wave.opensOn : first;
}

// validateAnswers names questions (and matrix rows as question.row); the file names variables
function columnName(def: SurveyDefinition, question: string): string {
  if (!question) return 'answers';
  const { question: name, row } = splitItemRef(question);
  if (row !== undefined) return `${variableOf(def, name)}_${safeName(row)}`;
  const kind = questionsOf(def.survey).find((q) => q.name === name)?.kind;
  // a matrix or checkbox question is spread over several columns
  return kind === 'matrix' || kind === 'checkbox' ? `${variableOf(def, name)}_*` : variableOf(def, name);
}

export function checkRow(plan: ImportPlan, record: CsvRecord, ctx: Context): CheckedRow | { problems: string[] } {
  const problems: string[] = [];
  const day = checkMeta(plan, record.fields, ctx, problems);
  const decoded = decodeAnswers(plan, record.fields);
  problems.push(...decoded.problems);
  if (problems.length) return { problems };
  const checked = validateAnswers(ctx.def, decoded.answers);
  if (!checked.ok) return { problems: checked.problems.map((p) => `${columnName(ctx.def, p.question)}: ${p.problem}`) };
  return { day, answers: checked.answers };
}
