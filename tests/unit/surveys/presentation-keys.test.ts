import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { contentHash, loadSurveyFile, withoutPresentation } from '../../../server/surveys/loader.js';

const file = 'surveys/staff-wellbeing.v1.json';

describe('presentation-only keys and the content hash', () => {
  test('when higherIsBetter is added to a version in use, then its hash stays the one waves pinned', () => {
    // The hash of staff-wellbeing v1 before any scale or flag said which way is better.
    assert.equal(loadSurveyFile(file).hash, '47402bffd48f6791b1f88ce2e39441bd572068f90b778a42b5000b44869fd851');
  });

  test('when every scale and flag of the shipped survey is read, then each says whether higher is better', () => {
    const def = loadSurveyFile(file);
    for (const entry of [...def.scales, ...def.flags]) assert.equal(typeof entry.higherIsBetter, 'boolean', entry.id);
    assert.equal(def.scales.find((s) => s.id === 'ons_anxiety')?.higherIsBetter, false);
  });

  test('when anything else in a scale changes, then the hash changes', () => {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const before = contentHash(withoutPresentation(json));
    json.scales[0].label = 'Something else';
    assert.notEqual(contentHash(withoutPresentation(json)), before);
  });
});
