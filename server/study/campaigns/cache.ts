import type mongoose from 'mongoose';
import { unavailable } from '../../errors.js';

// Every respondent request reads its campaign and the campaign's wave. Under load those two reads
// per submission cost more than the submission's own writes, so the respondent path keeps what it
// read for a second, and requests that arrive while a read is in flight share it.
// Staleness is bounded: any write to campaigns or waves through mongoose in this process forgets
// every cache at once (see `forgetOnWrite`), so an administrator closing a campaign here takes
// effect immediately; a change made by another process, or by the raw driver, within TTL_MS.
// Whether the wave is open today is worked out on every request from the cached dates, so a
// wave's first and last day are exact.
export const CAMPAIGN_CACHE_TTL_MS = 1000;
// Everyone asking shares one read, so a read that never returns must not hold them all: past
// this it is dropped (the next request reads afresh) and those waiting are answered 503.
const READ_DEADLINE_MS = 4000;

type Entry<T> = { until: number; found: Promise<T | null> };

export type CampaignCache = <T>(code: string, load: () => Promise<T | null>) => Promise<T | null>;

// Writes to campaigns and waves through mongoose, announced to every cache (see forgetOnWrite).
const writeListeners = new Set<() => void>();

// Only found campaigns are kept, so random codes cannot grow the map beyond the real campaigns.
export function createCampaignCache(): CampaignCache {
  const entries = new Map<string, Entry<unknown>>();
  let generation = 0;
  writeListeners.add(() => {
    generation++;
    entries.clear();
  });

  function withinDeadline<T>(code: string, entry: Entry<T>): Promise<T | null> {
    if (entry.until !== Number.POSITIVE_INFINITY) return entry.found; // read already
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        if (entries.get(code) === entry) entries.delete(code);
        reject(unavailable());
      }, READ_DEADLINE_MS);
    });
    return Promise.race([entry.found, late]).finally(() => clearTimeout(timer));
  }

  return function cachedCampaign<T>(code: string, load: () => Promise<T | null>): Promise<T | null> {
    const hit = entries.get(code) as Entry<T> | undefined;
    if (hit && hit.until > Date.now()) return withinDeadline(code, hit);
    const startedIn = generation;
    const entry: Entry<T> = { until: Number.POSITIVE_INFINITY, found: load() };
    entries.set(code, entry);
    const settle = (keep: boolean) => {
      if (entries.get(code) !== entry) return; // forgotten or replaced meanwhile
      if (keep && startedIn === generation) entry.until = Date.now() + CAMPAIGN_CACHE_TTL_MS;
      else entries.delete(code);
    };
    entry.found.then(
      (found) => settle(found !== null),
      () => settle(false),
    );
    return withinDeadline(code, entry);
  };
}

const writes = [
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
];

// Registered on the campaign and wave schemas before their models are compiled. Before the write,
// so a read already in flight is not kept; after it, so nothing read during the write is either.
export function forgetOnWrite(schema: mongoose.Schema): void {
  const forget = () => {
    for (const listener of writeListeners) listener();
  };
  schema.pre(writes as never, { document: true, query: true }, forget);
  schema.post(writes as never, { document: true, query: true }, forget);
  schema.pre('save', forget);
  schema.post('save', forget);
  schema.pre('bulkWrite', forget);
  schema.post('bulkWrite', forget);
}
