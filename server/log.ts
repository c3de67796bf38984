import pino from 'pino';

// Request logs carry method, path, status and timing only: never bodies, IPs or user agents.
// Lines go to stdout as they come, but written off the event loop (a line written while the last
// is still being written goes with the next write); what is still unwritten when the process
// exits is written then (pino flushes its destination on exit).
export function createLogger(level: string) {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['req.headers', 'req.remoteAddress', 'req.remotePort'], remove: true },
    },
    pino.destination({ dest: 1, sync: false }),
  );
}

export type Logger = ReturnType<typeof createLogger>;
