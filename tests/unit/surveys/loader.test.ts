import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadSurveyFile, loadSurveys, SurveyDefinitionError } from '../../../server/surveys/loader.js';
import { buildElements, buildSurveyFile, loadBuilt, removeWrittenSurveys, writeSurveyText } from '../../helpers/survey-factories.js';

after(removeWrittenSurveys);

describe('loadSurveys', () => {
  it('when the shipped surveys folder is loaded, then staff-wellbeing@1 is there with a content hash', () => {
    const surveys = loadSurveys(resolve(import.meta.dirname, '../../../surveys'));
    const def = surveys.get('staff-wellbeing@1');
    assert.ok(def);
    assert.equal(def.title.default, 'Staff wellbeing and retention');
    assert.match(def.hash, /^[0-9a-f]{64}$/);
    assert.ok(Object.isFrozen(def.survey));
  });

  it('when the shipped survey is read, then every text shown to respondents has a Welsh version', () => {
    const def = loadSurveys(resolve(import.meta.dirname, '../../../surveys')).get('staff-wellbeing@1')!;
    const missing: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (value === null || typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value)) {
        const here = `${path}.${key}`;
        const isText = ['title', 'description', 'text', 'minRateDescription', 'maxRateDescription'].includes(key);
        if (isText && !(typeof child === 'object' && child !== null && 'cy' in child)) missing.push(here);
        walk(child, here);
      }
    };
    walk(def.survey, '$.survey');
    assert.deepEqual(missing, []);
  });

  it('when only the key order differs, then the hash is the same', () => {
    const file = buildSurveyFile();
    const reordered = Object.fromEntries(Object.entries(file).reverse());
    assert.equal(loadBuilt(reordered).hash, loadBuilt(file).hash);
  });

  it('when any text changes, then the hash changes', () => {
    const changed = buildSurveyFile({ description: 'Test survey, edited' });
    assert.notEqual(loadBuilt(changed).hash, loadBuilt().hash);
  });
});

type Json = Record<string, unknown>;
const withElement = (index: number, patch: Json) =>
  buildSurveyFile({}, buildElements().map((e, i) => (i === index ? { ...e, ...patch } : e)));
const withScale = (patch: Json) => {
  const file = buildSurveyFile();
  const [first, ...rest] = file.scales as Json[];
  return { ...file, scales: [{ ...first, ...patch }, ...rest] };
};
const withFlag = (patch: Json) => {
  const file = buildSurveyFile();
  return { ...file, flags: [{ ...(file.flags as Json[])[0], ...patch }] };
};
const el = (i: number) => `$.survey.pages[0].elements[${i}]`;

