import type { Column } from '../../codec/columns.js';
import { csvLine, csvTextLine } from '../../codec/csv.js';
import type { ChunkFormat } from './chunks.js';

const same = (piece: Buffer) => piece;

export function csvFormat(columns: readonly Column[], options: { bom: boolean }): ChunkFormat {
  return {
    // the byte-order mark tells Excel the file is UTF-8 (Welsh text would otherwise be garbled)
    start: () => `${options.bom ? '\uFEFF' : ''}${csvTextLine(columns.map((c) => c.name))}`,
    piece: (cells) => Buffer.from(csvLine(cells), 'utf8'),
    add: same,
    end: () => '',
  };
}

export function ndjsonFormat(columns: readonly Column[]): ChunkFormat {
  const keys = columns.map((c) => JSON.stringify(c.name));
  return {
    start: () => '',
    piece: (cells) => Buffer.from(`{${cells.map((cell, i) => `${keys[i]}:${JSON.stringify(cell)}`).join(',')}}\n`),
    add: same,
    end: () => '',
  };
}
