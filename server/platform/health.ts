import { Router } from 'express';
import { pingDatabase } from './db/connection.js';

export const healthRoutes = Router().get('/healthz', async (_req, res) => {
  const up = await pingDatabase();
  res.set('Cache-Control', 'no-store');
  res.status(up ? 200 : 503).json(up ? { status: 'ok', db: 'up' } : { status: 'degraded', db: 'down' });
});
