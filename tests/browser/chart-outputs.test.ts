import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { useTestApp } from '../helpers/app.js';
import { phone, signInThroughPage, useBrowser } from '../helpers/browser.js';
import { buildStaffData } from '../helpers/staff-data.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);
const desktop = { viewport: { width: 1200, height: 900 } };
// A4 portrait at 96 CSS pixels an inch
const a4 = { width: 794, height: 1123 };

beforeEach(async () => {
  await buildStaffData();
});

async function openDashboard(page: Page): Promise<void> {
  await signInThroughPage(page, browser.origin(), { role: 'hr_lead', pilots: ['855'] }, '/dashboard');
  await page.locator('#satisfaction canvas').waitFor();
  await page.locator('#actual-turnover canvas').waitFor();
}

// The downloaded PNG drawn into a canvas in the page: its size, a corner pixel and how much of
// each band (above the chart, the chart, below it) is not white.
function inspectPng(page: Page, dataUrl: string, chartHeight: number) {
  return page.evaluate(
    async ({ url, chartHeight }) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const header = c.height - chartHeight;
      // (no named functions in here: the test's compiler would wrap them in a helper the page lacks)
      const [titleInk = 0, footerInk = 0] = [
        [0, header / 2],
        [c.height - header / 3, c.height],
      ].map(([top, bottom]) => {
        const { data } = ctx.getImageData(0, top!, c.width, Math.max(1, bottom! - top!));
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200) n++;
        return n;
      });
      return { width: c.width, height: c.height, corner: [...ctx.getImageData(1, 1, 1, 1).data], titleInk, footerInk };
    },
    { url: dataUrl, chartHeight },
  );
}

describe('chart outputs in Chromium', () => {
  test('when an HR lead downloads a chart, then the PNG is on white with a title above the chart and its source below', async () => {
    const { page } = await browser.open(desktop);
    await openDashboard(page);
    const card = page.locator('#satisfaction');
    const chart = await card.locator('canvas').evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'satisfaction.png');
    const bytes = await readFile((await download.path())!);
    await writeFile('test-artifacts/screenshots/chart-outputs-download.png', bytes);
    assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
    const png = await inspectPng(page, `data:image/png;base64,${bytes.toString('base64')}`, chart.h);
    assert.deepEqual(png.corner, [255, 255, 255, 255], 'opaque white, not transparent');
    assert.ok(png.width > chart.w && png.height > chart.h + 60, `room for the words: ${JSON.stringify(png)}`);
    assert.ok(png.titleInk > 200, 'the title is drawn above the chart');
    assert.ok(png.footerInk > 100, 'the source is drawn below the chart');
    // the same words are on the card, for the screen and for print
    assert.equal(
      await card.locator('.chart-source').textContent(),
      'Source: staff survey, Leicestershire, Wave 1, Wave 2 and Wave 3',
    );
    assert.match(
      (await page.locator('#actual-turnover .chart-source').textContent()) ?? '',
      /^Source: DfE children's social work workforce statistics \(Leicestershire, year to September \d{4}/,
    );
  });

  test('when the dashboard is printed on A4, then every data table is open and every chart fits the page', async () => {
    const { page } = await browser.open({ viewport: a4 });
    await openDashboard(page);
    assert.equal(await page.locator('details.data-table[open]').count(), 0, 'tables start closed on screen');
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => document.querySelectorAll('details.data-table:not([open])').length === 0);
    const tables = page.locator('details.data-table table');
    assert.ok((await tables.count()) >= 5);
    for (const table of await tables.all()) assert.ok(await table.isVisible(), 'the table is printed');
    assert.ok(
      await page
        .getByRole('cell', { name: /\(\d+\.\d+ to \d+\.\d+\), n \d+/ })
        .first()
        .isVisible(),
    );
    const boxes = await page.locator('canvas').evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().toJSON()));
    for (const box of boxes as DOMRect[]) {
      assert.ok(box.width > 200 && box.left >= 0 && box.right <= a4.width, `within the page: ${JSON.stringify(box)}`);
    }
    await browser.screenshot(page, 'dashboard-print');
    await page.pdf({ path: 'test-artifacts/screenshots/chart-outputs-dashboard.pdf', format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await page.waitForFunction(() => document.querySelectorAll('details.data-table[open]').length === 0);
  });

  test('when the dashboard is read on a 360 px phone, then every legend and chart stays inside the screen', async () => {
    const { page } = await browser.open({ viewport: phone });
    await openDashboard(page);
    const charts = await page
      .locator('canvas')
      .evaluateAll((cs) =>
        cs.map((c) => ({ box: c.getBoundingClientRect().toJSON() as DOMRect, legend: c.dataset.legendExtent })),
      );
    const withLegend = charts.filter((c) => c.legend);
    assert.ok(withLegend.length >= 3, 'the line charts have legends');
    for (const { box, legend } of charts) {
      assert.ok(box.left >= 0 && box.right <= phone.width, `the chart is on screen: ${JSON.stringify(box)}`);
      if (!legend) continue;
      const [left, right] = legend.split(' ').map(Number) as [number, number];
      assert.ok(left >= 0 && right <= box.width, `legend ${legend} inside a chart ${box.width} wide`);
    }
    await page.locator('#satisfaction').screenshot({ path: 'test-artifacts/screenshots/chart-outputs-phone-card.png' });
    await page
      .locator('#drivers-intends_to_leave_12m')
      .screenshot({ path: 'test-artifacts/screenshots/chart-outputs-phone-drivers.png' })
      .catch(() => undefined);
    await browser.screenshot(page, 'dashboard-phone');
  });
});
