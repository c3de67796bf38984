import { z } from 'zod';
import { MEASURE_KEYS, type MeasureKey } from './measures.js';

export const LaCode = z.string().regex(/^\d{3}$/, 'must be a three-digit DfE council code, e.g. 394');

// The year to 30 September, as DfE label it; a local entry is for a recent or coming year.
export const WorkforceYear = z.coerce.number().int().min(2000).max(2100);

export const isRate = (key: MeasureKey): boolean => key.includes('Rate');

// Rates are percentages (17.1 means 17.1%); counts, FTEs and caseloads only need to be >= 0.
const figure = (key: MeasureKey) =>
  isRate(key) ? z.number().min(0).max(100).optional() : z.number().min(0).max(1_000_000).optional();

const shape = Object.fromEntries(MEASURE_KEYS.map((key) => [key, figure(key)])) as Record<
  MeasureKey,
  ReturnType<typeof figure>
>;

// Unknown keys are refused so a misspelt measure is not silently dropped.
export const LocalMeasuresBody = z
  .strictObject(shape)
  .refine((measures) => Object.values(measures).some((value) => value !== undefined), {
    message: 'give at least one figure, e.g. { "turnoverRateFte": 14.2 }',
  });
export type LocalMeasuresBody = z.infer<typeof LocalMeasuresBody>;

export const LocalEntry = z.object({
  laCode: LaCode,
  year: WorkforceYear,
  measures: LocalMeasuresBody,
  enteredBy: z.string().trim().min(1).max(200),
});
export type LocalEntry = z.infer<typeof LocalEntry>;

export const WorkforceParams = z.object({ code: LaCode });
export const LocalEntryParams = z.object({ code: LaCode, year: WorkforceYear });