// [case, file content (object or raw text), file name, expected JSON path, expected reason]
const broken: [string, Json | string, string, string, RegExp][] = [
  ['the JSON does not parse', '{"id": "mini",', 'mini.v1.json', '$', /invalid JSON/],
  ['the file name does not match the version', buildSurveyFile({ version: 2 }), 'mini.v1.json', '$', /must be "mini\.v2\.json"/],
  ['a scale has no range', withScale({ range: undefined }), 'mini.v1.json', '$.scales[0].range', /expected/],
  ['there is an unknown top-level key', buildSurveyFile({ extra: true }), 'mini.v1.json', '$.extra', /unrecognised key "extra"/],
  ['a key is "__proto__"', JSON.stringify(buildSurveyFile()).replace('"items":{', '"items":{"__proto__":{},'), 'mini.v1.json', '$.items.__proto__', /forbidden key/],
  ['a question type is unsupported', withElement(1, { type: 'imagepicker' }), 'mini.v1.json', `${el(1)}.type`, /unsupported question type "imagepicker"/],
  ['a yes/no question has no text values', withElement(7, { type: 'boolean', maxLength: undefined }), 'mini.v1.json', `${el(7)}.valueTrue`, /valueTrue and valueFalse/],
  ['two questions share a name', withElement(1, { name: 'mood' }), 'mini.v1.json', `${el(1)}.name`, /duplicate question name "mood"/],
  ['a question name contains a dot', withElement(0, { name: 'mo.od' }), 'mini.v1.json', `${el(0)}.name`, /unsafe/],
  ['a choice value starts with $', withElement(2, { choices: ['yes', '$no'] }), 'mini.v1.json', `${el(2)}.choices[1]`, /unsafe/],
  ['a matrix row value is a number', withElement(5, { rows: ['a', 2] }), 'mini.v1.json', `${el(5)}.rows[1]`, /unsafe/],
  ['a comment has no maxLength', withElement(8, { maxLength: undefined }), 'mini.v1.json', `${el(8)}.maxLength`, /positive integer maxLength/],
  ['a question uses validators', withElement(0, { validators: [{ type: 'numeric' }] }), 'mini.v1.json', `${el(0)}.validators`, /not supported/],
  ['survey-core rejects a property', withElement(0, { colour: 'red' }), 'mini.v1.json', `${el(0)}.colour`, /survey-core cannot read.*colour/],
  ['a question has no item metadata', buildSurveyFile({ items: {} }), 'mini.v1.json', el(0), /"mood" has no entry in items/],
  ['item metadata names no question', { ...buildSurveyFile(), items: { ...(buildSurveyFile().items as Json), ghost: { provenance: 'p', licence: 'l', variable: 'ghost' } } }, 'mini.v1.json', '$.items.ghost', /no such question/],
  ['a scale item is not numeric', withScale({ items: ['team'], reverse: [] }), 'mini.v1.json', '$.scales[0].items[0]', /not a numeric rating or matrix row/],
  ['a scale range differs from its item', withScale({ range: [0, 10] }), 'mini.v1.json', '$.scales[0].items[0]', /runs 1–5, not 0–10/],
  ['a reverse item is not in the scale', withScale({ reverse: ['life'] }), 'mini.v1.json', '$.scales[0].reverse[0]', /not one of the scale's items/],
  ['minAnswered exceeds the items', withScale({ minAnswered: 4 }), 'mini.v1.json', '$.scales[0].minAnswered', /exceeds the 3 items/],
  ['bands overlap', withScale({ bands: [{ label: 'a', min: 1, max: 3 }, { label: 'b', min: 2, max: 5 }] }), 'mini.v1.json', '$.scales[0].bands[1]', /without overlap/],
  ['a flag value is not an answer', withFlag({ values: ['maybe'] }), 'mini.v1.json', '$.flags[0].values[0]', /"maybe" is not an answer to "team"/],
  ['a flag names an unknown question', withFlag({ question: 'nope' }), 'mini.v1.json', '$.flags[0].question', /"nope" is not a single-answer/],
  ['a demographic question is required', withElement(3, { isRequired: true }), 'mini.v1.json', el(3), /must be optional/],
  ['rating values are not numbers', withElement(0, { rateValues: ['low', 'high'] }), 'mini.v1.json', el(0), /rating values must be numbers/],
  ['a page can be hidden', buildSurveyFile({ survey: { pages: [{ name: 'p1', visible: false, elements: buildElements() }] } }), 'mini.v1.json', '$.survey.pages[0].visible', /not supported/],
  ['visibleIf names an unknown question', withElement(8, { visibleIf: '{moood} <= 2' }), 'mini.v1.json', `${el(8)}.visibleIf`, /unknown question "moood"/],
];

describe('loadSurveyFile with broken definitions', () => {
  for (const [when, content, fileName, path, reason] of broken) {
    it(`when ${when}, then it fails naming the file, ${path} and the reason`, () => {
      const filePath = writeSurveyText(typeof content === 'string' ? content : JSON.stringify(content), fileName);
      assert.throws(
        () => loadSurveyFile(filePath),
        (error: unknown) => {
          assert.ok(error instanceof SurveyDefinitionError, String(error));
          assert.equal(error.file, fileName);
          assert.equal(error.path, path, error.message);
          assert.match(error.reason, reason);
          return true;
        },
      );
    });
  }
});

describe('loadSurveyFile with several problems', () => {
  it('when a file has problems in its metadata, its questions and its references, then every one is reported with its path', () => {
    const elements = buildElements().map((e, i) => (i === 1 ? { ...e, type: 'imagepicker' } : i === 8 ? { ...e, maxLength: undefined } : e));
    const file = { ...buildSurveyFile({ extra: true }, elements), flags: [{ id: 'f', label: 'F', question: 'nope', values: ['x'] }] };
    const filePath = writeSurveyText(JSON.stringify(file));
    assert.throws(
      () => loadSurveyFile(filePath),
      (error: unknown) => {
        assert.ok(error instanceof SurveyDefinitionError, String(error));
        assert.deepEqual(
          error.problems.map((p) => p.path),
          ['$.extra', `${el(1)}.type`, `${el(8)}.maxLength`, `${el(1)}.rateMin`, `${el(1)}.rateMax`],
        );
        return true;
      },
    );
  });

  it('when only the references are wrong, then each broken scale, flag and demographic is reported', () => {
    const file = {
      ...withScale({ range: [0, 10] }),
      demographics: ['ghost'],
      flags: [{ id: 'f', label: 'F', question: 'nope', values: ['x'] }],
    };
    assert.throws(
      () => loadSurveyFile(writeSurveyText(JSON.stringify(file))),
      (error: unknown) => {
        assert.ok(error instanceof SurveyDefinitionError, String(error));
        assert.deepEqual(
          error.problems.map((p) => p.path),
          ['$.demographics[0]', '$.scales[0].items[0]', '$.scales[0].items[1]', '$.scales[0].items[2]', '$.flags[0].question'],
        );
        return true;
      },
    );
  });
});
