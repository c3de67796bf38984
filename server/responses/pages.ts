import { join } from 'node:path';
import { Router } from 'express';
import { isDatabaseUnavailable } from '../platform/db/connection.js';
import { AppError } from '../errors.js';
import { messagePage } from '../platform/http/html.js';
import type { CampaignCache } from '../study/campaigns/cache.js';
import { findOpenCampaign } from '../study/campaigns/service.js';
import { respondentPageHtml } from './page-html.js';

const titles: Record<number, string> = {
  404: 'Survey not found',
  410: 'This survey has closed',
  403: 'This survey is not open yet',
};

// The respondent page. An unknown, closed or not-yet-open link gets a plain page that says so.
// `assetsDir` holds the page's built files; its service worker is served from /s/ so that it may
// look after every survey link, and is always revalidated so a new build reaches browsers.
export function campaignPages(cache: CampaignCache, assetsDir: string) {
  const page = respondentPageHtml(assetsDir);
  const router = Router();
  router.get('/s/sw.js', (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(join(assetsDir, 'sw.js'));
  });
  router.get('/s/:code', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const code = String(req.params.code);
    try {
      await findOpenCampaign(code, cache);
    } catch (err) {
      if (isDatabaseUnavailable(err)) {
        res
          .status(503)
          .set('Retry-After', '30')
          .type('html')
          .send(
            messagePage(
              'Please try again shortly',
              'The survey is briefly unavailable. Please reload this page in a minute.',
            ),
          );
        return;
      }
      if (!(err instanceof AppError) || !titles[err.status]) throw err;
      res.status(err.status).type('html').send(messagePage(titles[err.status]!, err.message));
      return;
    }
    res.type('html').send(page(code));
  });
  return router;
}
