import type { SurveyDefinition } from '../../surveys/definition.js';
import type { ReportOptions } from './report.js';

// Published figures never change once kept, so the report built from them (and its JSON) is the
// same on every read: a summary read keeps what it sends (bodies.ts) rather than rebuilding it
// from ~1,800 counters. The key holds everything buildReport reads: the kept figures' fingerprint
// (their stored bytes, _id included), the survey version (one registry entry per key for the
// process's life; its hash too), the minimum group, the headcount, the state and the day. A read still checks who may see
// the council and reads the publication first; only the building is skipped.
export function reportKey(fingerprint: string, def: SurveyDefinition, o: ReportOptions): string {
  return JSON.stringify([
    fingerprint,
    def.key,
    def.hash,
    o.minGroupSize,
    o.headcount ?? null,
    o.open,
    o.closing,
    o.today,
  ]);
}
