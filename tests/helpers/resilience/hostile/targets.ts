import { randomUUID } from 'node:crypto';
import { createStaffUser, TEST_PASSWORD, testConfig } from '../../app.js';
import { buildAnswers, buildCampaign } from '../../factories.js';
import type { OwnServer } from '../own-server.js';
import { asJson, hostileKinds } from './bodies.js';
import { codebookTarget, exportTarget } from './export-targets.js';
import { importTarget } from './import-target.js';
import type { Json } from './json-tree.js';
import type { HostileKind, Wire } from './kinds.js';

export type Reach = { path: string; headers?: Record<string, string> };

// The endpoints the hostile-input suite attacks. Adding one is one entry: the settings of the
// suite's server it needs, how to reach it (creating what it needs on the suite's database; the
// valid request may go elsewhere, so that it changes nothing the hostile ones meet), one valid
// request, the hostile kinds (each request they make is invalid by construction), the
// collections a refused request must leave untouched, and the answers that would mean a
// request was turned away before validation (a lost session, a rate limit), so proved nothing.
export type HostileTarget = {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  config?: Record<string, string>;
  prepare: (server: OwnServer) => Promise<{ hostile: Reach; valid: Reach }>;
  valid: () => Wire;
  kinds: HostileKind[];
  guarded: string[];
  unreached: number[];
};

const jsonLimit = () => testConfig().BODY_LIMIT_KB * 1024;

function submissionTarget(): HostileTarget {
  // with a free-text answer, so that string mutations also reach a field that takes any text
  const fresh = (): Json => ({
    submissionId: randomUUID(),
    answers: buildAnswers({ improve_one_thing: 'Fewer forms, more time with families.' }) as Json,
  });
  return {
    name: 'POST /api/v1/campaigns/:code/responses',
    method: 'POST',
    prepare: async () => {
      const reach = { path: `/api/v1/campaigns/${(await buildCampaign({ allowFreeText: true })).code}/responses` };
      return { hostile: reach, valid: reach };
    },
    valid: () => asJson(JSON.stringify(fresh())),
    kinds: hostileKinds(fresh, jsonLimit()),
    guarded: ['responses', 'tallyqueues'],
    unreached: [429],
  };
}

// Sign-in is limited per email (at most 1,000 a window, whatever the configuration) and per
// address: the suite's server takes the most the configuration allows, and the valid body signs
// in one of ACCOUNTS accounts in turn, so that no email comes near its limit even in the long run.
const ACCOUNTS = 8;

function loginTarget(): HostileTarget {
  const emails = Array.from({ length: ACCOUNTS }, (_, i) => `hostile-${i}@example.org`);
  let turn = 0;
  const fresh = (): Json => ({ email: emails[turn++ % ACCOUNTS]!, password: TEST_PASSWORD });
  return {
    name: 'POST /api/v1/session',
    method: 'POST',
    config: { LOGIN_ATTEMPTS_PER_EMAIL: '1000', LOGIN_ATTEMPTS_PER_ADDRESS: '100000' },
    prepare: async () => {
      for (const email of emails) await createStaffUser({ role: 'researcher', email });
      return { hostile: { path: '/api/v1/session' }, valid: { path: '/api/v1/session' } };
    },
    valid: () => asJson(JSON.stringify(fresh())),
    kinds: hostileKinds(fresh, jsonLimit()),
    guarded: ['sessions', 'users'],
    unreached: [429],
  };
}

export const hostileTargets = (): HostileTarget[] => [
  submissionTarget(),
  loginTarget(),
  importTarget(),
  exportTarget(),
  codebookTarget(),
];
