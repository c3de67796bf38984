import { createLru } from './lru.js';

// The bytes sent for summaries built from kept figures, by their key (service.ts), at most
// `maxBytes` of them, the least recently sent dropped first: a read of a kept summary then sends
// bytes already made, instead of joining ~150 kB of text and encoding it to UTF-8 again. A
// summary with no key (live figures) is encoded afresh every time.
// Not compressed: on loopback, Node's fetch took longer to decompress a 10 kB body than to read
// the 150 kB one; a proxy in front of the platform compresses for slow links.
export type BodyCache = ReturnType<typeof createBodyCache>;

export function createBodyCache(maxBytes: number) {
  const bodies = createLru<Buffer>(maxBytes, (body) => body.length);
  const encode = (text: () => string) => () => Buffer.from(text(), 'utf8');
  return {
    get: (key: string | null, text: () => string): Buffer =>
      key === null ? encode(text)() : bodies.get(key, encode(text)),
    size: bodies.size,
  };
}
