import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useTestApp } from '../helpers/app.js';
import { describeViolations, seriousAxeViolations, useBrowser } from '../helpers/browser.js';
import { buildCampaign } from '../helpers/factories.js';
import { answerEveryPage, complete, thankYou } from '../helpers/respondent-page.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);

describe('GET /s/:code in Chromium: accessibility', () => {
  test(
    'when axe checks the statement, every survey page and the thanks, then nothing serious or critical is found',
    { timeout: 60_000 },
    async () => {
      const { code } = await buildCampaign();
      const { page } = await browser.open();
      const found: string[] = [];
      const check = async (p: Page, step: string) => {
        await browser.screenshot(p, step);
        const violations = await seriousAxeViolations(p);
        if (violations.length) found.push(`${step}:\n${describeViolations(violations)}`);
      };

      await page.goto(`${browser.origin()}/s/${code}`);
      await page.getByRole('button', { name: 'Start the survey' }).waitFor();
      await check(page, 'intro');
      let n = 0;
      await answerEveryPage(page, `${browser.origin()}/s/${code}`, (title) =>
        check(page, `page-${++n}-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`),
      );
      await complete(page);
      await thankYou(page);
      await check(page, 'thank-you');

      assert.equal(found.length, 0, `axe found serious or critical violations:\n${found.join('\n')}`);
    },
  );

  test(
    'when axe checks a page after a required answer was skipped, then the error messages are accessible too',
    { timeout: 30_000 },
    async () => {
      const { code } = await buildCampaign();
      const { page } = await browser.open();
      await page.goto(`${browser.origin()}/s/${code}`);
      await page.getByRole('button', { name: 'Start the survey' }).click();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByText('Response required.').first().waitFor();
      await browser.screenshot(page, 'errors');
      const violations = await seriousAxeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    },
  );
});
