import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SurveyResponse } from '../../server/responses/model.js';
import { useTestApp } from '../helpers/app.js';
import { useBrowser } from '../helpers/browser.js';
import { buildCampaign } from '../helpers/factories.js';
import {
  complete,
  next,
  progressItems,
  question,
  surveyPages,
  start,
  thankYou,
  waitForSurveyPage,
} from '../helpers/respondent-page.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);

describe('GET /s/:code in Chromium: answers kept on the device as the person goes', () => {
  test(
    'when a person answers two pages and reloads, then they are back on the same page with every answer, and nothing was sent before Complete',
    { timeout: 60_000 },
    async () => {
      const { code } = await buildCampaign();
      const { page, requests } = await browser.open();
      const posted: string[] = [];
      page.on('request', (r) => {
        if (r.method() !== 'GET') posted.push(r.url());
      });
      await start(page, `${browser.origin()}/s/${code}`);
      await surveyPages[0]!.answer(page);
      await next(page, 'Your wellbeing');
      assert.deepEqual(await progressItems(page), [`wellbeing-progress:${code}`]);

      await page.reload();
      await waitForSurveyPage(page, 'Your wellbeing');
      await page.getByText('We kept the answers you gave earlier on this device').waitFor();
      await browser.screenshot(page, '1-restored');
      await page.getByRole('button', { name: 'Previous', exact: true }).click();
      await waitForSurveyPage(page, 'Your job');
      assert.equal(await question(page, 'js_overall').getByRole('combobox').innerText(), 'Satisfied');
      assert.ok(await page.getByRole('radio', { name: 'row Your pay, column Dissatisfied', exact: true }).isChecked());
      assert.deepEqual(posted, [], 'nothing was posted before Complete');

      for (const p of surveyPages.slice(1)) await next(page, p.title).then(() => p.answer(page));
      await complete(page);
      await thankYou(page);
      assert.deepEqual(await progressItems(page), []);
      assert.equal(await SurveyResponse.countDocuments(), 1);
      assert.ok(requests.length > 0);
    },
  );

  test(
    'when a person clears their answers from the device, then nothing is kept and the survey starts afresh',
    { timeout: 60_000 },
    async () => {
      const { code } = await buildCampaign();
      const { page } = await browser.open();
      await start(page, `${browser.origin()}/s/${code}`);
      await surveyPages[0]!.answer(page);
      assert.equal((await progressItems(page)).length, 1);

      await page.getByRole('button', { name: 'Clear my answers from this device' }).click();
      await page.locator('#status', { hasText: 'Your answers have been cleared from this device.' }).waitFor();
      await browser.screenshot(page, '2-cleared');
      assert.deepEqual(await progressItems(page), []);
      await page.reload();
      await page.getByRole('button', { name: 'Start the survey' }).click();
      await waitForSurveyPage(page, 'Your job');
      assert.equal(await question(page, 'js_overall').getByRole('combobox').innerText(), '');
      assert.equal(await SurveyResponse.countDocuments(), 0);
    },
  );
});
