import { randomUUID } from 'node:crypto';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';
import type { Json } from './json-tree.js';

// The state-changing endpoints the hostile-input suite attacks. Adding an endpoint is one
// entry: how to reach it (creating what it needs on the suite's database), one valid body
// (every generated body is a mutation of it; see the assumptions in bodies.ts), and the
// collections that a refused request must leave untouched.
export type HostileTarget = {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH';
  prepare: () => Promise<{ path: string; headers?: Record<string, string> }>;
  validBody: () => Json;
  guarded: string[];
};

export const hostileTargets: HostileTarget[] = [
  {
    name: 'POST /api/v1/campaigns/:code/responses',
    method: 'POST',
    prepare: async () => ({ path: `/api/v1/campaigns/${(await buildCampaign()).code}/responses` }),
    // with a free-text answer, so that string mutations also reach a field that takes any text
    validBody: () => ({ submissionId: randomUUID(), answers: buildAnswers({ improve_one_thing: 'Fewer forms, more time with families.' }) as Json }),
    guarded: ['responses', 'tallyqueues'],
  },
];
