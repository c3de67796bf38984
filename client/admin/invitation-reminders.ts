import { el, show } from '../dom.js';
import { day } from './data.js';
import type { Field } from './fields.js';
import { adminForm, fieldProblem } from './forms.js';
import { invitationApi, type CampaignInfo, type InvitationStatus } from './invitation-data.js';
import type { AdminContext } from './status.js';

const MAX_DATES = 10; // the server's limit

// Today in the UK as YYYY-MM-DD: the server counts reminder days in UK time.
function ukToday(): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const listOf = (days: string[]) => days.map(day).join(', ');

// Date inputs, one per reminder, that can be added and removed; saved together. Days already
// reached are shown apart: they have been sent and cannot be changed.
export function remindersPanel(info: CampaignInfo, s: InvitationStatus, ctx: AdminContext): HTMLElement {
  const sent = [...s.reminders.queued].sort();
  const sentNote = sent.length ? [el('p', {}, `Reminders already sent: ${listOf(sent)}.`)] : [];
  if (info.status === 'closed')
    return el(
      'div',
      {},
      ...sentNote,
      el('p', { class: 'empty' }, 'This survey has closed, so no more reminders go out.'),
    );
  const today = ukToday();
  const min = today > info.wave.opensOn ? today : info.wave.opensOn;
  const max = info.wave.closesOn;
  const dates = dateList(
    s.reminders.dates.filter((d) => !sent.includes(d)),
    min,
    max,
  );
  const form = adminForm({
    fields: [dates.field],
    submit: 'Save reminder dates',
    save: async () => {
      const chosen = dates.values();
      if (chosen.length > MAX_DATES) throw fieldProblem('dates', `must be ${MAX_DATES} days or fewer`);
      chosen.forEach((d, i) => {
        if (!d) throw fieldProblem('dates', `number ${i + 1} has no date: choose a day or remove it`);
        if (d < min || d > max)
          throw fieldProblem(
            'dates',
            `${day(d)} is outside the days reminders can go: choose days from ${day(min)} to ${day(max)}`,
          );
      });
      const saved = await invitationApi.setReminders(info.code, chosen);
      const upcoming = saved.dates.filter((d) => !sent.includes(d));
      dates.set(upcoming);
      ctx.done(
        upcoming.length
          ? `Reminder dates saved: ${listOf(upcoming)}.`
          : 'Reminder dates saved: no reminders are planned.',
      );
    },
  });
  return el(
    'div',
    {},
    el(
      'p',
      {},
      'Reminders go from 09:00 UK time on each day you choose, only to people whose link has not been used and who have not stopped reminders.',
    ),
    ...sentNote,
    form,
  );
}

type DateList = { field: Field; values: () => string[]; set: (days: string[]) => void };

function dateList(initial: string[], min: string, max: string): DateList {
  const id = 'reminder-dates';
  const inputs: HTMLInputElement[] = [];
  const hint = el(
    'p',
    { class: 'hint', id: `${id}-hint` },
    `Days from ${day(min)} to ${day(max)}, up to ${MAX_DATES}.`,
  );
  const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: '' });
  const list = el('ul', { class: 'date-list' });
  const add = el('button', { type: 'button', class: 'secondary' }, 'Add a date') as HTMLButtonElement;
  const fieldset = el(
    'fieldset',
    { class: 'field checks', id, 'aria-describedby': `${id}-hint` },
    el('legend', {}, 'Days to send a reminder'),
    hint,
    error,
    list,
    add,
  );
  const field: Field = {
    name: 'dates',
    label: 'Reminder dates',
    row: fieldset,
    error,
    target: fieldset,
    inputs,
    describedBy: `${id}-hint`,
  };

  // Redrawn whole after each change, so the numbers in the labels stay in order.
  const draw = (days: string[], focusAt?: number) => {
    const rows = days.map((d, i) => {
      const input = el('input', { id: `${id}-${i}`, type: 'date', min, max }) as HTMLInputElement;
      input.value = d;
      if (!error.hidden) input.setAttribute('aria-invalid', 'true');
      const remove = el(
        'button',
        { type: 'button', class: 'secondary small' },
        'Remove',
        el('span', { class: 'visually-hidden' }, ` reminder date ${i + 1}`),
      );
      remove.addEventListener('click', () => {
        const left = values().filter((_, j) => j !== i);
        draw(left, Math.min(i, left.length - 1));
      });
      return {
        input,
        node: el('li', { class: 'date-row' }, el('label', { for: input.id }, `Reminder date ${i + 1}`), input, remove),
      };
    });
    inputs.splice(0, inputs.length, ...rows.map((r) => r.input));
    show(list, ...rows.map((r) => r.node));
    add.disabled = days.length >= MAX_DATES;
    if (focusAt === undefined) return;
    if (focusAt >= 0 && inputs[focusAt]) inputs[focusAt].focus();
    else add.focus();
  };
  const values = () => inputs.map((i) => i.value);
  add.addEventListener('click', () => {
    if (inputs.length < MAX_DATES) draw([...values(), ''], inputs.length);
  });
  draw(initial);
  return { field, values, set: (days) => draw(days) };
}
