import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { SurveyResponse } from '../../server/responses/model.js';
import { unpackAnswers } from '../../server/responses/store.js';
import { useTestApp } from '../helpers/app.js';
import { foreignRequests, pendingItems, useBrowser } from '../helpers/browser.js';
import { buildCampaign } from '../helpers/factories.js';
import {
  choose,
  complete,
  next,
  question,
  rate,
  surveyPages,
  thankYou,
  waitForSurveyPage,
} from '../helpers/respondent-page.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);

const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLInputElement;
    return { role: e.getAttribute('role'), name: e.name ?? '', text: e.value || e.innerText, checked: e.checked };
  });

async function tab(page: Page) {
  await page.keyboard.press('Tab');
  return focused(page);
}

// The first page by keyboard alone: a drop-down opened with Enter and moved with arrows, then
// each matrix row reached with Tab, ticked with Space and moved along with the arrow keys.
async function answerFirstPageByKeyboard(page: Page) {
  assert.equal((await tab(page)).role, 'combobox');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await question(page, 'js_overall').getByRole('combobox').innerText(), 'Satisfied');
  const rows: [string, number][] = [
    ['workload', 2],
    ['supervision', 4],
    ['team_support', 5],
    ['management', 3],
    ['development', 3],
    ['recognition', 2],
    ['pay', 2],
  ];
  for (const [row, value] of rows) {
    assert.match((await tab(page)).name, new RegExp(`_${row}$`));
    await page.keyboard.press('Space');
    for (let v = 1; v < value; v++) await page.keyboard.press('ArrowRight');
    assert.equal((await focused(page)).checked, true);
  }
  let target = await tab(page);
  for (let i = 0; i < 5 && target.text !== 'Next'; i++) target = await tab(page);
  assert.equal(target.text, 'Next');
  await page.keyboard.press('Enter');
}

describe('GET /s/:code in Chromium on a phone', () => {
  test(
    'when a person reads the statement and answers every page, then one response is stored and nothing leaves the server',
    { timeout: 60_000 },
    async () => {
      const { code } = await buildCampaign({ allowFreeText: true }); // the comment below is kept
      const { page, context, requests } = await browser.open();
      await page.goto(`${browser.origin()}/s/${code}`);

      const statement = page.locator('section.anonymity');
      await statement.getByRole('heading', { name: 'Who sees your answers' }).waitFor();
      assert.match(await statement.innerText(), /see only figures for groups of at least 10 people/);
      await browser.screenshot(page, '1-intro');
      await page.getByRole('button', { name: 'Start the survey' }).click();
      await waitForSurveyPage(page, 'Your job');

      await answerFirstPageByKeyboard(page);
      await waitForSurveyPage(page, 'Your wellbeing');
      await rate(page, 'ons_life_satisfaction', '7');
      await rate(page, 'ons_worthwhile', '8');
      await browser.screenshot(page, '2-wellbeing');
      await next(page, 'Your plans');
      await surveyPages[2]!.answer(page);
      await browser.screenshot(page, '3-plans');
      await next(page, 'Caseload, supervision and practice');
      await surveyPages[3]!.answer(page);
      await choose(page, 'practice_model', 'row a framework that guides my practice, column Agree');
      await browser.screenshot(page, '4-practice');
      await next(page, 'About you');
      await choose(page, 'demo_role', 'Social worker');
      await next(page, 'Anything else');
      await question(page, 'improve_one_thing').getByRole('textbox').fill('More time for direct work with families');
      await browser.screenshot(page, '5-comments');
      await complete(page);
      await thankYou(page);
      await browser.screenshot(page, '6-thank-you');

      const stored = await SurveyResponse.find().lean();
      assert.equal(stored.length, 1);
      const answers = unpackAnswers(stored[0]!.answers);
      assert.equal(answers.js_overall, 4);
      assert.deepEqual(answers.js_facets, {
        workload: 2,
        supervision: 4,
        team_support: 5,
        management: 3,
        development: 3,
        recognition: 2,
        pay: 2,
      });
      assert.equal(answers.ons_worthwhile, 8);
      assert.equal(answers.ons_happy_yesterday, undefined);
      assert.equal(answers.leave_looking, 'no');
      assert.equal(answers.recommend_employer, 7);
      assert.deepEqual(answers.practice_model, { framework: 4 });
      assert.equal(answers.improve_one_thing, 'More time for direct work with families');
      assert.deepEqual(await pendingItems(page), []);

      assert.ok(
        requests.some((url) => url.endsWith(`/api/v1/campaigns/${code}/responses`)),
        'the answers were posted',
      );
      assert.deepEqual(foreignRequests(requests, browser.origin()), []);
      assert.deepEqual(await context.cookies(), []);
    },
  );
});
