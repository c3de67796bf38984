import type { Cell } from '../../codec/columns.js';
import type { SavVariable } from './variables.js';

// Bytecode compression ("simple compression", bias 100): each 8-byte element becomes one command
// byte in a block of eight — 1..251 a whole number (code - 100), 253 "the next 8 raw bytes",
// 254 eight spaces, 255 system-missing (an unanswered question: never written as 0) — followed
// by the raw bytes of that block's 253 commands.
const RAW = 253;
const SPACES = 254;
const MISSING = 255;
const BIAS = 100;

const elementsIn = (variables: readonly SavVariable[]) =>
  variables.reduce((n, v) => n + v.segments.reduce((m, s) => m + s.elements, 0), 0);

// One case as its own bytes, independent of the cases around it (so it can be made while the rows
// are read, and its blocks laid out later, in the file's order):
//   [command count: u32 LE][one byte per command][8 raw bytes per RAW command, in order]
export function createCaseEncoder(variables: readonly SavVariable[]): (cells: readonly Cell[]) => Buffer {
  const elements = elementsIn(variables);
  const commands = Buffer.alloc(elements);
  const raw = Buffer.alloc(elements * 8);
  let n = 0;
  let r = 0;
  const command = (code: number, from?: Buffer, at = 0) => {
    commands[n++] = code;
    if (from) r += from.copy(raw, r, at, at + 8);
  };
  const scratch = Buffer.alloc(8);
  const number = (cell: Cell) => {
    if (typeof cell !== 'number' || !Number.isFinite(cell)) return command(MISSING);
    if (Number.isInteger(cell) && cell >= 1 - BIAS && cell <= 251 - BIAS) return command(cell + BIAS);
    scratch.writeDoubleLE(cell, 0);
    command(RAW, scratch);
  };
  // a string's bytes and one segment's padded elements, reused from case to case (a case is made
  // per exported row)
  const text = Buffer.alloc(Math.max(0, ...variables.map((v) => v.width)));
  const padded = Buffer.alloc(8 * Math.max(0, ...variables.flatMap((v) => v.segments.map((s) => s.elements))));
  const SPACE = 0x20202020;
  const string = (v: SavVariable, cell: Cell) => {
    // cut to the width without splitting a character: write stops before one that does not fit whole
    const length = cell === null ? 0 : text.write(String(cell), 0, v.width, 'utf8');
    let offset = 0;
    for (const segment of v.segments) {
      const size = segment.elements * 8;
      padded.fill(0x20, 0, size);
      // 255 bytes of data per segment (the last takes what is left of its width)
      if (offset < length) text.copy(padded, 0, offset, Math.min(length, offset + Math.min(segment.width, 255)));
      offset += 255;
      for (let at = 0; at < size; at += 8) {
        if (padded.readUInt32LE(at) === SPACE && padded.readUInt32LE(at + 4) === SPACE) command(SPACES);
        else command(RAW, padded, at);
      }
    }
  };
  return (cells) => {
    n = 0;
    r = 0;
    for (let i = 0; i < variables.length; i++) {
      const v = variables[i]!;
      if (v.width === 0) number(cells[i] ?? null);
      else string(v, cells[i] ?? null);
    }
    const out = Buffer.allocUnsafe(4 + n + r);
    out.writeUInt32LE(n, 0);
    commands.copy(out, 4, 0, n);
    raw.copy(out, 4 + n, 0, r);
    return out;
  };
}

// Lays encoded cases out in command blocks, in the order they are added.
export function createCaseWriter(variables: readonly SavVariable[]) {
  const encode = createCaseEncoder(variables);
  const maxRowBytes = elementsIn(variables) * 9 + 16;
  let buf = Buffer.alloc(Math.max(1 << 20, maxRowBytes * 4));
  let pos = 0;
  let block = -1; // where the current block's command bytes are
  let used = 8;

  const add = (piece: Buffer): void => {
    if (buf.length - pos < maxRowBytes) buf = Buffer.concat([buf, Buffer.alloc(buf.length)]);
    const n = piece.readUInt32LE(0);
    let raw = 4 + n;
    for (let i = 0; i < n; i++) {
      if (used === 8) {
        block = pos;
        buf.fill(0, pos, pos + 8);
        pos += 8;
        used = 0;
      }
      const code = piece[4 + i]!;
      buf[block + used++] = code;
      if (code === RAW) {
        pos += piece.copy(buf, pos, raw, raw + 8);
        raw += 8;
      }
    }
  };

  // Only whole blocks are handed out; the open block waits for the next case.
  const take = (final: boolean): Buffer => {
    if (final && used < 8) used = 8;
    const end = used === 8 ? pos : block;
    const out = Buffer.from(buf.subarray(0, end));
    buf.copy(buf, 0, end, pos);
    pos -= end;
    if (used < 8) block -= end;
    return out;
  };

  return {
    encode,
    add,
    write: (cells: readonly Cell[]) => add(encode(cells)),
    take: () => take(false),
    end: () => take(true),
    get pending() {
      return pos;
    },
  };
}
