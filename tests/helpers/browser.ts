import { after, afterEach, before } from 'node:test';
import { once } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, Result } from 'axe-core';
import type { Express } from 'express';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { createStaffUser, TEST_PASSWORD, type StaffSpec } from './app.js';

export const phone = { width: 360, height: 740 };
const screenshotDir = resolve(import.meta.dirname, '../../test-artifacts/screenshots');

// launch() without --user-data-dir gives the browser a fresh temporary profile that Playwright
// deletes on close (passing --user-data-dir to launch() is refused); each test then gets its own
// context, so no storage or cookie outlives a test.
const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type BrowserPage = { page: Page; context: BrowserContext; requests: string[] };

// Serves the test app on 127.0.0.1 and starts Chromium for the file; every context opened
// through `open` records the URL of each request its pages make and is closed after the test.
export function useBrowser(app: Express, fileUrl: string) {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let origin = '';
  const contexts: BrowserContext[] = [];
  const file = basename(fileURLToPath(fileUrl)).replace(/\.test\.ts$/, '');

  before(async () => {
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: launchArgs });
    mkdirSync(screenshotDir, { recursive: true });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    if (server) await new Promise((r) => server!.close(r));
  });

  return {
    origin: () => origin,
    async open(options: BrowserContextOptions = {}): Promise<BrowserPage> {
      const context = await browser!.newContext({ viewport: phone, ...options });
      contexts.push(context);
      const requests: string[] = [];
      context.on('request', (r) => requests.push(r.url()));
      return { page: await context.newPage(), context, requests };
    },
    async screenshot(page: Page, step: string): Promise<void> {
      await page.screenshot({ path: join(screenshotDir, `${file}-${step}.png`), fullPage: true });
    },
  };
}

// Requests that leave the test server: anything but its own origin (data: URLs never reach a network).
export function foreignRequests(requests: string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
}

export function pendingItems(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wellbeing-pending:')));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// page.evaluate is not subject to the page's CSP (script-src 'self'), unlike addScriptTag.
export async function seriousAxeViolations(page: Page): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResults> } }).axe.run(document),
  );
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: Result[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`,
    )
    .join('\n');
}

// Signs in through the sign-in page as a person would, landing on `next` (a path on `origin`).
export async function signInThroughPage(page: Page, origin: string, spec: StaffSpec, next: string): Promise<void> {
  const email = await createStaffUser(spec);
  await page.goto(`${origin}/login?next=${encodeURIComponent(next)}`);
  await page.fill('#email', email);
  await page.fill('#password', TEST_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}
