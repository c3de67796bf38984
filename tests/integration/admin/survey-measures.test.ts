import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSurveyRegistry } from '../../../server/surveys/registry.js';
import { SurveyVersion } from '../../../server/surveys/model.js';
import { useTestApp } from '../../helpers/app.js';
import { buildThirdPartySurvey } from '../../helpers/third-party-survey.js';

type Json = Record<string, unknown>;
type Definition = { id: string; scales: Json[]; flags: Json[]; demographics: string[] } & Json;

const surveys = createSurveyRegistry();
const { staff } = useTestApp(import.meta.url, {}, { surveys });

// What the admin page does: check the plain JSON, edit the derived definition, send it back.
async function derived(title: string) {
  const agent = await staff({ role: 'admin' });
  const res = await agent
    .post('/api/v1/admin/surveys?check=true')
    .send({ ...buildThirdPartySurvey(), title })
    .expect(200);
  return { agent, definition: res.body.definition as Definition };
}

describe('POST /api/v1/admin/surveys with edited measures', () => {
  test('when the admin renames, drops and marks the proposed measures, then the version is stored as edited', async () => {
    const { agent, definition } = await derived('Pulse edited');
    const energy = definition.scales.find((s) => s.id === 'energy')!;
    const edited = {
      ...definition,
      scales: [
        { ...energy, id: 'vigour', label: 'Vigour at work', higherIsBetter: true, outcome: true },
        ...definition.scales.filter((s) => s.id !== 'energy' && s.id !== 'recommend'),
      ],
      flags: definition.flags.map((f) => ({
        ...f,
        label: 'Worked unpaid overtime',
        higherIsBetter: false,
        driver: true,
      })),
      demographics: [],
    };
    await agent.post('/api/v1/admin/surveys').send(edited).expect(201);
    const def = surveys.all().find((d) => d.id === 'pulse-edited')!;
    assert.deepEqual(
      def.scales.map((s) => [s.id, s.label, s.higherIsBetter, s.outcome]),
      [
        ['vigour', 'Vigour at work', true, true],
        ['team_climate', 'How much do you agree?', undefined, undefined],
      ],
    );
    assert.deepEqual(
      def.flags.map((f) => [f.label, f.higherIsBetter, f.driver]),
      [['Worked unpaid overtime', false, true]],
    );
    assert.deepEqual(def.demographics, []);
  });

  test('when edited fields are malformed, then 422 names each with its path and nothing is stored', async () => {
    const { agent, definition } = await derived('Pulse badly edited');
    const [first, second] = definition.scales as [Json, Json];
    const edited = {
      ...definition,
      scales: [
        { ...first, minAnswered: 'two' },
        { ...second, id: 'Team Climate' },
      ],
      flags: [{ ...definition.flags[0], label: '' }],
    };
    const res = await agent.post('/api/v1/admin/surveys').send(edited).expect(422);
    const paths = (res.body.error.details as { path: string }[]).map((p) => p.path).sort();
    assert.deepEqual(paths, ['$.flags[0].label', '$.scales[0].minAnswered', '$.scales[1].id']);
    assert.equal(await SurveyVersion.countDocuments(), 0);
  });

  test('when the references are wrong but every field is well formed, then each wrong reference is named at once', async () => {
    const { agent, definition } = await derived('Pulse wrong references');
    const [first] = definition.scales as [Json];
    const edited = {
      ...definition,
      scales: [{ ...first, items: ['energyMorning', 'nosuch'], reverse: ['team_climate.trust'], minAnswered: 5 }],
      flags: [
        { ...definition.flags[0], values: ['maybe'] },
        { ...definition.flags[0], label: 'again' },
      ],
      demographics: ['helps', 'nobody'],
    };
    const res = await agent.post('/api/v1/admin/surveys').send(edited).expect(422);
    const problems = (res.body.error.details as { path: string; reason: string }[]).map(
      (p) => `${p.path}: ${p.reason}`,
    );
    assert.deepEqual(problems.sort(), [
      '$.demographics[0]: "helps" is a checkbox question: a demographic must take a single answer',
      '$.demographics[1]: no question named "nobody"',
      '$.flags[0].values[0]: "maybe" is not an answer to "overtime"',
      '$.flags[1].id: duplicate id "overtime_yes"',
      '$.scales[0].items[1]: "nosuch" is not a numeric rating or matrix row',
      '$.scales[0].minAnswered: exceeds the 2 items',
      '$.scales[0].reverse[0]: "team_climate.trust" is not one of the scale\'s items',
    ]);
    assert.equal(await SurveyVersion.countDocuments(), 0);
  });
});
