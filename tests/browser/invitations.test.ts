import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { InvitationList, inviteesOf } from '../../server/invitations/model.js';
import { MailProblem, OutboxMessage } from '../../server/mail/outbox/model.js';
import { createStaffUser, TEST_PASSWORD, useTestApp, type StaffSpec } from '../helpers/app.js';
import { describeViolations, phone, seriousAxeViolations, useBrowser } from '../helpers/browser.js';
import { buildCampaign, buildCouncil } from '../helpers/factories.js';

// No mail worker runs in createApp (only server/index.ts starts one), and mail is off besides:
// uploads queue invitations that stay "waiting".
const { app, staff } = useTestApp(import.meta.url, { MAIL_TRANSPORT: 'off' });
const browser = useBrowser(app, import.meta.url);
const desktop = { viewport: { width: 1280, height: 900 }, locale: 'en-GB' };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

// Signs in through the real /login page with an account made by the accounts service.
async function signInAs(spec: StaffSpec, next: string, options: BrowserContextOptions = {}): Promise<Page> {
  const email = await createStaffUser(spec);
  const { page } = await browser.open({ ...desktop, ...options });
  await page.goto(`${browser.origin()}/login?next=${encodeURIComponent(next)}`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next.split(/[?#]/)[0]);
  return page;
}

async function checkAxe(page: Page, step: string, found: string[]): Promise<void> {
  await browser.screenshot(page, step);
  const violations = await seriousAxeViolations(page);
  if (violations.length) found.push(`${step}:\n${describeViolations(violations)}`);
}

const announced = (page: Page) => page.locator('.notice[role=status]');
// The page's width at a phone's 360 px, and what sticks out (a wide table scrolls in its own box).
const pageWidth = (page: Page) =>
  page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    outside: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className}`),
  }));

describe('GET /invitations in Chromium', () => {
  test(
    'when an admin uploads a list, sets a reminder and deletes the list, then each step shows its result and the anonymity statement stays in view',
    { timeout: 120_000 },
    async () => {
      const { code } = await buildCampaign({ pilot: '855', wave: 'w1' });
      await buildCouncil({ code: '855', name: 'Leicestershire' });
      const page = await signInAs({ role: 'admin' }, '/admin#campaigns');
      const found: string[] = [];
      await page.getByRole('link', { name: 'Email invitations for Leicestershire (855)' }).click();
      await page.getByRole('heading', { level: 1, name: 'Email invitations' }).waitFor();
      assert.equal(new URL(page.url()).searchParams.get('campaign'), code);

      const statement = page.getByRole('region', { name: 'What personal invitations let anyone know' });
      const said = await statement.innerText();
      assert.match(said, /Who has responded is knowable to anyone with access to the database/);
      assert.match(said, /a plain yes or no, with no date or time/);
      assert.match(said, /What anyone said is not\. A stored response carries no token or link, no email address/);
      await page.getByText('No email list has been uploaded for this campaign yet.').waitFor();
      await checkAxe(page, 'admin-empty', found);

      // a bad row refuses the whole list, and says which line
      const pasted = page.getByLabel('Pasted addresses');
      await pasted.fill('email\nann@example.org\nnot-an-address\n');
      await page.getByRole('button', { name: 'Upload the list' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      assert.match(
        await page.locator('#upload .error-summary').innerText(),
        /nothing was imported[\s\S]*Line 3: “not-an-address” is not an email address \(no @\)\./,
      );
      assert.equal(
        await page.evaluate(() => document.activeElement?.className),
        'error-summary',
        'the summary has focus',
      );
      assert.equal(await pasted.getAttribute('aria-invalid'), 'true');
      assert.equal(await InvitationList.countDocuments(), 0);
      await checkAxe(page, 'admin-invalid-list', found);

      // a file, in Welsh and English, with a repeat
      await pasted.fill('');
      await page.getByLabel('CSV file').setInputFiles({
        name: 'staff.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('email\r\nAnn@example.org\r\nbob@example.org\r\nann@example.org\r\n'),
      });
      await page.getByLabel('Welsh and English, in one email').check();
      await page.getByRole('button', { name: 'Upload the list' }).click();
      await page.getByRole('heading', { name: 'List uploaded' }).waitFor();
      assert.equal(
        await announced(page).innerText(),
        'List uploaded: 2 addresses added, 0 already on the list, 1 repeat ignored.',
      );
      assert.equal(
        await page.evaluate(() => document.activeElement?.textContent),
        'List uploaded',
        'the result takes focus',
      );
      assert.match(
        await page.locator('#upload .created').innerText(),
        /2 new addresses added[\s\S]*0 already on the list[\s\S]*1 repeated address in this upload/,
      );
      await page.getByRole('row', { name: 'Waiting to send 2 0' }).waitFor();
      assert.match(await page.locator('#invitation-status dl').innerText(), /Addresses on the list\s+2/);
      assert.deepEqual(
        (
          await inviteesOf(code)
            .find({}, { projection: { _id: 0, email: 1, lang: 1 } })
            .toArray()
        )
          .map((p) => `${p.email} ${p.lang}`)
          .sort(),
        ['Ann@example.org both', 'bob@example.org both'],
      );

      await pasted.fill('bob@example.org\ncarol@example.org');
      await page.getByRole('button', { name: 'Upload the list' }).click();
      await announced(page)
        .getByText('List uploaded: 1 address added, 1 already on the list, 0 repeats ignored.')
        .waitFor();
      await page.getByRole('row', { name: 'Waiting to send 3 0' }).waitFor();

      const when = inDays(3);
      await page.getByRole('button', { name: 'Add a date' }).click();
      const first = page.getByLabel('Reminder date 1');
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        await first.getAttribute('id'),
        'the new date has focus',
      );
      await first.fill(when);
      await page.getByRole('button', { name: 'Save reminder dates' }).click();
      await announced(page)
        .getByText(/^Reminder dates saved: /)
        .waitFor();
      assert.deepEqual((await InvitationList.findById(code).lean())?.reminders, [when]);
      await checkAxe(page, 'admin-list', found);

      await page.setViewportSize(phone);
      assert.deepEqual(
        await pageWidth(page),
        { width: phone.width, outside: [] },
        'nothing is wider than a 360 px screen',
      );
      await checkAxe(page, 'admin-list-phone', found);
      await page.setViewportSize(desktop.viewport);

      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Delete the email list' }).click();
      await announced(page)
        .getByText(
          'The email list for Leicestershire, Wave w1 is deleted, with its links, opt-outs and the record of what was sent.',
        )
        .waitFor();
      await page.getByText('No email list has been uploaded for this campaign yet.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Delete the email list' }).count(), 0);
      assert.equal(await page.getByLabel('Reminder date 1').count(), 0, 'the reminders went with the list');
      assert.equal(await InvitationList.countDocuments(), 0);
      assert.equal(await inviteesOf(code).countDocuments(), 0);
      assert.equal(found.length, 0, `axe found serious or critical violations:\n${found.join('\n')}`);
    },
  );

  test(
    "when an HR lead opens their own campaign from the dashboard, then they can resend an undelivered email, and another council's campaign is refused with no data",
    { timeout: 120_000 },
    async () => {
      const own = await buildCampaign({ pilot: '855', wave: 'w1' });
      const other = await buildCampaign({ pilot: '891', wave: 'w1' });
      await InvitationList.create({ _id: own.code });
      await MailProblem.create({
        _id: 'problem-1',
        kind: 'invitation',
        campaign: own.code,
        to: 'ann@example.org',
        state: 'unknown',
        round: 0,
        attempts: 3,
        error: 'Connection closed',
        day: own.today,
      });
      const page = await signInAs({ role: 'hr_lead', pilots: ['855'] }, '/dashboard', { viewport: phone });
      const found: string[] = [];
      await page.getByRole('heading', { level: 1, name: /Council 855/ }).waitFor();
      await page.getByRole('link', { name: 'Email invitations for Wave w1' }).click();
      await page.getByRole('heading', { level: 1, name: 'Email invitations' }).waitFor();
      await page.getByRole('region', { name: 'What personal invitations let anyone know' }).waitFor();
      await page.getByRole('heading', { name: '1 email that may not have arrived' }).waitFor();
      assert.deepEqual(
        await pageWidth(page),
        { width: phone.width, outside: [] },
        'nothing is wider than a 360 px screen',
      );
      await checkAxe(page, 'hr-lead-own', found);

      let asked = '';
      page.once('dialog', (d) => {
        asked = d.message();
        void d.accept();
      });
      await page.getByRole('button', { name: 'Send again the invitation to ann@example.org' }).click();
      await announced(page).getByText('The invitation to ann@example.org is queued to send again.').waitFor();
      assert.match(asked, /may already have arrived: sending it again could deliver it twice/);
      await page.getByText('No email has failed so far.').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'invitation-status-h');
      assert.ok(await OutboxMessage.exists({ _id: 'problem-1' }));
      assert.equal(await MailProblem.countDocuments(), 0);

      for (const council of ['891', '855']) {
        await page.goto(`${browser.origin()}/invitations?council=${council}&campaign=${other.code}`);
        const refusal = page
          .getByRole('alert')
          .filter({ hasText: 'Only an admin or an HR lead of this council can manage its invitations.' });
        await refusal.waitFor();
        assert.equal(await page.getByRole('region').count(), 0, 'no status, statement or forms');
        assert.equal(await page.locator('form, table').count(), 0);
      }
      await checkAxe(page, 'hr-lead-refused', found);
      assert.equal(found.length, 0, `axe found serious or critical violations:\n${found.join('\n')}`);
    },
  );
});

// The dashboard's way in: campaign codes are respondent links, so only those who manage the
// council's invitations get them.
describe('GET /api/v1/pilots/:code/overview', () => {
  test("when an admin or the council's HR lead reads it, then each wave names its campaign; when a researcher does, then none does", async () => {
    const { code } = await buildCampaign({ pilot: '855', wave: 'w1' });
    for (const spec of [{ role: 'admin' }, { role: 'hr_lead', pilots: ['855'] }] as StaffSpec[]) {
      const res = await (await staff(spec)).get('/api/v1/pilots/855/overview').expect(200);
      assert.equal(res.body.waves[0].campaign, code, spec.role);
    }
    const res = await (await staff({ role: 'researcher' })).get('/api/v1/pilots/855/overview').expect(200);
    assert.equal(res.body.waves.length, 1);
    assert.equal('campaign' in res.body.waves[0], false);
  });
});
