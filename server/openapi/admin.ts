import { body, day, json, list, object, path, props, query, staff, staffErrors, str } from './parts.js';

const pilotFields = { name: str, arm: { enum: ['pilot', 'comparison'] }, region: str, practiceModelStart: day };
const waveFields = { name: str, opensOn: day, closesOn: day, surveyId: str, surveyVersion: { type: 'integer' } };
const userFields = { role: { enum: ['admin', 'hr_lead', 'researcher'] }, pilots: { type: 'array', items: str } };
const admin = (summary: string, ok: Record<string, object>, codes: number[], extra: object = {}) => ({
  ...staff,
  summary: `${summary} (admin)`,
  ...extra,
  responses: { ...ok, ...staffErrors(...codes) },
});

// Setting up the study; every field error comes back as details: [{ field, problem }].
export const adminPaths = {
  '/api/v1/admin/surveys': {
    get: admin(
      'Installed survey versions, built-in (surveys/) or added',
      { 200: list('[{ id, version, title, hash, source, addedBy, addedAt, scales, flags, demographics }]') },
      [],
    ),
    post: admin(
      'Add a survey version: a plain SurveyJS JSON (items, scales, flags and demographics derived) or our format. Every problem comes back at once as 422 details [{ path, reason }] with JSON paths; with check=true nothing is stored (preview); otherwise the next version of its id is stored, immutable, and installed without a restart',
      {
        200: json(
          object,
          'check=true: { stored: false, derived, proposals, notes, definition }; or the same content was already installed: { stored: true, created: false, key, ... }',
        ),
        201: json(
          object,
          '{ stored: true, created: true, key, id, version, hash, addedBy, addedAt, derived, proposals, notes, definition }',
        ),
      },
      [400, 413, 415, 422],
      {
        parameters: [
          query('check', 'true: check and derive only, store nothing', false),
          query('suppliedBy', "who the questions come from, for each item's provenance (default: you)", false),
        ],
        requestBody: body(object),
      },
    ),
  },
  '/api/v1/admin/pilots': {
    get: admin('Councils in the study', { 200: list('[{ code, name, arm, region, practiceModelStart }]') }, []),
    post: admin('Add a council', { 201: json(object, 'the council') }, [400, 409, 415], {
      requestBody: body(props(['code', 'name', 'arm'], { code: str, ...pilotFields })),
    }),
  },
  '/api/v1/admin/pilots/{code}': {
    patch: admin(
      "Change a council's name, arm, region or practice-model start (null clears)",
      { 200: json(object, 'the council') },
      [400, 404, 415],
      { parameters: [path('code', 'DfE old_la_code')], requestBody: body(props([], pilotFields)) },
    ),
  },
  '/api/v1/admin/waves': {
    get: admin('Waves', { 200: list('[{ id, name, opensOn, closesOn, surveyId, surveyVersion }]') }, []),
    post: admin('Create a wave on an installed survey version', { 201: json(object, 'the wave') }, [400, 409, 415], {
      requestBody: body(props(['id', ...Object.keys(waveFields)], { id: str, ...waveFields })),
    }),
  },
  '/api/v1/admin/waves/{id}': {
    patch: admin(
      "Change a wave's name or dates; its survey version only while it has no responses",
      { 200: json(object, 'the wave') },
      [400, 404, 409, 415],
      { parameters: [path('id', 'wave id')], requestBody: body(props([], waveFields)) },
    ),
  },
  '/api/v1/admin/waves/{id}/campaigns': {
    get: admin(
      "The wave's campaigns with status, link and response count",
      { 200: list('[{ code, link, pilotCode, council, status, responses, headcount, allowFreeText }]') },
      [404],
      { parameters: [path('id', 'wave id')] },
    ),
    post: admin(
      'Open a campaign for a council in the wave; returns its respondent link',
      { 201: json(object, '{ code, link, … }') },
      [400, 404, 409, 415],
      {
        parameters: [path('id', 'wave id')],
        requestBody: body(
          props(['pilotCode'], { pilotCode: str, headcount: { type: 'integer' }, allowFreeText: { type: 'boolean' } }),
        ),
      },
    ),
  },
  '/api/v1/admin/campaigns/{code}': {
    patch: admin(
      'Set headcount (null clears), allow free text, or close (or reopen) by hand',
      { 200: json(object, 'the campaign') },
      [400, 404, 415],
      {
        parameters: [path('code', "the campaign's public code")],
        requestBody: body(
          props([], {
            headcount: { type: ['integer', 'null'] },
            allowFreeText: { type: 'boolean' },
            closed: { type: 'boolean' },
          }),
        ),
      },
    ),
  },
  '/api/v1/admin/users': {
    get: admin(
      'Accounts (never their password hashes)',
      { 200: list('[{ email, role, pilots, disabled, createdAt }]') },
      [],
    ),
    post: admin(
      'Create an account; without a password one is generated and returned once',
      { 201: json(object, '{ user, password? }') },
      [400, 409, 415],
      {
        requestBody: body(
          props(['email', 'role'], { email: str, ...userFields, password: { type: 'string', minLength: 12 } }),
        ),
      },
    ),
  },
  '/api/v1/admin/users/{email}': {
    patch: admin(
      'Change role or councils, disable, or reset the password (returned once)',
      { 200: json(object, '{ user, password? }') },
      [400, 404, 409, 415],
      {
        parameters: [path('email', "the account's email")],
        requestBody: body(props([], { ...userFields, disabled: { type: 'boolean' }, resetPassword: { const: true } })),
      },
    ),
    delete: admin('Delete an account and end its sessions', { 204: { description: 'Deleted' } }, [404, 409], {
      parameters: [path('email', "the account's email")],
    }),
  },
};
