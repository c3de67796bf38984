// How a respondent works the staff-wellbeing v1 survey with a mouse, shared by the browser tests.
// On a phone SurveyJS draws ratings as drop-downs and hides the real radio inputs visually,
// so answers are given the way a person would: open the list and pick, or tap the label.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export const question = (page: Page, name: string) => page.locator(`[data-name="${name}"]`);

// SurveyJS closes an open list on any scroll, and Playwright's own scroll-into-view lands its
// scroll event just after the click; a person scrolls first and taps after, so this does too.
export async function rate(page: Page, name: string, option: string): Promise<void> {
  const q = question(page, name);
  await q.getByRole('combobox').evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await q.getByRole('combobox').click();
  await q.getByRole('option', { name: option, exact: true }).click();
  assert.equal(await q.getByRole('combobox').innerText(), option);
}

// For a matrix the radio's name is SurveyJS's "row …, column …".
export async function choose(page: Page, name: string, radio: string): Promise<void> {
  const input = page.getByRole('radio', { name: radio, exact: true });
  await question(page, name).locator('label').filter({ has: input }).click();
  assert.ok(await question(page, name).locator(input).isChecked(), `${name}: ${radio} is checked`);
}

export async function waitForSurveyPage(page: Page, title: string): Promise<void> {
  await page.locator('.sd-page__title', { hasText: title }).waitFor();
}

export async function next(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await waitForSurveyPage(page, title);
}

export async function start(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start the survey' }).click();
  await waitForSurveyPage(page, 'Your job');
}

const facets: [string, string][] = [
  ['Your workload', 'Dissatisfied'],
  ['The supervision you receive', 'Satisfied'],
  ['Support from colleagues in your team', 'Very satisfied'],
  ['The way you are managed', 'Neither satisfied nor dissatisfied'],
  ['Opportunities to learn and develop', 'Neither satisfied nor dissatisfied'],
  ['Recognition for the work you do', 'Dissatisfied'],
  ['Your pay', 'Dissatisfied'],
];

// Each page in order with the least a respondent must answer to move on; the last page needs nothing.
export const surveyPages: { title: string; answer: (page: Page) => Promise<void> }[] = [
  {
    title: 'Your job',
    answer: async (page) => {
      await rate(page, 'js_overall', 'Satisfied');
      for (const [row, column] of facets) await choose(page, 'js_facets', `row ${row}, column ${column}`);
    },
  },
  { title: 'Your wellbeing', answer: async () => {} },
  {
    title: 'Your plans',
    answer: async (page) => {
      await rate(page, 'leave_intent_12m', 'Unlikely');
      await choose(page, 'leave_looking', 'No');
      await choose(page, 'two_year_plan', 'In this council');
      await choose(page, 'turnover_team', 'Yes');
      await choose(page, 'turnover_authority', 'Yes');
    },
  },
  {
    title: 'Caseload, supervision and practice',
    answer: async (page) => {
      await choose(page, 'caseload_children', '16 to 20');
      await choose(page, 'supervision_frequency', 'Every three to four weeks');
      await rate(page, 'recommend_employer', '7');
    },
  },
  { title: 'About you', answer: async () => {} },
  { title: 'Anything else', answer: async () => {} },
];

// Starts the survey and answers every page up to, not including, the Complete button.
export async function answerEveryPage(
  page: Page,
  url: string,
  onPage: (title: string) => Promise<void> = async () => {},
): Promise<void> {
  await start(page, url);
  for (const [i, p] of surveyPages.entries()) {
    if (i > 0) await next(page, p.title);
    await onPage(p.title);
    await p.answer(page);
  }
}

export const complete = (page: Page) => page.getByRole('button', { name: 'Complete', exact: true }).click();
export const thankYou = (page: Page) => page.getByRole('heading', { name: 'Thank you' }).waitFor();

// A complete, valid set of answers (leave_intent_12m 4 shows the follow-up comment too).
export const everyAnswer = {
  js_overall: 4,
  js_facets: { workload: 2, supervision: 4, team_support: 5, management: 3, development: 3, recognition: 2, pay: 2 },
  ons_life_satisfaction: 7,
  ons_worthwhile: 8,
  leave_intent_12m: 4,
  leave_looking: 'no',
  two_year_plan: 'same_council',
  turnover_team: 'yes',
  turnover_authority: 'yes',
  caseload_children: '16_20',
  supervision_frequency: 'every_3_4_weeks',
  practice_model: { framework: 4 },
  recommend_employer: 7,
  demo_role: 'social_worker',
};

// Opens the survey on the given page (0-based) with answers already on the device, as after a reload.
export async function openWithProgress(
  page: Page,
  url: string,
  code: string,
  progress: { page: number; answers?: object; lang?: 'en' | 'cy' },
): Promise<void> {
  await page.goto(`${url}/api/v1/openapi.json`); // any page of the origin, to reach its storage
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key!, value!),
    [`wellbeing-progress:${code}`, JSON.stringify({ answers: everyAnswer, lang: 'en', ...progress })],
  );
  await page.goto(`${url}/s/${code}`);
  await page.locator('.sd-page__title').waitFor();
}

// Every column header and radio (the input and its drawn circle or button) of every question on
// the page, and any part of a question that scrolls sideways, measured against the question's card
// and the viewport. Returns one line per thing out of place.
export function optionsOutOfPlace(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width)
      found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    for (const card of document.querySelectorAll<HTMLElement>('.sd-question[data-name]')) {
      const box = card.getBoundingClientRect();
      const name = card.dataset.name;
      const parts = card.querySelectorAll<HTMLElement>(
        'th, input[type="radio"], .sd-item__decorator, .sd-rating__item, .sd-rating__item-smiley, .sd-rating__item-star',
      );
      for (const part of parts) {
        const r = part.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue; // not drawn (e.g. an empty corner cell)
        const label = (
          part.innerText ||
          part.getAttribute('aria-label') ||
          part.closest('label')?.innerText ||
          part.tagName
        ).trim();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
          found.push(
            `${name}: "${label}" at x ${Math.round(r.left)}–${Math.round(r.right)}, card ${Math.round(box.left)}–${Math.round(box.right)}`,
          );
        if (r.left < 0 || r.right > width)
          found.push(`${name}: "${label}" outside the viewport (x ${Math.round(r.left)}–${Math.round(r.right)})`);
      }
      for (const e of [card, ...card.querySelectorAll<HTMLElement>('*')]) {
        const overflow = getComputedStyle(e).overflowX;
        if ((overflow === 'auto' || overflow === 'scroll') && e.scrollWidth > e.clientWidth + 1)
          found.push(`${name}: ${e.className || e.tagName} scrolls sideways (${e.scrollWidth} > ${e.clientWidth})`);
      }
    }
    return found;
  });
}

export function progressItems(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wellbeing-progress:')));
}
