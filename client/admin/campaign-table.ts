import { el } from '../dom.js';
import { copyBox } from './copy.js';
import { admin, day, type AdminCampaign, type AdminWave } from './data.js';
import { textField } from './fields.js';
import { adminForm, messageFor, wholeNumber } from './forms.js';
import { act, type AdminContext } from './status.js';
import { editableTable, rowButton, type EditableTable } from './table.js';

// One row per council in the wave: status, responses against headcount, the respondent link,
// and the changes an admin can make while it is not closed (headcount, free text, closing by hand: final).
const councilOf = (c: AdminCampaign) => (c.council ? `${c.council} (${c.pilotCode})` : c.pilotCode);

function statusText(c: AdminCampaign, wave: AdminWave): string {
  if (c.status === 'scheduled') return `Scheduled: opens ${day(wave.opensOn)}`;
  if (c.status === 'open') return `Open until ${day(wave.closesOn)}`;
  return c.closedManually ? 'Closed early by an administrator' : `Closed on ${day(wave.closesOn)}`;
}

// As the council's dashboard shows it: up to yesterday in steps while open; null: fewer than the minimum.
function responsesText(c: AdminCampaign): string {
  if (c.responses === null) return 'Too few to show';
  const n = c.responses ?? 0;
  const counted = c.status === 'closed' ? String(n) : `${n} by yesterday`;
  return c.headcount ? `${counted} (${Math.round((100 * n) / c.headcount)}% of headcount)` : counted;
}

// Email lists, reminders and what invitations leave knowable: a page of its own, shared with HR leads.
const invitationsLink = (c: AdminCampaign) =>
  el(
    'a',
    {
      href: `/invitations?council=${encodeURIComponent(c.pilotCode)}&campaign=${encodeURIComponent(c.code)}`,
      class: 'small-link',
    },
    'Email invitations',
    el('span', { class: 'visually-hidden' }, ` for ${councilOf(c)}`),
  );

export function campaignTable(
  wave: AdminWave,
  campaigns: AdminCampaign[],
  ctx: AdminContext,
  empty: () => HTMLElement,
): EditableTable<AdminCampaign> {
  // a change answers without the council's name and count: keep those from the row
  const merge = (old: AdminCampaign, saved: AdminCampaign) => ({
    ...old,
    ...saved,
    council: old.council,
    responses: old.responses,
  });
  return editableTable<AdminCampaign>(
    {
      caption: `Campaigns in ${wave.name}`,
      headers: ['Council', 'Status', 'Responses', 'Headcount', 'Free-text answers', 'Respondent link', 'Actions'],
      empty,
      key: (c) => c.code,
      what: (c) => `for ${councilOf(c)}`,
      editWord: 'Change headcount',
      cells: (c) => [
        councilOf(c),
        el('span', { class: `badge ${c.status}` }, statusText(c, wave)),
        responsesText(c),
        c.headcount === null ? 'Not set' : String(c.headcount),
        freeTextSwitch(c, merge, ctx),
        copyBox(`Respondent link for ${councilOf(c)}`, c.link, ctx.done, true),
      ],
      actions: (c, list) => [
        invitationsLink(c),
        c.status === 'closed'
          ? el('span', { class: 'muted' }, 'Closed: final')
          : rowButton(
              'Close',
              `campaign for ${councilOf(c)}`,
              `close:${c.code}`,
              (b) =>
                void act(
                  ctx,
                  b,
                  async () => {
                    list.replace(merge(c, await admin.changeCampaign(c.code, { closed: true })), `reopen:${c.code}`);
                    return `The campaign for ${councilOf(c)} is closed.`;
                  },
                  `Close the campaign for ${councilOf(c)} now? Its respondent link will stop accepting answers, results are published a minute later, and it cannot be reopened.`,
                ),
              'danger',
            ),
      ],
      editor: (c, done) => headcountForm(c, (saved) => done(saved && merge(c, saved)), ctx),
    },
    campaigns,
  );
}

// Saves as soon as it is ticked; reverts if the server refuses.
function freeTextSwitch(
  c: AdminCampaign,
  merge: (a: AdminCampaign, b: AdminCampaign) => AdminCampaign,
  ctx: AdminContext,
): HTMLElement {
  const id = `free-text-${c.code}`;
  const box = el('input', { id, type: 'checkbox', role: 'switch' }) as HTMLInputElement;
  box.checked = c.allowFreeText;
  let saving = false;
  box.addEventListener('click', (e) => {
    if (saving) e.preventDefault();
  });
  box.addEventListener('change', async () => {
    saving = true;
    box.setAttribute('aria-busy', 'true');
    try {
      const saved = merge(c, await admin.changeCampaign(c.code, { allowFreeText: box.checked }));
      Object.assign(c, saved); // the row stays in place, so keyboard focus stays on the switch
      ctx.done(`Free-text answers ${saved.allowFreeText ? 'allowed' : 'turned off'} for ${councilOf(c)}.`);
    } catch (err) {
      box.checked = !box.checked;
      ctx.failed(`Free-text setting not changed: ${messageFor(err)}`);
    } finally {
      saving = false;
      box.removeAttribute('aria-busy');
    }
  });
  return el(
    'div',
    { class: 'check' },
    box,
    el('label', { for: id }, 'Allowed', el('span', { class: 'visually-hidden' }, ` for ${councilOf(c)}`)),
  );
}

function headcountForm(c: AdminCampaign, done: (saved: AdminCampaign | null) => void, ctx: AdminContext): HTMLElement {
  const headcount = textField(
    'headcount',
    'Headcount',
    c.headcount === null ? '' : String(c.headcount),
    'Staff invited to answer, for the response rate. Leave blank if not known.',
    { inputmode: 'numeric', autocomplete: 'off' },
  );
  return el(
    'div',
    {},
    el('h3', { class: 'edit-title' }, `Headcount for ${councilOf(c)}`),
    adminForm({
      fields: [headcount],
      submit: 'Save headcount',
      layout: 'inline-form',
      cancel: () => done(null),
      save: async () => {
        const value = wholeNumber(headcount);
        if (value === c.headcount) {
          done(null);
          ctx.done('Nothing was changed.');
          return;
        }
        done(await admin.changeCampaign(c.code, { headcount: value }));
        ctx.done(`Headcount for ${councilOf(c)} ${value === null ? 'cleared' : `set to ${value}`}.`);
      },
    }),
  );
}
