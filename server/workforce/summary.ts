import type { SkippedRow } from './indicators.js';
import type { NeighbourImportSummary } from './neighbour-import.js';
import type { IndicatorImportSummary } from './service.js';

const LIST_LIMIT = 40;

function limited<T>(items: T[], format: (item: T) => string): string[] {
  const lines = items.slice(0, LIST_LIMIT).map((item) => `  ${format(item)}`);
  if (items.length > LIST_LIMIT) lines.push(`  … and ${items.length - LIST_LIMIT} more`);
  return lines;
}

// The same reason repeated on every row of an older release would bury the rest of the summary.
function groupByReason(skipped: SkippedRow[]): Array<[string, SkippedRow[]]> {
  const groups = new Map<string, SkippedRow[]>();
  for (const row of skipped) groups.set(row.reason, [...(groups.get(row.reason) ?? []), row]);
  return [...groups];
}

// The text an HR lead or researcher reads after an import: counts first, then the detail.
export function formatIndicatorSummary(summary: IndicatorImportSummary): string {
  const lines = [
    `Imported ${summary.file} (${summary.layout} layout, ${summary.rows} rows):`,
    `  added      ${summary.added}`,
    `  updated    ${summary.updated.length}`,
    `  unchanged  ${summary.unchanged}`,
    `  skipped    ${summary.skipped.length}`,
  ];
  if (summary.localKept > 0) {
    lines.push(
      `  ${summary.localKept} of the added or updated rows also have a local entry, kept beside the DfE figures`,
    );
  }
  if (summary.updated.length > 0) {
    lines.push('Updated:');
    lines.push(
      ...limited(summary.updated, ({ record, changes }) => {
        const what = changes.map((c) => `${c.field} ${c.from} → ${c.to}`).join(', ');
        return `line ${record.line}, ${record.areaCode} (${record.name}) ${record.year}: ${what}`;
      }),
    );
  }
  if (summary.skipped.length > 0) {
    lines.push('Skipped:');
    lines.push(
      ...limited(groupByReason(summary.skipped), ([reason, rows]) => {
        const where = rows
          .slice(0, 10)
          .map((row) => `${row.line} (${row.areaCode})`)
          .join(', ');
        return `${rows.length} row${rows.length === 1 ? '' : 's'}: ${reason}; line ${where}${rows.length > 10 ? ', …' : ''}`;
      }),
    );
  }
  return lines.join('\n');
}

export function formatNeighbourSummary(summary: NeighbourImportSummary): string {
  return [
    `Imported ${summary.file} (statistical neighbours for ${summary.councils} councils):`,
    `  added      ${summary.added}`,
    `  updated    ${summary.updated}`,
    `  unchanged  ${summary.unchanged}`,
  ].join('\n');
}
