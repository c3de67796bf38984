import type { Writable } from 'node:stream';
import { codebook, CODEBOOK_HEADER, codebookRows } from '../codebook.js';
import type { Cell, Layout } from '../../codec/columns.js';
import { pipeChunks, type ChunkFormat } from './chunks.js';
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

// How a file of one format is written: each row turned into its own bytes as it is read
// (`piece`), and the file written from those pieces in the order they come (`write`), which
// arrive a run of rows at a time.
export type RowWriter = {
  piece: (cells: readonly Cell[]) => Buffer;
  write: (pieces: AsyncIterable<readonly Buffer[]>, out: Writable) => Promise<void>;
};

const chunkWriter = (format: ChunkFormat): RowWriter => ({
  piece: (cells) => format.piece(cells),
  write: (pieces, out) => pipeChunks(format, pieces, out),
});

async function* parsed(pieces: AsyncIterable<readonly Buffer[]>): AsyncGenerator<Cell[]> {
  for await (const some of pieces) for (const piece of some) yield JSON.parse(piece.toString('utf8')) as Cell[];
}

export function rowWriter(format: ExportFormat, layout: Layout, options: { bom: boolean }): RowWriter {
  switch (format) {
    case 'csv':
      return chunkWriter(csvFormat(layout.columns, options));
    case 'ndjson':
      return chunkWriter(ndjsonFormat(layout.columns));
    case 'sav':
      return chunkWriter(savFormat(layout.columns));
    case 'xlsx': // the workbook writer takes cells: the pieces are the cells as JSON
      return {
        piece: (cells) => Buffer.from(JSON.stringify(cells), 'utf8'),
        write: (pieces, out) =>
          pipeXlsx(
            layout.columns,
            { header: CODEBOOK_HEADER, rows: codebookRows(codebook(layout)) },
            parsed(pieces),
            out,
          ),
      };
  }
}
