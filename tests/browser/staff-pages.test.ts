import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useTestApp, type StaffSpec } from '../helpers/app.js';
import {
  describeViolations,
  foreignRequests,
  seriousAxeViolations,
  useBrowser,
  signInThroughPage,
} from '../helpers/browser.js';
import { buildStaffData } from '../helpers/staff-data.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);
const desktop = { viewport: { width: 1200, height: 900 } };

// every collection is cleared before each test (useTestApp), so each test builds its data
beforeEach(async () => {
  await buildStaffData();
});

const signInAs = (page: Page, spec: StaffSpec, next: string) => signInThroughPage(page, browser.origin(), spec, next);

const navLinks = (page: Page) => page.locator('#nav a').allTextContents();

describe('staff pages in Chromium', () => {
  test('when an HR lead signs in, then they see their own council charted and nothing else', async () => {
    const { page, requests } = await browser.open(desktop);
    await signInAs(page, { role: 'hr_lead', pilots: ['855'] }, '/dashboard');
    await page.getByRole('heading', { level: 1, name: /Leicestershire/ }).waitFor();
    assert.deepEqual(await navLinks(page), ['Council dashboard']);
    assert.deepEqual(await page.locator('#council-picker option').allTextContents(), ['Leicestershire (855)']);
    assert.ok((await page.locator('canvas').count()) >= 5, 'the charts are drawn');
    const drawn = await page
      .locator('#satisfaction canvas')
      .evaluate((c: HTMLCanvasElement) => c.width > 0 && c.toDataURL().length > 5000);
    assert.ok(drawn, 'the satisfaction chart has content');
    assert.match(
      (await page.locator('#satisfaction table').textContent()) ?? '',
      /Wave 1[\s\S]*Wave 2[\s\S]*results when the wave closes/,
    );
    assert.match((await page.locator('#progress').textContent()) ?? '', /Responses so far: Wave 3/);
    const other = await page.evaluate(async () => (await fetch('/api/v1/pilots/891/overview')).status);
    assert.equal(other, 403, 'another council is refused');
    const comparisons = await page.evaluate(async () => (await fetch('/api/v1/comparisons?wave=w2')).status);
    assert.equal(comparisons, 403);
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    assert.deepEqual(foreignRequests(requests, browser.origin()), []);
    await browser.screenshot(page, 'hr-lead-dashboard');
  });

  test('when a researcher signs in, then the comparison of arms and the council table render', async () => {
    const { page } = await browser.open(desktop);
    await signInAs(page, { role: 'researcher' }, '/research?wave=w2&baseline=w1');
    await page.getByRole('heading', { name: 'Scales: pilot arm against comparison arm' }).waitFor();
    assert.deepEqual(await navLinks(page), ['Council dashboard', 'Research']);
    const councils = await page.locator('table').last().innerText();
    assert.ok(councils.includes('Leicestershire') && councils.includes('Nottinghamshire'));
    assert.equal(await page.locator('#councils-compared').count(), 1, 'the councils compared are listed');
    // the codebook offered is the chosen wave's own survey version
    assert.equal(
      await page.getByRole('link', { name: /^Codebook/ }).getAttribute('href'),
      '/codebook?survey=staff-wellbeing%401',
    );
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await browser.screenshot(page, 'researcher-research');
    await page.goto(`${browser.origin()}/dashboard?council=891`);
    await page.getByRole('heading', { level: 1, name: /Nottinghamshire/ }).waitFor();
  });

  test('when nobody is signed in, then staff pages send the visitor to sign in', async () => {
    const { page } = await browser.open(desktop);
    await page.goto(`${browser.origin()}/dashboard?council=855`);
    await page.waitForURL(/\/login\?next=/);
    await page.fill('#email', 'nobody@example.org');
    await page.fill('#password', 'wrong password');
    await page.click('button[type=submit]');
    await page.locator('#login-error p').waitFor();
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await browser.screenshot(page, 'login-error');
  });
});
