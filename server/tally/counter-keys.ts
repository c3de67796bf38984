import type { SurveyDefinition } from '../surveys/definition.js';
import type { SummaryItem } from './layout.js';

// The counters' keys (counters.ts), built once and then reused: building them afresh for every
// response (and hashing each new string as a property name) was most of what counting cost.
// Bounded by the surveys' scales, flags, items and bands.
export type ScaleFlagKeys = { prefix: string; sc: Map<string, string[]>; fl: Map<string, string[]> };
const prefixKeys = new Map<string, ScaleFlagKeys>();
const MAX_CACHED_PREFIXES = 10_000;
const MAX_CACHED_PER_KEY = 1000;

export function keysUnder(prefix: string): ScaleFlagKeys {
  let keys = prefixKeys.get(prefix);
  if (!keys) {
    if (prefixKeys.size >= MAX_CACHED_PREFIXES) prefixKeys.clear();
    prefixKeys.set(prefix, (keys = { prefix, sc: new Map(), fl: new Map() }));
  }
  return keys;
}

export function keysFor(keys: ScaleFlagKeys, kind: 'sc' | 'fl', id: string): string[] {
  let found = keys[kind].get(id);
  if (!found) {
    const base = `${keys.prefix}${kind}|${id}|`;
    found = kind === 'sc' ? [`${base}n`, `${base}s`, `${base}q`] : [`${base}n`, `${base}x`];
    keys[kind].set(id, found);
  }
  return found;
}

type Scale = SurveyDefinition['scales'][number];
type AlphaKeys = { u: string; n: string; s: string[]; x: string[][] };
const alphaKeyCache = new WeakMap<Scale, AlphaKeys>();

export function alphaKeys(scale: Scale): AlphaKeys {
  let keys = alphaKeyCache.get(scale);
  if (!keys) {
    const items = scale.items.map((_, i) => i);
    keys = {
      u: `sc|${scale.id}|u`,
      n: `al|${scale.id}|n`,
      s: items.map((i) => `al|${scale.id}|s|${i}`),
      x: items.map((i) => items.map((j) => `al|${scale.id}|x|${i}|${j}`)),
    };
    alphaKeyCache.set(scale, keys);
  }
  return keys;
}

// An item's answer ("question" or "question.row", as answerAt reads it) and its counter keys.
type ItemKeys = { path: string; ia: string; it: Map<string, string> };
const itemKeyCache = new WeakMap<SummaryItem, ItemKeys>();

export function itemKeys(item: SummaryItem): ItemKeys {
  let keys = itemKeyCache.get(item);
  if (!keys) {
    const path = item.row === undefined ? item.question : `${item.question}.${item.row}`;
    itemKeyCache.set(item, (keys = { path, ia: `ia|${item.ref}`, it: new Map() }));
  }
  return keys;
}

export function optionKey(item: SummaryItem, keys: ItemKeys, option: unknown): string {
  const text = String(option);
  let key = keys.it.get(text);
  if (key === undefined) {
    key = `it|${item.ref}|${text}`;
    if (keys.it.size < MAX_CACHED_PER_KEY) keys.it.set(text, key); // options are few
  }
  return key;
}

// "bd|<question>|<band>|" per question and band; "a|<question>[|<row>]" per question and row.
const bandPrefixes = new Map<string, Map<string, string>>();
const answeredKeys = new Map<string, Map<string, string>>(); // question → row → key
const answeredPlain = new Map<string, Map<string, string>>(); // '' → question → key

function cachedKey(cache: Map<string, string>, key: string, make: () => string): string {
  let found = cache.get(key);
  if (found === undefined) {
    if (cache.size >= MAX_CACHED_PREFIXES) cache.clear();
    cache.set(key, (found = make()));
  }
  return found;
}

function cachedInnerKey(cache: Map<string, Map<string, string>>, outer: string, inner: string, make: () => string) {
  let byInner = cache.get(outer);
  if (!byInner) {
    if (cache.size >= MAX_CACHED_PREFIXES) cache.clear();
    cache.set(outer, (byInner = new Map()));
  }
  let key = byInner.get(inner);
  if (key === undefined) {
    key = make();
    if (byInner.size < MAX_CACHED_PER_KEY) byInner.set(inner, key);
  }
  return key;
}

// "d|<day>" per day and "s|<scale>" per scale.
const dayKeys = new Map<string, string>();
const scoredKeys = new Map<string, string>();

export const dayKey = (day: string) => cachedKey(dayKeys, day, () => `d|${day}`);
export const scoredKey = (scale: string) => cachedKey(scoredKeys, scale, () => `s|${scale}`);

export const bandPrefix = (question: string, band: string) =>
  cachedInnerKey(bandPrefixes, question, band, () => `bd|${question}|${band}|`);

export const answeredKey = (question: string, row?: string) =>
  row === undefined
    ? cachedInnerKey(answeredPlain, '', question, () => `a|${question}`)
    : cachedInnerKey(answeredKeys, question, row, () => `a|${question}|${row}`);
