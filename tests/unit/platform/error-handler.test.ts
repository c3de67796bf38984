import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import supertest from 'supertest';
import { z } from 'zod';
import { AppError } from '../../../server/errors.js';
import { apiNotFound, errorHandler, requireJsonBody } from '../../../server/platform/http/error-handler.js';
import { createLogger } from '../../../server/log.js';

function appThatThrows(err: unknown) {
  const app = express();
  app.use(requireJsonBody, express.json({ limit: '1kb' }));
  app.post('/echo', (req, res) => {
    res.json(req.body);
  });
  app.get('/boom', () => {
    throw err;
  });
  app.use('/api', apiNotFound);
  app.use(errorHandler(createLogger('silent')));
  return supertest(app);
}

describe('the error middleware', () => {
  test('when a service throws an AppError, then its status, code, message and details are sent', async () => {
    const res = await appThatThrows(
      new AppError(422, 'invalid_answers', 'Bad answers', [{ question: 'q1', problem: 'out of range' }]),
    ).get('/boom');
    assert.equal(res.status, 422);
    assert.deepEqual(res.body, {
      error: {
        code: 'invalid_answers',
        message: 'Bad answers',
        details: [{ question: 'q1', problem: 'out of range' }],
      },
    });
  });

  test('when an unknown error is thrown, then a 500 with a generic message leaks no internals', async () => {
    const res = await appThatThrows(new Error('secret connection string mongodb://user:pw@host')).get('/boom');
    assert.equal(res.status, 500);
    assert.equal(res.body.error.code, 'internal_error');
    assert.doesNotMatch(JSON.stringify(res.body), /secret|mongodb|stack|at /);
  });

  test('when a zod error escapes, then it is a 400 listing each field', async () => {
    const parsed = z.object({ wave: z.string() }).safeParse({ wave: 3 });
    const res = await appThatThrows(parsed.error).get('/boom');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.details[0].field, 'wave');
  });

  test('when the database is unreachable, then the answer is 503 with Retry-After', async () => {
    const err = Object.assign(new Error('Server selection timed out'), { name: 'MongoServerSelectionError' });
    const res = await appThatThrows(err).get('/boom');
    assert.equal(res.status, 503);
    assert.equal(res.headers['retry-after'], '5');
  });

  test('when the body is malformed, too large or not JSON, then 400, 413 and 415 come back', async () => {
    const http = appThatThrows(null);
    const bad = await http.post('/echo').set('Content-Type', 'application/json').send('{"a":');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'malformed_json');
    const big = await http
      .post('/echo')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ a: 'x'.repeat(2000) }));
    assert.equal(big.status, 413);
    const text = await http.post('/echo').set('Content-Type', 'text/plain').send('hello');
    assert.equal(text.status, 415);
  });

  test('when an unknown API route is asked for, then a JSON 404 names it', async () => {
    const res = await appThatThrows(null).get('/api/v1/nowhere');
    assert.equal(res.status, 404);
    assert.match(res.body.error.message, /GET \/api\/v1\/nowhere/);
  });
});
