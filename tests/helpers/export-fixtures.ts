import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SurveyDefinition } from '../../server/surveys/definition.js';
import { createSurveyRegistry, type SurveyRegistry } from '../../server/surveys/registry.js';

type Json = Record<string, unknown>;
const v1Path = resolve(import.meta.dirname, '../../surveys/staff-wellbeing.v1.json');

function elementsOf(survey: Json): Json[] {
  return (survey.pages as { elements: Json[] }[]).flatMap((p) => p.elements);
}

// staff-wellbeing v2 as a later wave might use it: "recommend_employer" renamed to
// "recommend_authority" but keeping its variable, a new role choice, a checkbox question, and
// a longer free-text limit.
export function staffWellbeingV2(): Json {
  const file = JSON.parse(readFileSync(v1Path, 'utf8')) as Json & {
    items: Record<string, Json>;
    scales: Json[];
    survey: Json;
  };
  file.version = 2;
  const elements = elementsOf(file.survey);
  const recommend = elements.find((e) => e.name === 'recommend_employer')!;
  recommend.name = 'recommend_authority';
  file.items.recommend_authority = { ...file.items.recommend_employer!, variable: 'recommend_employer' };
  delete file.items.recommend_employer;
  file.scales.find((s) => s.id === 'recommend_employer')!.items = ['recommend_authority'];
  const role = elements.find((e) => e.name === 'demo_role')!;
  (role.choices as Json[]).push({
    value: 'student',
    text: { default: 'Student social worker', cy: 'Gweithiwr cymdeithasol myfyriwr' },
  });
  elements.find((e) => e.name === 'leave_reasons')!.maxLength = 2000;
  (file.survey.pages as { elements: Json[] }[])[0]!.elements.push({
    type: 'checkbox',
    name: 'support_used',
    showNoneItem: true,
    title: { default: 'Which support have you used this year?', cy: "Pa gymorth ydych chi wedi'i ddefnyddio eleni?" },
    choices: [
      { value: 'eap', text: { default: 'Employee assistance programme', cy: 'Rhaglen cymorth i weithwyr' } },
      { value: 'peer', text: { default: 'Peer support', cy: 'Cymorth gan gymheiriaid' } },
    ],
  });
  file.items.support_used = { provenance: 'Test item', licence: 'MIT', variable: 'support_used' };
  return file;
}

let registry: SurveyRegistry | undefined;

// v1 as installed, plus the v2 above
export function twoVersionSurveys(): SurveyRegistry {
  if (registry) return registry;
  const dir = mkdtempSync(join(tmpdir(), 'export-surveys-'));
  writeFileSync(join(dir, 'staff-wellbeing.v1.json'), readFileSync(v1Path));
  writeFileSync(join(dir, 'staff-wellbeing.v2.json'), JSON.stringify(staffWellbeingV2()));
  // the registry reads the files once, so the directory can go straight away
  registry = createSurveyRegistry(dir);
  rmSync(dir, { recursive: true, force: true });
  return registry;
}

export const v1 = (): SurveyDefinition => twoVersionSurveys().get('staff-wellbeing', 1);
export const v2 = (): SurveyDefinition => twoVersionSurveys().get('staff-wellbeing', 2);

// Every required answer of staff-wellbeing (either version); override any.
export function answersV1(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    js_overall: 4,
    js_facets: { workload: 2, supervision: 4, team_support: 5, management: 3, development: 3, recognition: 2, pay: 2 },
    ons_life_satisfaction: 7,
    leave_intent_12m: 2,
    leave_looking: 'no',
    two_year_plan: 'same_council',
    turnover_team: 'yes',
    turnover_authority: 'dont_know',
    caseload_children: '16_20',
    supervision_frequency: 'every_3_4_weeks',
    practice_model: { framework: 4, value_system: 4, assessment_tool: 3, tick_box: 2 },
    recommend_employer: 7,
    demo_role: 'social_worker',
    ...overrides,
  };
}

export function answersV2(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { recommend_employer: recommend, ...rest } = answersV1();
  return { ...rest, recommend_authority: recommend, ...overrides };
}
