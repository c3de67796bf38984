import type { Column } from '../../codec/columns.js';

// How each export column is laid out in an SPSS system file. A numeric variable is one 8-byte
// element; a string of width w <= 255 takes ceil(w / 8) elements; a "very long string" (w > 255,
// our free-text columns) is stored as n = ceil(w / 252) segments, each a string variable of its
// own: the first n - 1 of width 255, the last of w - (n - 1) * 252, the data packed 255 bytes
// per segment (PSPP developers' guide, "Very Long String Record").
export type Segment = { shortName: string; width: number; elements: number };
export type SavVariable = {
  column: Column;
  index: number;
  shortName: string;
  width: number;
  segments: Segment[];
  firstElement: number;
};

export const elementsOf = (width: number) => (width === 0 ? 1 : Math.ceil(width / 8));

export function segmentWidths(width: number): number[] {
  if (width <= 255) return [width];
  const n = Math.ceil(width / 252);
  return [...Array<number>(n - 1).fill(255), width - (n - 1) * 252];
}

// Short names are V1, V2… (segments S<k>_<j>); the long-names record restores the real names.
export function savVariables(columns: readonly Column[]): { variables: SavVariable[]; caseElements: number } {
  let element = 1;
  const variables = columns.map((column, k) => {
    const width = column.type === 'numeric' ? 0 : column.width;
    const shortName = `V${k + 1}`;
    const segments = segmentWidths(width).map((w, j) => ({
      shortName: j === 0 ? shortName : `S${k + 1}_${j}`,
      width: w,
      elements: elementsOf(w),
    }));
    const variable = { column, index: k, shortName, width, segments, firstElement: element };
    element += segments.reduce((sum, s) => sum + s.elements, 0);
    return variable;
  });
  return { variables, caseElements: element - 1 };
}
