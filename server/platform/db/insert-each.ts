type WriteError = Error & { index: number; code?: number };
type Insertable = { insertMany: (docs: never[], options: { ordered: false }) => Promise<unknown> };

// An unordered insert: one transaction per hundred documents on FerretDB's SQLite backend when
// nothing collides. Returns each document's own error (a duplicate _id is code 11000), or throws
// when the outcome of the whole command is unknown (the connection broke, say).
export async function insertEach(collection: Insertable, docs: object[]): Promise<(WriteError | undefined)[]> {
  const errors = new Array<WriteError | undefined>(docs.length);
  if (docs.length === 0) return errors;
  try {
    await collection.insertMany(docs as never[], { ordered: false });
  } catch (err) {
    const writeErrors = [(err as { writeErrors?: unknown }).writeErrors ?? []].flat() as {
      index: number;
      code?: number;
      errmsg?: string;
    }[];
    // a broken connection arrives wrapped in a MongoBulkWriteError; the driver's own error inside
    // says what happened (and is what tells the database is unavailable)
    const inner = (err as { errorResponse?: unknown }).errorResponse;
    if (writeErrors.length === 0) throw inner instanceof Error ? inner : err;
    for (const { index, code, errmsg } of writeErrors)
      errors[index] = Object.assign(new Error(errmsg ?? 'write failed'), { index, code });
  }
  return errors;
}

export const isDuplicate = (err: { code?: number } | undefined) => err?.code === 11000;
