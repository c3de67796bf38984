import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import express from 'express';
import { get as httpGet, request as httpRequest } from 'node:http';
import { createApp } from '../../../server/app.js';
import { requestLog, unloggedWhenAccepted } from '../../../server/platform/http/request-log.js';
import { createTallier } from '../../../server/tally/runner.js';
import { testConfig, testSurveys, useTestApp } from '../../helpers/app.js';
import { capturedLog } from '../../helpers/log-lines.js';
import { buildAnswers, buildCampaign } from '../../helpers/factories.js';

useTestApp(import.meta.url); // the database, cleared before each test
const { logger, take } = capturedLog();
const app = createApp({
  config: testConfig(),
  logger,
  surveys: testSurveys(),
  tallier: createTallier(testSurveys(), logger),
});
const http = () => supertest(app);
const logged = () => take<{ time: number; req?: { method: string; url: string } }>();

describe('the request log', () => {
  test('when a respondent opens, reads and answers a survey, then no line carries the campaign code, and the accepted answer writes none', async () => {
    const { code } = await buildCampaign();
    await logged();
    await http().get(`/s/${code}`).expect(200);
    await http().get(`/api/v1/campaigns/${code}`).expect(200);
    const body = { submissionId: randomUUID(), answers: buildAnswers() };
    await http().post(`/api/v1/campaigns/${code}/responses`).send(body).expect(201);
    await http().post(`/api/v1/campaigns/${code}/responses/`).send(body).expect(200);
    await http()
      .post(`/API/V1/CAMPAIGNS/${code}/responses`)
      .send({ ...body, answers: {} })
      .expect(422);
    // accepted under another spelling the router takes: still no line
    await http()
      .post(`/api/v1/Campaigns/${code}/RESPONSES`)
      .send({ submissionId: randomUUID(), answers: buildAnswers() })
      .expect(201);
    await http().get(`/s/${code}/extra`).expect(404);
    const written = await logged();
    assert.ok(!JSON.stringify(written).includes(code), JSON.stringify(written));
    assert.deepEqual(
      written.map((l) => [l.req?.method, l.req?.url]),
      [
        ['GET', '/s/:code'],
        ['GET', '/api/v1/campaigns/:code'],
        ['POST', '/api/v1/campaigns/:code/responses'],
        ['GET', '/s/:code/extra'],
      ],
    );
  });

  test('when a URL of 15,000 characters arrives, then its logged path is cut to 200', async () => {
    await http()
      .get(`/api/v1/nothing/${'x'.repeat(15_000)}`)
      .expect(404);
    const [line] = await logged();
    assert.equal(line!.req!.url.length, 201);
    assert.ok(line!.req!.url.endsWith('…'));
  });

  test('when a client leaves before the answer ends, then one line says the request was aborted, at error level', async () => {
    const bare = express()
      .use(requestLog(logger))
      .get('/api/v1/slow/:id', (req, res) => {
        res.write('part of an answer');
        req.log.warn({ kind: 'own' }, 'a route writes a line of its own');
      })
      .post('/api/v1/campaigns/:code/responses', unloggedWhenAccepted, (_req, res) => {
        res.status(201).write('{"id":'); // stored, and the client leaves before the answer ends
      });
    const server = bare.listen(0);
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => {
      const req = httpGet(`http://127.0.0.1:${port}/api/v1/slow/42?x=1`, (res) => {
        res.once('data', () => {
          req.destroy();
          setTimeout(resolve, 100);
        });
      });
      req.on('error', () => {});
    });
    await new Promise<void>((resolve) => {
      const req = httpRequest({ port, method: 'POST', path: '/api/v1/campaigns/c0de/responses' }, (res) => {
        res.once('data', () => {
          req.destroy();
          setTimeout(resolve, 100);
        });
      });
      req.on('error', () => {});
      req.end();
    });
    server.close();
    const written = (await logged()) as unknown as {
      level: number;
      msg: string;
      req?: { url: string };
      res?: { statusCode: number };
    }[];
    assert.deepEqual(
      written.map((l) => [l.level, l.msg, l.req?.url]),
      [
        [40, 'a route writes a line of its own', undefined],
        [50, 'request aborted', '/api/v1/slow/42'],
      ],
      'and no line for the accepted submission whose client left',
    );
    assert.equal(written[1]!.res!.statusCode, 200);
  });
});
