import pino from 'pino';

// Request logs carry method, path, status and timing only: never bodies, IPs or user agents.
export function createLogger(level: string) {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['req.headers', 'req.remoteAddress', 'req.remotePort'], remove: true },
  });
}

export type Logger = ReturnType<typeof createLogger>;
