import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createStaffUser, TEST_PASSWORD, useTestApp } from '../helpers/app.js';
import { useBrowser } from '../helpers/browser.js';
import { buildStaffData } from '../helpers/staff-data.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);

beforeEach(async () => {
  await buildStaffData();
});

async function signIn(page: Page, next: string) {
  const email = await createStaffUser({ role: 'hr_lead', pilots: ['855'] });
  await page.goto(`${browser.origin()}/login?next=${encodeURIComponent(next)}`);
  await page.fill('#email', email);
  await page.fill('#password', TEST_PASSWORD);
  await page.click('button[type=submit]');
}

describe('links into the staff pages', () => {
  test('when the sign-in link names another host as next (/\\evil.example), then the browser stays on this site', async () => {
    const { page } = await browser.open();
    await signIn(page, '/\\evil.example/phish');
    await page.waitForURL((url) => url.pathname === '/dashboard');
    assert.equal(new URL(page.url()).origin, browser.origin());
  });

  test("when an HR lead opens another council's dashboard, then they are told plainly, not shown their own", async () => {
    const { page } = await browser.open();
    await signIn(page, '/dashboard?council=891');
    await page.getByRole('heading', { level: 1, name: 'You cannot see this council' }).waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /council 891/);
    assert.equal(await page.locator('canvas').count(), 0);
  });
});
