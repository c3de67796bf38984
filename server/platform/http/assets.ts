import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { RequestHandler } from 'express';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const fileName = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;
const encodings = { br: '.br', gzip: '.gz' } as const;

// Files whose names carry a hash of their content (see scripts/build-respondent.ts): a new build
// gives new names, so a browser may keep each for a year without asking again. Each was
// compressed at build time; the best encoding the browser accepts is streamed as it is.
export function immutableAssets(dir: string): RequestHandler {
  return (req, res, next) => {
    const name = req.path.slice(1);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !fileName.test(name)) return next();
    const file = join(dir, name);
    if (!existsSync(file)) return next();
    // brotli first: browsers list gzip first at the same weight, yet brotli is smaller
    const accepted = req.acceptsEncodings('br') ? 'br' : req.acceptsEncodings('gzip') ? 'gzip' : undefined;
    const suffix = accepted ? encodings[accepted] : '';
    const encoded = suffix !== '' && existsSync(file + suffix);
    res.vary('Accept-Encoding');
    res.type(extname(name));
    if (encoded) res.set('Content-Encoding', accepted);
    res.sendFile(encoded ? file + suffix : file, { maxAge: YEAR_MS, immutable: true, dotfiles: 'deny' }, (err) => {
      if (err && !res.headersSent) next(err);
    });
  };
}
