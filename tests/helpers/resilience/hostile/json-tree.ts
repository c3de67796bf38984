// Small helpers to mutate a valid JSON body at any node, and to splice raw text or raw bytes
// into its serialisation (for what JSON.stringify cannot express: an own "__proto__" key,
// nesting deeper than a recursive stringify allows, bytes that are not UTF-8).
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

const MARK = '\u0000hostile-mark\u0000';
const MARK_KEY = '\u0000hostile-key\u0000';

export function nodePaths(value: Json, path: Path = []): Path[] {
  const out: Path[] = [path];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...nodePaths(v, [...path, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...nodePaths(v, [...path, k]));
  return out;
}

export function valueAt(value: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, value);
}

export const isObject = (v: Json): v is { [key: string]: Json } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function setAt(value: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  copy[head!] = setAt(copy[head!]!, rest, replacement);
  return copy as Json;
}

// The body serialised with the node at `path` replaced by `raw`, which is spliced in unparsed.
export function withRawValue(body: Json, path: Path, raw: string | Buffer): Buffer {
  const [before, after] = JSON.stringify(setAt(body, path, MARK)).split(JSON.stringify(MARK));
  return Buffer.concat([Buffer.from(before!), Buffer.from(raw), Buffer.from(after!)]);
}

// The body serialised with one more member `"key": raw` in the object at `path`, first or last.
export function withRawMember(body: Json, path: Path, key: string, raw: string, first: boolean): Buffer {
  const target = valueAt(body, path) as { [key: string]: Json };
  const widened = first ? { [MARK_KEY]: MARK, ...target } : { ...target, [MARK_KEY]: MARK };
  const text = JSON.stringify(setAt(body, path, widened));
  return Buffer.from(
    text.replace(`${JSON.stringify(MARK_KEY)}:${JSON.stringify(MARK)}`, `${JSON.stringify(key)}:${raw}`),
  );
}

// The body serialised with `bytes` inserted inside the string at `path` (or inside the key it names).
export function withBytesInString(body: Json, path: Path, bytes: Uint8Array, inKey: boolean): Buffer {
  let marked: Json;
  if (inKey && path.length > 0) {
    const parent = path.slice(0, -1);
    const key = String(path.at(-1));
    const entries = Object.entries(valueAt(body, parent) as object).map(([k, v]) => [k === key ? `${k}${MARK}` : k, v]);
    marked = setAt(body, parent, Object.fromEntries(entries) as Json);
  } else {
    marked = setAt(body, path, `${String(valueAt(body, path))}${MARK}`);
  }
  const [before, after] = JSON.stringify(marked).split(JSON.stringify(MARK).slice(1, -1));
  return Buffer.concat([Buffer.from(before!), Buffer.from(bytes), Buffer.from(after!)]);
}
