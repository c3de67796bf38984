import { describe, test } from 'node:test';
import supertest from 'supertest';
import { testApp } from '../../helpers/app.js';

const map = '/static/js/login.js.map';

describe('GET /static/*.map', () => {
  test('when the server runs in production, then source maps are not served but the bundles are', async () => {
    const { app } = testApp({ NODE_ENV: 'production' });
    await supertest(app).get(map).expect(404);
    await supertest(app).get('/static/js/login.js').expect(200);
  });

  test('when the server runs in development, then source maps are served', async () => {
    await supertest(testApp({ NODE_ENV: 'development' }).app)
      .get(map)
      .expect(200);
  });
});
