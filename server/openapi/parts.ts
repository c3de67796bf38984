// Building blocks for the OpenAPI document (spec.ts and its per-feature path files).
export const error = { $ref: '#/components/schemas/Error' };
export const json = (schema: object, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errorText: Record<number, string> = {
  400: 'Invalid request (details name each field and its problem)',
  401: 'Sign-in required',
  403: 'Not open yet',
  404: 'Not found',
  409: 'Conflict',
  410: 'Closed',
  413: 'Body too large',
  415: 'Wrong content type (JSON expected, or text/csv where stated)',
  422: 'Invalid content (answers, or rows of an uploaded file; details name each)',
  429: 'Too many submissions',
  503: 'Database unavailable',
};
export const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), json(error, errorText[c]!)]));
// Staff routes: a session cookie, an X-CSRF-Token header on changes, and a role (and council) that may.
export const staffErrors = (...codes: number[]) => ({
  ...errors(...codes, 401, 503),
  403: json(error, 'Not allowed for this role or council, or the X-CSRF-Token header is missing or wrong'),
});
export const staff = { security: [{ session: [] }] };
export const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
export const props = (required: string[], properties: Record<string, object>) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
export const str = { type: 'string' };
export const list = (description: string) => json({ type: 'array', items: object }, description);
export const path = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
export const query = (name: string, description: string, required = true) => ({
  name,
  in: 'query',
  required,
  description,
  schema: { type: 'string' },
});
export const object = { type: 'object', additionalProperties: true };

export const day = { type: 'string', format: 'date' };
