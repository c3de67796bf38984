import { ResponseIds, SurveyResponse, type ResponseDoc } from './model.js';

// How other features read and add stored responses (they never touch the model themselves).
export type { ResponseDoc };

type Filter = Record<string, unknown>;
type Projection = Record<string, number>;

// By _id alone: the one lookup FerretDB's SQLite backend answers from an index.
export function findResponse(id: string): Promise<ResponseDoc | null> {
  return SurveyResponse.findById(id).lean<ResponseDoc>();
}

// A plain driver cursor over the stored documents, in the database's order.
export function responseCursor(filter: Filter, projection: Projection, batchSize: number) {
  return SurveyResponse.collection.find(filter as never, { projection, batchSize });
}

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

// A document as it will be stored, checked by the schema (no write).
export async function toStoredResponse(fields: ResponseDoc): Promise<ResponseDoc> {
  const doc = new SurveyResponse(fields);
  await doc.validate();
  return doc.toObject() as ResponseDoc;
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
