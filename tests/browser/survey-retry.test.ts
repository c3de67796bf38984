import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Route } from 'playwright-core';
import { SurveyResponse } from '../../server/responses/model.js';
import { useTestApp } from '../helpers/app.js';
import { pendingItems, useBrowser } from '../helpers/browser.js';
import { buildCampaign } from '../helpers/factories.js';
import { answerEveryPage, complete, thankYou } from '../helpers/respondent-page.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);
const responses = '**/api/v1/campaigns/*/responses';

describe('GET /s/:code in Chromium when the answers cannot be sent', () => {
  test(
    'when the server cannot be reached, then the answers are kept, retried after a reload, and stored exactly once',
    { timeout: 120_000 },
    async () => {
      const { code } = await buildCampaign();
      const { page } = await browser.open();
      const status = page.locator('#status');
      await answerEveryPage(page, `${browser.origin()}/s/${code}`);

      let attempts = 0;
      await page.route(responses, (route: Route) => {
        attempts++;
        return route.abort('internetdisconnected');
      });
      await complete(page);
      await status.filter({ hasText: 'Your answers are saved on this device and we will try again' }).waitFor();
      await browser.screenshot(page, '1-saved-and-retrying');
      assert.ok(attempts >= 1);
      assert.equal((await pendingItems(page)).length, 1);
      assert.equal(await SurveyResponse.countDocuments(), 0);

      // After the reload the request reaches the server but its answer is lost: the response is
      // stored and the page, not knowing, must send the same submission again.
      await page.unroute(responses);
      let lostAcknowledgements = 0;
      await page.route(responses, async (route: Route) => {
        if (lostAcknowledgements > 0) return route.continue();
        lostAcknowledgements++;
        await route.fetch();
        return route.abort('connectionreset');
      });
      await page.reload();
      // generous: on a loaded machine the first retry waits for the server to store the response
      await status.filter({ hasText: 'Your answers are saved on this device' }).waitFor({ timeout: 60_000 });
      await browser.screenshot(page, '2-after-reload');
      assert.equal(await page.getByRole('button', { name: 'Start the survey' }).count(), 0);
      assert.equal(await page.locator('.sd-question').count(), 0);
      assert.equal((await pendingItems(page)).length, 1);
      assert.equal(lostAcknowledgements, 1);
      assert.equal(await SurveyResponse.countDocuments(), 1);

      await page.unroute(responses);
      await thankYou(page);
      await browser.screenshot(page, '3-thank-you');
      assert.equal(await status.innerText(), '');
      assert.equal(await SurveyResponse.countDocuments(), 1);
      assert.deepEqual(await pendingItems(page), []);
    },
  );
});
