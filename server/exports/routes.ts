import { Router, type Request, type RequestHandler } from 'express';
import type { Config } from '../config.js';
import { badRequest } from '../errors.js';
import type { SurveyRegistry } from '../surveys/registry.js';
import { listAudit, recordAudit } from './audit.js';
import { codebook } from './codebook.js';
import { codebookContentType, renderCodebook } from './codebook-formats.js';
import { buildLayout } from '../codec/columns.js';
import { AuditQuery, CodebookQuery, ExportQuery } from './schemas.js';
import { isClosedEarly, prepareExport } from './service.js';

export type ExportRouteDeps = {
  config: Config;
  surveys: SurveyRegistry;
  requireResearcher: RequestHandler;
  // reading the audit log; falls back to requireResearcher until accounts have an admin role
  requireAdmin?: RequestHandler;
  currentUser: (req: Request) => string;
  // counts every acknowledged response of the selected groups into the counters exports read
  flushTally: (selected: (pilotCode: string, waveId: string) => boolean) => Promise<void>;
  now?: () => number; // which campaigns' results are published (tests pass a clock)
};

type Logged = { log?: { warn: (obj: object, msg: string) => void } };

export function exportRoutes(deps: ExportRouteDeps) {
  const { surveys, requireResearcher, currentUser } = deps;
  const exportDeps = {
    surveys,
    minGroupSize: deps.config.MIN_GROUP_SIZE,
    freeTextMinGroupSize: deps.config.FREE_TEXT_MIN_GROUP_SIZE,
    flushTally: deps.flushTally,
    now: deps.now,
    decisions: new Map(), // what each group's counts decided, for the next export (group-rules.ts)
  };
  return Router()
    .get('/exports/responses', requireResearcher, async (req, res) => {
      const prepared = await prepareExport(ExportQuery.parse(req.query), currentUser(req), exportDeps);
      res.set({
        'Content-Type': prepared.contentType,
        'Content-Disposition': `attachment; filename="${prepared.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Open-Campaigns-Left-Out': String(prepared.stillOpen),
        'X-Export-Rows': String(prepared.total),
        // a count only: which councils were that small is not the file's to say (see disclosure.ts)
        'X-Small-Groups-Left-Out': String(prepared.smallGroupsLeftOut),
      });
      // the headers leave now: the row count is known from the counters before any row is read
      res.flushHeaders();
      try {
        await prepared.write(res);
      } catch (err) {
        // headers are gone: the client sees a cut-off download; the audit log says how it ended
        if (!isClosedEarly(err)) (req as Logged).log?.warn({ err: (err as Error).message }, 'export failed part-way');
        res.destroy();
      }
    })
    .get('/exports/codebook', requireResearcher, async (req, res) => {
      const { format, survey } = CodebookQuery.parse(req.query);
      const definitions = survey.map((key) => {
        const [id, version] = key.split('@') as [string, string];
        const def = surveys.all().find((d) => d.id === id && d.version === Number(version));
        if (!def)
          throw badRequest('The codebook request is invalid.', [
            { field: 'survey', problem: `survey ${key} is not installed` },
          ]);
        return def;
      });
      if (new Set(definitions.map((d) => d.id)).size > 1) {
        throw badRequest('The codebook request is invalid.', [
          { field: 'survey', problem: 'name versions of one survey only' },
        ]);
      }
      const layout = buildLayout(definitions, surveys.all());
      await recordAudit({ user: currentUser(req), kind: 'codebook', format, filters: { survey } });
      res.set({
        'Content-Type': codebookContentType[format],
        'Content-Disposition': `inline; filename="${layout.surveyId}-codebook.${format}"`,
      });
      res.send(renderCodebook(codebook(layout), format));
    })
    .get('/exports/audit', deps.requireAdmin ?? requireResearcher, async (req, res) => {
      const { limit } = AuditQuery.parse(req.query);
      res.set('Cache-Control', 'no-store').json({ entries: await listAudit(limit) });
    });
}
