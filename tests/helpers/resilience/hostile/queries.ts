import { parse as parseQuery } from 'node:querystring';
import fc from 'fast-check';
import { badUtf8, fraction, kind, logSize, operators, prototypeNames, type HostileKind } from './kinds.js';

// What the kinds need to know about a GET endpoint's query (Express's 'simple' parser, i.e.
// node:querystring) so that every query they make is one its schema refuses.
export type QuerySpec = {
  valid: [string, string][];
  scalars: Record<string, string>; // keys that take one value (repeating one is an error), with a valid value
  lists: Record<string, string>; // keys that take a list, repeated or comma-separated (1–500 items), with a valid item
  required: string[];
  formats: string[];
  wrong: Record<string, string[]>; // values each key's schema refuses
  combos: [string, string][][]; // valid values that are refused together
};
type Pair = [string, string];

// Encoded as a browser would, but '@' and ',' left as they are (both mean something here).
const enc = (s: string) => encodeURIComponent(s).replace(/%40/g, '@').replace(/%2C/g, ',');
const build = (pairs: Pair[], raw = false) =>
  pairs.map(([k, v]) => (raw ? `${k}=${v}` : `${enc(k)}=${enc(v)}`)).join('&');
const without = (pairs: Pair[], ...keys: string[]) => pairs.filter(([k]) => !keys.includes(k));
const query = (q: string) => ({ headers: {}, query: q });

// Characters no field accepts, also after the trimming and comma-splitting lists get.
const badChars = ['!', '*', '"', '<', 'Z', '_', '.', '~', "'", '(', ';', 'é', '\u0000', '\ufffd', '$', '`'];
// Escapes that are malformed or decode to bytes that are not UTF-8 (never %2C or %20, which lists would forgive).
const badEscapes = [
  '%FF',
  '%FE',
  '%C3%28',
  '%C0%AF',
  '%E0%80%AF',
  '%ED%A0%80',
  '%F8%88%80%80%80',
  '%80',
  '%E2%82',
  '%',
  '%Z',
  '%zz',
  '%G0',
  '%%',
  '%00',
  '%0',
  '%u0041',
  '%ff%ff%ff',
];
// Raw bytes above 0x7F in the request line (Node sends a path's characters as latin1 bytes).
const rawBytes = badUtf8.map((b) => String.fromCharCode(...b));
const protoKeys = (key: string) => [
  ...prototypeNames,
  '__proto__[polluted]',
  '__proto__.polluted',
  'constructor[prototype][polluted]',
  'constructor.prototype.polluted',
  `${key}[__proto__]`,
  `${key}[constructor][prototype]`,
];
const operatorForms: Record<string, (key: string, op: string) => string> = {
  'key[op]': (k, op) => `${k}[${op}]`,
  'key[op][op]': (k, op) => `${k}[${op}][${op}]`,
  'key[op][]': (k, op) => `${k}[${op}][]`,
  'key.op': (k, op) => `${k}.${op}`,
  op: (_k, op) => op,
  'op[key]': (k, op) => `${op}[${k}]`,
};
const queryChars = [..."&=%[]$_.,+;~!*()'@-azAZ09/?:"];

function insertAt(text: string, at: number, insert: string): string {
  const i = Math.floor(at * (text.length + 1));
  return text.slice(0, i) + insert + text.slice(i);
}

