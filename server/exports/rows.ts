import { responseCursor } from '../responses/store.js';
import type { Cell, Layout } from '../codec/columns.js';
import { countBands, type BandCounts } from '../disclosure/export-bands.js';
import { encodeRow, type ResponseRow, type RowContext } from './encode.js';
import type { Selection } from './selection.js';

// The two passes over the responses. Both are plain filtered scans — the shape FerretDB streams
// without sorting or buffering — and neither reads the stored _id (the respondent's submission id).
const FIELDS = { _id: 0, campaign: 1, pilotCode: 1, waveId: 1, surveyId: 1, surveyVersion: 1, day: 1 };

export type SelectionCounts = { totals: Map<string, number>; counts: BandCounts };

// Pass 1: how many responses each council × wave has, and how many respondents each of its
// demographic bands.
export async function countSelection(selection: Selection, layout: Layout): Promise<SelectionCounts> {
  const questions = new Set(selection.definitions.flatMap((d) => d.demographics));
  const projection = {
    _id: 0,
    pilotCode: 1,
    waveId: 1,
    surveyVersion: 1,
    ...Object.fromEntries([...questions].map((q) => [`answers.${q}`, 1])),
  };
  const tally = countBands(layout);
  const cursor = responseCursor(selection.query, projection, 2000);
  try {
    for await (const doc of cursor) {
      tally.add({
        pilotCode: doc.pilotCode,
        waveId: doc.waveId,
        surveyVersion: doc.surveyVersion,
        answers: doc.answers ?? {},
      });
    }
  } finally {
    await cursor.close();
  }
  return { totals: tally.totals, counts: tally.counts };
}

// Pass 2: the responses of the groups kept, encoded as they arrive (a row of a group left out is
// dropped before it is encoded); the cursor is only read as fast as rows are consumed.
export async function* encodedRows(
  selection: Selection,
  layout: Layout,
  ctx: RowContext,
  kept: (row: Pick<ResponseRow, 'pilotCode' | 'waveId'>) => boolean,
): AsyncGenerator<Cell[]> {
  const cursor = responseCursor(selection.query, { ...FIELDS, answers: 1 }, 1000);
  try {
    for await (const doc of cursor) {
      const row = doc as unknown as ResponseRow;
      if (kept(row)) yield encodeRow(layout, row, ctx);
    }
  } finally {
    await cursor.close();
  }
}
