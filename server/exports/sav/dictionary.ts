import type { Column } from '../../codec/columns.js';
import { ByteWriter, HIGHEST, LOWEST, SYSMIS, utf8Prefix } from './bytes.js';
import type { SavVariable } from './variables.js';

// The dictionary of a bytecode-compressed, UTF-8 SPSS system file, written before any case.
// Record layouts follow the PSPP developers' guide, "System File Format".
const FORMAT_F = 5;
const FORMAT_A = 1;
const MEASURE = { nominal: 1, ordinal: 2, scale: 3 } as const;

const format = (type: number, width: number, decimals: number) => (type << 16) | (width << 8) | decimals;

function printFormat(column: Column, width: number): number {
  if (width > 0) return format(FORMAT_A, Math.min(width, 255), 0);
  const integers = column.kind !== 'score' && column.codes.every((c) => Number.isInteger(c.code));
  return format(FORMAT_F, 8, integers ? 0 : 2);
}

function header(w: ByteWriter, caseElements: number, now: Date): void {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  w.fixed('$FL2', 4).fixed('@(#) SPSS DATA FILE staff-wellbeing-surveys export', 60);
  // layout 2, case size, bytecode compression, no weight, case count unknown (streamed), bias 100
  w.int32(2, caseElements, 1, 0, -1).float64(100);
  w.fixed(`${two(now.getUTCDate())} ${months[now.getUTCMonth()]} ${two(now.getUTCFullYear() % 100)}`, 9);
  w.fixed(`${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())}`, 8);
  w.fixed('', 64).fixed('', 3, '\0');
}

function variableRecords(w: ByteWriter, v: SavVariable): void {
  v.segments.forEach((segment, j) => {
    const first = j === 0;
    const label = first ? utf8Prefix(v.column.label.en, 255) : Buffer.alloc(0);
    const missing = first && v.width === 0 ? v.column.missing : [];
    const fmt = printFormat(v.column, segment.width);
    w.int32(2, segment.width, label.length ? 1 : 0, missing.length, fmt, fmt).fixed(segment.shortName, 8);
    if (label.length) w.int32(label.length).fixed(label, Math.ceil(label.length / 4) * 4);
    if (missing.length) w.float64(...missing);
    for (let e = 1; e < segment.elements; e++) w.int32(2, -1, 0, 0, 0, 0).fixed('', 8);
  });
}

function valueLabels(w: ByteWriter, v: SavVariable): void {
  // a label that only repeats the number (the unlabelled middle of a 0–10 rating) says nothing
  const codes = v.column.codes.filter((c) => c.label.en !== String(c.code));
  if (v.width !== 0 || codes.length === 0) return;
  w.int32(3, codes.length);
  for (const code of codes) {
    const label = utf8Prefix(code.label.en, 120);
    const padded = Math.ceil((label.length + 1) / 8) * 8 - 1;
    w.float64(code.code)
      .raw(Buffer.from([label.length]))
      .fixed(label, padded);
  }
  w.int32(4, 1, v.firstElement);
}

function textRecord(w: ByteWriter, subtype: number, text: string): void {
  const b = Buffer.from(text, 'utf8');
  w.int32(7, subtype, 1, b.length).raw(b);
}

export function dictionary(variables: SavVariable[], caseElements: number, now = new Date()): Buffer {
  const w = new ByteWriter();
  header(w, caseElements, now);
  variables.forEach((v) => variableRecords(w, v));
  variables.forEach((v) => valueLabels(w, v));
  // machine integer info: version, machine -1, IEEE 754, compression 1, little-endian, UTF-8
  w.int32(7, 3, 4, 8, 1, 0, 0, -1, 1, 1, 2, 65001);
  w.int32(7, 4, 8, 3).float64(SYSMIS, HIGHEST, LOWEST);
  const display = variables
    .flatMap((v) =>
      v.segments.map(() => [
        MEASURE[v.column.measure],
        v.width === 0 ? 8 : Math.min(v.width, 40),
        v.width === 0 ? 1 : 0,
      ]),
    )
    .flat();
  w.int32(7, 11, 4, display.length, ...display);
  textRecord(w, 13, variables.map((v) => `${v.shortName}=${v.column.name}`).join('\t'));
  const veryLong = variables
    .filter((v) => v.width > 255)
    .map((v) => `${v.shortName}=${String(v.width).padStart(5, '0')}\0\t`);
  if (veryLong.length) textRecord(w, 14, veryLong.join(''));
  textRecord(w, 20, 'UTF-8');
  w.int32(999, 0);
  return w.toBuffer();
}