export function queryKinds(spec: QuerySpec): HostileKind[] {
  const keys = [...new Set([...spec.valid.map(([k]) => k), ...Object.keys(spec.scalars), ...Object.keys(spec.lists)])];
  const anyKey = fc.constantFrom(...keys);
  const listKey = fc.constantFrom(...Object.keys(spec.lists));
  const wrongKey = fc.constantFrom(...Object.keys(spec.wrong));
  const lacksRequired = (q: string) => spec.required.every((k) => !Object.hasOwn(parseQuery(q), k));

  return [
    kind(
      'operator keys',
      fc.record({
        key: anyKey,
        op: fc.constantFrom(...operators),
        form: fc.constantFrom(...Object.keys(operatorForms)),
        operand: fc.constantFrom('', '1', 'null', 'sleep(5000)', 'this.password', '.*', '{"$gt":""}'),
        replace: fc.boolean(),
        raw: fc.boolean(),
      }),
      (p) =>
        query(
          build(
            [
              ...(p.replace ? without(spec.valid, p.key) : spec.valid),
              [operatorForms[p.form]!(p.key, p.op), p.operand],
            ],
            p.raw,
          ),
        ),
    ),

    kind(
      'prototype keys',
      fc.record({
        key: anyKey,
        proto: fc.nat(),
        value: fc.constantFrom('1', 'true', 'polluted', '{"polluted":true}', ''),
        first: fc.boolean(),
        times: fc.integer({ min: 1, max: 3 }),
        raw: fc.boolean(),
      }),
      (p) => {
        const names = protoKeys(p.key);
        const added = Array.from({ length: p.times }, (): Pair => [names[p.proto % names.length]!, p.value]);
        return query(build(p.first ? [...added, ...spec.valid] : [...spec.valid, ...added], p.raw));
      },
    ),

    kind(
      'repeated single-value keys',
      fc.constantFrom(...Object.keys(spec.scalars)).chain((key) =>
        fc.record({
          key: fc.constant(key),
          values: fc.array(
            fc.oneof(fc.constant(spec.scalars[key]!), fc.constantFrom(...spec.formats), fc.string({ maxLength: 12 })),
            { minLength: 2, maxLength: 40 },
          ),
        }),
      ),
      (p) => query(build([...without(spec.valid, p.key), ...p.values.map((v): Pair => [p.key, v])])),
    ),

    kind(
      'huge values and many parameters',
      fc.record({
        how: fc.constantFrom('long value', 'long list', 'many parameters'),
        key: anyKey,
        list: listKey,
        size: logSize(50, 40_000),
        seed: fc.constantFrom('A', 'Z9', 'A-', 'É', '$A'),
        comma: fc.boolean(),
      }),
      (p) => {
        if (p.how === 'long value')
          return query(
            build([...without(spec.valid, p.key), [p.key, p.seed.repeat(Math.ceil(p.size / p.seed.length))]]),
          );
        if (p.how === 'many parameters')
          return query(
            build([
              ...spec.valid,
              ...Array.from({ length: Math.ceil(p.size / 10) }, (_, i): Pair => [`p${i}`, String(i)]),
            ]),
          );
        const items = Array.from({ length: 501 + (p.size % 2_500) }, () => spec.lists[p.list]!); // over the 500 a list takes
        return query(
          build([
            ...without(spec.valid, p.list),
            ...(p.comma ? [[p.list, items.join(',')] as Pair] : items.map((v): Pair => [p.list, v])),
          ]),
        );
      },
    ),

    kind(
      'wrong types and values',
      fc.oneof(
        wrongKey.chain((key) =>
          fc.record({
            pairs: fc
              .oneof(
                fc.constantFrom(...spec.wrong[key]!),
                fc.constantFrom(...badChars).map((c) => `${spec.scalars[key] ?? spec.lists[key] ?? ''}${c}`),
              )
              .map((v): Pair[] => [[key, v]]),
          }),
        ),
        ...(spec.combos.length ? [fc.record({ pairs: fc.constantFrom(...spec.combos) })] : []),
      ),
      (p) => query(build([...without(spec.valid, ...p.pairs.map(([k]) => k)), ...p.pairs])),
    ),

    kind(
      'invalid percent-encoding and UTF-8',
      fc.record({
        pair: fc.nat(),
        inKey: fc.boolean(),
        at: fraction(),
        insert: fc.oneof(fc.constantFrom(...badEscapes), fc.constantFrom(...rawBytes)),
      }),
      (p) => {
        const pairs = spec.valid.map(([k, v]): Pair => [enc(k), enc(v)]);
        const [k, v] = pairs[p.pair % pairs.length]!;
        pairs[p.pair % pairs.length] = p.inKey ? [insertAt(k, p.at, p.insert), v] : [k, insertAt(v, p.at, p.insert)];
        return query(build(pairs, true));
      },
    ),

    kind(
      'unknown formats',
      fc
        .oneof(
          fc.constantFrom(
            'pdf',
            'xls',
            'json',
            'CSV',
            'Csv',
            ' csv',
            'csv ',
            'csv\u0000',
            'sav2',
            'ndjson.gz',
            'html',
            '../../etc/passwd',
            'csv;xlsx',
            'csv,xlsx',
            '',
          ),
          fc.stringMatching(/^[A-Za-z0-9.+_-]{0,12}$/),
        )
        .filter((f) => !spec.formats.includes(f)),
      (format) => query(build([...without(spec.valid, 'format'), ['format', format]])),
    ),

    kind(
      'empty values and missing keys',
      fc.record({
        how: fc.constantFrom(
          'empty value',
          'no equals sign',
          'empty key',
          'required key missing',
          'separators only',
          'empty list items',
        ),
        key: anyKey,
        list: listKey,
        junk: fc.constantFrom('', '&', '&&&', '=', '==', '&=&', '?', '??&', ';', '=&='),
      }),
      (p) => {
        const rest = build(without(spec.valid, p.key));
        if (p.how === 'empty value') return query(`${rest}&${enc(p.key)}=`);
        if (p.how === 'no equals sign') return query(`${rest}&${enc(p.key)}`);
        if (p.how === 'empty key') return query(`${build(spec.valid)}&=${enc(spec.valid[0]![1])}`);
        if (p.how === 'required key missing') return query(`${build(without(spec.valid, ...spec.required))}${p.junk}`);
        if (p.how === 'separators only') return query(p.junk);
        return query(`${build(without(spec.valid, p.list))}&${p.list}=${p.junk.replace(/./g, ',') || ','}`);
      },
    ),

    kind(
      'garbage query strings',
      fc
        .oneof(
          fc.array(fc.constantFrom(...queryChars), { maxLength: 200 }).map((cs) => cs.join('')),
          fc.string({ maxLength: 100, unit: 'grapheme' }).map(enc),
          fc
            .uint8Array({ maxLength: 100 })
            .map((bytes) =>
              [...bytes]
                .map((b) =>
                  b > 0x20 && b < 0x7f && b !== 0x23 ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
                )
                .join(''),
            ),
        )
        .filter(lacksRequired),
      (q) => query(q),
    ),
  ];
}
