// Fills a database with N synthetic responses spread over councils and waves, with their
// summary counters computed on the way (as `summaries:verify -- --rebuild` would), fast enough
// for a million: raw driver inserts in batches, counters accumulated in memory.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import '../../server/app.js'; // every model, so each collection has its indexes before the fill (as in production)
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/platform/db/embedded.js';
import { syntheticAnswers } from '../../server/demo/answers.js';
import { normal, seededRng } from '../../server/demo/random.js';
import { groupCounting } from '../../server/tally/counters.js';
import { packCounts } from '../../server/tally/export-doc.js';
import { Migration } from '../../server/tally/model.js';
import { tokenOf } from '../../server/tally/tokens.js';
import { ResponseIds } from '../../server/responses/model.js';
import { packAnswers } from '../../server/responses/store.js';
import type { SurveyRegistry } from '../../server/surveys/registry.js';
import { validateAnswers } from '../../server/surveys/validate-answers.js';

export const BENCH_PILOTS = 50;
export const BENCH_WAVES = 4;
export const TARGET_GROUP = 500;

export async function fillResponses(
  total: number,
  surveys: SurveyRegistry,
  onProgress: (done: number) => void = () => {},
): Promise<void> {
  const db = mongoose.connection.db!;
  const def = surveys.get('staff-wellbeing', 1);
  const rng = seededRng(7);
  await db.collection('pilots').insertMany(
    Array.from({ length: BENCH_PILOTS }, (_, i) => ({
      _id: String(800 + i) as never,
      name: `Council ${800 + i}`,
      arm: i % 2 ? 'comparison' : 'pilot',
    })),
  );
  await db.collection('waves').insertMany(
    Array.from({ length: BENCH_WAVES }, (_, w) => ({
      _id: `w${w + 1}` as never,
      name: `Wave ${w + 1}`,
      opensOn: '2025-01-01',
      closesOn: '2025-02-01',
      surveyId: def.id,
      surveyVersion: def.version,
      surveyHash: def.hash,
    })),
  );
  // one campaign per council × wave, closed with its wave (exports take closed campaigns only)
  await db.collection('campaigns').insertMany(
    Array.from({ length: BENCH_PILOTS * BENCH_WAVES }, (_, i) => {
      const pilotCode = String(800 + (i % BENCH_PILOTS));
      const waveId = `w${1 + Math.floor(i / BENCH_PILOTS)}`;
      return {
        _id: `bench-campaign-council-${pilotCode}-${waveId}` as never,
        pilotCode,
        waveId,
        closedManually: false,
        allowFreeText: false,
      };
    }),
  );
  const counting = groupCounting(surveys); // a batch of all: one response at a time cost ~15× as much
  for (let done = 0; done < total;) {
    const docs = [];
    const entry = randomUUID(); // the queue entry these were stored after, long since counted and removed
    for (let i = 0; i < 1000 && done < total; i++, done++) {
      // the first TARGET_GROUP responses form the group the benchmark reads (council 800, wave w1),
      // so its size is the same at every total; the rest spread over the other groups
      const spread = done - TARGET_GROUP;
      const pilotCode = spread < 0 ? '800' : String(801 + (spread % (BENCH_PILOTS - 1)));
      const waveId = spread < 0 ? 'w1' : `w${1 + (Math.floor(spread / BENCH_PILOTS) % BENCH_WAVES)}`;
      const answers = validateAnswers(def, syntheticAnswers(rng, normal(rng) * 0.2));
      if (!answers.ok) throw new Error('generator produced invalid answers');
      const day = `2025-01-${String(1 + (done % 28)).padStart(2, '0')}`;
      const _id = randomUUID();
      docs.push({
        _id,
        campaign: `bench-campaign-council-${pilotCode}-${waveId}`,
        pilotCode,
        waveId,
        surveyId: def.id,
        surveyVersion: def.version,
        day,
        answers: packAnswers(answers.answers), // stored packed, as the model writes them
        queuedBy: tokenOf(entry, _id), // as the response writer stores them (tally/queue.ts)
      });
      counting.add({ pilotCode, waveId, surveyId: def.id, surveyVersion: def.version, day, answers: answers.answers });
    }
    await db.collection('responses').insertMany(docs as never[], { ordered: false });
    onProgress(done);
  }
  const summaries = [...counting.groups()].flatMap(([key, { pilotCode, waveId, parts }]) =>
    Object.entries(parts).map(([part, c]) => ({ _id: `${key}|${part}`, pilotCode, waveId, part, c, pending: [] })),
  );
  await Migration.collection.insertMany([
    { _id: 'tally-marks' as never },
    { _id: 'tally-marks-unlinked' as never },
    { _id: 'export-counts' as never },
  ]);
  await ResponseIds.collection.insertOne({ _id: 'answers-packed' as never }); // a database made by this version
  // the "ex" part (combinations for exports) is kept in a collection of its own (tally/model.ts)
  for (const [collection, docs] of [
    ['summaries', summaries.filter((s) => s.part !== 'ex')],
    ['exportcounts', summaries.filter((s) => s.part === 'ex').map(({ c, ...s }) => ({ ...s, p: packCounts(c) }))],
  ] as const)
    for (let i = 0; i < docs.length; i += 100)
      await db.collection(collection).insertMany(docs.slice(i, i + 100) as never[]);
}

export type BenchDatabase = {
  db: EmbeddedDatabase;
  uri: string;
  fillSeconds: number;
  reused: boolean;
  close: () => Promise<void>;
};

// An embedded database holding `size` synthetic responses (database name "bench"). With
// `keepDir` the filled data directory is kept there and reused by later runs of the same size
// and stored shape (a million responses take a quarter of an hour to fill on two cores); without
// it, a temporary directory is filled and removed on close.
const SHAPE = 'packed answers, queue tokens, packed export counts';
export async function benchDatabase(
  size: number,
  surveys: SurveyRegistry,
  keepDir?: string,
  log = (msg: string) => process.stderr.write(`${msg}\n`),
): Promise<BenchDatabase> {
  const dir = keepDir ? join(keepDir, `responses-${size}`) : mkdtempSync(join(tmpdir(), 'bench-db-'));
  const marker = join(dir, 'filled.json');
  const reused = Boolean(
    keepDir && existsSync(marker) && (JSON.parse(readFileSync(marker, 'utf8')) as { shape?: string }).shape === SHAPE,
  );
  if (keepDir && !reused) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const db = await startEmbeddedDatabase({ port: 0, dataDir: dir });
  let fillSeconds = reused ? (JSON.parse(readFileSync(marker, 'utf8')) as { fillSeconds: number }).fillSeconds : 0;
  if (!reused) {
    await mongoose.connect(db.uri, { dbName: 'bench' });
    try {
      await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
      const started = Date.now();
      await fillResponses(size, surveys, (done) => {
        if (done % 100_000 === 0 || done === size) log(`  ${size}: ${done} stored`);
      });
      fillSeconds = (Date.now() - started) / 1000;
    } finally {
      await mongoose.disconnect();
    }
    if (keepDir) writeFileSync(marker, JSON.stringify({ size, fillSeconds, shape: SHAPE }));
  } else {
    log(`  ${size}: reusing the filled database in ${dir}`);
  }
  return {
    db,
    uri: db.uri,
    fillSeconds,
    reused,
    close: async () => {
      await db.stop();
      if (!keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
