import type { Writable } from 'node:stream';
import { codebook, CODEBOOK_HEADER, codebookRows } from '../codebook.js';
import type { Cell, Layout } from '../../codec/columns.js';
import { pipeChunks } from './chunks.js';
import { savFormat } from './sav.js';
import { csvFormat, ndjsonFormat } from './text.js';
import { pipeXlsx } from './xlsx.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'sav', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const formatInfo: Record<ExportFormat, { contentType: string; extension: string }> = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  sav: { contentType: 'application/x-spss-sav', extension: 'sav' },
  ndjson: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'ndjson' },
};

export async function writeFormat(
  format: ExportFormat,
  layout: Layout,
  options: { bom: boolean },
  rows: AsyncIterable<readonly Cell[]>,
  out: Writable,
): Promise<void> {
  switch (format) {
    case 'csv':
      return pipeChunks(csvFormat(layout.columns, options), rows, out);
    case 'ndjson':
      return pipeChunks(ndjsonFormat(layout.columns), rows, out);
    case 'sav':
      return pipeChunks(savFormat(layout.columns), rows, out);
    case 'xlsx':
      return pipeXlsx(layout.columns, { header: CODEBOOK_HEADER, rows: codebookRows(codebook(layout)) }, rows, out);
  }
}
