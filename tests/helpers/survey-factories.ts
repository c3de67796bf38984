import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SurveyDefinition } from '../../server/surveys/definition.js';
import { loadSurveyFile } from '../../server/surveys/loader.js';

type Json = Record<string, unknown>;

const scale5 = [1, 2, 3, 4, 5];

// One question of every supported kind; tests change or add to it with small overrides.
export function buildElements(): Json[] {
  return [
    { type: 'rating', name: 'mood', title: 'Mood', isRequired: true },
    { type: 'rating', name: 'life', title: 'Life', rateMin: 0, rateMax: 10 },
    { type: 'radiogroup', name: 'team', title: 'Team', isRequired: true, choices: ['yes', 'no', 'dont_know'] },
    { type: 'dropdown', name: 'role', title: 'Role', choices: ['sw', 'tm', 'prefer_not_to_say'] },
    {
      type: 'checkbox',
      name: 'supports',
      title: 'Supports',
      choices: ['peer', 'supervision', 'training'],
      showNoneItem: true,
    },
    { type: 'matrix', name: 'views', title: 'Views', rows: ['a', 'b', 'c'], columns: scale5 },
    { type: 'matrix', name: 'facets', title: 'Facets', rows: ['x', 'y'], columns: scale5, eachRowRequired: true },
    { type: 'text', name: 'note', title: 'Note', maxLength: 10 },
    { type: 'comment', name: 'why', title: 'Why', maxLength: 20, visibleIf: '{mood} <= 2' },
    { type: 'text', name: 'legacy', title: 'Legacy', maxLength: 5, visible: false },
  ];
}

export function buildSurveyFile(overrides: Json = {}, elements: Json[] = buildElements()): Json {
  const items = Object.fromEntries(
    elements.map((e) => [
      e.name as string,
      { provenance: 'Test item', licence: 'MIT', variable: String(e.name).replace(/[^a-z0-9_]/g, '_') },
    ]),
  );
  return {
    id: 'mini',
    version: 1,
    title: { default: 'Mini', cy: 'Bach' },
    description: 'Test survey',
    items,
    scales: [
      {
        id: 'views_mean',
        label: 'Views',
        items: ['views.a', 'views.b', 'views.c'],
        reverse: ['views.c'],
        range: [1, 5],
        scoring: 'mean',
        minAnswered: 2,
      },
      {
        id: 'life',
        label: 'Life',
        items: ['life'],
        reverse: [],
        range: [0, 10],
        scoring: 'mean',
        minAnswered: 1,
        bands: [
          { label: 'Low', min: 0, max: 4 },
          { label: 'Medium', min: 5, max: 6 },
          { label: 'High', min: 7, max: 10 },
        ],
      },
    ],
    demographics: ['role'],
    flags: [
      { id: 'team_problem', label: 'Team problem', question: 'team', values: ['yes'], excludeFromBase: ['dont_know'] },
    ],
    survey: { pages: [{ name: 'p1', elements }] },
    ...overrides,
  };
}

let tempRoot: string | undefined;

// Each file gets its own directory so a test can load exactly one; `after(removeWrittenSurveys)` tidies up.
export function writeSurveyText(text: string, fileName = 'mini.v1.json'): string {
  tempRoot ??= mkdtempSync(join(tmpdir(), 'surveys-test-'));
  const dir = mkdtempSync(join(tempRoot, 'case-'));
  writeFileSync(join(dir, fileName), text);
  return join(dir, fileName);
}

export function loadBuilt(file: Json = buildSurveyFile()): SurveyDefinition {
  return loadSurveyFile(writeSurveyText(JSON.stringify(file)));
}

export function removeWrittenSurveys(): void {
  if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
  tempRoot = undefined;
}
