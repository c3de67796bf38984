import { IMPORT_LIMIT_MB } from '../imports/routes.js';
import { error, json, query, staff, staffErrors } from './parts.js';

// Loading responses collected elsewhere: the coded CSV layout the export writes, admins only.
export const importPaths = {
  '/api/v1/imports/responses': {
    post: {
      ...staff,
      summary: `Import a wave collected elsewhere into an empty campaign, from the coded CSV layout GET /api/v1/exports/responses?format=csv writes (text/csv, UTF-8, up to ${IMPORT_LIMIT_MB} MB). Every row is checked against the survey definition; nothing is stored unless all pass (admin)`,
      parameters: [query('campaign', "the campaign's public code; it must have no responses yet")],
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
      responses: {
        201: json(
          { type: 'object', properties: { inserted: { type: 'integer' } } },
          '{ inserted }: responses stored and queued for the summaries',
        ),
        409: json(
          error,
          'The campaign already has responses, its results are already published, or an import into it is under way',
        ),
        413: json(error, `The file is larger than ${IMPORT_LIMIT_MB} MB`),
        422: json(error, 'The file is not valid: details list { line, problem } for each problem (the first 1,000)'),
        ...staffErrors(400, 404, 415),
      },
    },
  },
};
