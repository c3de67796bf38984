import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  test('when the driver analysis marks are added, then the hash stays and the shipped marks are read', () => {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const before = contentHash(withoutPresentation(json));
    json.scales[1].driver = true;
    json.flags[1].outcome = true;
    assert.equal(contentHash(withoutPresentation(json)), before);
    const def = loadSurveyFile(file);
    const marked = (mark: 'outcome' | 'driver') =>
      [...def.scales, ...def.flags].filter((e) => e[mark]).map((e) => e.id);
    assert.deepEqual(marked('outcome'), ['js_overall', 'intends_to_leave_12m']);
    assert.ok(marked('driver').includes('js_workload') && marked('driver').includes('caseload_over_20'));
  });

  test('when Welsh labels are added or changed, then the hash stays and every shipped scale and flag has one', () => {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const before = contentHash(withoutPresentation(json));
    json.scales[0].labelCy = 'Rhywbeth arall';
    delete json.flags[0].labelCy;
    json.dashboard[0].titleCy = 'Teitl arall';
    assert.equal(contentHash(withoutPresentation(json)), before);
    const def = loadSurveyFile(file);
    for (const entry of [...def.scales, ...def.flags]) assert.ok(entry.labelCy, entry.id);
    assert.equal(def.flags.find((f) => f.id === 'intends_to_leave_12m')?.labelCy?.startsWith('Tebygol'), true);
  });

  test('when a Welsh label is empty or not text, then the file is refused with its path', () => {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.scales[2].labelCy = '';
    json.flags[1].labelCy = 7;
    const dir = mkdtempSync(join(tmpdir(), 'survey-'));
    writeFileSync(join(dir, 'staff-wellbeing.v1.json'), JSON.stringify(json));
    assert.throws(
      () => loadSurveyFile(join(dir, 'staff-wellbeing.v1.json')),
      (err: Error) => /scales\[2\]\.labelCy/.test(err.message) && /flags\[1\]\.labelCy/.test(err.message),
    );
    rmSync(dir, { recursive: true, force: true });
  });

  test('when a scale is marked both outcome and driver, then the file is refused', () => {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.scales[0].driver = true;
    const dir = mkdtempSync(join(tmpdir(), 'survey-'));
    writeFileSync(join(dir, 'staff-wellbeing.v1.json'), JSON.stringify(json));
    assert.throws(() => loadSurveyFile(join(dir, 'staff-wellbeing.v1.json')), /scales\[0\]: is marked both outcome and driver/);
    rmSync(dir, { recursive: true, force: true });
  });

  test('when anything else in a scale changes, then the hash changes', () => {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const before = contentHash(withoutPresentation(json));
    json.scales[0].label = 'Something else';
    assert.notEqual(contentHash(withoutPresentation(json)), before);
  });
});
