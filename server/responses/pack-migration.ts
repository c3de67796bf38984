import { randomUUID } from 'node:crypto';
import { isDuplicate } from '../platform/db/insert-each.js';
import { createLease, type Lease } from '../platform/lease.js';
import { ResponseIds, SurveyResponse } from './model.js';
import { packAnswers } from './packed.js';

// Databases from before packed answers (model.ts) hold them as nested documents. This packs them,
// once per database: idempotent (a packed response is left alone; packing the same answers again
// writes the same string), resumable (a run cut short leaves the rest nested, and the next run
// packs those) and claimed with a lease, so two instances never both run it. Readers accept
// both forms meanwhile, so it runs after start-up without holding anything up.
// One scan (FerretDB scans for any filter but a bare _id) and one update per response, by _id.
const DONE = 'answers-packed';
const CHUNK = 500;

export type PackResult = 'done' | 'already' | 'elsewhere';

type PackOptions = { holds?: Lease; chunk?: number; onProgress?: (packed: number) => void };

export async function packStoredAnswers({
  holds = createLease('pack-answers', randomUUID()),
  chunk: chunkSize = CHUNK,
  onProgress = () => {},
}: PackOptions = {}): Promise<PackResult> {
  if (await ResponseIds.exists({ _id: DONE })) return 'already';
  if (!(await holds(Date.now()))) return 'elsewhere';
  let packed = 0;
  const cursor = SurveyResponse.collection.find({ answers: { $type: 'object' } } as never, {
    projection: { answers: 1 },
    batchSize: chunkSize,
  });
  try {
    let chunk: { _id: unknown; answers: unknown }[] = [];
    const write = async () => {
      if (!(await holds(Date.now()))) throw new Error('lost the lease for packing stored answers');
      await SurveyResponse.collection.bulkWrite(
        chunk.map((d) => ({
          updateOne: { filter: { _id: d._id as never }, update: { $set: { answers: packAnswers(d.answers) } } },
        })),
        { ordered: false },
      );
      packed += chunk.length;
      chunk = [];
      onProgress(packed);
    };
    for await (const doc of cursor) {
      chunk.push(doc as { _id: unknown; answers: unknown });
      if (chunk.length === chunkSize) await write();
    }
    if (chunk.length > 0) await write();
  } finally {
    await cursor.close();
  }
  await ResponseIds.collection.insertOne({ _id: DONE as never }).catch((err: { code?: number }) => {
    if (!isDuplicate(err)) throw err;
  });
  return 'done';
}
