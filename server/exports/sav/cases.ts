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

export function createCaseWriter(variables: readonly SavVariable[]) {
  const elements = variables.reduce((n, v) => n + v.segments.reduce((m, s) => m + s.elements, 0), 0);
  const maxRowBytes = elements * 9 + 16;
  let buf = Buffer.alloc(Math.max(1 << 20, maxRowBytes * 4));
  let pos = 0;
  let block = -1; // where the current block's command bytes are
  let used = 8;
  const scratch = Buffer.alloc(8);

  const command = (code: number, raw?: Buffer, at = 0) => {
    if (used === 8) {
      block = pos;
      buf.fill(0, pos, pos + 8);
      pos += 8;
      used = 0;
    }
    buf[block + used++] = code;
    if (raw) pos += raw.copy(buf, pos, at, at + 8);
  };

  const number = (cell: Cell) => {
    if (typeof cell !== 'number' || !Number.isFinite(cell)) return command(MISSING);
    if (Number.isInteger(cell) && cell >= 1 - BIAS && cell <= 251 - BIAS) return command(cell + BIAS);
    scratch.writeDoubleLE(cell, 0);
    command(RAW, scratch);
  };

  const string = (v: SavVariable, cell: Cell) => {
    const bytes = Buffer.from(cell === null ? '' : fitString(String(cell), v.width), 'utf8');
    let offset = 0;
    for (const segment of v.segments) {
      const padded = Buffer.alloc(segment.elements * 8, ' ');
      // 255 bytes of data per segment (the last takes what is left of its width)
      if (offset < bytes.length)
        bytes.copy(padded, 0, offset, Math.min(bytes.length, offset + Math.min(segment.width, 255)));
      offset += 255;
      for (let e = 0; e < segment.elements; e++) {
        const allSpaces = padded.readBigUInt64LE(e * 8) === 0x2020202020202020n;
        if (allSpaces) command(SPACES);
        else command(RAW, padded, e * 8);
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
    write(cells: readonly Cell[]): void {
      if (buf.length - pos < maxRowBytes) buf = Buffer.concat([buf, Buffer.alloc(buf.length)]);
      variables.forEach((v, i) => (v.width === 0 ? number(cells[i] ?? null) : string(v, cells[i] ?? null)));
    },
    take: () => take(false),
    end: () => take(true),
    get pending() {
      return pos;
    },
  };
}

// Cut a string to `width` bytes of UTF-8 without splitting a character.
export function fitString(text: string, width: number): string {
  const b = Buffer.from(text, 'utf8');
  if (b.length <= width) return text;
  let end = width;
  while (end > 0 && (b[end]! & 0xc0) === 0x80) end--;
  return b.subarray(0, end).toString('utf8');
}
