import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import express, { type Express } from 'express';
import type { Page } from 'playwright-core';
import { Session } from '../../server/accounts/model.js';
import { updateUser } from '../../server/accounts/users.js';
import type { Tallier } from '../../server/tally/runner.js';
import { createStaffUser, testApp, useTestApp, type StaffSpec } from '../helpers/app.js';
import { describeViolations, seriousAxeViolations, useBrowser } from '../helpers/browser.js';
import { buildCouncil } from '../helpers/factories.js';
import {
  callbackUrl,
  loginAtProvider,
  oidcEnv,
  startOidcProvider,
  type LoopbackProvider,
} from '../helpers/oidc-provider.js';

// The platform's settings need its own address (the redirect URL), known only once it listens:
// the browser is served by a shell that hands each request to the app built then.
useTestApp(import.meta.url); // the database, cleared before each test
let inner: { app: Express; tallier: Tallier } | undefined;
let serving: Express | undefined; // inner's app, or one with password sign-in switched off
const shell = express().use((req, res, next) => (serving ?? inner!.app)(req, res, next));
const browser = useBrowser(shell, import.meta.url);
let provider: LoopbackProvider;

const desktop = { viewport: { width: 1280, height: 900 }, locale: 'en-GB' };
const callbackPath = '/sign-in/oidc/council/callback';

// From the platform's sign-in page through the provider's own login form and back.
async function signInThroughProvider(spec: StaffSpec, disabled = false) {
  const email = await createStaffUser(spec);
  if (disabled) {
    await createStaffUser({ role: 'admin', email: 'boss@example.org' });
    await updateUser(email, { disabled: true }, 'boss@example.org');
  }
  provider.addAccount(email, { email, email_verified: true });
  const { page, requests } = await browser.open(desktop);
  await page.goto(`${browser.origin()}/login`);
  await page.getByRole('link', { name: 'Sign in with Test Council' }).click();
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  return { page, email, callbacks: () => requests.filter((u) => u.includes(callbackPath)) };
}

async function expectAccessible(page: Page, step: string) {
  await browser.screenshot(page, step);
  const violations = await seriousAxeViolations(page);
  assert.equal(violations.length, 0, describeViolations(violations));
}

describe('signing in through an OpenID Connect provider in Chromium', () => {
  // in the suite, so the root hooks have started the database and the browser's server first
  before(async () => {
    provider = await startOidcProvider([callbackUrl(browser.origin())]);
    inner = testApp(oidcEnv(provider.issuer, browser.origin()));
  });
  after(async () => {
    await inner?.tallier.stop();
    await provider?.stop();
  });

  test(
    'when password sign-in is switched off, then the sign-in page offers only the provider',
    { timeout: 60_000 },
    async () => {
      const providersOnly = testApp({ ...oidcEnv(provider.issuer, browser.origin()), LOCAL_SIGN_IN: 'false' });
      serving = providersOnly.app;
      try {
        const { page } = await browser.open(desktop);
        await page.goto(`${browser.origin()}/login`);
        await page.getByRole('link', { name: 'Sign in with Test Council' }).waitFor();
        assert.equal(await page.locator('#password').count(), 0);
        await expectAccessible(page, 'login-providers-only');
      } finally {
        serving = undefined;
        await providersOnly.tallier.stop();
      }
    },
  );

  for (const [spec, home] of [
    [{ role: 'admin' }, '/admin'],
    [{ role: 'hr_lead', pilots: ['855'] }, '/dashboard'],
    [{ role: 'researcher' }, '/research'],
  ] as [StaffSpec, string][]) {
    test(
      `when ${spec.role} signs in through the provider, then their home page opens signed in`,
      { timeout: 60_000 },
      async () => {
        await buildCouncil({ code: '855' });
        const { page, email } = await signInThroughProvider(spec);
        await page.locator('#nav .who', { hasText: email }).waitFor();
        assert.equal(new URL(page.url()).pathname, home);
      },
    );
  }

  test(
    'when the sign-in page offers a provider, then it is accessible beside the password form',
    { timeout: 60_000 },
    async () => {
      const { page } = await browser.open(desktop);
      await page.goto(`${browser.origin()}/login`);
      await page.getByRole('link', { name: 'Sign in with Test Council' }).waitFor();
      assert.equal(await page.locator('#password').count(), 1);
      await expectAccessible(page, 'login-with-provider');
    },
  );

  test(
    'when the browser is handed an answer to a sign-in someone else started, then a page says the sign-in did not start here',
    { timeout: 60_000 },
    async () => {
      // the attacker signs in as themselves and sends the provider's answer (their code and state) on
      const attacker = await createStaffUser({ role: 'admin', email: 'attacker@example.org' });
      provider.addAccount(attacker, { email: attacker, email_verified: true });
      const start = await fetch(`${browser.origin()}/sign-in/oidc/council`, { redirect: 'manual' });
      const forged = await loginAtProvider(start.headers.get('location')!, attacker);
      const { page } = await browser.open(desktop);
      await page.goto(`${browser.origin()}/login`);
      await page.getByRole('link', { name: 'Sign in with Test Council' }).click();
      await page.locator('input[name="login"]').waitFor();
      await page.goto(forged);
      await page.getByRole('heading', { name: 'This sign-in did not start here' }).waitFor();
      assert.equal(await Session.countDocuments(), 0);
      await expectAccessible(page, 'failure-tampered-state');
    },
  );
  test(
    'when the answer is opened again after signing out, then it says the sign-in was already used',
    { timeout: 60_000 },
    async () => {
      const { page, email, callbacks } = await signInThroughProvider({ role: 'researcher' });
      await page.locator('#nav .who', { hasText: email }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('link', { name: 'Sign out of Test Council too' }).waitFor();
      await page.goto(callbacks()[0]!);
      await page.getByRole('heading', { name: 'This sign-in has expired or was already used' }).waitFor();
    },
  );

  test(
    'when the ID token names another issuer, then a page says it came from the wrong place',
    { timeout: 60_000 },
    async () => {
      provider.tamperIdTokens((p) => ({ ...p, iss: 'https://attacker.example' }));
      try {
        const { page } = await signInThroughProvider({ role: 'admin' });
        await page.getByRole('heading', { name: 'The sign-in answer came from the wrong place' }).waitFor();
      } finally {
        provider.tamperIdTokens();
      }
    },
  );

  test('when the account is disabled, then a page says it is switched off', { timeout: 60_000 }, async () => {
    const { page } = await signInThroughProvider({ role: 'researcher' }, true);
    await page.getByRole('heading', { name: 'Your account is switched off' }).waitFor();
    await expectAccessible(page, 'failure-disabled');
  });

  test(
    'when a provider session signs out, then the provider’s own sign-out brings the browser back here',
    { timeout: 60_000 },
    async () => {
      const { page, email } = await signInThroughProvider({ role: 'admin' });
      await page.locator('#nav .who', { hasText: email }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('link', { name: 'Sign out of Test Council too' }).click();
      await page.getByRole('button', { name: 'Yes, sign me out' }).click();
      await page.waitForURL(`${browser.origin()}/login`);
      await page.getByRole('link', { name: 'Sign in with Test Council' }).waitFor();
    },
  );
});
