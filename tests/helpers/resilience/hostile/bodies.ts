import { isUtf8 } from 'node:buffer';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { badUtf8, fraction, kind, operators, type HostileKind, type Wire } from './kinds.js';
import {
  isObject,
  nodePaths,
  setAt,
  valueAt,
  withBytesInString,
  withRawMember,
  withRawValue,
  type Json,
  type Path,
} from './json-tree.js';

export const asJson = (body: Buffer | string): Wire => ({
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(body),
});
const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const protoKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'toJSON', 'hasOwnProperty'];
const protoPayloads = [
  '{"polluted":true}',
  '{"isAdmin":true,"toString":"x"}',
  '{"prototype":{"polluted":true}}',
  '{"__proto__":{"polluted":true}}',
  '[]',
  'null',
  '1',
  '"x"',
];
const wrongContentTypes = [
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'application/octet-stream',
  'application/javascript',
  'application/vnd.api+json',
  'application/json-patch+json',
  'application/jsonx',
  'text/json',
  'json',
  '*/*',
  'application/*',
  'application/json; charset=latin1',
  'application/json; charset=iso-8859-1',
  'application/json; charset=utf-16',
  'application/json; charset=utf-32',
  'application/json; charset=ascii',
];

function nested(shape: 'array' | 'object' | 'mixed', depth: number): string {
  if (shape === 'array') return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  if (shape === 'object') return `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`;
  return `${'[{"a":'.repeat(depth >> 1)}0${'}]'.repeat(depth >> 1)}`;
}

function huge(what: 'string' | 'array' | 'keys', size: number, seed: string): Json {
  if (what === 'string') return seed.repeat(Math.ceil(size / seed.length)).slice(0, size);
  if (what === 'array') return Array.from({ length: size >> 2 }, (_, i) => i % 10);
  return Object.fromEntries(Array.from({ length: size >> 4 }, (_, i) => [`k${i}`, i]));
}

