import { isPublishable, reachesMinimum } from './suppression.js';

// A multi-item scale's score is the mean of the items a respondent answered, so a respondent who
// skipped some items weighs differently from one who answered all. Published beside the items'
// answer distributions, the scale's sum then gives away the sum of those who answered some but not
// all of its items: Σ item totals − k × Σ scores is a sum over exactly them (complete answerers
// cancel). A council where one person answered 3 of 4 items would show that person's mean.
// So a scale's family — its mean and SD (over those scored), its alpha (over complete answerers)
// and its breakdowns and arm figures — is published only when the partial answerers (answered at
// least one item but not all) number 0 or at least the minimum (suppression rule 6, differencing);
// its items' distributions, a separate statistic each, follow their own base (rule 3).
export type ScaleBases = {
  items: number; // the scale's number of items
  scored: number; // respondents with a score (answered at least minAnswered items)
  complete: number; // answered every item (alpha's n)
  anyItem: number; // answered at least one item
};

export function scaleFamilyShown(b: ScaleBases, min: number): boolean {
  if (!reachesMinimum(b.scored, min)) return false;
  if (b.items < 2) return true; // one item: its answerers are its scored respondents
  if (b.anyItem < b.scored) return false; // counters from before anyItem was kept: cannot tell
  return isPublishable(b.anyItem - b.complete, min);
}

export function alphaShown(b: ScaleBases, min: number): boolean {
  return scaleFamilyShown(b, min) && reachesMinimum(b.complete, min);
}
