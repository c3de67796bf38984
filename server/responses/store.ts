import mongoose from 'mongoose';
import type { Document } from 'mongodb';
import { ResponseIds, SurveyResponse, type ResponseDoc } from './model.js';
import { packAnswers, unpackResponse } from './packed.js';

// How other features read and add stored responses (they never touch the model themselves).
// Answers are stored packed (model.ts); every read here hands them over unpacked.
export type { ResponseDoc };
export { packAnswers, unpackAnswers, unpackResponse } from './packed.js';

type Filter = Record<string, unknown>;
type Projection = Record<string, number>;

// By _id alone: the one lookup FerretDB's SQLite backend answers from an index.
export async function findResponse(id: string): Promise<ResponseDoc | null> {
  const doc = await SurveyResponse.findById(id).lean<ResponseDoc>();
  return doc && unpackResponse(doc);
}

// A plain driver cursor over the stored documents, in the database's order, answers unpacked.
export function responseCursor(filter: Filter, projection: Projection, batchSize: number) {
  return SurveyResponse.collection
    .find(filter as never, { projection, batchSize })
    .map((doc) => unpackResponse(doc as Document & { answers?: unknown }) as typeof doc);
}

// The same in batches, for long scans, each document still in its stored bytes (decode one with
// `decodeResponse` when it is wanted): a batch waiting its turn is then a few buffers, not
// thousands of objects the garbage collector must copy on every pass. The next batch is asked
// for as soon as one arrives, so the database reads it while the caller works through this one
// (the driver alone asks only once the caller has finished with the last).
export async function* responseBatches(filter: Filter, projection: Projection, batchSize: number) {
  const cursor = SurveyResponse.collection.find(filter as never, { projection, batchSize, raw: true });
  let more = cursor.hasNext();
  try {
    for (;;) {
      more.catch(() => {}); // awaited below; a failure meanwhile is not an unhandled rejection
      if (!(await more)) return;
      const docs = cursor.readBufferedDocuments() as unknown as Uint8Array[];
      more = cursor.hasNext();
      yield docs;
    }
  } finally {
    await more.catch(() => {});
    await cursor.close();
  }
}

// One document of `responseBatches`, answers unpacked. Its text is not checked for invalid UTF-8
// (the server wrote it; a bad byte would read as U+FFFD), which saves a pass over every string.
const UNCHECKED = { validation: { utf8: false } } as const;
export const decodeResponse = (bytes: Uint8Array): Document =>
  unpackResponse(mongoose.mongo.BSON.deserialize(bytes, UNCHECKED) as Document & { answers?: unknown });

// For writers outside mongoose (the benchmark's fill): a document as the model would store it.
export const packedResponse = <T extends { answers: unknown }>(doc: T): T => ({
  ...doc,
  answers: packAnswers(doc.answers),
});

export async function anyResponseStored(filter: Filter = {}): Promise<boolean> {
  return (await SurveyResponse.collection.findOne(filter as never, { projection: { _id: 1 } })) !== null;
}

// For imports and the demo: documents already validated against their survey.
export async function insertResponses(docs: ResponseDoc[], ordered = true): Promise<void> {
  await SurveyResponse.insertMany(docs, { ordered });
}

export async function deleteResponses(ids: string[]): Promise<void> {
  await SurveyResponse.deleteMany({ _id: { $in: ids } });
}

const SERVER_IDS = 'server-ids';

// Whether responses stored by a version before hashed ids may be in the database (model.ts). A
// database without responses records that it has none such, so start-up calls this before any
// demo data or import arrives.
export async function clientIdsStored(): Promise<boolean> {
  if (await ResponseIds.exists({ _id: SERVER_IDS })) return false;
  if (await anyResponseStored()) return true;
  await ResponseIds.collection.insertOne({ _id: SERVER_IDS as never }).catch((err: { code?: number }) => {
    if (err.code !== 11000) throw err;
  });
  return false;
}
