// The submission benchmark's floor: the least a server can do per submission and still store it
// as the app does. node:http alone (no Express, helmet or request log), the body parsed with
// JSON.parse, the document built in the stored shape (id hashed, answers packed, a queue token)
// without checking a single answer, and written by group commit (one insertMany of up to 100 at a
// time, the others waiting) into `responses_floor`. No tally queue, no counting. Against the same batched
// insertMany yardstick, it shows how much of the two cores HTTP and group commit leave, and so
// what share of the app's gap is its own work. Prints "Listening on <url>" once ready.
import http from 'node:http';
import { MongoClient } from 'mongodb';
import { storedResponseId } from '../../server/responses/ids.js';
import { packAnswers } from '../../server/responses/packed.js';
import { todayInUk } from '../../server/platform/dates.js';
import { queueToken } from './stored-shape.js';

const campaign = JSON.parse(process.env.FLOOR_CAMPAIGN!) as Record<string, string>;
const client = await MongoClient.connect(process.env.MONGODB_URI!, { directConnection: true });
const responses = client.db('bench').collection('responses_floor');
await responses.createIndexes([{ key: { pilotCode: 1, waveId: 1 } }, { key: { campaign: 1 } }]);

type Waiting = { doc: Record<string, unknown>; answer: (status: number) => void };
let waiting: Waiting[] = [];
let writing = false;

async function writeAll(): Promise<void> {
  while (waiting.length > 0) {
    const batch = waiting.slice(0, 100);
    waiting = waiting.slice(100);
    const status = await responses.insertMany(batch.map((w) => w.doc) as never[], { ordered: false }).then(
      () => 201,
      () => 503,
    );
    for (const w of batch) w.answer(status);
  }
  writing = false;
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { submissionId: string; answers: unknown };
    const { _id: code, ...group } = campaign;
    const doc = {
      _id: storedResponseId(body.submissionId),
      campaign: code,
      ...group,
      surveyId: 'staff-wellbeing',
      surveyVersion: 1,
      day: todayInUk(),
      answers: packAnswers(body.answers),
      queuedBy: queueToken(), // as long as the app's, without its queue entry
    };
    waiting.push({
      doc,
      answer: (status) => {
        const text = JSON.stringify({ id: body.submissionId, created: status === 201 });
        res.writeHead(status, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(text),
        });
        res.end(text);
      },
    });
    if (!writing) {
      writing = true;
      setImmediate(writeAll);
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`Listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => {
  server.close();
  void client.close().then(() => process.exit(0));
});
