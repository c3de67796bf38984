import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Campaign } from '../../server/study/campaigns/model.js';
import { useTestApp } from '../helpers/app.js';
import { useBrowser } from '../helpers/browser.js';
import { buildCampaign } from '../helpers/factories.js';
import { question, waitForSurveyPage } from '../helpers/respondent-page.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);

// The Welsh wording comes from the survey file, so a reviewed translation does not break the test.
type Text = { default: string; cy: string };
const firstPage = (
  JSON.parse(readFileSync(new URL('../../surveys/staff-wellbeing.v1.json', import.meta.url), 'utf8')) as {
    survey: { pages: { title: Text; elements: { title: Text; rows?: { text: Text }[] }[] }[] };
  }
).survey.pages[0]!;

describe('GET /s/:code in Chromium: links and languages', () => {
  test('when the link is unknown, then a friendly "Survey not found" page comes back with 404', async () => {
    const { page } = await browser.open();
    const res = await page.goto(`${browser.origin()}/s/${'x'.repeat(32)}`);
    assert.equal(res?.status(), 404);
    await page.getByRole('heading', { name: 'Survey not found' }).waitFor();
    assert.match(
      await page.locator('main').innerText(),
      /There is no survey at this link\. Check the link you were sent\./,
    );
    await browser.screenshot(page, '1-not-found');
  });

  test(
    'when the respondent presses Cymraeg, then the statement, its closing date and the questions are in Welsh',
    { timeout: 30_000 },
    async () => {
      const closesOn = '2027-01-05';
      const { code } = await buildCampaign({ closesOn });
      const { page } = await browser.open();
      await page.goto(`${browser.origin()}/s/${code}`);
      await page.getByRole('heading', { name: 'Who sees your answers' }).waitFor();

      await page.getByRole('button', { name: 'Cymraeg' }).click();
      await page.getByRole('heading', { name: "Pwy sy'n gweld eich atebion" }).waitFor();
      await page.getByRole('heading', { name: 'Llesiant a chadw staff', level: 1 }).waitFor();
      const statement = await page.locator('section.anonymity').innerText();
      assert.match(statement, /ar gyfer grwpiau o 10 o bobl o leiaf/);
      const closes = new Intl.DateTimeFormat('cy', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${closesOn}T12:00:00Z`),
      );
      assert.ok(statement.includes(`yn cau ar ${closes}.`), `the closing date in Welsh (${closes}) in: ${statement}`);
      assert.equal(await page.getByRole('button', { name: 'Cymraeg' }).getAttribute('aria-pressed'), 'true');
      assert.equal(await page.locator('html').getAttribute('lang'), 'cy');
      await browser.screenshot(page, '2-intro-welsh');

      await page.getByRole('button', { name: "Dechrau'r arolwg" }).click();
      await waitForSurveyPage(page, firstPage.title.cy);
      assert.ok((await question(page, 'js_overall').innerText()).includes(firstPage.elements[0]!.title.cy));
      assert.ok((await question(page, 'js_facets').innerText()).includes(firstPage.elements[1]!.rows![0]!.text.cy));
      await browser.screenshot(page, '3-survey-welsh');
    },
  );

  test(
    'when a personal link is not recognised, then the page says so, the token leaves the address bar and nothing stored on the device holds it',
    { timeout: 30_000 },
    async () => {
      const { code } = await buildCampaign();
      await Campaign.updateOne({ _id: code }, { $set: { requireInvitation: true } });
      const { page } = await browser.open();
      await page.goto(`${browser.origin()}/s/${code}?t=${'a'.repeat(43)}`);
      await page.getByText('This personal link is not recognised.').waitFor();
      assert.equal(new URL(page.url()).search, '');
      await page.waitForFunction(async () => (await (await caches.open('pages')).keys()).length === 2);
      const stored = await page.evaluate(async () => ({
        cached: (await (await caches.open('pages')).keys()).map((r) => r.url),
        local: JSON.stringify(localStorage),
      }));
      assert.ok(
        stored.cached.every((url) => !url.includes('?')),
        stored.cached.join(', '),
      );
      assert.ok(!stored.local.includes('aaaa'));

      await page.goto(`${browser.origin()}/s/${code}`);
      await page.getByText('This survey is by invitation').waitFor();
    },
  );
});
