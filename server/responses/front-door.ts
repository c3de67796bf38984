import type { ServerResponse } from 'node:http';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { errorAnswer } from '../platform/http/error-handler.js';
import type { FrontDoor } from '../platform/http/front-door.js';
import { isPlain, readPlain } from '../platform/http/json-body.js';
import { sendJson } from '../platform/http/send-json.js';
import { logWhenClosed } from '../platform/http/request-log.js';
import { securityHeaderList } from '../platform/http/security.js';
import type { Submit } from './routes.js';

// A submission as the survey page sends it (this spelling of the path, and a body `isPlain`
// accepts) is answered here, ahead of Express (platform/http/front-door.ts), with what the Express
// route would have given it: the same headers, log line, body reader, checks and error answers.
// The Express route (routes.ts) still answers every other spelling (capitals, a trailing slash, an
// escaped code) and body. tests/integration/responses/front-door.test.ts sends each case to both.
const PATH = /^\/api\/v1\/campaigns\/([^/?#%]+)\/responses(?:\?|$)/;

export function submissionFrontDoor(config: Config, logger: Logger, submit: Submit): FrontDoor {
  const headers = securityHeaderList(config.httpsPublic);
  const limit = config.BODY_LIMIT_KB * 1024;
  // nothing here may throw: no router is left to catch it
  const fail = (res: ServerResponse, err: unknown) => {
    try {
      if (res.headersSent) return void res.destroy();
      const answer = errorAnswer(err, logger);
      for (const [name, value] of answer.headers) res.setHeader(name, value);
      sendJson(res, answer.status, answer.body);
    } catch {
      res.destroy();
    }
  };
  return (req, res) => {
    const code = req.method === 'POST' ? PATH.exec(req.url ?? '')?.[1] : undefined;
    if (code === undefined || !isPlain(req)) return false;
    for (const [name, value] of headers) res.setHeader(name, value);
    logWhenClosed(logger, req, res, true);
    readPlain(req, limit, (err, body) => {
      if (err !== undefined) return fail(res, err);
      submit(code, body, res).catch((e: unknown) => fail(res, e));
    });
    return true;
  };
}
