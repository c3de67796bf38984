// The shapes the research pages read from GET /api/v1/comparisons.
export type Interval = [number, number];
export type Est = { estimate: number; se?: number; df?: number; ci95: Interval } | null;
export type Cell = { suppressed: boolean; n?: number; mean?: number; p?: number; ci95?: Interval };
export type Clustered = {
  difference: (Est & { clusters: number }) | null;
  baselineDifference: (Est & { clusters: number }) | null;
  differenceInDifferences: (Est & { clusters: number }) | null;
  icc: { icc: number; designEffect: number; averageClusterSize: number; groups: number } | null;
  minimumDetectableEffect: number | null;
};
export type CouncilLevelRow = { code: string; name: string; arm: string; means: number[]; change: number | null };
export type Measure = {
  id: string;
  label: string;
  labelCy?: string;
  range?: Interval;
  higherIsBetter: boolean | null;
  councils: { pilot: string[]; comparison: string[]; leftOutBelowMinimum: string[] };
  clustered: Clustered;
  councilLevel: { rows: CouncilLevelRow[]; difference: Est };
  wave: { pilot: Cell; comparison: Cell; difference: Est };
  baseline: { pilot: Cell; comparison: Cell; difference: Est } | null;
  change: { pilot: Est; comparison: Est } | null;
  differenceInDifferences: Est;
  alpha?: { alpha: number; n: number; reading: string | null } | null;
};
export type Named = { code: string; name: string };
export type Comparison = {
  wave: { id: string; name: string };
  baseline: { id: string; name: string } | null;
  minGroupSize: number;
  arms: {
    wave: Record<'pilot' | 'comparison', { included: string[]; excludedBelowMinimum: string[] }>;
    compared: { pilot: Named[]; comparison: Named[] };
  };
  scales: Measure[];
  proportions: Measure[];
  councils: {
    wave: {
      code: string;
      name: string;
      arm: string;
      suppressed: boolean;
      n?: number;
      scales?: ({ id: string } & Cell)[];
    }[];
  };
};
export type Kind = 'scale' | 'proportion';
