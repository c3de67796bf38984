// The transparent version of a clustered comparison: one number per council (its mean, or its
// change between two waves), and the arms compared on those numbers with every council counting
// once, whatever its size (Welch on councils). A reader can redo it from the council table.
import { differenceOfMeans, type Estimate } from './comparisons.js';
import { momentsOf } from './descriptive.js';

export type CouncilValue = { code: string; value: number };

// mean over pilot councils − mean over comparison councils; null with fewer than 2 councils an arm.
export function councilLevelDifference(
  pilot: readonly CouncilValue[],
  comparison: readonly CouncilValue[],
): Estimate | null {
  if (pilot.length < 2 || comparison.length < 2) return null;
  return differenceOfMeans(momentsOf(pilot.map((c) => c.value)), momentsOf(comparison.map((c) => c.value)));
}
