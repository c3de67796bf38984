// The API as published at /api/v1/openapi.json. Kept by hand beside the routes it describes;
// tests/integration/openapi.test.ts checks every route listed here answers as documented.
const error = { $ref: '#/components/schemas/Error' };
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), json(error, ({ 400: 'Invalid request', 401: 'Sign-in required (production)', 403: 'Not open yet', 404: 'Not found', 409: 'Conflict', 410: 'Closed', 413: 'Body too large', 415: 'Body is not JSON', 422: 'Invalid answers', 429: 'Too many submissions', 503: 'Database unavailable' } as Record<number, string>)[c]!)]));
const path = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const query = (name: string, description: string, required = true) => ({ name, in: 'query', required, description, schema: { type: 'string' } });
const object = { type: 'object', additionalProperties: true };

export const openapi = {
  openapi: '3.1.0',
  info: {
    title: 'Staff wellbeing and retention surveys API', version: '1',
    description: 'Anonymous survey collection for children\'s social care staff, per-council summaries with small-group suppression, arm comparisons and DfE workforce figures.',
  },
  paths: {
    '/healthz': { get: { summary: 'Liveness and database status', responses: { 200: json(object, '{"status":"ok","db":"up"}'), 503: json(object, '{"status":"degraded","db":"down"}') } } },
    '/api/v1/campaigns/{code}': {
      get: { summary: 'A campaign\'s survey definition, locales and status (respondent)', parameters: [path('code', 'the campaign\'s public code')], responses: { 200: json(object, 'campaign, survey and reporting threshold'), ...errors(403, 404, 410, 503) } },
    },
    '/api/v1/campaigns/{code}/responses': {
      post: {
        summary: 'Submit an anonymous response (idempotent by submissionId)', parameters: [path('code', 'the campaign\'s public code')],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['submissionId', 'answers'], additionalProperties: false, properties: { submissionId: { type: 'string', format: 'uuid' }, answers: { type: 'object' } } } } } },
        responses: { 201: json({ type: 'object', properties: { id: { type: 'string' } } }, 'Stored'), 200: json({ type: 'object', properties: { id: { type: 'string' } } }, 'Already stored (a retry)'), ...errors(400, 403, 404, 409, 410, 413, 415, 422, 429, 503) },
      },
    },
    '/api/v1/pilots/{code}/summary': {
      get: { summary: 'A council\'s results for one wave, suppressed below the minimum group size', parameters: [path('code', 'DfE old_la_code, e.g. 855'), query('wave', 'wave id')], responses: { 200: json(object, 'responses, scales, alpha, proportions, items, breakdowns'), ...errors(400, 401, 404, 503) } },
    },
    '/api/v1/comparisons': {
      get: { summary: 'Pilot arm against comparison arm in a wave, change since a baseline wave and difference-in-differences', parameters: [query('wave', 'wave id'), query('baseline', 'baseline wave id', false)], responses: { 200: json(object, 'arms, scales, proportions, councils'), ...errors(400, 401, 404, 503) } },
    },
    '/api/v1/pilots/{code}/workforce': {
      get: { summary: 'DfE turnover, vacancy, agency and caseload series beside statistical neighbours\' median, the arm mean and England', parameters: [path('code', 'DfE old_la_code')], responses: { 200: json(object, 'series by year with sources'), ...errors(400, 401, 404, 503) } },
    },
    '/api/v1/pilots/{code}/workforce/{year}': {
      put: {
        summary: 'Record a council\'s own figures for a year (kept beside DfE figures, with their source)', parameters: [path('code', 'DfE old_la_code'), path('year', 'year to 30 September')],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } } } } },
        responses: { 200: json(object, 'the stored local figures'), ...errors(400, 401, 404, 415, 503) },
      },
    },
  },
  components: {
    schemas: {
      Error: {
        type: 'object', required: ['error'],
        properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array', items: { type: 'object' } } } } },
      },
    },
  },
} as const;
