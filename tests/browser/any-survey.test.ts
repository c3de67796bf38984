import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { testSurveys, useTestApp, type StaffSpec } from '../helpers/app.js';
import { describeViolations, seriousAxeViolations, useBrowser, signInThroughPage } from '../helpers/browser.js';
import { buildPulseWave } from '../helpers/pulse-data.js';
import { buildStaffData } from '../helpers/staff-data.js';
import { buildThirdPartySurvey } from '../helpers/third-party-survey.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);
const desktop = { viewport: { width: 1200, height: 900 } };

beforeEach(async () => {
  await buildStaffData(); // staff-wellbeing waves w1–w3 in councils 855 and 891
});

const signInAs = (page: Page, spec: StaffSpec, next: string) => signInThroughPage(page, browser.origin(), spec, next);

// The admin adds the partner's plain SurveyJS file through the page; a wave of it then runs.
async function addPulseSurvey(page: Page): Promise<{ id: string; version: number }> {
  await signInAs(page, { role: 'admin' }, '/admin');
  await page.goto(`${browser.origin()}/admin#surveys`);
  const broken = {
    ...buildThirdPartySurvey(),
    pages: [
      {
        name: 'p',
        elements: [
          { type: 'file', name: 'x' },
          { type: 'comment', name: 'x' },
        ],
      },
    ],
  };
  await page.setInputFiles('#survey-file', {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await page.getByRole('button', { name: 'Check' }).click();
  await page.locator('#survey-problems li').first().waitFor();
  const problems = await page.locator('#survey-problems li').allTextContents();
  assert.deepEqual(problems.length, 2, problems.join('\n'));
  assert.match(problems[0]!, /\$\.pages\[0\]\.elements\[0\]\.type: unsupported question type "file"/);
  await browser.screenshot(page, 'admin-check-problems');
  const plain = JSON.stringify(buildThirdPartySurvey());
  await page.setInputFiles('#survey-file', {
    name: 'pulse.json',
    mimeType: 'application/json',
    buffer: Buffer.from(plain),
  });
  await page.fill('#survey-supplied-by', 'Partner University');
  await page.getByRole('button', { name: 'Check' }).click();
  await page.locator('#survey-proposals').waitFor();
  assert.match(
    await page.locator('#survey-proposals').innerText(),
    /Energy at work[\s\S]*team_climate[\s\S]*overtime_yes[\s\S]*team_type/,
  );
  await browser.screenshot(page, 'admin-check-derived');
  const [preview] = await Promise.all([
    page.context().waitForEvent('page'),
    page.locator('#survey-preview-link').click(),
  ]);
  await preview.getByText('I look forward to going to work').waitFor();
  assert.match(await preview.locator('main').innerText(), /English only/);
  await browser.screenshot(preview, 'admin-preview');
  await preview.close();
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await page.getByText(/Saved employee-engagement-pulse version 1/).waitFor();
  assert.match(
    await page.locator('#installed-surveys').innerText(),
    /Employee engagement pulse, version 1[\s\S]*Added by admin@example.org/,
  );
  await browser.screenshot(page, 'admin-saved');
  return { id: 'employee-engagement-pulse', version: 1 };
}

describe('a third-party survey, from upload to results', () => {
  test('when an admin adds a plain SurveyJS survey and a wave of it runs, then every page shows its own measures and staff-wellbeing stays as it was', async () => {
    const { page } = await browser.open(desktop);
    const added = await addPulseSurvey(page);
    await buildPulseWave(testSurveys(), added.id, added.version);

    await signInAs(page, { role: 'hr_lead', pilots: ['855'] }, '/dashboard');
    await page.getByRole('heading', { level: 2, name: 'Employee engagement pulse' }).waitFor();
    // staff-wellbeing's own charts, over its own waves only
    assert.match(
      (await page.locator('#staff-wellbeing-satisfaction table').textContent()) ?? '',
      /Wave 1[\s\S]*Wave 2[\s\S]*Wave 3/,
    );
    assert.doesNotMatch((await page.locator('#staff-wellbeing-satisfaction table').textContent()) ?? '', /Pulse 1/);
    // the pulse survey's own scales (one chart per range) and its flag
    const scales = (await page.locator('#employee-engagement-pulse-scales_1_5 table').textContent()) ?? '';
    assert.match(scales, /Energy at work[\s\S]*How much do you agree\?/);
    assert.doesNotMatch(scales, /Wave 1/);
    assert.match(
      (await page.locator('#employee-engagement-pulse-flags table').textContent()) ?? '',
      /Answered yes: Did you work unpaid overtime/,
    );
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await browser.screenshot(page, 'hr-dashboard');

    await page.getByRole('link', { name: 'Results by staff group, Pulse 1' }).click();
    await page.getByRole('heading', { name: 'By Which team are you in?' }).waitFor();
    const breakdown = await page.locator('#breakdown-team_type').innerText();
    // the band of 2 is hidden, and one more band with it, so it cannot be worked out from the total
    assert.match(
      breakdown,
      /Front door \(hidden\)\tLong-term \(n 18\)\tPrefer not to say \(n 18\)\tNot answered \(hidden\)/,
    );
    // the two energy items are uncorrelated in this data: alpha 0, flagged in words
    assert.match(breakdown, /Energy at work \[alpha [-0-9.]+\. Below 0\.5: the items hang together poorly/);
    assert.match(breakdown, /How likely are you to recommend your team\? \[single item: no alpha\]/);
    assert.match(breakdown, /hidden: fewer than 10 or could be worked out/);
    await browser.screenshot(page, 'breakdown');

    await signInAs(page, { role: 'researcher' }, '/research?wave=pulse-1&baseline=');
    await page.getByRole('heading', { name: 'Scales: pilot arm against comparison arm' }).waitFor();
    const research = await page.locator('main').innerText();
    assert.match(research, /Energy at work/);
    assert.doesNotMatch(research, /Job satisfaction/);
    const baselines = await page.locator('#baseline option').allTextContents();
    assert.deepEqual(baselines, ['None'], 'no wave of another survey is offered as a baseline');
    const codebookHref = (await page.getByRole('link', { name: /^Codebook/ }).getAttribute('href'))!;
    assert.equal(codebookHref, '/codebook?survey=employee-engagement-pulse%401');
    await browser.screenshot(page, 'research');
    await page.goto(`${browser.origin()}${codebookHref}`);
    await page.getByRole('heading', { level: 2, name: 'Scales' }).waitFor();
    const codebook = await page.locator('main').innerText();
    assert.match(codebook, /energy_morning/);
    assert.match(codebook, /Scale score: Energy at work \(mean of 2 items/);
    assert.match(codebook, /supplied by /);
    await browser.screenshot(page, 'codebook');
  });
});
