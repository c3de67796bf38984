import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { User } from '../../server/accounts/model.js';
import { Campaign, type CampaignDoc } from '../../server/study/campaigns/model.js';
import { todayInUk } from '../../server/platform/dates.js';
import { Council } from '../../server/study/councils/model.js';
import { Wave } from '../../server/study/waves/model.js';
import { createStaffUser, TEST_PASSWORD, useTestApp } from '../helpers/app.js';
import { describeViolations, seriousAxeViolations, useBrowser } from '../helpers/browser.js';
import { buildCouncil } from '../helpers/factories.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);
const desktop = { viewport: { width: 1280, height: 900 }, locale: 'en-GB' };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

// Signs in through the real /login page as an admin made with the accounts service.
async function signInAsAdmin(options: BrowserContextOptions = {}): Promise<Page> {
  const email = await createStaffUser({ role: 'admin' });
  const { page } = await browser.open({ ...desktop, ...options });
  await page.goto(`${browser.origin()}/login?next=/admin`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
  return page;
}

async function checkAxe(page: Page, step: string, found: string[]): Promise<void> {
  await browser.screenshot(page, step);
  const violations = await seriousAxeViolations(page);
  if (violations.length) found.push(`${step}:\n${describeViolations(violations)}`);
}

const adminPosts = (page: Page, path: string) => {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(`/api/v1/admin${path}`)) seen.push(r.url());
  });
  return seen;
};

describe('GET /admin in Chromium', () => {
  test(
    'when an admin adds a council with an invalid code, then the error is shown next to the field and nothing is created',
    { timeout: 60_000 },
    async () => {
      const page = await signInAsAdmin();
      const found: string[] = [];
      await page.getByText('No councils yet').waitFor();
      const code = page.getByLabel('Council code');
      await code.fill('85A');
      await page.getByLabel('Name', { exact: true }).fill('Leicestershire');
      await page.getByRole('button', { name: 'Add council' }).click();

      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      assert.equal(await code.getAttribute('aria-invalid'), 'true');
      const errorId = (await code.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
      const error = page.locator(`#${errorId}`);
      assert.match(await error.innerText(), /^Council code must be a three-digit DfE council code/);
      assert.ok(
        await error.evaluate((e, input) => e.parentElement === input!.parentElement, await code.elementHandle()),
        'the error sits in the field',
      );
      assert.equal(
        await page.evaluate(() => document.activeElement?.className),
        'error-summary',
        'the summary has focus',
      );
      assert.equal(await Council.countDocuments(), 0);
      await checkAxe(page, 'councils-invalid', found);

      const posts = adminPosts(page, '/pilots');
      await code.fill('855');
      await page.getByRole('button', { name: 'Add council' }).dblclick();
      await page.getByRole('row', { name: /855 Leicestershire Pilot/ }).waitFor();
      assert.equal(posts.length, 1, 'one save, one request');
      assert.equal(await code.getAttribute('aria-invalid'), null);
      assert.deepEqual(await Council.findById('855').lean(), { _id: '855', name: 'Leicestershire', arm: 'pilot' });
      await checkAxe(page, 'councils', found);
      assert.equal(found.length, 0, `axe found serious or critical violations:\n${found.join('\n')}`);
    },
  );

  test(
    'when an admin creates a wave, a campaign and an HR lead, then the link and the one-time password are shown and every tab passes axe',
    { timeout: 90_000 },
    async () => {
      await buildCouncil({ code: '855', name: 'Leicestershire' });
      const page = await signInAsAdmin({ permissions: ['clipboard-read', 'clipboard-write'] });
      const found: string[] = [];

      await page.getByRole('link', { name: 'Waves' }).click();
      await page.getByText('No waves yet').waitFor();
      await page.getByLabel('Wave id').fill('2025-autumn');
      await page.getByLabel('Name', { exact: true }).fill('Autumn 2025');
      await page.getByLabel('Opens on').fill(todayInUk());
      await page.getByLabel('Closes on').fill(inDays(21));
      await page.getByRole('button', { name: 'Create wave' }).click();
      await page.getByRole('row', { name: /2025-autumn Autumn 2025/ }).waitFor();
      assert.equal((await Wave.findById('2025-autumn').lean())?.surveyVersion, 1);
      await checkAxe(page, 'waves', found);

      await page.getByRole('link', { name: 'Campaigns in Autumn 2025' }).click();
      await page.getByText('No campaigns in Autumn 2025 yet').waitFor();
      await page.getByLabel('Headcount').fill('40');
      await page.getByRole('button', { name: 'Create campaign' }).click();
      await page.getByRole('heading', { name: 'Campaign created for Leicestershire (855)' }).waitFor();
      const campaign = await Campaign.findOne({ pilotCode: '855', waveId: '2025-autumn' }).lean<CampaignDoc>();
      const link = `${browser.origin()}/s/${campaign!._id}`;
      assert.equal(campaign!.headcount, 40);
      assert.equal(await page.getByLabel('Respondent link', { exact: true }).inputValue(), link);
      assert.equal(await page.getByLabel('Respondent link for Leicestershire (855)').inputValue(), link);
      await page.getByRole('button', { name: 'Copy respondent link', exact: true }).click();
      await page.getByText('Respondent link copied.').waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
      assert.match(
        await page.getByRole('row', { name: /Leicestershire \(855\)/ }).innerText(),
        /Open until[\s\S]*0 by yesterday \(0% of headcount\)[\s\S]*40/,
      );
      await checkAxe(page, 'campaigns', found);

      await page.getByRole('link', { name: 'Users' }).click();
      await page.getByLabel('Email address').fill('Hr.Lead@example.org');
      await page.getByLabel('Leicestershire (855)').check();
      await page.getByRole('button', { name: 'Create account' }).click();
      const once = page.getByRole('heading', { name: 'Copy the password for hr.lead@example.org now' });
      await once.waitFor();
      assert.equal(
        await page.evaluate(() => document.activeElement?.textContent),
        'Copy the password for hr.lead@example.org now',
      );
      assert.match(await page.getByLabel('Password', { exact: true }).inputValue(), /^[A-Za-z0-9_-]{24}$/);
      assert.deepEqual(await User.findById('hr.lead@example.org', { role: 1, pilots: 1 }).lean(), {
        _id: 'hr.lead@example.org',
        role: 'hr_lead',
        pilots: ['855'],
      });
      await page.getByRole('row', { name: /hr\.lead@example\.org HR lead Leicestershire \(855\) Active/ }).waitFor();
      await checkAxe(page, 'users', found);
      await page.getByRole('button', { name: 'I have copied it' }).click();
      assert.equal(await once.count(), 0);

      assert.equal(found.length, 0, `axe found serious or critical violations:\n${found.join('\n')}`);
    },
  );
});
