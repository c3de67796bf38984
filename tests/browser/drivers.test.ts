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

describe('the driver analysis in Chromium', () => {
  test('when an HR lead of a council of 43 opens the dashboard, then what goes with intending to leave is ranked with CIs, as association', async () => {
    const { page } = await browser.open(desktop);
    await signInAs(page, { role: 'hr_lead', pilots: ['935'] }, '/dashboard');
    const card = page.locator('#drivers-intends_to_leave_12m');
    await card.getByRole('heading', { name: 'What goes with intending to leave here' }).waitFor();
    assert.deepEqual(await page.locator('#council-picker option').allTextContents(), [
      (await page.locator('#council-picker option').first().textContent())!,
    ]);
    const text = await card.innerText();
    assert.match(text, /association, not cause/);
    assert.equal(await card.locator('canvas').count(), 1);
    const rows = await card.locator('tbody tr').allTextContents();
    assert.equal(rows.length, 14);
    assert.match(rows[0]!, /^Satisfaction: |\(ONS\)|Practice model|Case-holders|Formal supervision/);
    assert.match(rows.join('\n'), /−?\d\.\d\d \(−?\d\.\d\d to −?\d\.\d\d\)/);
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await card.screenshot({ path: 'test-artifacts/screenshots/drivers-dashboard-card.png' });
    await browser.screenshot(page, 'drivers-dashboard');
  });

  test('when the council has fewer than 30 complete answers, then the card explains why in words and shows no figures', async () => {
    const { page } = await browser.open(desktop);
    await signInAs(page, { role: 'hr_lead', pilots: ['855'] }, '/dashboard');
    const card = page.locator('#drivers-intends_to_leave_12m');
    await card.waitFor();
    const text = await card.innerText();
    assert.match(text, /needs at least 30 people who answered this and every candidate driver/);
    assert.doesNotMatch(text.replace('at least 30', ''), /\d/);
    assert.equal(await card.locator('canvas').count(), 0);
  });

  test('when a researcher opens the research page, then each arm has its driver ranking', async () => {
    const { page } = await browser.open(desktop);
    await signInAs(page, { role: 'researcher' }, '/research?wave=w2');
    const card = page.locator('#drivers-pilot-intends_to_leave_12m');
    await card.getByRole('heading', { name: 'What goes with intending to leave in the pilot arm' }).waitFor();
    assert.equal(await card.locator('canvas').count(), 1);
    assert.equal(await page.locator('#drivers-comparison-js_overall canvas').count(), 1);
    await card.screenshot({ path: 'test-artifacts/screenshots/drivers-research-card.png' });
    await browser.screenshot(page, 'drivers-research');
  });
});
