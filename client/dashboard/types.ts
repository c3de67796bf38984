// The shapes the dashboard reads from the API (a subset of what it sends).
export type Interval = [number, number];
export type ScaleResult = {
  id: string;
  comparable?: false; // set by the page: this wave measured it differently, so it is not on the axis
  label: string;
  labelCy?: string;
  range: [number, number];
  suppressed: boolean;
  n?: number;
  mean?: number;
  ci95?: Interval;
  note?: string;
};
export type ProportionResult = {
  id: string;
  comparable?: false;
  label: string;
  labelCy?: string;
  suppressed: boolean;
  x?: number;
  n?: number;
  p?: number;
  ci95?: Interval;
  note?: string;
};
export type ChartCard = { id: string; title: string; titleCy?: string; kind: 'scales' | 'flags'; ids: string[] };
export type MeasureInfo = { id: string; kind: 'scale' | 'flag'; label: string; labelCy?: string; signature: string };
export type Demographic = {
  question: string;
  label: string;
  labelCy?: string;
  bands: { value: string; label: string; labelCy?: string }[];
};
export type SurveyPresentation = {
  demographics: Demographic[];
  key: string;
  id: string;
  version: number;
  title: string;
  titleCy?: string;
  cards: ChartCard[];
  measures: MeasureInfo[];
};
export type WaveOverview = {
  wave: { id: string; name: string; opensOn: string; closesOn: string };
  survey: SurveyPresentation;
  status: 'scheduled' | 'open' | 'closed';
  responses: {
    suppressed: boolean;
    n?: number;
    headcount: number | null;
    rate?: number | null;
    progress?: { day: string; cumulative: number }[];
    note?: string;
  };
  scales: ScaleResult[] | null;
  proportions: ProportionResult[] | null;
};
export type Overview = {
  council: { code: string; name: string; arm: string };
  minGroupSize: number;
  waves: WaveOverview[];
};
export type Measure = { value?: number; symbol?: string; meaning?: string; source?: unknown } | null;
export type Aggregate = { value: number | null; contributors: number } | null;
export type WorkforceYear = {
  year: number;
  council: Record<string, Measure> | null;
  neighbourMedian: Record<string, Aggregate> | null;
  armMean: Record<string, Aggregate> | null;
  otherArmMean?: Record<string, Aggregate> | null;
  england: Record<string, Measure> | null;
};
export type Workforce = {
  council: { code: string; name: string; arm: string | null };
  measures: string[];
  years: WorkforceYear[];
};
