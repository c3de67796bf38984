// What the targets' prepare steps share.
import assert from 'node:assert/strict';
import { createStaffUser, TEST_PASSWORD, type StaffSpec } from '../../app.js';
import { buildAnswers, buildCampaign, storeResponses } from '../../factories.js';
import { isReply, type HttpClient } from '../http-client.js';

// Headers that make a request a signed-in staff member's, through the suite's own server:
// the session cookie, and the CSRF token every change needs.
export async function staffHeaders(client: HttpClient, spec: StaffSpec): Promise<Record<string, string>> {
  const email = await createStaffUser(spec);
  const reply = await client.postJson('/api/v1/session', { email, password: TEST_PASSWORD });
  assert.ok(isReply(reply) && reply.status === 200, `signing in as ${email}: ${JSON.stringify(reply)}`);
  const cookie = ([] as string[]).concat(reply.headers['set-cookie'] ?? [])[0]?.split(';')[0] ?? '';
  return { cookie, 'x-csrf-token': (JSON.parse(reply.text) as { csrfToken: string }).csrfToken };
}

export const closedWave = { opensOn: '2025-01-01', closesOn: '2025-03-31' };

// A closed campaign in council 855 with `n` responses, enough that no group is too small to export.
export async function closedCampaignWithResponses(wave: string, n = 12) {
  const campaign = await buildCampaign({ wave, ...closedWave });
  await storeResponses(
    campaign,
    Array.from({ length: n }, (_, i) => buildAnswers({ js_overall: 1 + (i % 5), recommend_employer: i % 11 })),
  );
  return campaign;
}
