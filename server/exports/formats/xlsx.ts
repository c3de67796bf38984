import type { Writable } from 'node:stream';
import type { Cell, Column } from '../../codec/columns.js';

// exceljs's streaming writer commits each row to a zip stream that pipes into `out`. It does not
// itself wait for a slow reader, so the loop does: whenever `out` reports a full buffer it stops
// pulling rows from the cursor until `out` drains.
const SHEET_ROWS = 1_048_575;

async function paced(out: Writable): Promise<void> {
  if (out.destroyed) throw new Error('the download was closed before it finished');
  if (!out.writableNeedDrain) return new Promise((resolve) => setImmediate(resolve));
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done).on('close', done);
  });
  if (out.destroyed) throw new Error('the download was closed before it finished');
}

export async function pipeXlsx(
  columns: readonly Column[],
  codebook: { header: string[]; rows: string[][] },
  rows: AsyncIterable<readonly Cell[]>,
  out: Writable,
): Promise<void> {
  // loaded on first use: most processes never write a workbook
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const header = columns.map((c) => c.name);
  let data = book.addWorksheet('data');
  data.addRow(header).commit();
  let n = 0;
  for await (const cells of rows) {
    // a worksheet holds 1,048,576 rows: more go on data_2, data_3… each with the header
    if (n > 0 && n % SHEET_ROWS === 0) {
      data.commit();
      data = book.addWorksheet(`data_${n / SHEET_ROWS + 1}`);
      data.addRow(header).commit();
    }
    data.addRow(cells as Cell[]).commit();
    if (++n % 100 === 0) await paced(out);
  }
  data.commit();
  const sheet = book.addWorksheet('codebook');
  sheet.addRow(codebook.header).commit();
  for (const row of codebook.rows) sheet.addRow(row).commit();
  sheet.commit();
  await book.commit();
}