// Every kind assumes what a strict endpoint promises: each field of the valid body has one JSON
// type (nothing nullable), strings under 2,000 characters, objects refuse unknown keys. Then every
// generated body is invalid, and any 2xx or write is a finding. `fresh` gives a valid body (a new
// one each time where the endpoint needs that, e.g. a new submission id); each is mutated once.
export function hostileKinds(fresh: () => Json, limitBytes: number): HostileKind[] {
  const sample = fresh();
  const all = nodePaths(sample);
  const anyNode = fc.constantFrom(...all);
  const objectNode = fc.constantFrom(...all.filter((p) => isObject(valueAt(sample, p))));
  const stringNode = fc.constantFrom(...all.filter((p) => typeof valueAt(sample, p) === 'string'));
  const keyNode = fc.constantFrom(...all.filter((p) => typeof p.at(-1) === 'string'));
  const operand = fc.oneof(
    fc.constantFrom(null, '', 0, 1, true, 'sleep(5000)', 'this.password', '.*', [], [null]),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const otherValue = fc.oneof(
    fc.string({ minLength: 1, maxLength: 20 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: 1, maxLength: 4 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 4 }),
  ) as fc.Arbitrary<Json>;

  const k = <P>(name: string, cases: fc.Arbitrary<P>, render: (p: P, valid: Json) => Wire) =>
    kind(name, cases, (p: P) => render(p, fresh()));

  return [
    k(
      'operator injection',
      fc.record({ at: anyNode, inObject: objectNode, op: fc.constantFrom(...operators), operand, asKey: fc.boolean() }),
      (p, valid) =>
        asJson(
          JSON.stringify(
            p.asKey
              ? setAt(valid, p.inObject, { ...(valueAt(valid, p.inObject) as object), [p.op]: p.operand as Json })
              : setAt(valid, p.at, { [p.op]: p.operand as Json }),
          ),
        ),
    ),

    // a member added to an object, or any value replaced by an object with such a member (which String() cannot convert)
    k(
      'prototype pollution keys',
      fc.record({
        at: objectNode,
        node: anyNode,
        asValue: fc.boolean(),
        key: fc.constantFrom(...protoKeys),
        payload: fc.constantFrom(...protoPayloads),
        first: fc.boolean(),
      }),
      (p, valid) =>
        asJson(
          p.asValue
            ? withRawValue(valid, p.node, `{${JSON.stringify(p.key)}:${p.payload}}`)
            : withRawMember(valid, p.at, p.key, p.payload, p.first),
        ),
    ),

    // depths spread evenly over orders of magnitude from 32 to what the body limit holds
    k(
      'deep nesting',
      fc.record({
        at: anyNode,
        shape: fc.constantFrom('array', 'object', 'mixed') as fc.Arbitrary<'array' | 'object' | 'mixed'>,
        level: fraction(),
      }),
      (p, valid) => {
        const maxDepth = Math.floor(limitBytes / (p.shape === 'array' ? 2.2 : 6.5));
        return asJson(withRawValue(valid, p.at, nested(p.shape, Math.round(32 * (maxDepth / 32) ** p.level))));
      },
    ),

    k(
      'huge strings, arrays and objects',
      fc.record({
        at: anyNode,
        what: fc.constantFrom('string', 'array', 'keys') as fc.Arbitrary<'string' | 'array' | 'keys'>,
        size: fc.integer({ min: 2_000, max: limitBytes }),
        seed: fc.string({ minLength: 1, maxLength: 4 }),
      }),
      (p, valid) => asJson(JSON.stringify(setAt(valid, p.at, huge(p.what, p.size, p.seed)))),
    ),

    k(
      'wrong types',
      fc
        .record({ at: anyNode, value: otherValue })
        .filter((p) => jsonType(p.value) !== jsonType(valueAt(sample, p.at))),
      (p, valid) => asJson(JSON.stringify(setAt(valid, p.at, p.value))),
    ),

    k(
      'invalid UTF-8',
      fc.record({
        value: stringNode,
        key: keyNode,
        inKey: fc.boolean(),
        bytes: fc.oneof(
          fc.constantFrom(...badUtf8).map((b) => Uint8Array.from(b)),
          fc.uint8Array({ minLength: 1, maxLength: 8 }).filter((b) => !isUtf8(b)),
        ),
      }),
      (p, valid) => asJson(withBytesInString(valid, p.inKey ? p.key : p.value, p.bytes, p.inKey)),
    ),

    k(
      'wrong content types and encodings',
      fc.record({
        type: fc.oneof(
          fc.constantFrom(...wrongContentTypes, null),
          fc.stringMatching(/^[a-z]{1,12}\/[a-z0-9.+-]{1,24}$/).filter((t) => t !== 'application/json'),
        ),
        encoding: fc.constantFrom(null, 'gzip', 'compress', 'x-unknown'),
      }),
      (p, valid) => {
        const headers: Record<string, string> = p.type === null ? {} : { 'content-type': p.type };
        if (p.encoding) headers['content-encoding'] = p.encoding; // never actually compressed
        return { headers, body: Buffer.from(JSON.stringify(valid)) };
      },
    ),

    k(
      'oversized bodies',
      fc.record({
        how: fc.constantFrom('padding', 'one long value', 'chunked', 'gzip bomb'),
        at: stringNode,
        size: fc.integer({ min: limitBytes + 1, max: limitBytes * 16 }),
      }),
      (p, valid) => {
        const padded = Buffer.from(JSON.stringify(valid) + ' '.repeat(p.size));
        if (p.how === 'one long value') return asJson(JSON.stringify(setAt(valid, p.at, 'x'.repeat(p.size))));
        if (p.how === 'chunked')
          return {
            ...asJson(''),
            body: Array.from({ length: Math.ceil(padded.length / 16_384) }, (_, i) =>
              padded.subarray(i * 16_384, (i + 1) * 16_384),
            ),
          };
        if (p.how === 'gzip bomb')
          return {
            headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
            body: gzipSync(Buffer.concat([padded, Buffer.alloc(p.size * 3, 32)])),
          };
        return asJson(padded);
      },
    ),

    k(
      'not JSON at all',
      fc.oneof(
        fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b)),
        fc.string({ maxLength: 2_000 }).map((s) => Buffer.from(s)),
      ),
      (bytes) => asJson(bytes),
    ),
  ];
}

export type { Json, Path };
