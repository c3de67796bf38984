import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../helpers/app.js';
import { describeViolations, seriousAxeViolations, signInThroughPage, useBrowser } from '../helpers/browser.js';
import { buildStaffData } from '../helpers/staff-data.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);
const a4 = { width: 794, height: 1123 };

describe('the codebook page in Chromium', () => {
  test('when a researcher opens the codebook, then variables, items, scales and flags are tables and the files can be downloaded', async () => {
    const { page } = await browser.open({ viewport: { width: 1200, height: 900 } });
    await signInThroughPage(page, browser.origin(), { role: 'researcher' }, '/codebook?survey=staff-wellbeing%401');
    await page.getByRole('heading', { level: 1, name: 'Codebook: staff-wellbeing, version 1' }).waitFor();
    const variables = await page.locator('#codebook-variables').innerText();
    assert.match(variables, /leave_looking\tAre you actively looking for another job at the moment\?\tYdych chi/);
    assert.match(variables, /-9 = Other\/suppressed \(small group\) \(missing\)/);
    const items = await page.locator('#codebook-items').innerText();
    assert.match(
      items,
      /js_overall\tjs_overall\tProject-authored item \(staff-wellbeing v1\)[^\t]*\tMIT \(project licence\)\t1/,
    );
    const scales = await page.locator('#codebook-scales').innerText();
    assert.match(
      scales,
      /js_overall\tOverall job satisfaction\tjs_overall\t–\t1 to 5; mean of at least 1 answered\thigher\toutcome\t1/,
    );
    assert.match(
      await page.locator('#codebook-flags').innerText(),
      /intends_to_leave_12m\t.*\tleave_intent_12m\t4, 5\t–\tlower\toutcome/,
    );
    const links = page.locator('#codebook-downloads a');
    assert.deepEqual(await links.allTextContents(), [
      'Download the codebook (CSV)',
      'Download the codebook (JSON)',
      'Download the codebook (Markdown)',
    ]);
    const [download] = await Promise.all([page.waitForEvent('download'), links.nth(2).click()]);
    assert.equal(download.suggestedFilename(), 'staff-wellbeing-codebook.md');
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await browser.screenshot(page, 'researcher');
  });

  test('when the codebook is printed on A4, then no table is wider than the page and the downloads are left out', async () => {
    const { page } = await browser.open({ viewport: a4 });
    await signInThroughPage(page, browser.origin(), { role: 'admin' }, '/codebook?survey=staff-wellbeing%401');
    await page.locator('#codebook-flags').waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#codebook-downloads').isVisible(), false);
    const widths = await page.locator('table').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().right));
    assert.ok(widths.length >= 4);
    for (const right of widths) assert.ok(right <= a4.width, `a table ends at ${right}px`);
    await page.pdf({ path: 'test-artifacts/screenshots/codebook-print.pdf', format: 'A4' });
  });

  test('when an HR lead opens the codebook, then they are told it is not for them and see no variables', async () => {
    await buildStaffData();
    const { page } = await browser.open();
    await signInThroughPage(
      page,
      browser.origin(),
      { role: 'hr_lead', pilots: ['855'] },
      '/codebook?survey=staff-wellbeing%401',
    );
    await page.getByRole('heading', { name: 'The codebook could not be shown' }).waitFor();
    assert.equal(await page.locator('table').count(), 0);
  });
});
