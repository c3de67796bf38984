import fc from 'fast-check';

// What goes on the wire: headers, a body (several chunks and no Content-Length = chunked) and,
// for GET targets, the query string (raw: sent byte for byte, not normalised by a URL parser).
export type Wire = { headers: Record<string, string>; body?: Buffer | Buffer[]; query?: string };

// One family of hostile requests: fast-check generates the parameters (so a failure prints a
// readable counterexample) and render() builds the request from them and the target's valid one.
export type HostileKind = { name: string; cases: fc.Arbitrary<unknown>; render: (params: unknown) => Wire };

export const kind = <P>(name: string, cases: fc.Arbitrary<P>, render: (p: P) => Wire): HostileKind => ({
  name,
  cases,
  render: render as HostileKind['render'],
});

// Byte sequences that are not UTF-8: lone continuation bytes, overlong forms, surrogates,
// five-byte forms, code points past U+10FFFF, truncated sequences.
export const badUtf8 = [
  [0xff],
  [0xfe],
  [0x80],
  [0xc3, 0x28],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
];

// Names an injection or pollution attempt would use, as keys, column names or values.
export const operators = [
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$in',
  '$nin',
  '$where',
  '$regex',
  '$exists',
  '$expr',
  '$function',
  '$jsonSchema',
  '$set',
  '$inc',
  '$or',
  '$not',
  '$elemMatch',
];
export const prototypeNames = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
];

// A number in [0, 1], evenly spread (fc.double spreads over the bits of a float, so nearly all of
// its values in [0, 1] are tiny).
export const fraction = () => fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);

// Sizes spread evenly over orders of magnitude, so short runs see small and large ones alike.
export const logSize = (min: number, max: number) => fraction().map((f) => Math.round(min * (max / min) ** f));
