import { Router } from 'express';
import { z } from 'zod';
import type { Access } from '../../accounts/access.js';
import { armDrivers, councilDrivers, type DriverDeps } from './service.js';

const WaveQuery = z.strictObject({ wave: z.string().min(1, 'name a wave, e.g. ?wave=wave-1') });

// A council's driver analysis: admins, researchers and that council's HR leads. Both arms':
// admins and researchers only.
export function driverRoutes(access: Access, deps: DriverDeps) {
  return Router()
    .get('/pilots/:code/drivers', access.readCouncil('code'), async (req, res) => {
      const { wave } = WaveQuery.parse(req.query);
      res.json(await councilDrivers(String(req.params.code), wave, deps));
    })
    .get('/drivers', access.roles('admin', 'researcher'), async (req, res) => {
      const { wave } = WaveQuery.parse(req.query);
      res.json(await armDrivers(wave, deps));
    });
}
