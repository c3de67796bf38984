import { CODEBOOK_HEADER, codebookRows, type Codebook } from './codebook.js';
import { csvTextLine } from '../codec/csv.js';

export const CODEBOOK_FORMATS = ['csv', 'json', 'md'] as const;
export type CodebookFormat = (typeof CODEBOOK_FORMATS)[number];

export const codebookContentType: Record<CodebookFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export function codebookCsv(book: Codebook): string {
  return [CODEBOOK_HEADER, ...codebookRows(book)].map(csvTextLine).join('');
}

const mdCell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function codebookMarkdown(book: Codebook): string {
  const lines = [
    `# Codebook: ${book.survey} (survey version${book.versions.length > 1 ? 's' : ''} ${book.versions.join(', ')})`,
    '',
    ...book.notes.map((note) => `- ${note}`),
    '',
    '| variable | label (en) | label (cy) | type | measure | codes | missing | scales | reversed in | versions | analysis |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const v of book.variables) {
    const codes = v.codes.map((c) => `${c.code} = ${c.label_en}${c.label_cy ? ` / ${c.label_cy}` : ''}`).join('<br>');
    const cells = [
      `\`${v.variable}\``,
      v.label_en,
      v.label_cy ?? '',
      `${v.type} (${v.question_type})`,
      v.measure,
      codes,
      v.codes
        .filter((c) => c.missing)
        .map((c) => c.code)
        .join(', '),
      v.scales.join(', '),
      v.reversed_in.join(', '),
      v.survey_versions.join(', '),
      v.analysis ?? '',
    ];
    lines.push(`| ${cells.map((c, i) => (i === 0 || i === 5 ? c : mdCell(c))).join(' | ')} |`);
  }
  return `${[...lines, ...measuresMarkdown(book)].join('\n')}\n`;
}

const direction = (higher: boolean | null) => (higher === null ? 'not stated' : higher ? 'higher' : 'lower');
const mdTable = (title: string, headers: string[], rows: string[][]) =>
  rows.length === 0
    ? []
    : [
        '',
        `## ${title}`,
        '',
        `| ${headers.join(' | ')} |`,
        `|${headers.map(() => '---').join('|')}|`,
        ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
      ];

function measuresMarkdown(book: Codebook): string[] {
  return [
    ...mdTable(
      'Items: provenance and licence',
      ['question', 'variable', 'provenance', 'licence', 'versions'],
      book.items.map((i) => [i.question, i.variable, i.provenance, i.licence, i.survey_versions.join(', ')]),
    ),
    ...mdTable(
      'Scales',
      ['id', 'label', 'items', 'reversed', 'range', 'better', 'analysis', 'versions'],
      book.scales.map((s) => [
        s.id,
        s.label,
        s.items.join(', '),
        s.reversed.join(', '),
        `${s.range[0]} to ${s.range[1]}, at least ${s.min_answered} answered`,
        direction(s.higher_is_better),
        s.role ?? '',
        s.survey_versions.join(', '),
      ]),
    ),
    ...mdTable(
      'Flags',
      ['id', 'label', 'question', 'values', 'left out', 'better', 'analysis', 'versions'],
      book.flags.map((f) => [
        f.id,
        f.label,
        f.question,
        f.values.join(', '),
        f.exclude_from_base.join(', '),
        direction(f.higher_is_better),
        f.role ?? '',
        f.survey_versions.join(', '),
      ]),
    ),
  ];
}

export function renderCodebook(book: Codebook, format: CodebookFormat): string {
  if (format === 'csv') return codebookCsv(book);
  if (format === 'md') return codebookMarkdown(book);
  return `${JSON.stringify(book, null, 2)}\n`;
}
