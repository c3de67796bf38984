import { z } from 'zod';
import { CODEBOOK_FORMATS } from './codebook-formats.js';
import { EXPORT_FORMATS } from './formats/index.js';

// Query strings: a list may be repeated (?wave=a&wave=b) or comma-separated (?wave=a,b).
const list = (item: z.ZodString) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1, 'name at least one').max(500));

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ExportFilters = z.strictObject({
  wave: list(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'wave ids are lower-case letters, digits and -')).optional(),
  pilot: list(z.string().regex(/^\d{3}$/, 'council codes are three digits, e.g. 855')).optional(),
  arm: z.enum(['pilot', 'comparison']).optional(),
  version: list(z.string().regex(/^[1-9]\d{0,5}$/, 'survey versions are whole numbers'))
    .transform((v) => v.map(Number))
    .optional(),
  survey: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a survey id such as staff-wellbeing')
    .optional(),
});
export type ExportFilters = z.infer<typeof ExportFilters>;

export const ExportQuery = ExportFilters.extend({
  format: z.enum(EXPORT_FORMATS, { message: `one of ${EXPORT_FORMATS.join(', ')}` }),
  labels: flag.default(false),
  bom: flag.default(false),
})
  .refine((q) => !(q.labels && q.format === 'sav'), {
    path: ['labels'],
    message: 'a .sav file always holds codes, with the labels as value labels',
  })
  .refine((q) => !(q.bom && q.format !== 'csv'), { path: ['bom'], message: 'a byte-order mark applies to csv only' });
export type ExportQuery = z.infer<typeof ExportQuery>;

export const CodebookQuery = z.strictObject({
  format: z.enum(CODEBOOK_FORMATS, { message: `one of ${CODEBOOK_FORMATS.join(', ')}` }).default('json'),
  survey: list(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*@[1-9]\d{0,5}$/, 'id@version, e.g. staff-wellbeing@1')),
});

export const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
