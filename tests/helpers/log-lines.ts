import { Writable } from 'node:stream';
import pino from 'pino';

// A real pino logger at info level whose lines the test reads back: `take()` returns the lines
// written since the last call, parsed, once what was logged meanwhile has been written.
export function capturedLog(settle: () => Promise<unknown> = () => new Promise((r) => setImmediate(r))) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().trim().split('\n'));
      done();
    },
  });
  return {
    logger: pino({ level: 'info', base: undefined }, sink),
    take: async <T>(): Promise<T[]> => {
      await settle();
      return lines.splice(0).map((l) => JSON.parse(l) as T);
    },
  };
}
