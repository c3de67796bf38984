import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import express, { type RequestHandler } from 'express';
import { errorHandler, rejectInvalidUtf8, requireJsonBody } from '../../../server/platform/http/error-handler.js';
import { jsonBody } from '../../../server/platform/http/json-body.js';
import { createLogger } from '../../../server/log.js';

// The reader in json-body.ts against express.json as the app configured it before: every request
// goes to both, and both must answer it alike. A 1 kB limit keeps the bodies small.
const generalJson = () => express.json({ limit: '1kb', strict: true, verify: rejectInvalidUtf8 });

function appWith(parsers: RequestHandler[]) {
  const app = express();
  app.use(parsers);
  app.use((req, res) => {
    res.json({ body: req.body === undefined ? '(none)' : req.body });
  });
  app.use(errorHandler(createLogger('silent')));
  return app;
}

async function listen(app: express.Express) {
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port };
}

// `reader`: which reads the body (`none`: refused for its type before any reading)
type Reader = 'direct' | 'general' | 'none';
type Case = { name: string; headers: Record<string, string>; body: Buffer; reader: Reader };
const json = (text: string, type = 'application/json', extra: Record<string, string> = {}): Omit<Case, 'name'> => {
  const body = Buffer.from(text, 'latin1');
  return { headers: { 'content-type': type, 'content-length': String(body.length), ...extra }, body, reader: 'direct' };
};
const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

const cases: Case[] = [
  ['an object', json('{"a":1,"b":"x"}'), 'direct'],
  ['an array', json('[1,2,3]'), 'direct'],
  ['accented text', json(utf8('{"a":"Llandudno – café"}')), 'direct'],
  ['a leading BOM', json('\xef\xbb\xbf{"a":1}'), 'direct'],
  ['leading whitespace', json(' \r\n\t{"a":1}'), 'direct'],
  ['a __proto__ key', json('{"__proto__":{"x":1},"y":2}'), 'direct'],
  ['JSON cut short', json('{"a":'), 'direct'],
  ['a string, not an object', json('"text"'), 'direct'],
  ['a number', json('123'), 'direct'],
  ['null', json('null'), 'direct'],
  ['whitespace only', json('   '), 'direct'],
  ['a BOM alone', json('\xef\xbb\xbf'), 'direct'],
  [
    'Content-Length 00',
    { ...json(''), headers: { 'content-type': 'application/json', 'content-length': '00' } },
    'direct',
  ],
  [
    'Content-Length 007 with its 7 bytes',
    { ...json('{"a":1}'), headers: { 'content-type': 'application/json', 'content-length': '007' } },
    'direct',
  ],
  ['an invalid byte', json('{"a":"\xff"}'), 'direct'],
  ['an encoded surrogate', json('{"a":"\xed\xa0\x80"}'), 'direct'],
  ['a truncated character', json('{"a":"\xc3"}'), 'direct'],
  ['exactly the limit', json(`{"a":"${'x'.repeat(1024 - 8)}"}`), 'direct'],
  ['one byte over the limit', json(`{"a":"${'x'.repeat(1024 - 7)}"}`), 'direct'],
  ['far over the limit', json(`{"a":"${'x'.repeat(5000)}"}`), 'direct'],
  ['charset=utf-8', json('{"a":1}', 'application/json; charset=utf-8'), 'direct'],
  ['charset=UTF-8 without a space', json('{"a":1}', 'application/json;charset=UTF-8'), 'direct'],
  ['a quoted charset', json('{"a":1}', 'application/json; charset="utf-8"'), 'direct'],
  ['an upper-case type', json('{"a":1}', 'Application/JSON'), 'direct'],
  ['charset=utf8', json('{"a":1}', 'application/json; charset=utf8'), 'general'],
  ['charset=latin1', json('{"a":1}', 'application/json; charset=latin1'), 'general'],
  ['charset=utf-16', json('{"a":1}', 'application/json; charset=utf-16'), 'general'],
  ['another parameter', json('{"a":1}', 'application/json; foo=bar'), 'general'],
  ['a +json type', json('{"a":1}', 'application/vnd.api+json'), 'none'],
  ['text/plain', json('hello', 'text/plain'), 'none'],
  ['Content-Length 0', json('', 'application/json'), 'general'],
  ['Content-Encoding identity', json('{"a":1}', 'application/json', { 'content-encoding': 'identity' }), 'general'],
  ['an unknown Content-Encoding', json('{"a":1}', 'application/json', { 'content-encoding': 'zstd-x' }), 'general'],
].map(([name, c, reader]) => ({ ...(c as Omit<Case, 'name'>), name: name as string, reader: reader as Reader }));

const zipped = gzipSync('{"a":"zipped"}');
cases.push({
  name: 'a gzipped body',
  headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(zipped.length) },
  body: zipped,
  reader: 'general',
});
cases.push({
  name: 'a chunked body',
  headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
  body: Buffer.from('{"a":"chunked"}'),
  reader: 'general',
});

function send(port: number, c: Case): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/x', headers: c.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on('error', reject);
    req.end(c.body);
  });
}

describe('JSON request bodies', () => {
  test('when any body is sent, then the direct reader answers as express.json did, and reads only plain JSON itself', async () => {
    const delegated: string[] = [];
    const general = generalJson();
    const recording: RequestHandler = (req, res, next) => {
      delegated.push(String(req.headers['x-case']));
      void general(req, res, next);
    };
    const before = await listen(appWith([requireJsonBody, generalJson()]));
    const after = await listen(appWith(jsonBody(1, recording)));
    try {
      for (const c of cases) {
        const tagged = { ...c, headers: { ...c.headers, 'x-case': c.name } };
        const expected = await send(before.port, tagged);
        assert.deepEqual(await send(after.port, tagged), expected, c.name);
        assert.equal(delegated.includes(c.name), c.reader === 'general', `${c.name}: read by express.json`);
      }
      const statuses = new Set(await Promise.all(cases.map(async (c) => (await send(before.port, c)).status)));
      assert.deepEqual([...statuses].sort(), [200, 400, 413, 415], 'the cases cover every outcome');
    } finally {
      before.server.close();
      after.server.close();
    }
  });
});
