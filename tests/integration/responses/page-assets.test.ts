import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { once } from 'node:events';
import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useTestApp } from '../../helpers/app.js';
import { buildCampaign } from '../../helpers/factories.js';

const { app, http } = useTestApp(import.meta.url);

// The bytes as sent (supertest would decompress them), asking for one Accept-Encoding.
async function fetchRaw(path: string, acceptEncoding: string) {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const res = await new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) =>
      get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode!, headers: r.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject),
    );
    assert.equal(res.status, 200);
    return res;
  } finally {
    server.close();
  }
}

async function pageAssets(): Promise<string[]> {
  const { code } = await buildCampaign();
  const page = await http().get(`/s/${code}`).expect(200);
  assert.equal(page.headers['cache-control'], 'no-store');
  const campaign = await http().get(`/api/v1/campaigns/${code}`).expect(200);
  assert.equal(campaign.headers['cache-control'], 'no-store');
  assert.ok(
    page.text.includes(`<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/v1/campaigns/${code}">`),
  );
  return [...page.text.matchAll(/"(\/static\/r\/[^"]+)"/g)].map((m) => m[1]!);
}

describe('GET /static/r/:file (the respondent page files)', () => {
  test('when the page names its files, then each is hashed, immutable for a year and sent in the encoding asked for', async () => {
    const assets = await pageAssets();
    assert.deepEqual(
      assets.map((a) => a.replace(/-[A-Z0-9]{8}\./, '-HASH.')),
      ['/static/r/page-HASH.css', '/static/r/core-HASH.css', '/static/r/survey-HASH.js'],
    );
    for (const a of assets) {
      const plain = await fetchRaw(a, 'identity');
      assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.match(plain.headers.vary ?? '', /Accept-Encoding/);
      const br = await fetchRaw(a, 'gzip, deflate, br');
      assert.equal(br.headers['content-encoding'], 'br');
      assert.ok(brotliDecompressSync(br.body).equals(plain.body));
      const gz = await fetchRaw(a, 'gzip');
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.ok(gunzipSync(gz.body).equals(plain.body));
      assert.match(plain.headers['content-type'] ?? '', a.endsWith('.js') ? /javascript/ : /text\/css/);
    }
  });

  test('when the bundle is read, then it holds no chart.js and no staff page code', async () => {
    const script = (await pageAssets()).find((a) => a.endsWith('.js'))!;
    const body = (await http().get(script).set('Accept-Encoding', 'identity').expect(200)).text;
    for (const staffOnly of ['Chart.js', 'chartjs', '/api/v1/session', '/api/v1/admin', '/api/v1/invitations']) {
      assert.ok(!body.includes(staffOnly), `the respondent bundle includes ${staffOnly}`);
    }
    assert.ok(body.includes('/api/v1/campaigns/'), 'the bundle is the respondent page');
  });

  test('when a file is unknown or the path leaves the folder, then 404 or 403 and nothing is read', async () => {
    await http().get('/static/r/nope-ABCDEFGH.js').expect(404);
    const outside = await http().get('/static/r/..%2F..%2F..%2Fpackage.json');
    assert.ok([403, 404].includes(outside.status), `got ${outside.status}`);
    await http().get('/static/r/.hidden').expect(404);
  });

  test('when the service worker is fetched, then it comes from /s/ and is always revalidated', async () => {
    const sw = await http().get('/s/sw.js').expect(200);
    assert.equal(sw.headers['cache-control'], 'no-cache');
    assert.match(sw.headers['content-type'] ?? '', /javascript/);
    for (const a of await pageAssets()) assert.ok(sw.text.includes(a), `the worker precaches ${a}`);
  });
});
