import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { SurveyResponse } from '../../server/responses/model.js';
import { useTestApp } from '../helpers/app.js';
import { describeViolations, pendingItems, seriousAxeViolations, useBrowser } from '../helpers/browser.js';
import { buildCampaign } from '../helpers/factories.js';
import {
  answerEveryPage,
  complete,
  next,
  question,
  start,
  surveyPages,
  waitForSurveyPage,
} from '../helpers/respondent-page.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);

// The worker controls the page once it is active; until then a reload would go to the network.
const offlineReady = (page: Page) =>
  page.waitForFunction(async () => {
    const controlled = navigator.serviceWorker.controller !== null;
    const cache = await caches.open('pages');
    return controlled && (await cache.keys()).length === 2;
  });

const secondsLeft = async (page: Page) =>
  Number(/in (\d+) seconds?/.exec(await page.locator('#status').innerText())?.[1]);

describe('GET /s/:code in Chromium without a connection', () => {
  test(
    'when a link opened once is reloaded offline mid-survey, then the survey shows with the answers restored',
    { timeout: 60_000 },
    async () => {
      const { code } = await buildCampaign();
      const { page, context } = await browser.open();
      await start(page, `${browser.origin()}/s/${code}`);
      await surveyPages[0]!.answer(page);
      await next(page, 'Your wellbeing');
      await offlineReady(page);

      await context.setOffline(true);
      await page.reload();
      await waitForSurveyPage(page, 'Your wellbeing');
      await browser.screenshot(page, '1-offline-reload');
      await page.getByRole('button', { name: 'Previous', exact: true }).click();
      await waitForSurveyPage(page, 'Your job');
      assert.equal(await question(page, 'js_overall').getByRole('combobox').innerText(), 'Satisfied');
    },
  );

  test(
    'when the answers are completed offline, then the wait counts down each second and they are sent within 2 s of the connection returning',
    { timeout: 90_000 },
    async () => {
      const { code } = await buildCampaign();
      const { page, context } = await browser.open();
      await answerEveryPage(page, `${browser.origin()}/s/${code}`);
      await context.setOffline(true);
      await complete(page);
      // by the fourth failure the wait is 8 s: long enough that only the `online` event can explain a send within 2 s
      await page.locator('#status', { hasText: 'try again in 8 seconds' }).waitFor({ timeout: 30_000 });
      await page.locator('#status', { hasText: 'try again in 7 seconds' }).waitFor({ timeout: 2_000 });
      await browser.screenshot(page, '2-offline-waiting');
      assert.equal((await pendingItems(page)).length, 1);
      assert.equal(await SurveyResponse.countDocuments(), 0);

      const left = await secondsLeft(page);
      await context.setOffline(false);
      await page.getByRole('heading', { name: 'Thank you' }).waitFor({ timeout: 2_000 });
      assert.ok(left >= 5, `the next timed try was still ${left} s away`);
      assert.equal(await SurveyResponse.countDocuments(), 1);
      assert.deepEqual(await pendingItems(page), []);
    },
  );

  test(
    'when the page script cannot load, then a plain message with a retry appears instead of "Loading…" for ever',
    { timeout: 60_000 },
    async () => {
      const { code } = await buildCampaign();
      const { page } = await browser.open();
      await page.route('**/static/r/*.js', (route) => route.abort('blockedbyclient'));
      await page.goto(`${browser.origin()}/s/${code}`);
      const retry = page.getByRole('link', { name: /Try again/ });
      await retry.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await page.locator('main').innerText(), /The survey has not loaded\. .*Check that you are online/);
      assert.equal(await page.getByText('Loading the survey…').isVisible(), false);
      await browser.screenshot(page, '3-scripts-blocked');
      const violations = await seriousAxeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));

      await page.unroute('**/static/r/*.js');
      await retry.click();
      await page.getByRole('button', { name: 'Start the survey' }).waitFor();
    },
  );
});
