import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../helpers/app.js';
import { useBrowser } from '../helpers/browser.js';
import { buildCampaign } from '../helpers/factories.js';
import { next, openWithProgress, optionsOutOfPlace, surveyPages } from '../helpers/respondent-page.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);

// the four the issue names, the narrowest phone, and a width just above SurveyJS's switch to lists
const viewports = [
  { width: 320, height: 568 },
  { width: 360, height: 740 },
  { width: 768, height: 1024 },
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

// The most positive option hidden off the edge of a grid biases answers: every option must show.
describe('GET /s/:code in Chromium: every answer option is visible', () => {
  for (const viewport of viewports) {
    test(
      `when the whole survey is paged through at ${viewport.width}×${viewport.height}, then every column header and radio lies inside its card and the viewport, with no sideways scrolling`,
      { timeout: 60_000 },
      async () => {
        const { code } = await buildCampaign();
        const { page } = await browser.open({ viewport });
        await openWithProgress(page, browser.origin(), code, { page: 0 });
        const found: string[] = [];
        for (const [i, p] of surveyPages.entries()) {
          if (i > 0) await next(page, p.title);
          await browser.screenshot(page, `${viewport.width}-${i + 1}`);
          found.push(...(await optionsOutOfPlace(page)).map((f) => `${p.title}: ${f}`));
        }
        assert.deepEqual(found, []);
      },
    );
  }

  test(
    'when the window is resized from 320 to 1920 px in 80 px steps on the pages with grids and scales, then every option stays inside its card',
    { timeout: 90_000 },
    async () => {
      const { code } = await buildCampaign();
      const { page } = await browser.open();
      const found: string[] = [];
      for (const pageNo of [0, 1, 3]) {
        await openWithProgress(page, browser.origin(), code, { page: pageNo });
        for (let width = 320; width <= 1920; width += 80) {
          await page.setViewportSize({ width, height: 900 });
          // SurveyJS re-lays out on resize (grids become lists below 600 px) in a later frame
          await page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(r), 100)));
          found.push(...(await optionsOutOfPlace(page)).map((f) => `${width} px, ${surveyPages[pageNo]!.title}: ${f}`));
        }
      }
      assert.deepEqual(found, []);
    },
  );
});
