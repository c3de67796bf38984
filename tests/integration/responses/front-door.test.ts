import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../server/app.js';
import { submissionFrontDoor } from '../../../server/responses/front-door.js';
import { createSubmit } from '../../../server/responses/routes.js';
import { createResponseWriter } from '../../../server/responses/writer.js';
import { SurveyResponse } from '../../../server/responses/model.js';
import { createCampaignCache } from '../../../server/study/campaigns/cache.js';
import { createTallier } from '../../../server/tally/runner.js';
import { testConfig, testSurveys, useTestApp } from '../../helpers/app.js';
import { capturedLog } from '../../helpers/log-lines.js';
import { buildAnswers, buildCampaign, freshPilot } from '../../helpers/factories.js';

// Submissions as the survey page sends them are answered ahead of Express (responses/front-door.ts);
// every other spelling and body by the Express route. Both must answer alike.
useTestApp(import.meta.url);
const { logger, take } = capturedLog(() => new Promise((resolve) => setTimeout(resolve, 20)));
const config = testConfig({ BODY_LIMIT_KB: '16', RESPONSE_RATE_LIMIT_PER_MINUTE: '6' });
const surveys = testSurveys();
const tallier = createTallier(surveys, logger);
const app = createApp({ config, logger, surveys, tallier });

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };
type Sent = { body?: string | Buffer; headers?: Record<string, string> };

async function listening(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function send(port: number, path: string, { body = '', headers = {} }: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        port,
        method: 'POST',
        path,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// Headers that differ between any two answers, whichever route sent them.
const comparable = ({ date: _date, 'keep-alive': _keepAlive, ...rest }: IncomingHttpHeaders) => rest;

type Line = { req?: { url: string }; res?: { statusCode: number }; msg: string; level: number };
const logged = async () =>
  (await take<Line>()).map(({ req, res, msg, level }) => ({
    // the Express route's spelling keeps its trailing slash in the log
    url: req?.url.replace(/\/$/, ''),
    status: res?.statusCode,
    msg,
    level,
  }));

describe('submissions answered ahead of Express', () => {
  test('when the same requests go to the front door and to the Express route, then the answers, headers and log lines are the same', async () => {
    const { code } = await buildCampaign();
    const { server, port } = await listening(app);
    const valid = () => JSON.stringify({ submissionId: randomUUID(), answers: buildAnswers() });
    const cases: [string, (c: string) => Sent][] = [
      ['not JSON', () => ({ body: '{"submissionId":' })],
      ['not an object', () => ({ body: '"text"' })],
      ['invalid UTF-8', () => ({ body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]) })],
      ['too large', () => ({ body: JSON.stringify({ pad: 'x'.repeat(20_000) }) })],
      ['no submissionId', () => ({ body: JSON.stringify({ answers: buildAnswers() }) })],
      ['an unknown field', () => ({ body: JSON.stringify({ submissionId: randomUUID(), answers: {}, who: 1 }) })],
      [
        'an answer out of range',
        () => ({ body: JSON.stringify({ submissionId: randomUUID(), answers: buildAnswers({ js_overall: 99 }) }) }),
      ],
      ['nothing answered', () => ({ body: JSON.stringify({ submissionId: randomUUID(), answers: {} }) })],
      ['an unknown campaign', () => ({ body: valid() })],
    ];
    try {
      await logged();
      for (const [name, make] of cases) {
        const at = name === 'an unknown campaign' ? 'nosuchcampaign' : code;
        const front = await send(port, `/api/v1/campaigns/${at}/responses`, make(code));
        const express = await send(port, `/api/v1/campaigns/${at}/responses/`, make(code));
        assert.ok(front.status >= 400, `${name}: ${front.status}`);
        assert.deepEqual(
          { status: front.status, headers: comparable(front.headers), body: front.body },
          { status: express.status, headers: comparable(express.headers), body: express.body },
          name,
        );
        const [frontLine, expressLine, ...more] = await logged();
        assert.deepEqual(more, [], name);
        assert.deepEqual(
          { ...frontLine, url: frontLine?.url },
          { ...expressLine, url: '/api/v1/campaigns/:code/responses' },
          name,
        );
      }
      // accepted, then a retry, then the rate limit (6 a minute a code): no line until refused
      const { code: other } = await buildCampaign({ pilot: freshPilot() });
      const answers: Answer[] = [];
      for (const path of ['responses', 'responses/']) {
        const body = valid();
        answers.push(await send(port, `/api/v1/campaigns/${other}/${path}`, { body }));
        answers.push(await send(port, `/api/v1/campaigns/${other}/${path}`, { body }));
      }
      answers.push(await send(port, `/api/v1/campaigns/${other}/responses`, { body: valid() }));
      answers.push(await send(port, `/api/v1/campaigns/${other}/responses/`, { body: valid() }));
      assert.deepEqual(
        answers.map((a) => a.status),
        [201, 200, 201, 200, 201, 201],
      );
      assert.deepEqual(comparable(answers[0]!.headers), {
        ...comparable(answers[2]!.headers),
        'content-length': answers[0]!.headers['content-length'],
      });
      const limited = [
        await send(port, `/api/v1/campaigns/${other}/responses`, { body: valid() }),
        await send(port, `/api/v1/campaigns/${other}/responses/`, { body: valid() }),
      ];
      assert.deepEqual(
        limited.map((a) => [a.status, comparable(a.headers), a.body]),
        [0, 1].map(() => [429, comparable(limited[1]!.headers), limited[1]!.body]),
      );
      assert.ok(Number(limited[0]!.headers['retry-after']) > 0);
      assert.deepEqual(
        (await logged()).map((l) => [l.url, l.status]),
        [
          ['/api/v1/campaigns/:code/responses', 429],
          ['/api/v1/campaigns/:code/responses', 429],
        ],
      );
      assert.equal(await SurveyResponse.countDocuments(), 4);
    } finally {
      server.close();
      await tallier.stop();
    }
  });

  test('when a request arrives, then the front door takes only a POST to the plain path with a plain JSON body', async () => {
    const { code } = await buildCampaign();
    const submit = createSubmit(config, {
      surveys,
      writer: createResponseWriter(createTallier(surveys, logger).handOff),
      cache: createCampaignCache(),
    });
    const door = submissionFrontDoor(config, logger, submit);
    // what the front door leaves gets 299 here (in the app, it goes on to Express)
    const { server, port } = await listening((req, res) => {
      if (!door(req, res)) res.writeHead(299).end();
    });
    const body = () => JSON.stringify({ submissionId: randomUUID(), answers: buildAnswers() });
    const status = async (path: string, sent: Sent = {}) => (await send(port, path, { body: body(), ...sent })).status;
    try {
      assert.equal(await status(`/api/v1/campaigns/${code}/responses`), 201);
      assert.equal(await status(`/api/v1/campaigns/${code}/responses?from=page`), 201);
      assert.equal(await status(`/api/v1/campaigns/${code}/responses/`), 299);
      assert.equal(await status(`/API/v1/campaigns/${code}/responses`), 299);
      assert.equal(await status(`/api/v1/campaigns/%61${code.slice(1)}/responses`), 299);
      assert.equal(
        await status(`/api/v1/campaigns/${code}/responses`, { headers: { 'Content-Type': 'text/plain' } }),
        299,
      );
      assert.equal(
        await status(`/api/v1/campaigns/${code}/responses`, {
          headers: { 'Content-Type': 'application/json; charset=latin1' },
        }),
        299,
      );
      assert.equal(await status(`/api/v1/campaigns/${code}/responses`, { body: '', headers: {} }), 299);
    } finally {
      server.close();
    }
  });
});
