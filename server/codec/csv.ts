import type { Cell } from './columns.js';

// A text cell starting with = + - @ (or a tab or CR) would run as a formula when the file is
// opened in a spreadsheet, so it is written with a leading apostrophe; so is one that already
// starts with an apostrophe, which keeps the rule reversible (`unguardCell`) for re-import.
const FORMULA_START = /^[=+\-@\t\r']/;

export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unguardCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return csvField(guardCell(cell));
}

export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvCell).join(',')}\r\n`;
export const csvTextLine = (fields: readonly string[]) => `${fields.map(csvField).join(',')}\r\n`;
