// Little-endian record building for the SPSS system file dictionary.
export class ByteWriter {
  private parts: Buffer[] = [];

  int32(...values: number[]): this {
    const b = Buffer.alloc(4 * values.length);
    values.forEach((v, i) => b.writeInt32LE(v, i * 4));
    return this.raw(b);
  }

  float64(...values: number[]): this {
    const b = Buffer.alloc(8 * values.length);
    values.forEach((v, i) => b.writeDoubleLE(v, i * 8));
    return this.raw(b);
  }

  // `text` in `size` bytes, padded with `pad`
  fixed(text: string | Buffer, size: number, pad = ' '): this {
    const b = Buffer.alloc(size, pad);
    (typeof text === 'string' ? Buffer.from(text, 'utf8') : text).copy(b, 0, 0, size);
    return this.raw(b);
  }

  raw(b: Buffer): this {
    this.parts.push(b);
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}

// At most `max` bytes of UTF-8, never splitting a character.
export function utf8Prefix(text: string, max: number): Buffer {
  const b = Buffer.from(text, 'utf8');
  if (b.length <= max) return b;
  let end = max;
  while (end > 0 && (b[end]! & 0xc0) === 0x80) end--;
  return b.subarray(0, end);
}

export const SYSMIS = -Number.MAX_VALUE;
export const HIGHEST = Number.MAX_VALUE;
// the largest double below -DBL_MAX's neighbour, as SPSS writes "LOWEST"
export const LOWEST = -1.7976931348623155e308;
