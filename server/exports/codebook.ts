import { SUPPRESSED_CODE } from '../codec/codes.js';
import type { Column, Layout } from '../codec/columns.js';
import { codebookMeasures, type CodebookMeasures } from './codebook-measures.js';

// What each column means, for researchers: the same content as CSV, JSON, Markdown and as the
// second sheet of an .xlsx export.
export type CodebookCode = { code: number; label_en: string; label_cy: string | null; missing: boolean };
export type CodebookEntry = {
  variable: string;
  label_en: string;
  label_cy: string | null;
  type: 'numeric' | 'string';
  question_type: string;
  measure: string;
  codes: CodebookCode[];
  scales: string[];
  reversed_in: string[];
  survey_versions: number[];
  source: string[];
  note: string | null;
  analysis: string | null; // its part in the driver analysis (reports/drivers), from the survey's marks
};
export type Codebook = {
  survey: string;
  versions: number[];
  notes: string[];
  variables: CodebookEntry[];
} & CodebookMeasures;

export const CODEBOOK_NOTES = [
  'One row per response. response_id is random and new in every export; it is not the stored id.',
  'Submissions are dated by month only, and only where that month holds at least the minimum group size in its council and wave (with the smallest other month hidden too when the hidden months add up to fewer); otherwise submission_month is empty and the wave dates the row.',
  'Empty cells (SPSS system-missing) mean the question was not answered or not shown.',
  'Codes of text answers are assigned 1, 2, 3… in order of first appearance across all versions of the survey, so they do not change between versions; numeric answers are their own code.',
  'Answers such as "prefer not to say" and "don\'t know" keep their codes and are declared as user-missing values in the .sav file.',
  `Demographic bands ("unanswered" counts as a band) with fewer than the minimum group size in a council and wave are merged into code ${SUPPRESSED_CODE} "Other/suppressed (small group)"; if the merged bands are still fewer than the minimum, the smallest shown band is merged too. These are the bands the published summaries hide.`,
  `Demographic columns and submission_month may also be withheld whole for a council and wave (every row coded ${SUPPRESSED_CODE}, or no month) where their combination would single people out: within each council and wave, every combination of the demographic codes and month a row carries is shared by at least the minimum group size, and a column is withheld, one at a time, until it is. The published summaries still show each column's bands.`,
  `A question (a matrix row, a scale score) that fewer than the minimum group size of a council and wave answered is left blank in every row of that council and wave, as the summaries hide its answers over so few people.`,
  'Free-text answers are exported only for campaigns set up to allow free text whose council and wave reach the free-text minimum group size; otherwise the cell is empty.',
  'Checkbox questions have one 0/1 column per option (empty when the question was not answered); matrix questions have one column per row, named <variable>_<row>.',
  'The driver analysis (GET /api/v1/pilots/:code/drivers, /api/v1/drivers) relates each outcome to every driver, as the analysis column says: Pearson r (Fisher 95% CI) and one model over the people who answered the outcome and every driver, all drivers standardised (z-scores, sample SD): lm(scale(y) ~ .) for a scale outcome, glm(y ~ ., binomial) for a flag. Flags are derived from the variable named, as stated.',
  "score_* columns are scale scores: the mean of the answered items after reverse scoring, empty when fewer than the scale's minimum were answered.",
  'In the .sav file, variable labels longer than 255 bytes and value labels longer than 120 bytes are cut at a character boundary; the full wording is in this codebook.',
];

type Marked = { id: string; outcome?: boolean | undefined; driver?: boolean | undefined };
const roleOf = (m: Marked) => (m.outcome ? 'outcome' : m.driver ? 'driver' : null);

// Which columns the driver analysis uses, from the newest version's marks: a scale's score column
// directly, a flag through the question it is derived from.
function analysisRoles(layout: Layout): Map<string, string> {
  const roles = new Map<string, string>();
  const newest = [...layout.versions.entries()].sort(([a], [b]) => b - a)[0]?.[1].def;
  if (!newest) return roles;
  for (const scale of newest.scales) {
    const role = roleOf(scale);
    if (role) roles.set(`score_${scale.id}`, role);
  }
  for (const flag of newest.flags) {
    const role = roleOf(flag);
    const [question, row] = flag.question.split('.');
    const variable = newest.items[question!]?.variable;
    if (!role || !variable) continue;
    const excluded = flag.excludeFromBase?.length ? `; ${flag.excludeFromBase.join(' or ')} left out` : '';
    const text = `${role} ${flag.id}: 1 when ${flag.values.join(' or ')}, else 0${excluded}`;
    const name = row === undefined ? variable : `${variable}_${row}`;
    roles.set(name, roles.has(name) ? `${roles.get(name)}; ${text}` : text);
  }
  return roles;
}

function entry(column: Column, roles: Map<string, string>): CodebookEntry {
  return {
    variable: column.name,
    label_en: column.label.en,
    label_cy: column.label.cy,
    type: column.type,
    question_type: column.kind,
    measure: column.measure,
    codes: column.codes.map((c) => ({
      code: c.code,
      label_en: c.label.en,
      label_cy: c.label.cy,
      missing: column.missing.includes(c.code),
    })),
    scales: column.scales,
    reversed_in: column.reversedIn,
    survey_versions: column.versions,
    source: column.sources,
    note:
      column.kind === 'text'
        ? 'free text: exported only where the campaign allows free text and the group is large enough'
        : column.demographic
          ? 'demographic: small bands merged into -9'
          : null,
    analysis: roles.get(column.name) ?? null,
  };
}

export function codebook(layout: Layout): Codebook {
  const versions = [...layout.versions.keys()].sort((a, b) => a - b);
  return {
    survey: layout.surveyId,
    versions,
    notes: CODEBOOK_NOTES,
    variables: layout.columns.map((c) => entry(c, analysisRoles(layout))),
    ...codebookMeasures(layout),
  };
}

export const CODEBOOK_HEADER = [
  'variable',
  'label_en',
  'label_cy',
  'type',
  'question_type',
  'measure',
  'codes_en',
  'codes_cy',
  'missing_codes',
  'scales',
  'reversed_in',
  'survey_versions',
  'source',
  'note',
  'analysis',
];

const codeList = (codes: CodebookCode[], lang: 'en' | 'cy') =>
  codes.map((c) => `${c.code}=${(lang === 'en' ? c.label_en : c.label_cy) ?? ''}`).join('; ');

export function codebookRows(book: Codebook): string[][] {
  return book.variables.map((v) => [
    v.variable,
    v.label_en,
    v.label_cy ?? '',
    v.type,
    v.question_type,
    v.measure,
    codeList(v.codes, 'en'),
    v.codes.some((c) => c.label_cy) ? codeList(v.codes, 'cy') : '',
    v.codes
      .filter((c) => c.missing)
      .map((c) => c.code)
      .join('; '),
    v.scales.join('; '),
    v.reversed_in.join('; '),
    v.survey_versions.join('; '),
    v.source.join('; '),
    v.note ?? '',
    v.analysis ?? '',
  ]);
}
