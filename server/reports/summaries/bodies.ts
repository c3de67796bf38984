// The bytes sent for summaries built from kept figures, by their key (service.ts), at most
// `maxBytes` of them, the least recently sent dropped first: a read of a kept summary then sends
// bytes already made, instead of joining ~150 kB of text and encoding it to UTF-8 again. A
// summary with no key (live figures) is encoded afresh every time.
// Not compressed: on loopback, Node's fetch took longer to decompress a 10 kB body than to read
// the 150 kB one; a proxy in front of the platform compresses for slow links.
export type BodyCache = ReturnType<typeof createBodyCache>;

export function createBodyCache(maxBytes: number) {
  const bodies = new Map<string, Buffer>();
  let held = 0;
  return {
    get(key: string | null, text: () => string): Buffer {
      if (key === null) return Buffer.from(text(), 'utf8');
      const hit = bodies.get(key);
      if (hit !== undefined) {
        bodies.delete(key); // re-inserted: the Map's order is the order of last use
        bodies.set(key, hit);
        return hit;
      }
      const body = Buffer.from(text(), 'utf8');
      if (body.length > maxBytes) return body;
      bodies.set(key, body);
      held += body.length;
      for (const [oldest, old] of bodies) {
        if (held <= maxBytes) break;
        bodies.delete(oldest);
        held -= old.length;
      }
      return body;
    },
    size: () => bodies.size,
  };
}
