import type { Column } from '../../codec/columns.js';
import { createCaseWriter } from '../sav/cases.js';
import { dictionary } from '../sav/dictionary.js';
import { savVariables } from '../sav/variables.js';
import type { ChunkFormat } from './chunks.js';

const EMPTY = Buffer.alloc(0);

// SPSS system file (.sav), bytecode-compressed and UTF-8, written as it streams: the case count
// in the header is -1 ("unknown"), which SPSS and PSPP accept.
export function savFormat(columns: readonly Column[]): ChunkFormat {
  const { variables, caseElements } = savVariables(columns);
  const cases = createCaseWriter(variables);
  return {
    start: () => dictionary(variables, caseElements),
    piece: cases.encode,
    add: (piece) => {
      cases.add(piece);
      return cases.pending >= 64 * 1024 ? cases.take() : EMPTY;
    },
    end: () => cases.end(),
  };
}
