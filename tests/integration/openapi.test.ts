import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../helpers/app.js';
import { buildCampaign } from '../helpers/factories.js';

const { http } = useTestApp(import.meta.url);

describe('GET /api/v1/openapi.json', () => {
  test('when every documented operation is called with sample values, then each answers with a documented status', async () => {
    const { code } = await buildCampaign({ pilot: '855', wave: 'w1' });
    const spec = (await http().get('/api/v1/openapi.json').expect(200)).body;
    assert.equal(spec.openapi, '3.1.0');
    const samples: Record<string, string> = { '{code}': code, '{year}': '2026' };
    for (const [path, ops] of Object.entries(spec.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        let url = path.replace(/\{code\}/, path.startsWith('/api/v1/campaigns') ? samples['{code}']! : '855').replace('{year}', samples['{year}']!);
        if (url.endsWith('/summary') || url.endsWith('/comparisons')) url += '?wave=w1';
        const req = http()[method as 'get' | 'post' | 'put'](url);
        const res = method === 'get' ? await req : await req.send({});
        assert.ok(Object.keys(op.responses).includes(String(res.status)), `${method.toUpperCase()} ${url} answered ${res.status}, documented: ${Object.keys(op.responses)}`);
        assert.doesNotMatch(JSON.stringify(res.body), /No API route/);
      }
    }
  });
});
