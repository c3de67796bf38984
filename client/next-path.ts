// Where to go after signing in: the `next` parameter only if it resolves to a path on this
// origin. A prefix check is not enough: browsers read `/\evil.example/x` (and tabs or newlines
// inside `//`) as a link to another host, so the value is resolved as the browser would.
export function sameOriginPath(next: string | null, origin: string): string | null {
  if (!next || !next.startsWith('/')) return null;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return null;
  }
  return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : null;
}
