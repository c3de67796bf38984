import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { testSurveys, useTestApp, type StaffSpec } from '../helpers/app.js';
import { describeViolations, seriousAxeViolations, useBrowser, signInThroughPage } from '../helpers/browser.js';
import { buildResearchData } from '../helpers/research-data.js';
import { buildPulseWave } from '../helpers/pulse-data.js';
import { buildThirdPartySurvey } from '../helpers/third-party-survey.js';
import { addAdminSurvey } from '../../server/admin/surveys.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);
const desktop = { viewport: { width: 1280, height: 900 } };

beforeEach(async () => {
  await buildResearchData();
});

const signInAs = (page: Page, spec: StaffSpec, next: string) => signInThroughPage(page, browser.origin(), spec, next);
const headings = (page: Page) => page.locator('main h1, main h2').allInnerTexts();

// English words that must not be left in a Welsh page's headings (names of places and waves aside).
const english =
  /\b(the|and|of|with|what|goes|responses|results|staff group|arm|councils?|scales|proportions|rate|turnover|wellbeing|satisfaction|intending|leave)\b/i;
const withoutData = (text: string) => text.replace(/Wave \d|Bolton|Leicestershire|Leicester|Suffolk|DfE|ONS4?/g, '');

describe('the staff pages in Welsh in Chromium', () => {
  test('when an HR lead opens the dashboard in Welsh, then headings, charts, the driver card and the survey names are Welsh', async () => {
    const { page } = await browser.open(desktop);
    await signInAs(page, { role: 'hr_lead', pilots: ['935'] }, '/dashboard?lang=cy');
    await page.getByRole('heading', { name: 'Beth sy’n mynd gyda bwriadu gadael yma' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'cy');
    for (const h of await headings(page)) assert.doesNotMatch(withoutData(h), english, `heading "${h}"`);
    const text = await page.locator('main').innerText();
    assert.match(text, /llesiant a chadw staff/);
    assert.match(text, /Cysylltiad yw hwn, nid achos/);
    assert.match(text, /Boddhad â’r swydd \(1 i 5\)/);
    assert.match(text, /Sgôr gymedrig ym mhob ton/);
    const drivers = (await page.locator('#drivers-intends_to_leave_12m tbody').textContent()) ?? '';
    assert.match(drivers, /Boddhad: |\(SYG\)|Deiliaid achosion|Goruchwyliaeth ffurfiol/);
    assert.match(drivers, /−?\d\.\d\d \(−?\d\.\d\d i −?\d\.\d\d\)/);
    assert.doesNotMatch(text, /-0\.0|−0\.0+\b(?!\d)/, 'no negative zero');
    assert.doesNotMatch(text, /Nid yw enwau rhai o fesurau/, 'the shipped survey has every name in Welsh');
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await browser.screenshot(page, 'dashboard-cy');
    await page.locator('#drivers-intends_to_leave_12m').screenshot({
      path: 'test-artifacts/screenshots/welsh-staff-pages-drivers-card-cy.png',
    });
  });

  test('when the HR lead follows links from the Welsh dashboard, then the next staff page is Welsh too, and English is one click away', async () => {
    const { page } = await browser.open(desktop);
    await signInAs(page, { role: 'hr_lead', pilots: ['855'] }, '/dashboard?lang=cy');
    // fewer than 30 complete answers here: the reason, in Welsh, and no figures
    const refused = await page.locator('#drivers-intends_to_leave_12m').innerText();
    assert.match(refused, /Mae angen o leiaf 30 o bobl a atebodd hwn a phob ffactor posibl/);
    await page.getByRole('link', { name: /^Canlyniadau fesul grŵp staff, Wave 1/ }).click();
    await page.waitForURL((url) => url.pathname === '/breakdown' && url.searchParams.get('lang') === 'cy');
    await page.getByRole('heading', { level: 1, name: /canlyniadau fesul grŵp staff/ }).waitFor();
    for (const h of await headings(page)) assert.doesNotMatch(withoutData(h), english, `heading "${h}"`);
    await browser.screenshot(page, 'breakdown-cy');
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /results by staff group/ }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(new URL(page.url()).searchParams.get('council'), '855');
  });

  test('when a researcher opens the research page in Welsh, then the comparison, its readings and the arm drivers are Welsh', async () => {
    const { page } = await browser.open(desktop);
    await signInAs(page, { role: 'researcher' }, '/research?wave=w2&baseline=w1&lang=cy');
    await page.getByRole('heading', { name: 'Graddfeydd: y gangen beilot o’i chymharu â’r gangen gymharu' }).waitFor();
    await page.locator('#drivers-pilot-intends_to_leave_12m canvas').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'cy');
    for (const h of await headings(page)) assert.doesNotMatch(withoutData(h), english, `heading "${h}"`);
    const text = await page.locator('main').innerText();
    assert.match(text, /Gorbryder ddoe \(SYG\) \(↓ gwell\)/);
    assert.match(text, /o blaid y gangen (beilot|gymharu)|dim gwahaniaeth clir/);
    assert.match(text, /Beth sy’n mynd gyda bwriadu gadael yn y gangen beilot/);
    assert.match(text, /Cysylltiad yw hwn, nid achos/);
    assert.doesNotMatch(text, /-0\.0|−0\.0+\b(?!\d)/, 'no negative zero');
    assert.doesNotMatch(text, /favours|councils as clusters|Ignoring clustering/);
    assert.equal(await page.locator('input[name=lang][value=cy]').count(), 1, 'the wave form keeps the language');
    assert.match((await page.getByRole('link', { name: /^Canfyddiadau/ }).getAttribute('href')) ?? '', /lang=cy/);
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await browser.screenshot(page, 'research-cy');
    await page.locator('#drivers-pilot-intends_to_leave_12m').screenshot({
      path: 'test-artifacts/screenshots/welsh-staff-pages-research-drivers-cy.png',
    });
  });

  test('when a researcher opens the findings in Welsh, then each measure is read in Welsh', async () => {
    const { page } = await browser.open(desktop);
    await signInAs(page, { role: 'researcher' }, '/research/findings?wave=w2&baseline=w1&lang=cy');
    await page.getByRole('heading', { level: 1, name: 'Canfyddiadau: Wave 1 i Wave 2' }).waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /Y newid yn y gangen beilot llai’r newid yn y gangen gymharu: [+−]?\d/);
    assert.match(text, /(Dim tystiolaeth o wahaniaeth|Tystiolaeth fod)/);
    assert.match(text, /Gyda 4 cyngor peilot a 4 cyngor cymharu, gall y gymhariaeth hon ganfod gwahaniaeth o tua/);
    for (const h of await headings(page)) assert.doesNotMatch(withoutData(h), english, `heading "${h}"`);
    await browser.screenshot(page, 'findings-cy');
  });

  test('when a survey has no Welsh names, then the Welsh dashboard shows them in English under one note saying so', async () => {
    const { body } = await addAdminSurvey(buildThirdPartySurvey(), {}, 'admin@example.org', testSurveys());
    const added = body as { id: string; version: number };
    await buildPulseWave(testSurveys(), added.id, added.version);
    const { page } = await browser.open(desktop);
    await signInAs(page, { role: 'hr_lead', pilots: ['855'] }, '/dashboard?lang=cy');
    await page.locator('#employee-engagement-pulse-flags').waitFor();
    const notes = await page.getByText(/Nid yw enwau rhai o fesurau’r arolwg hwn ar gael yn Gymraeg/).count();
    assert.equal(notes, 1, 'said once');
    const pulse = (await page.locator('#employee-engagement-pulse-scales_1_5 table').textContent()) ?? '';
    assert.match(pulse, /Energy at work/);
    assert.match(pulse, /Sgôr gymedrig|cymedr/);
    assert.match((await page.locator('#staff-wellbeing-satisfaction table').textContent()) ?? '', /Boddhad/);
    await browser.screenshot(page, 'dashboard-cy-english-names');
  });
});
