import { successiveSafe } from './suppression.js';

// Running totals of responses (suppression rule 6), shared by the summary's progress, the count
// shown while a campaign is open (dashboard, summary, admin list) and the weekly digest, so the
// figures a reader can put side by side always come from the same points.
export type ProgressPoint = { day: string; cumulative: number };

// Cumulative responses by day, published only at points where the rise since the last published
// point is 0 or at least the minimum; days on or after `before` are left out.
export function steppedProgress(days: readonly [string, number][], min: number, before = '9999-12-31') {
  const points: ProgressPoint[] = [];
  let cumulative = 0;
  let published = 0;
  for (const [day, n] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
    if (day >= before) break;
    cumulative += n;
    if (cumulative !== published && successiveSafe(published, cumulative, min)) {
      points.push({ day, cumulative });
      published = cumulative;
    }
  }
  return points;
}

// While results are not published (the campaign is open, or closed but not yet published): the
// count as of the last published point, completed days only, so two reads on one day agree and
// two reads on different days differ by 0 or at least the minimum. 0 means fewer than the minimum
// responded up to yesterday.
export function openCount(days: readonly [string, number][], min: number, today: string) {
  const points = steppedProgress(days, min, today);
  return { n: points.at(-1)?.cumulative ?? 0, points };
}
