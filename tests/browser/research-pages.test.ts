import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useTestApp, type StaffSpec } from '../helpers/app.js';
import { describeViolations, seriousAxeViolations, useBrowser, signInThroughPage } from '../helpers/browser.js';
import { buildResearchData } from '../helpers/research-data.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);
const desktop = { viewport: { width: 1280, height: 900 } };

beforeEach(async () => {
  await buildResearchData();
});

const signInAs = (page: Page, spec: StaffSpec, next: string) => signInThroughPage(page, browser.origin(), spec, next);

describe('research pages and the turnover chart in Chromium', () => {
  test('when a researcher opens the comparison, then councils are clusters, directions are worded and labels are human', async () => {
    const { page } = await browser.open(desktop);
    await signInAs(page, { role: 'researcher' }, '/research?wave=w2&baseline=w1');
    await page.getByRole('heading', { name: 'Scales: pilot arm against comparison arm' }).waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /Pilot arm: Bolton, Leicestershire, Leicester, Suffolk/);
    assert.match(text, /Anxiety yesterday \(ONS\) \(↓ better\)/);
    assert.doesNotMatch(text, /js_overall|ons_anxiety/, 'no variable names');
    assert.doesNotMatch(text, /-0\.0|−0\.0+\b(?!\d)/, 'no negative zero');
    assert.doesNotMatch(text, /Above 0 favours the pilot arm/);
    assert.match(text, /Ignoring clustering/);
    assert.deepEqual(
      await page.locator('#baseline option').allTextContents(),
      ['None', 'Wave 1'],
      'the wave itself is not offered as its own baseline',
    );
    assert.equal(await page.locator('#clustered canvas').count(), 1);
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await browser.screenshot(page, 'research');
  });

  test('when a researcher opens the findings, then each measure has its clustered estimate and what it means in words', async () => {
    const { page } = await browser.open(desktop);
    await signInAs(page, { role: 'researcher' }, '/research/findings?wave=w2&baseline=w1');
    await page.getByRole('heading', { level: 1, name: 'Findings: Wave 1 to Wave 2' }).waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /Change in the pilot arm minus change in the comparison arm: [+−]?\d/);
    assert.match(text, /(No evidence of a difference|Evidence that)/);
    assert.match(text, /With 4 pilot and 4 comparison councils, this comparison can detect a difference of about/);
    await page.emulateMedia({ media: 'print' });
    await browser.screenshot(page, 'findings-print');
  });

  test('when an HR lead opens the dashboard, then survey and DfE turnover are in separate panels matched by DfE year', async () => {
    const { page } = await browser.open(desktop);
    await signInAs(page, { role: 'hr_lead', pilots: ['855'] }, '/dashboard');
    await page.locator('#perceived-actual').waitFor();
    const survey = await page.locator('#perceived-turnover table').textContent();
    assert.match(survey ?? '', /Wave 1\d+\.\d% \(95% CI/);
    assert.match(survey ?? '', /Wave 3published when the wave closes/);
    const dfe = (await page.locator('#actual-turnover table').textContent()) ?? '';
    assert.match(dfe, /Wave 1[\d.]+% \(year to 30 September 2024; source: DfE/);
    assert.match(dfe, /Wave 2[\d.]+% \(year to 30 September 2025/);
    assert.match(dfe, /Wave 3no DfE figure yet/);
    await page
      .locator('#perceived-actual')
      .screenshot({ path: 'test-artifacts/screenshots/research-pages-turnover.png' });
    await browser.screenshot(page, 'hr-dashboard');
  });
});
