import type { Column } from '../../codec/columns.js';
import { csvLine, csvTextLine } from '../../codec/csv.js';
import type { ChunkFormat } from './chunks.js';

export function csvFormat(columns: readonly Column[], options: { bom: boolean }): ChunkFormat {
  return {
    // the byte-order mark tells Excel the file is UTF-8 (Welsh text would otherwise be garbled)
    start: () => `${options.bom ? '\uFEFF' : ''}${csvTextLine(columns.map((c) => c.name))}`,
    row: csvLine,
    end: () => '',
  };
}

export function ndjsonFormat(columns: readonly Column[]): ChunkFormat {
  const keys = columns.map((c) => JSON.stringify(c.name));
  return {
    start: () => '',
    row: (cells) => `{${cells.map((cell, i) => `${keys[i]}:${JSON.stringify(cell)}`).join(',')}}\n`,
    end: () => '',
  };
}
