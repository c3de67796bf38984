import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Cell } from '../../codec/columns.js';

// A format that turns rows into bytes piece by piece; pieces are gathered into ~64 KB chunks so
// the response is written in few large writes, and `pipeline` pulls the next chunk only when
// the destination has room (backpressure reaches back to the database cursor).
export type ChunkFormat = {
  start(): string | Buffer;
  row(cells: readonly Cell[]): string | Buffer;
  end(): string | Buffer;
};

const CHUNK = 64 * 1024;

const toBuffer = (parts: (string | Buffer)[]) =>
  parts.every((p) => typeof p === 'string')
    ? Buffer.from(parts.join(''), 'utf8')
    : Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));

// The file's start (CSV header, .sav dictionary) leaves at once, before any row is read: the
// download shows progress from its first second however long the rows take to arrive.
export async function* chunked(format: ChunkFormat, rows: AsyncIterable<readonly Cell[]>): AsyncGenerator<Buffer> {
  const start = toBuffer([format.start()]);
  if (start.length > 0) yield start;
  let parts: (string | Buffer)[] = [];
  let size = 0;
  for await (const cells of rows) {
    const piece = format.row(cells);
    if (piece.length === 0) continue;
    parts.push(piece);
    size += piece.length;
    if (size >= CHUNK) {
      yield toBuffer(parts);
      parts = [];
      size = 0;
    }
  }
  parts.push(format.end());
  yield toBuffer(parts);
}

export async function pipeChunks(
  format: ChunkFormat,
  rows: AsyncIterable<readonly Cell[]>,
  out: Writable,
): Promise<void> {
  await pipeline(Readable.from(chunked(format, rows), { objectMode: false }), out);
}
