import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useTestApp } from '../helpers/app.js';
import { describeViolations, seriousAxeViolations, signInThroughPage, useBrowser } from '../helpers/browser.js';
import { buildThirdPartySurvey } from '../helpers/third-party-survey.js';

const { app } = useTestApp(import.meta.url);
const browser = useBrowser(app, import.meta.url);
const desktop = { viewport: { width: 1200, height: 900 } };

// The fields of the n-th scale or flag fieldset, by their labels.
const scale = (page: Page, i: number) => page.locator(`#scale-edit-${i}`);
const flag = (page: Page, i: number) => page.locator(`#flag-edit-${i}`);

async function checkPlainSurvey(page: Page): Promise<void> {
  await signInThroughPage(page, browser.origin(), { role: 'admin' }, '/admin');
  await page.goto(`${browser.origin()}/admin#surveys`);
  await page.setInputFiles('#survey-file', {
    name: 'pulse.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(buildThirdPartySurvey())),
  });
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await page.locator('#survey-measures').waitFor();
}

describe('editing proposed measures in Chromium', () => {
  test('when an admin renames, re-points, drops and marks the proposed measures, then every problem is shown at its field and the fixed version is saved as edited', async () => {
    const { page } = await browser.open(desktop);
    await checkPlainSurvey(page);
    const legends = await page.locator('#survey-measures fieldset.measure-edit > legend').allTextContents();
    assert.deepEqual(legends, [
      'Scale 1: Energy at work',
      'Scale 2: How much do you agree?',
      'Scale 3: How likely are you to recommend your team?',
      'Flag 1: Answered yes: Did you work unpaid overtime last week?',
    ]);
    assert.equal(await page.getByRole('checkbox', { name: /Which team are you in\?/ }).isChecked(), true);

    // two mistakes: an item that is not a rating, and an id that is not lower_snake_case
    await scale(page, 0).getByLabel('Label').fill('Vigour at work');
    await scale(page, 0).getByLabel('Items', { exact: true }).fill('energyMorning, energyDay, helps');
    await scale(page, 0).getByLabel('Which way is better').selectOption('higher');
    await scale(page, 0).getByLabel('Driver analysis').selectOption('outcome');
    await scale(page, 2).getByLabel('Keep this scale').uncheck();
    await flag(page, 0).getByLabel('Id (lower_snake_case)').fill('Unpaid Overtime');
    await flag(page, 0).getByLabel('Which way is better').selectOption('lower');
    await page.getByRole('button', { name: 'Check the measures again' }).click();
    await page.locator('#survey-edit-check #survey-problems li').first().waitFor();
    const problems = await page.locator('#survey-edit-check #survey-problems li').allTextContents();
    assert.deepEqual(problems, ['$.flags[0].id: must be lower_snake_case']);
    assert.match(await flag(page, 0).locator('.field-error:not([hidden])').innerText(), /must be lower_snake_case/);
    await flag(page, 0).getByLabel('Id (lower_snake_case)').fill('unpaid_overtime');
    await page.getByRole('button', { name: 'Check the measures again' }).click();
    await page.locator('#survey-edit-check #survey-problems li').first().waitFor();
    assert.match(
      await scale(page, 0).locator('.field-error:not([hidden])').innerText(),
      /"helps" is not a numeric rating or matrix row/,
    );
    assert.equal(await flag(page, 0).locator('.field-error:not([hidden])').count(), 0, 'the fixed field is cleared');
    await browser.screenshot(page, 'problems-at-fields');

    await scale(page, 0).getByLabel('Items', { exact: true }).fill('energyMorning, energyDay');
    await page.getByRole('checkbox', { name: /Which team are you in\?/ }).uncheck();
    await page.getByRole('button', { name: 'Check the measures again' }).click();
    await page.getByText('No problems found in the measures.').waitFor();
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByText(/Saved employee-engagement-pulse version 1/).waitFor();
    const installed = await page.locator('#installed-surveys').innerText();
    assert.match(
      installed,
      /Employee engagement pulse, version 1[^\n]*Vigour at work; How much do you agree\?\tAnswered yes/,
    );
    assert.doesNotMatch(installed, /recommend your team/);
    const saved = await page.evaluate(async () => {
      const res = await fetch('/api/v1/exports/codebook?format=json&survey=employee-engagement-pulse%401');
      return (await res.json()) as { scales: { id: string; higher_is_better: boolean | null; role: string | null }[] };
    });
    assert.deepEqual(
      saved.scales.map((s) => [s.id, s.higher_is_better, s.role]),
      [
        ['energy', true, 'outcome'],
        ['team_climate', null, null],
      ],
    );
    await browser.screenshot(page, 'saved');
  });
});
