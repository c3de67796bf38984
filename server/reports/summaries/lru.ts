// Values kept by key up to `maxSize` in all (as `sizeOf` measures them), the least recently read
// dropped first; a value bigger than the whole is made and returned but not kept.
export function createLru<V>(maxSize: number, sizeOf: (value: V) => number) {
  const values = new Map<string, V>();
  let held = 0;
  return {
    get(key: string, make: () => V): V {
      const hit = values.get(key);
      if (hit !== undefined) {
        values.delete(key); // re-inserted: the Map's order is the order of last reads
        values.set(key, hit);
        return hit;
      }
      const value = make();
      const size = sizeOf(value);
      if (size > maxSize) return value;
      values.set(key, value);
      held += size;
      for (const [oldest, old] of values) {
        if (held <= maxSize) break;
        values.delete(oldest);
        held -= sizeOf(old);
      }
      return value;
    },
    size: () => values.size,
  };
}
