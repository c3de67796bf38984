import { scoreScale } from '../surveys/scoring.js';
import { SUPPRESSED_CODE } from '../codec/codes.js';
import type { Cell, Layout } from '../codec/columns.js';
import type { ResponseRow } from '../codec/response-row.js';
import type { BandRule, GroupRules } from './group-rules.js';

export type { ResponseRow };

export type RowContext = {
  newId: () => string;
  arm: (pilotCode: string) => string | null;
  // what this council × wave may show (see group-rules.ts); none: every band merged, no month, no free text
  group: (pilotCode: string, waveId: string) => GroupRules | undefined;
  labels: boolean;
};

// The stored id never leaves: it is the respondent's browser-made submission id.
export function encodeRow(layout: Layout, row: ResponseRow, ctx: RowContext): Cell[] {
  const version = layout.versions.get(row.surveyVersion);
  if (!version) throw new Error(`response of ${row.surveyId} v${row.surveyVersion} is outside the export's layout`);
  const cells: Cell[] = new Array<Cell>(layout.columns.length).fill(null);
  cells[0] = ctx.newId();
  cells[1] = row.pilotCode;
  cells[2] = ctx.arm(row.pilotCode);
  cells[3] = row.waveId;
  cells[4] = row.surveyId;
  cells[5] = row.surveyVersion;
  const rules = ctx.group(row.pilotCode, row.waveId);
  const month = row.day.slice(0, 7);
  cells[6] = rules?.months.has(month) ? month : null; // else dated by its wave alone
  const { columns } = layout;
  const { readers, scores } = version;
  // indexed loops: a row is encoded per stored response, and these make no garbage per column
  for (let i = 0; i < readers.length; i++) {
    const index = readers[i]!.index;
    if (rules?.withheld.has(index)) continue; // answered by too few in the group: blank for all
    const col = columns[index]!;
    const value = readers[i]!.read(row.answers);
    if (col.demographic) cells[index] = demographicCell(rules?.demographic.get(index), value);
    else if (value === null) continue;
    else if (col.kind === 'text') cells[index] = rules?.freeText ? value : null;
    else cells[index] = value;
  }
  for (let i = 0; i < scores.length; i++) {
    const index = scores[i]!.index;
    cells[index] = rules?.withheld.has(index) ? null : scoreScale(scores[i]!.scale, row.answers);
  }
  return ctx.labels ? withLabels(layout, cells) : cells;
}

// A hidden band, "unanswered" included when it is hidden, is coded -9: the rows so coded are
// exactly the respondents the summary hides.
function demographicCell(shown: BandRule | undefined, value: Cell): Cell {
  if (value === null) return shown?.unanswered ? null : SUPPRESSED_CODE;
  return shown?.codes.has(value as number) ? value : SUPPRESSED_CODE;
}

const labelCache = new WeakMap<Layout, (Map<number, string> | null)[]>();

function labelMaps(layout: Layout): (Map<number, string> | null)[] {
  let maps = labelCache.get(layout);
  if (!maps) {
    // a label that only repeats the number (an unlabelled rating point) leaves the number as it is
    maps = layout.columns.map((c) => {
      const labelled = c.codes.filter((code) => code.label.en !== String(code.code));
      return labelled.length ? new Map(labelled.map((code) => [code.code, code.label.en])) : null;
    });
    labelCache.set(layout, maps);
  }
  return maps;
}

export function withLabels(layout: Layout, cells: Cell[]): Cell[] {
  const maps = labelMaps(layout);
  return cells.map((cell, i) => (typeof cell === 'number' ? (maps[i]?.get(cell) ?? cell) : cell));
}
