import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../helpers/app.js';
import { buildCampaign } from '../../helpers/factories.js';

const { http, staff } = useTestApp(import.meta.url);

type Operation = { responses: Record<string, unknown>; security?: unknown[] };

describe('GET /api/v1/openapi.json', () => {
  test('when every documented operation is called with sample values, then each answers with a documented status', async () => {
    const { code } = await buildCampaign({ pilot: '855', wave: 'w1' });
    const spec = (await http().get('/api/v1/openapi.json').expect(200)).body;
    assert.equal(spec.openapi, '3.1.0');
    const samples = (path: string) =>
      path
        .replace('{code}', /campaigns|invitations/.test(path) ? code : '855')
        .replace('{year}', '2026')
        .replace('{id}', 'w1')
        .replace('{email}', 'someone@example.org');
    for (const [path, ops] of Object.entries(spec.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, op] of Object.entries(ops)) {
        let url = samples(path);
        if (url.endsWith('/summary') || url.endsWith('/comparisons')) url += '?wave=w1';
        if (url.endsWith('/exports/codebook')) url += '?survey=staff-wellbeing@1';
        // staff operations as a signed-in admin (a fresh session each, since one of them signs out)
        const client = op.security ? await staff({ role: 'admin' }) : http();
        const req = client[method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
        const res = method === 'get' || method === 'delete' ? await req : await req.send({});
        assert.ok(
          Object.keys(op.responses).includes(String(res.status)),
          `${method.toUpperCase()} ${url} answered ${res.status}, documented: ${Object.keys(op.responses)}`,
        );
        assert.doesNotMatch(JSON.stringify(res.body), /No API route/);
      }
    }
  });
});
