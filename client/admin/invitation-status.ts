import { el } from '../dom.js';
import { day } from './data.js';
import {
  anonymityParts,
  hasList,
  invitationApi,
  plural,
  type CampaignInfo,
  type InvitationStatus,
  type MailCounts,
  type MailProblem,
} from './invitation-data.js';
import { act, type AdminContext } from './status.js';
import { row, rowButton, table } from './table.js';

// A titled part of the invitations page; its heading can take focus after a change.
export function panel(id: string, title: string, ...children: Node[]): HTMLElement {
  return el(
    'section',
    { class: 'card', id, 'aria-labelledby': `${id}-h` },
    el('h2', { id: `${id}-h`, tabindex: '-1' }, title),
    ...children,
  );
}

// What personal links make knowable, in the server's words, at the top of the page.
export function anonymitySection(text: string): HTMLElement {
  const { title, points } = anonymityParts(text);
  return el(
    'section',
    { class: 'invitation-anonymity', 'aria-labelledby': 'invitation-anonymity-h' },
    el('h2', { id: 'invitation-anonymity-h' }, title),
    el('ul', {}, ...points.map((p) => el('li', {}, p))),
  );
}

const counts: [keyof MailCounts, string][] = [
  ['sent', 'Sent'],
  ['waiting', 'Waiting to send'],
  ['notNeeded', 'Not needed'],
  ['failed', 'Not delivered'],
  ['unknown', 'Delivery in doubt'],
];

// Counts only: how many are listed and how the mail is going, never who has answered.
export function statusContent(
  s: InvitationStatus,
  info: CampaignInfo,
  ctx: AdminContext,
  reload: (focus?: boolean) => void,
): Node[] {
  if (!hasList(s)) {
    return [
      el(
        'p',
        { class: 'empty' },
        'No email list has been uploaded for this campaign yet. Upload one below: each address then gets its own single-use link by email.',
      ),
    ];
  }
  const facts: [string, string][] = [
    ['Addresses on the list', String(s.listed)],
    ['Stopped reminders', String(s.optedOutOfReminders)],
    [
      'Who can answer',
      s.requireInvitation
        ? 'Only people with a personal link'
        : 'Anyone with the open respondent link, or a personal link',
    ],
    [
      'List kept until',
      s.deleteAfter ? `${day(s.deleteAfter)}, then deleted with its links and the record of what was sent` : '–',
    ],
  ];
  return [
    el('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    table(
      'Emails for this campaign',
      ['Emails', 'Invitations', 'Reminders'],
      counts.map(([key, label]) => row([label, String(s.mail.invitation[key]), String(s.mail.reminder[key])])),
    ),
    el(
      'p',
      { class: 'hint' },
      info.status === 'scheduled' ? `Invitations wait until the survey opens on ${day(info.wave.opensOn)}. ` : '',
      '“Not needed” means the email was not sent because the link had already been used, reminders had been stopped or the survey had closed.',
    ),
    ...(s.problems.length
      ? [problemsTable(info.code, s.problems, ctx, reload)]
      : [el('p', {}, 'No email has failed so far.')]),
  ];
}

const stateText = {
  failed: 'Not delivered: refused by the mail server, or still failing after every retry',
  unknown: 'Delivery in doubt: sending was interrupted, so it may or may not have arrived',
};

function problemsTable(
  campaign: string,
  problems: MailProblem[],
  ctx: AdminContext,
  reload: (focus?: boolean) => void,
): HTMLElement {
  const rows = problems.map((p) => {
    const to = p.to ?? 'an address no longer on the list';
    const what = `the ${p.kind} to ${to}`;
    const resend = rowButton(
      'Send again',
      what,
      `resend:${p.id}`,
      (b) =>
        void act(
          ctx,
          b,
          async () => {
            await invitationApi.resend(campaign, p.id);
            reload(true);
            return `The ${p.kind} to ${to} is queued to send again.`;
          },
          p.state === 'unknown'
            ? `The ${p.kind} to ${to} may already have arrived: sending it again could deliver it twice. Send it again?`
            : undefined,
        ),
    );
    return row([
      to,
      p.kind === 'reminder' ? 'Reminder' : 'Invitation',
      stateText[p.state],
      String(p.attempts),
      p.error ?? '–',
      day(p.day),
      el('div', { class: 'row-actions' }, resend),
    ]);
  });
  return el(
    'div',
    {},
    el('h3', {}, `${plural(problems.length, 'email')} that may not have arrived`),
    el('p', { class: 'hint' }, 'Check the address, then send again. Nothing here is resent automatically.'),
    table('Undelivered emails', ['To', 'Email', 'What happened', 'Attempts', 'Last error', 'Day', 'Actions'], rows),
  );
}

// Deleting now rather than waiting for the retention sweep; only when there is a list.
export function deletePanel(
  info: CampaignInfo,
  s: InvitationStatus,
  ctx: AdminContext,
  deleted: () => void,
): HTMLElement | null {
  if (!hasList(s)) return null;
  const button = el('button', { type: 'button', class: 'danger' }, 'Delete the email list') as HTMLButtonElement;
  const name = `${info.council.name}, ${info.wave.name}`;
  button.addEventListener(
    'click',
    () =>
      void act(
        ctx,
        button,
        async () => {
          await invitationApi.deleteList(info.code);
          deleted();
          return `The email list for ${name} is deleted, with its links, opt-outs and the record of what was sent.`;
        },
        `Delete the email list for ${name} now? Personal links already emailed stop working and no more invitations or reminders go out. This cannot be undone.`,
      ),
  );
  return panel(
    'delete-list',
    'Delete the email list',
    el(
      'p',
      {},
      `Deletes every address, personal link, reminder opt-out and the record of what was sent, now${s.deleteAfter ? ` rather than after ${day(s.deleteAfter)}` : ''}. Personal links already emailed stop working and nothing more is sent. Responses are kept: they never held an address.`,
    ),
    el('div', { class: 'actions' }, button),
  );
}
