// The API as published at /api/v1/openapi.json. Kept by hand beside the routes it describes;
// tests/integration/openapi/openapi.test.ts checks every route listed here answers as documented.
import { body, error, errors, json, list, object, path, props, query, staff, staffErrors, str } from './parts.js';
import { exportPaths } from './exports.js';
import { driverPaths } from './drivers.js';
import { importPaths } from './imports.js';
import { invitationPaths } from './invitations.js';

import { adminPaths } from './admin.js';

// `id` echoes the submissionId; `notStored` names written answers a campaign without free text drops
const submitted = {
  type: 'object',
  properties: { id: str, notStored: { type: 'array', items: str }, message: str },
};
export const openapi = {
  openapi: '3.1.0',
  info: {
    title: 'Staff wellbeing and retention surveys API',
    version: '1',
    description:
      "Anonymous survey collection for children's social care staff, per-council summaries with small-group suppression, arm comparisons and DfE workforce figures. Staff routes need a session (POST /api/v1/session) and, when they change anything, the X-CSRF-Token header from GET /api/v1/session.",
  },
  paths: {
    '/healthz': {
      get: {
        summary: 'Liveness and database status',
        responses: {
          200: json(object, '{"status":"ok","db":"up"}'),
          503: json(object, '{"status":"degraded","db":"down"}'),
        },
      },
    },
    '/api/v1/campaigns/{code}': {
      get: {
        summary: "A campaign's survey definition, locales and status (respondent)",
        parameters: [path('code', "the campaign's public code")],
        responses: { 200: json(object, 'campaign, survey and reporting threshold'), ...errors(403, 404, 410, 503) },
      },
    },
    '/api/v1/campaigns/{code}/responses': {
      post: {
        summary:
          'Submit an anonymous response (idempotent by submissionId, a random v4 UUID; others are refused with 422)',
        parameters: [path('code', "the campaign's public code")],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['submissionId', 'answers'],
                additionalProperties: false,
                properties: { submissionId: { type: 'string', format: 'uuid' }, answers: { type: 'object' } },
              },
            },
          },
        },
        responses: {
          201: json(submitted, 'Stored'),
          200: json(submitted, 'Already stored (a retry)'),
          ...errors(400, 403, 404, 409, 410, 413, 415, 422, 429, 503),
        },
      },
    },
    '/api/v1/session': {
      post: {
        summary:
          'Sign in: sets the session cookie and returns the user and the CSRF token (rate-limited per email and per client address)',
        requestBody: body(props(['email', 'password'], { email: str, password: str })),
        responses: {
          200: json(object, '{ user: { email, role, pilots }, csrfToken }'),
          ...errors(400, 401, 415, 503),
          403: json(error, 'Password sign-in is switched off (LOCAL_SIGN_IN=false)'),
          429: json(error, 'Too many sign-in attempts'),
        },
      },
      get: {
        ...staff,
        summary: 'The signed-in user and the CSRF token to send as X-CSRF-Token',
        responses: { 200: json(object, '{ user, csrfToken }'), ...staffErrors() },
      },
      delete: {
        ...staff,
        summary: 'Sign out: the session is deleted and the cookie cleared',
        responses: {
          200: json(object, '{ provider: { id, name } }: signed out of a session an OpenID Connect provider started'),
          204: { description: 'Signed out' },
          ...staffErrors(),
        },
      },
    },
    '/api/v1/session/options': {
      get: {
        summary:
          'How staff may sign in: the password form (unless switched off) and each OpenID Connect provider, whose start link (/sign-in/oidc/{id}) the browser opens',
        responses: { 200: json(object, '{ local: boolean, providers: [{ id, name, start }] }') },
      },
    },
    '/api/v1/councils': {
      get: {
        ...staff,
        summary: 'The councils this user may read, by name',
        responses: { 200: list('[{ code, name, arm }]'), ...staffErrors() },
      },
    },
    '/api/v1/waves': {
      get: {
        ...staff,
        summary: 'Every wave, oldest first',
        responses: { 200: list('[{ id, name, opensOn, closesOn, surveyId, surveyVersion }]'), ...staffErrors() },
      },
    },
    '/api/v1/pilots/{code}/overview': {
      get: {
        ...staff,
        summary:
          "A council's dashboard: each wave's status and results so far, suppressed below the minimum group size",
        parameters: [path('code', 'DfE old_la_code, e.g. 855')],
        responses: {
          200: json(
            object,
            'council, minGroupSize, waves (campaign codes only for admins and HR leads of the council; admin, researcher, or an HR lead of the council). Every scale, flag, chart and demographic band has its English label (chart: title) and, where the survey has Welsh, labelCy (titleCy)',
          ),
          ...staffErrors(404),
        },
      },
    },
    '/api/v1/pilots/{code}/summary': {
      get: {
        ...staff,
        summary: "A council's results for one wave, suppressed below the minimum group size",
        parameters: [path('code', 'DfE old_la_code, e.g. 855'), query('wave', 'wave id')],
        responses: {
          200: json(
            object,
            'responses, scales, alpha, proportions, items, breakdowns (admin, researcher, or an HR lead of the council); each scale and proportion has its label and, where the survey has Welsh, labelCy',
          ),
          ...staffErrors(400, 404),
        },
      },
    },
    '/api/v1/comparisons': {
      get: {
        ...staff,
        summary:
          'Pilot arm against comparison arm in a wave, change since a baseline wave and difference-in-differences: council-clustered (CR2, Satterthwaite df) as the primary result, council-level and respondent-level (ignoring clustering) beside it',
        parameters: [query('wave', 'wave id'), query('baseline', 'baseline wave id, not the wave itself', false)],
        responses: {
          200: json(
            object,
            'arms (the councils compared), scales, proportions (each with label and, where the survey has Welsh, labelCy), councils (admin or researcher)',
          ),
          ...staffErrors(400, 404, 409),
        },
      },
    },
    '/api/v1/pilots/{code}/workforce': {
      get: {
        ...staff,
        summary:
          "DfE turnover, vacancy, agency and caseload series beside statistical neighbours' median, the arm mean and England",
        parameters: [path('code', 'DfE old_la_code')],
        responses: {
          200: json(object, 'series by year with sources (admin, researcher, or an HR lead of the council)'),
          ...staffErrors(400, 404),
        },
      },
    },
    '/api/v1/pilots/{code}/workforce/{year}': {
      put: {
        ...staff,
        summary: "Record a council's own figures for a year (kept beside DfE figures, with their source)",
        parameters: [path('code', 'DfE old_la_code'), path('year', 'year to 30 September')],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } } },
          },
        },
        responses: {
          200: json(
            object,
            'the stored local figures, entered by the signed-in user (admin or an HR lead of the council)',
          ),
          ...staffErrors(400, 404, 415),
        },
      },
    },
    ...adminPaths,
    ...invitationPaths,
    ...exportPaths,
    ...importPaths,
    ...driverPaths,
  },
  components: {
    securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wellbeing_session' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              details: { type: 'array', items: { type: 'object' } },
            },
          },
        },
      },
    },
  },
} as const;
