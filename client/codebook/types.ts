// The codebook as GET /api/v1/exports/codebook?format=json returns it (server/exports/codebook.ts).
export type Role = 'outcome' | 'driver' | null;
export type CodebookVariable = {
  variable: string;
  label_en: string;
  label_cy: string | null;
  type: 'numeric' | 'string';
  question_type: string;
  measure: string;
  codes: { code: number; label_en: string; label_cy: string | null; missing: boolean }[];
  scales: string[];
  reversed_in: string[];
  survey_versions: number[];
  source: string[];
  note: string | null;
  analysis: string | null;
};
export type Codebook = {
  survey: string;
  versions: number[];
  notes: string[];
  variables: CodebookVariable[];
  items: { question: string; variable: string; provenance: string; licence: string; survey_versions: number[] }[];
  scales: {
    id: string;
    label: string;
    items: string[];
    reversed: string[];
    range: [number, number];
    min_answered: number;
    higher_is_better: boolean | null;
    role: Role;
    survey_versions: number[];
  }[];
  flags: {
    id: string;
    label: string;
    question: string;
    values: (string | number)[];
    exclude_from_base: (string | number)[];
    higher_is_better: boolean | null;
    role: Role;
    survey_versions: number[];
  }[];
};
