import { error, json, query, staff, staffErrors } from './parts.js';

const file = (types: string[], description: string) => ({
  description,
  content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
});
const countHeader = (description: string) => ({ description, schema: { type: 'integer', minimum: 0 } });
const filters = [
  query('wave', 'wave id(s), repeated or comma-separated', false),
  query('pilot', 'council code(s) (DfE old_la_code), repeated or comma-separated', false),
  query('arm', 'pilot or comparison', false),
  query('survey', 'survey id, e.g. staff-wellbeing (when more than one is installed)', false),
  query('version', 'survey version(s)', false),
];

// Research exports: researchers and admins only; every download is written to the audit log.
export const exportPaths = {
  '/api/v1/exports/responses': {
    get: {
      ...staff,
      summary:
        'Responses of closed campaigns, one row per response, streamed: council × wave groups with fewer than MIN_GROUP_SIZE responses left out whole, new random row ids, months not days and only months of at least MIN_GROUP_SIZE, rows in uniformly random order, demographic bands hidden in the summary (unanswered included) coded -9, free text only where the campaign allowed it and the group reaches FREE_TEXT_MIN_GROUP_SIZE (admin or researcher; audited)',
      parameters: [
        query('format', 'csv, xlsx (data and codebook sheets), sav (SPSS) or ndjson'),
        ...filters,
        query('labels', 'true for answer labels instead of codes (not sav)', false),
        query('bom', 'true for a UTF-8 byte-order mark (csv only, for Excel)', false),
      ],
      responses: {
        200: {
          ...file(
            [
              'text/csv',
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              'application/x-spss-sav',
              'application/x-ndjson',
            ],
            'The file, as an attachment. When every group with responses is below the minimum (or there are no responses), the file has its header and no rows: still 200, with X-Small-Groups-Left-Out saying why',
          ),
          headers: {
            'X-Export-Rows': countHeader('Rows in the file (responses of the groups exported)'),
            'X-Small-Groups-Left-Out': countHeader(
              'How many council × wave groups in the selection had 1 to MIN_GROUP_SIZE - 1 responses and were left out (never which)',
            ),
            'X-Open-Campaigns-Left-Out': countHeader(
              'Campaigns in the selection left out because they have not closed yet',
            ),
          },
        },
        409: json(
          error,
          'No campaign in the selection has closed yet (the header X-Open-Campaigns-Left-Out counts open ones left out of a download)',
        ),
        ...staffErrors(400),
      },
    },
  },
  '/api/v1/exports/codebook': {
    get: {
      ...staff,
      summary:
        'The codebook: variable names, question text in each language, type, codes and labels, scale membership, reverse scoring and survey version; in JSON and Markdown also each item’s provenance and licence and how each scale and flag is made (admin or researcher). The page /codebook?survey=… shows it as tables',
      parameters: [
        query('survey', 'id@version, repeated or comma-separated, e.g. staff-wellbeing@1'),
        query('format', 'csv, json (default) or md', false),
      ],
      responses: { 200: file(['application/json', 'text/csv', 'text/markdown'], 'The codebook'), ...staffErrors(400) },
    },
  },
  '/api/v1/exports/audit': {
    get: {
      ...staff,
      summary: 'The export audit log, newest first: who, when, filters, format, rows and how each export ended (admin)',
      parameters: [query('limit', 'entries, 1–1000 (default 100)', false)],
      responses: {
        200: json(
          { type: 'object', properties: { entries: { type: 'array', items: { type: 'object' } } } },
          '{ entries: [{ user, at, kind, format, filters, rows, outcome }] }',
        ),
        ...staffErrors(400),
      },
    },
  },
};
