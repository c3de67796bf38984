// Fixed-window counts per key with a hard bound on the number of keys, for limits kept in memory
// (respondent submissions per campaign, sign-in attempts per email and per address). Each key has
// its own window, starting at its first count. When the table is full, a new key takes the place
// of the least recently counted key that is not held (`held`: at or over its limit); a held key is
// never dropped before its window ends, so flooding the table with new keys cannot lift a limit.
// If no key near the old end can go, the new key is refused (`add` answers null) and the caller
// refuses the request: the table never grows past `maxKeys`.
export type WindowCounts = {
  count: (key: string) => number;
  add: (key: string) => number | null;
  subtract: (key: string) => void;
  forget: (key: string) => void;
  retryAfterMs: (key: string) => number;
  size: () => number;
};

type Entry = { start: number; n: number };

// How many of the oldest keys one new key may look at for a place: bounds the work per request.
const SCAN = 64;

export function createWindowCounts({
  windowMs,
  maxKeys,
  held,
  now = Date.now,
}: {
  windowMs: number;
  maxKeys: number;
  held: (key: string, n: number) => boolean;
  now?: () => number;
}): WindowCounts {
  const entries = new Map<string, Entry>();
  const live = (key: string): Entry | undefined => {
    const e = entries.get(key);
    if (e && now() - e.start >= windowMs) {
      entries.delete(key);
      return undefined;
    }
    return e;
  };

  // Makes room for one key; false if every key looked at is held.
  function makeRoom(): boolean {
    let looked = 0;
    for (const [key, e] of entries) {
      if (looked++ >= SCAN) return false;
      if (now() - e.start >= windowMs || !held(key, e.n)) {
        entries.delete(key);
        return true;
      }
      entries.delete(key); // held: to the recent end, so the next scan looks at others first
      entries.set(key, e);
    }
    return false;
  }

  return {
    count: (key) => live(key)?.n ?? 0,
    add(key) {
      let e = live(key);
      if (!e) {
        if (entries.size >= maxKeys && !makeRoom()) return null;
        e = { start: now(), n: 0 };
      }
      e.n++;
      entries.delete(key); // most recently counted last
      entries.set(key, e);
      return e.n;
    },
    subtract(key) {
      const e = live(key);
      if (e && e.n > 0) e.n--;
    },
    forget: (key) => void entries.delete(key),
    retryAfterMs: (key) => {
      const e = live(key);
      return e ? Math.max(1, e.start + windowMs - now()) : 1;
    },
    size: () => entries.size,
  };
}
