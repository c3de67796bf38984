import { closedCampaignWithResponses, staffHeaders } from './prepare.js';
import { queryKinds, type QuerySpec } from './queries.js';
import type { HostileTarget } from './targets.js';

// GET endpoints take their input in the query string. A valid export or codebook download
// writes one audit entry; a refused one must write none.
function queryTarget(path: string, spec: QuerySpec, prepare: () => Promise<unknown>): HostileTarget {
  const valid = `${path}?${spec.valid.map(([k, v]) => `${k}=${v}`).join('&')}`;
  return {
    name: `GET ${path}`,
    method: 'GET',
    prepare: async (server) => {
      await prepare();
      const headers = await staffHeaders(server.client, { role: 'researcher' });
      return { hostile: { path, headers }, valid: { path: valid, headers } };
    },
    valid: () => ({ headers: {} }),
    kinds: queryKinds(spec),
    guarded: ['exportaudits'],
    unreached: [401, 403],
  };
}

const wave = 'hostile-export';

export const exportTarget = () =>
  queryTarget(
    '/api/v1/exports/responses',
    {
      valid: [
        ['format', 'csv'],
        ['wave', wave],
      ],
      scalars: { format: 'csv', arm: 'pilot', survey: 'staff-wellbeing', labels: 'true', bom: 'false' },
      lists: { wave, pilot: '855', version: '1' },
      required: ['format'],
      formats: ['csv', 'xlsx', 'sav', 'ndjson'],
      wrong: {
        format: ['1', 'true', 'CSV', 'csv ', 'csv,xlsx', 'null'],
        labels: ['maybe', 'yes', '2', '-1', 'TRUE', 'on'],
        bom: ['maybe', 'yes', '2', 'TRUE', 'null'],
        version: ['-1', '0', '1e9', '1.5', '01', 'abc', '1000000', '0x1', '1 1', 'Infinity'],
        wave: ['W1', 'w_1', '-w', 'a'.repeat(41), '..', '../etc', 'hostile export'],
        pilot: ['85', '8555', 'abc', '85a', '８５５', '-85', '855.0'],
        arm: ['both', 'Pilot', '1', 'pilot ', 'arm', 'pilot,comparison'],
        survey: [
          'Staff-Wellbeing',
          'staff--wellbeing',
          'staff_wellbeing',
          '-x',
          'staff-wellbeing@1',
          'staff-wellbeing-',
        ],
      },
      combos: [
        [
          ['format', 'sav'],
          ['labels', 'true'],
        ],
        [
          ['format', 'xlsx'],
          ['bom', 'true'],
        ],
        [
          ['format', 'ndjson'],
          ['bom', '1'],
        ],
        [
          ['format', 'sav'],
          ['labels', '1'],
        ],
      ],
    },
    () => closedCampaignWithResponses(wave),
  );

export const codebookTarget = () =>
  queryTarget(
    '/api/v1/exports/codebook',
    {
      valid: [
        ['format', 'json'],
        ['survey', 'staff-wellbeing@1'],
      ],
      scalars: { format: 'json' },
      lists: { survey: 'staff-wellbeing@1' },
      required: ['survey'],
      formats: ['csv', 'json', 'md'],
      wrong: {
        format: ['1', 'true', 'JSON', 'json ', 'csv,md', 'xlsx', 'null'],
        survey: [
          'staff-wellbeing',
          'staff-wellbeing@0',
          '@1',
          'staff-wellbeing@1@2',
          'Staff-wellbeing@1',
          'staff-wellbeing@1.0',
          'staff-wellbeing@-1',
          'staff-wellbeing@1234567',
          'staff-wellbeing@01',
          'staff_wellbeing@1',
        ],
      },
      combos: [],
    },
    async () => {},
  );
