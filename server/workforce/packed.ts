// Stored measures are packed to a bare number or symbol: FerretDB decodes every document on a
// scan, and nested { value } objects doubled the time of each read of the collection.
import {
  MEASURE_KEYS,
  SYMBOL_MEANINGS,
  type DfeSymbol,
  type Measure,
  type MeasureKey,
  type Measures,
} from './measures.js';

// null = the release's layout has no such column.
export type PackedMeasure = number | DfeSymbol | null;
export type PackedMeasures = Record<MeasureKey, PackedMeasure>;

export const packMeasure = (measure: Measure | null): PackedMeasure =>
  measure === null ? null : 'value' in measure ? measure.value : measure.symbol;

export const packMeasures = (measures: Measures): PackedMeasures =>
  Object.fromEntries(MEASURE_KEYS.map((key) => [key, packMeasure(measures[key])])) as PackedMeasures;

export function unpackMeasure(packed: PackedMeasure | undefined): Measure | null {
  if (packed === null || packed === undefined) return null;
  if (typeof packed === 'number') return { value: packed };
  return { symbol: packed, meaning: SYMBOL_MEANINGS[packed] ?? 'unknown symbol' };
}
