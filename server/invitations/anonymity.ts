import { escapeHtml } from '../platform/http/html.js';

// What personal invitations make knowable, said plainly for HR leads and admins. Returned by
// GET /api/v1/invitations/:code as `anonymity` and shown at the top of the invitations page.
export function invitationAnonymityPoints(minGroupSize: number, retentionDays: number): string[] {
  return [
    'Who has responded is knowable to anyone with access to the database. For each invited address we keep whether one of its links has been used – a plain yes or no, with no date or time – so that reminders go only to people who have not answered. Anyone who can read the database can therefore see who has taken part. This app never shows it.',
    'Roughly when is knowable too: anyone who can see which reminders an address was sent can tell whether that person answered before or after each reminder date.',
    `What anyone said is not. A stored response carries no token or link, no email address and no time of day, and nothing connects it to the used mark. Results are shown only for groups of at least ${minGroupSize} people.`,
    "A forwarded link lets someone else answer once in that person's place. People who use the open survey link instead of their personal one keep receiving reminders.",
    `Email addresses, links and used marks are deleted ${retentionDays} days after the wave closes, or at once with "Delete the email list".`,
  ];
}

export const invitationAnonymityTitle = 'What personal invitations let anyone know';

export function invitationAnonymityText(minGroupSize: number, retentionDays: number): string {
  return `${invitationAnonymityTitle}\n\n${invitationAnonymityPoints(minGroupSize, retentionDays)
    .map((s) => `- ${s}`)
    .join('\n')}`;
}

// The same statement as an HTML fragment, for server-rendered pages (no inline script or style).
export function invitationAnonymityHtml(minGroupSize: number, retentionDays: number): string {
  const items = invitationAnonymityPoints(minGroupSize, retentionDays)
    .map((s) => `    <li>${escapeHtml(s)}</li>`)
    .join('\n');
  return `<section class="invitation-anonymity" aria-labelledby="invitation-anonymity-h">
  <h2 id="invitation-anonymity-h">${escapeHtml(invitationAnonymityTitle)}</h2>
  <ul>
${items}
  </ul>
</section>`;
}
