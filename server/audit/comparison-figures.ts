import { reachesMinimum } from '../disclosure/suppression.js';
import type { Publication } from './audit.js';
import { momentFigures } from './summary-figures.js';
import { personRow, Unknowns, type Respondent } from './unknowns.js';

// The arm comparison of one wave (GET /api/v1/comparisons?wave=): each arm's scale and
// proportion cells, and the per-council table. An arm cell adds up the councils listed as included
// whose own base for that statistic reaches the minimum (rule 5 of the suppression rule); if the
// service adds up something else, the published n disagrees and the audit reports a mismatch.
type Cell = { suppressed: boolean; n?: number; mean?: number | null; sd?: number | null; x?: number };
type Comparison = {
  arms: { wave: Record<'pilot' | 'comparison', { included: string[] }> };
  scales: { id: string; wave: Record<'pilot' | 'comparison', Cell> }[];
  proportions: { id: string; wave: Record<'pilot' | 'comparison', Cell> }[];
  councils: { wave: { code: string; suppressed: boolean; scales?: (Cell & { id: string })[] }[] };
};

const ARMS = ['pilot', 'comparison'] as const;

function armGroup(wave: readonly Respondent[], included: string[], fn: string, min: number): Respondent[] {
  const u = new Unknowns();
  return included.flatMap((code) => {
    const council = wave.filter((r) => r.council === code);
    const base = council.filter((r) => personRow(u, r, fn) !== null).length;
    return reachesMinimum(base, min) ? council : [];
  });
}

export function comparisonFigures(label: string, json: object, wave: readonly Respondent[], min: number) {
  const c = json as Comparison;
  const def = wave[0]?.def;
  if (!def) return [];
  const oneItem = (id: string) => def.scales.find((s) => s.id === id)?.items.length === 1;
  const out: Publication[] = [];
  for (const arm of ARMS) {
    const included = c.arms.wave[arm].included;
    for (const s of c.scales) {
      const group = armGroup(wave, included, `sc|${s.id}`, min);
      out.push(...momentFigures(`${label} ${arm} arm scale ${s.id}`, s.id, s.wave[arm], group, oneItem(s.id)));
    }
    for (const f of c.proportions) {
      const cell = f.wave[arm];
      if (cell.suppressed) continue;
      const group = armGroup(wave, included, `fl|${f.id}`, min);
      out.push({ source: `${label} ${arm} arm proportion ${f.id}`, fn: `fl|${f.id}`, group, published: cell.x });
    }
  }
  for (const row of c.councils.wave) {
    if (row.suppressed) continue;
    const group = wave.filter((r) => r.council === row.code);
    for (const s of row.scales ?? [])
      out.push(...momentFigures(`${label} council ${row.code} scale ${s.id}`, s.id, s, group, oneItem(s.id)));
  }
  return out;
}
