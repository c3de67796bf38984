import { body, day, errors, json, object, path, props, query, staff, staffErrors, str } from './parts.js';

const campaign = path('code', "the campaign's public code");
const manager = "(admin, or an HR lead of the campaign's council)";

// Email invitations: staff routes under /invitations/{code}; the respondent's link check
// sits beside the anonymous campaign routes.
export const invitationPaths = {
  '/api/v1/invitations/{code}': {
    get: {
      ...staff,
      summary: `Invitation status: addresses listed, mail sent, waiting and undelivered, reminder dates, deletion day and what stays knowable ${manager}`,
      parameters: [campaign],
      responses: {
        200: json(
          object,
          '{ listed, optedOutOfReminders, reminders: { dates, queued }, mail, problems, deleteAfter, anonymity }',
        ),
        ...staffErrors(404),
      },
    },
  },
  '/api/v1/invitations/{code}/list': {
    post: {
      ...staff,
      summary: `Upload staff email addresses (text/csv, one per row or an "email" column; up to 2 MB). Each new address gets a single-use link; only its hash is kept ${manager}`,
      parameters: [campaign, query('lang', 'en, cy or both (default en)', false)],
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
      responses: {
        201: json(
          object,
          '{ added, alreadyListed, duplicates }; a malformed list is refused whole with 422 naming each bad line',
        ),
        ...staffErrors(400, 404, 409, 413, 415, 422),
      },
    },
    delete: {
      ...staff,
      summary: `Delete the email list now (the retention sweep does it after the wave closes) ${manager}`,
      parameters: [campaign],
      responses: { 204: { description: 'Deleted' }, ...staffErrors(404) },
    },
  },
  '/api/v1/invitations/{code}/reminders': {
    put: {
      ...staff,
      summary: `Set reminder dates (sent from 09:00 UK time to addresses whose link is unused and who have not opted out) ${manager}`,
      parameters: [campaign],
      requestBody: body(props(['dates'], { dates: { type: 'array', maxItems: 10, items: day } })),
      responses: { 200: json(object, '{ dates }'), ...staffErrors(400, 404, 415) },
    },
  },
  '/api/v1/invitations/{code}/problems/{id}/resend': {
    post: {
      ...staff,
      summary: `Queue an undelivered message again (an "unknown" one may then arrive twice) ${manager}`,
      parameters: [campaign, path('id', "the problem's id")],
      responses: { 202: json(object, '{ id, queued: true }'), ...staffErrors(404, 409) },
    },
  },
  '/api/v1/campaigns/{code}/invitation-check': {
    post: {
      summary:
        "Whether a personal link's token can still be used (respondent; the token is redeemed only when the response is submitted)",
      parameters: [campaign],
      requestBody: body(props(['token'], { token: str })),
      responses: { 200: json(object, '{ status: "unused" }'), ...errors(400, 404, 409, 410, 415, 503) },
    },
  },
};
