import assert from 'node:assert/strict';
import { buildLayout } from '../../../../server/codec/columns.js';
import { SUPPRESSED_CODE, variableOf } from '../../../../server/codec/codes.js';
import { questionsOf } from '../../../../server/surveys/questions.js';
import { IMPORT_LIMIT_MB } from '../../../../server/imports/routes.js';
import { testSurveys } from '../../app.js';
import { buildCampaign } from '../../factories.js';
import { isReply } from '../http-client.js';
import { csvKinds, type CsvShape } from './csv-bodies.js';
import { closedCampaignWithResponses, closedWave, staffHeaders } from './prepare.js';
import type { HostileTarget } from './targets.js';

// The layout an export of staff-wellbeing v1 without free text has (what the valid file is).
function csvShape(): CsvShape {
  const def = testSurveys().get('staff-wellbeing', 1);
  const exported = buildLayout([def], testSurveys().all(), { freeText: false });
  const answerColumns = exported.columns.filter((c) => !['meta', 'score', 'text'].includes(c.kind));
  return {
    header: exported.columns.map((c) => c.name),
    coded: answerColumns.map((c) => ({
      name: c.name,
      // -9 in a demographic column imports as unanswered (a band too small to show), so it is a code there
      codes:
        c.kind === 'checkbox'
          ? [0, 1]
          : c.codes.map((k) => k.code).filter((k) => k !== SUPPRESSED_CODE || c.demographic),
    })),
    required: questionsOf(def.survey)
      .filter((q) => q.required && q.kind !== 'matrix')
      .map((q) => variableOf(def, q.name)),
    known: buildLayout([def], testSurveys().all()).columns.map((c) => c.name),
  };
}

// The valid file is a real export of a closed campaign. Hostile files go to one empty campaign;
// the valid one goes to another, since an import into a campaign with responses is refused (409).
export function importTarget(): HostileTarget {
  const shape = csvShape();
  let csv = '';
  return {
    name: 'POST /api/v1/imports/responses',
    method: 'POST',
    prepare: async (server) => {
      const admin = await staffHeaders(server.client, { role: 'admin' });
      await closedCampaignWithResponses('hostile-source');
      const exported = await server.client.send({
        method: 'GET',
        path: '/api/v1/exports/responses?format=csv&wave=hostile-source',
        headers: admin,
      });
      assert.ok(isReply(exported) && exported.status === 200, `exporting the valid file: ${JSON.stringify(exported)}`);
      csv = exported.text;
      assert.deepEqual(
        csv.split('\r\n')[0]!.split(','),
        shape.header,
        'the export has the columns the hostile kinds were built for',
      );
      assert.ok(!csv.includes('"'), 'the export has no quoted cells');
      const hostile = await buildCampaign({ wave: 'hostile-target', ...closedWave });
      const valid = await buildCampaign({ wave: 'hostile-valid', ...closedWave });
      return {
        hostile: { path: `/api/v1/imports/responses?campaign=${hostile.code}`, headers: admin },
        valid: { path: `/api/v1/imports/responses?campaign=${valid.code}`, headers: admin },
      };
    },
    valid: () => ({ headers: { 'content-type': 'text/csv' }, body: Buffer.from(csv) }),
    kinds: csvKinds(() => csv, shape, IMPORT_LIMIT_MB * 1024 * 1024),
    guarded: ['responses', 'tallyqueues'],
    unreached: [401, 403, 409],
  };
}
