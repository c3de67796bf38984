import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Cell } from '../../codec/columns.js';

// A format whose rows are turned into bytes one at a time, each on its own (`piece`, made while
// the rows are read from the database, before the shuffle), then laid out in the file's order
// (`add`: the piece itself for text, whole command blocks for .sav). What `add` gives is gathered
// into ~64 KB chunks so the response is written in few large writes, and `pipeline` pulls the next
// chunk only when the destination has room.
export type ChunkFormat = {
  start(): string | Buffer;
  piece(cells: readonly Cell[]): Buffer;
  add(piece: Buffer): Buffer;
  end(): string | Buffer;
};

const CHUNK = 64 * 1024;
const bytes = (part: string | Buffer) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part);

// The file's start (CSV header, .sav dictionary) leaves at once, before any row is read: the
// download shows progress from its first second however long the rows take to arrive.
export async function* chunked(format: ChunkFormat, pieces: AsyncIterable<readonly Buffer[]>): AsyncGenerator<Buffer> {
  const start = bytes(format.start());
  if (start.length > 0) yield start;
  let parts: Buffer[] = [];
  let size = 0;
  for await (const some of pieces) {
    for (const piece of some) {
      const part = format.add(piece);
      if (part.length === 0) continue;
      parts.push(part);
      size += part.length;
      if (size >= CHUNK) {
        yield Buffer.concat(parts, size);
        parts = [];
        size = 0;
      }
    }
  }
  parts.push(bytes(format.end()));
  yield Buffer.concat(parts);
}

export async function pipeChunks(
  format: ChunkFormat,
  pieces: AsyncIterable<readonly Buffer[]>,
  out: Writable,
): Promise<void> {
  await pipeline(Readable.from(chunked(format, pieces), { objectMode: false }), out);
}
